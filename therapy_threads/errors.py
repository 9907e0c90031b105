"""Exceptions shared across stages."""


class UserError(Exception):
    """A problem caused by input or environment; the message says what to do. No traceback shown."""


class PrivacyGateError(Exception):
    """The privacy audit found raw identities, e-mail addresses or URLs: nothing may be published."""
