"""The anonymise stage and the privacy audit.

Pipeline use::

    from therapy_threads.anonymise import load_key, Anonymiser, Policy
    key = load_key()                       # env THERAPY_THREADS_KEY, else the key file (created if missing)
    anon = Anonymiser(key, policy=Policy.load(None))
    anon.fingerprint                       # safe to log; part of cache keys
    report = anon.apply(result)            # mutates the ReadResult; report.identity_tokens -> private/
    from therapy_threads.anonymise.audit import audit_build
    audit = audit_build(build_dir, key)    # writes build_dir/validation/privacy_audit.json
"""
from __future__ import annotations

from .anonymiser import AnonymiseReport, Anonymiser
from .keys import default_key_path, key_fingerprint, load_key
from .policy import Policy

__all__ = ["Anonymiser", "AnonymiseReport", "Policy", "load_key", "key_fingerprint", "default_key_path"]
