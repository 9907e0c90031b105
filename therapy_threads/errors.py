"""Exceptions shared across stages, and the one place that turns any failure into one line.

The command line catches at its edge by *kind* of exception (ours, the operating system's,
the network's), never case by case: :func:`describe` maps an exception to the line a person
reads and the exit status. Tracebacks are for ``--verbose``.
"""
from __future__ import annotations

import errno
import re


class UserError(Exception):
    """A problem caused by input or environment; the message says what to do. No traceback shown."""


class PrivacyGateError(Exception):
    """The privacy audit found raw identities, e-mail addresses or URLs: nothing may be published."""


class RefusedPath(UserError):
    """A path that would leave its folder, is a link, or looks like a key or credentials."""


class LimitExceeded(UserError):
    """Input larger or slower than a configured limit (size, deadline, crawl delay)."""


class Terminated(BaseException):
    """SIGTERM (or SIGHUP) arrived: unwind like Ctrl-C so staging folders are removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


# Exit statuses: 1 the environment (disk, network, memory), 2 the input or a refusal,
# 3 a bug in therapy-threads (with --verbose for its traceback), 128+N a signal.
EXIT_ENVIRONMENT, EXIT_USER, EXIT_INTERNAL = 1, 2, 3

HF_MODULES = frozenset({"datasets", "huggingface_hub"})
_ERRNO_IN_TEXT = re.compile(r"\[errno (\d+)\]", re.IGNORECASE)

_OS_ADVICE = {
    errno.ENOSPC: ("no space left on device", "free some space there or choose a folder on "
                   "another disk"),
    errno.EDQUOT: ("disk quota exceeded", "free some space or choose another folder"),
    errno.EFBIG: ("file too large for this file system or the file-size limit (ulimit -f)",
                  "raise the limit or choose another disk"),
    errno.EROFS: ("read-only file system", "choose a writable folder (--out, --to, --registry)"),
    errno.EACCES: ("permission denied", "check the folder's permissions or choose another one"),
    errno.EPERM: ("operation not permitted", "check the folder's permissions or choose another "
                  "one"),
    errno.ENOENT: ("no such file or directory", "check the path"),
    errno.ENOTDIR: ("not a directory", "check the path"),
    errno.EISDIR: ("is a directory, not a file", "check the path"),
    errno.ELOOP: ("is a symbolic link (links are refused) or a link loop",
                  "use the real file or folder, not a link to it"),
    errno.EMFILE: ("too many open files", "raise the limit (ulimit -n) or use fewer --workers"),
    errno.ENFILE: ("too many open files on this system", "close other programs and try again"),
    errno.ENOMEM: ("out of memory", "close other programs or use fewer --workers"),
    errno.EIO: ("input/output error", "the disk may be failing: check it and try again"),
    errno.ENAMETOOLONG: ("file name too long", "use a shorter path"),
    errno.EEXIST: ("already exists", "remove it or choose another name"),
    errno.ENOTEMPTY: ("folder is not empty", "empty it or choose another folder"),
    errno.EXDEV: ("cannot move between file systems", "choose a folder on the same disk"),
}


def os_errno(e: OSError) -> int | None:
    """The errno of ``e``; pyarrow raises OSError with the number only in its message."""
    if e.errno:
        return e.errno
    m = _ERRNO_IN_TEXT.search(str(e))
    return int(m.group(1)) if m else None


def describe_os_error(e: OSError, near: str | None = None) -> str:
    """One line for an OS error; ``near`` is the folder the command writes to, named when the
    error itself carries no path (pyarrow's write errors do not)."""
    code = os_errno(e)
    where = e.filename if isinstance(e.filename, (str, bytes)) or e.filename else None
    if where is None and near:
        where = f"writing under {near}"
    what, todo = _OS_ADVICE.get(code, (e.strerror or str(e) or type(e).__name__,
                                       "check the path and the disk"))
    at = f" ({where!s})" if where else ""
    return f"{what}{at}; {todo}"


def describe(e: BaseException, near: str | None = None) -> tuple[str, int]:
    """(one line for people, exit status) for any exception that reaches the command line."""
    if isinstance(e, (UserError, PrivacyGateError)):
        return _one_line(str(e)), EXIT_USER
    if isinstance(e, ModuleNotFoundError) and (e.name or "").split(".")[0] not in (
            "", "therapy_threads"):
        # The light install (pip install therapy-threads) reads data; the pipeline commands
        # need the extra that brings their libraries.
        root = (e.name or "").split(".")[0]
        extra = "hf" if root in HF_MODULES else "pipeline"
        return (f"this command needs {root}, which the light install leaves out: pip install "
                f"'therapy-threads[{extra}]'"), EXIT_USER
    if isinstance(e, MemoryError):
        return ("ran out of memory; close other programs, use fewer --workers or a machine with "
                "more memory"), EXIT_ENVIRONMENT
    if isinstance(e, OSError):
        return describe_os_error(e, near), EXIT_ENVIRONMENT
    try:
        import httpx
    except ImportError:  # pragma: no cover - httpx is a dependency
        httpx = None
    if httpx is not None and isinstance(e, httpx.HTTPError):
        url = ""
        try:
            url = f" ({e.request.url})"
        except RuntimeError:
            pass
        return (f"network error{url}: {type(e).__name__}: {_one_line(str(e)) or 'no detail'}; "
                "check the URL and the connection, then try again"), EXIT_ENVIRONMENT
    if isinstance(e, RuntimeError) and "ephemeral Prefect API server" in str(e):
        return ("Prefect's temporary API server did not start in time (a busy machine?); set "
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS=600, or run 'prefect server "
                "start' and set PREFECT_API_URL"), EXIT_ENVIRONMENT
    if isinstance(e, RecursionError):
        return ("input nested too deeply to process; report the file that caused it (re-run "
                "with --verbose for details)"), EXIT_INTERNAL
    return (f"internal error ({type(e).__name__}: {_one_line(str(e))}); this is a bug in "
            "therapy-threads: re-run with --verbose and report the traceback"), EXIT_INTERNAL


def _one_line(text: str, limit: int = 2000) -> str:
    """Messages are one line: newlines folded, runaway text (a hostile value echoed) cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
