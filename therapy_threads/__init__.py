"""therapy-threads: public blog discussions about the therapeutic relationship, as a dataset."""
from __future__ import annotations

__version__ = "0.1.0"


def load(table: str = "comments", **kwargs):
    """Load a table of a release; see :func:`therapy_threads.load.load`."""
    from .load import load as _load

    return _load(table, **kwargs)
