"""The ``therapy-threads`` command line. Each subcommand lives in ``therapy_threads/commands/``.

Every failure ends here in one line that says what happened and what to do, with a non-zero
exit status (see :func:`therapy_threads.errors.describe`); ``--verbose`` adds the traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import traceback

from .errors import Terminated, describe

# Order is the order --help lists them in.
COMMANDS = ("build", "inspect", "validate", "audit", "publish", "download", "export", "view",
            "key")
VERBOSE_HELP = "on failure, show the full traceback (and, for build, Prefect's run logs)"


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="therapy-threads",
        description="Build, validate, publish and download the therapy-threads dataset.",
        epilog="Run 'therapy-threads COMMAND --help' for a command's options.",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--verbose", "-v", dest="global_verbose", action="store_true",
                        help=VERBOSE_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f"therapy_threads.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"therapy_threads.commands.{name}":
                continue  # command not part of this installation
            raise
        mod.register(sub)
        p = sub.choices[name]
        # --verbose is global: accepted before or after the command name.
        if "--verbose" not in p._option_string_actions:
            p.add_argument("--verbose", "-v", action="store_true", default=argparse.SUPPRESS,
                           help=VERBOSE_HELP)
    return parser


def _on_signal(signum: int, _frame) -> None:
    raise Terminated(signum)


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    args.verbose = bool(args.global_verbose or getattr(args, "verbose", False)
                        or os.environ.get("THERAPY_THREADS_VERBOSE"))
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    # SIGTERM/SIGHUP unwind like Ctrl-C, so context managers remove their staging folders.
    previous = {}
    for sig in (signal.SIGTERM, signal.SIGHUP):
        try:
            previous[sig] = signal.signal(sig, _on_signal)
        except (ValueError, OSError):  # not the main thread (embedded use): leave them alone
            pass
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print(f"therapy-threads {args.command}: interrupted; nothing half-written was kept",
              file=sys.stderr)
        return 130
    except Terminated as e:
        print(f"therapy-threads {args.command}: terminated by signal {e.signum}; nothing "
              "half-written was kept", file=sys.stderr)
        return 128 + e.signum
    except BrokenPipeError:  # output piped into head & co.
        _silence_stdout()
        return 0
    except Exception as e:  # the CLI edge: one line by kind of failure, never a traceback wall
        near = next((str(getattr(args, a)) for a in ("out", "to", "registry")
                     if getattr(args, a, None)), None)
        message, status = describe(e, near)
        if args.verbose:
            traceback.print_exc()
        print(f"therapy-threads {args.command}: error: {message}", file=sys.stderr)
        return status
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
