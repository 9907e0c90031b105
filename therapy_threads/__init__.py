"""therapy-threads: public blog discussions about the therapeutic relationship, as a dataset.

The read side, importable with the light install (``pip install therapy-threads``)::

    import therapy_threads as tt
    comments = tt.load("comments")            # newest release found locally (or source=...)
    roots = tt.reply_tree(comments, post_id)  # a post's threads as Node trees
    doc = tt.conversation(post_id)            # the post with its threads, nested JSON

Names are resolved on first use, so ``import therapy_threads`` stays cheap for the pipeline's
own modules and never imports pandas or the pipeline libraries.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_API = {
    "load": "dataset",
    "find_release": "dataset",
    "local_releases": "dataset",
    "Node": "threads",
    "reply_tree": "threads",
    "iter_threads": "threads",
    "conversation": "threads",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'therapy_threads' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
