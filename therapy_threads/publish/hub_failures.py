"""Failed Hugging Face Hub calls as one clear line with the next step.

Shared by downloads (the light read side) and uploads; imports huggingface_hub only to
classify an exception that already happened.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ..errors import UserError


class HubError(UserError):
    """A Hugging Face Hub call failed; the message says why and what to do next.

    ``transient`` is True for failures a retry may cure (network, timeouts, HTTP 5xx/429), so
    orchestration can retry those and nothing else.
    """

    def __init__(self, message: str, *, transient: bool = False):
        super().__init__(message)
        self.transient = transient


def hub_error(e: BaseException, repo_id: str, doing: str) -> HubError | None:
    """One clear line for an exception of a Hub call (``doing``: "download", "upload", ...),
    or None when ``e`` is not a Hub, HTTP or network failure."""
    try:
        from huggingface_hub import errors as hf
    except ModuleNotFoundError:  # the light install without the [hf] extra
        hf = None
    where = f"hf://{repo_id}"
    page = f"https://huggingface.co/datasets/{repo_id}"
    if isinstance(e, HubError):
        return e
    if hf is not None:
        if isinstance(e, hf.OfflineModeIsEnabled):
            return HubError(f"cannot {doing} {where}: HF_HUB_OFFLINE is set; unset it, or use a "
                            "local copy (--from a release folder)")
        if isinstance(e, hf.GatedRepoError):
            return HubError(f"{where} is gated: request access on {page}, then set HF_TOKEN to "
                            "a token of the approved account")
        if isinstance(e, hf.RepositoryNotFoundError):
            return HubError(f"{where} was not found, or this token cannot see it: check the "
                            "name and set HF_TOKEN for a private or gated repository")
        if isinstance(e, hf.RevisionNotFoundError):
            return HubError(f"{where} has no such version tag; list its releases on {page} "
                            "(tags vX.Y.Z) or ask for 'latest'")
        if isinstance(e, hf.LocalEntryNotFoundError):  # hf_hub_download could not connect
            return HubError(f"could not reach the Hugging Face Hub to {doing} {where}; check "
                            "the network (and HF_ENDPOINT, a proxy) and try again",
                            transient=True)
        if isinstance(e, hf.EntryNotFoundError):
            return HubError(f"{where} lacks a file a therapy-threads release has ({e}); it is "
                            "not a complete release: re-publish it")
        if isinstance(e, hf.HfHubHTTPError):
            code = getattr(getattr(e, "response", None), "status_code", None)
            if code in (401, 403):
                return HubError(f"the Hub refused to {doing} {where} (HTTP {code}): set HF_TOKEN "
                                "to a token with access (write access to upload)")
            return HubError(f"the Hub answered HTTP {code} when trying to {doing} {where}; try "
                            "again later", transient=code is None or code >= 500 or code == 429)
    if isinstance(e, (ConnectionError, TimeoutError)) or _transport_error(e):
        return HubError(f"could not reach the Hugging Face Hub to {doing} {where} "
                        f"({type(e).__name__}: {e}); check the network and try again",
                        transient=True)
    return None


def _transport_error(e: BaseException) -> bool:
    """A connection, timeout or protocol failure of the HTTP client huggingface_hub uses
    (httpx; huggingface_hub 2.x ships it as httpx2)."""
    import importlib

    for name in ("httpx", "httpx2"):
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        if isinstance(e, mod.TransportError):
            return True
    return False


@contextlib.contextmanager
def hub_errors(repo_id: str, doing: str) -> Iterator[None]:
    """Turn a failed Hub call into a HubError with one clear line."""
    try:
        yield
    except Exception as e:
        err = hub_error(e, repo_id, doing)
        if err is None or err is e:
            raise
        raise err from e
