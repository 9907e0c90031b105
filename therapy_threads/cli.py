"""The ``therapy-threads`` command line. Each subcommand lives in ``therapy_threads/commands/``."""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import UserError

HF_MODULES = frozenset({"datasets", "huggingface_hub"})
# Order is the order --help lists them in.
COMMANDS = ("build", "inspect", "validate", "audit", "publish", "download", "export", "view",
            "key")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="therapy-threads",
        description="Build, validate, publish and download the therapy-threads dataset.",
        epilog="Run 'therapy-threads COMMAND --help' for a command's options.",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f"therapy_threads.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"therapy_threads.commands.{name}":
                continue  # command not part of this installation
            raise
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except UserError as e:  # a problem the user can fix: say what to do, no traceback
        print(f"therapy-threads {args.command}: error: {e}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as e:
        # The light install (pip install therapy-threads) reads data; the pipeline commands
        # need the extra that brings their libraries.
        root = (e.name or "").split(".")[0]
        if not root or root == "therapy_threads":
            raise
        extra = "hf" if root in HF_MODULES else "pipeline"
        print(f"therapy-threads {args.command}: error: this command needs {root}, which the "
              f"light install leaves out: pip install 'therapy-threads[{extra}]'",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
