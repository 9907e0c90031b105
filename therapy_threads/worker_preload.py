"""Imported once by the extraction pool's fork server, before it forks any worker.

Everything an extraction worker needs that does not depend on the key or the policy file is
loaded here: the word lists, the gazetteer, the default policy's NER model, the language
detector, pyarrow (and the pandas it pulls in); then one small invented source is run through the
worker's whole path (``pipeline.warm_up``), so what a first source builds is built here. Workers forked from this process share those
pages instead of each loading its own copy, so the pool's memory is one set of models plus each
worker's working heap (measured as PSS in ``bench/bench_e2e.py``). The loaded objects are frozen
out of the cyclic collector, which also keeps collections from writing to the shared pages.

Nothing here may fail the build: a worker that finds something not loaded loads it itself.
"""
from __future__ import annotations

import gc
import os
import sys


def preload() -> None:
    try:
        # The C allocator, not Arrow's mimalloc pool: after each source the worker hands its
        # Parquet and audit buffers back with malloc_trim (measured on the largest 1M-corpus
        # sources: peak 421 instead of 467 MB, 357 instead of 388 MB between sources).
        # ``pa.set_memory_pool`` alone changes only the pool pyarrow's Python API passes down:
        # Arrow's C++ code that asks for the default pool itself (the Parquet writer's buffers,
        # among others) kept allocating from mimalloc, whose 1 GiB arena held ~75 MB more after
        # 40 sources and kept growing (a worker's private memory +170 MB over 200 sources of
        # 500 comments; +35 MB with the environment variable). Arrow reads it on first use, so
        # it is set before pyarrow is imported in this process (the fork server: the build's own
        # process and its other workers keep their allocator).
        if "pyarrow" not in sys.modules:
            os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
        # and those buffers (and the other large ones) mapped and unmapped, never left in the heap
        # by glibc's sliding mmap threshold (measured in one process over the 100k corpus: private
        # memory +27 MB after 160 sources instead of +57 MB; the same CPU on the 20k corpus)
        from .memory import fixed_mmap_threshold

        fixed_mmap_threshold()
        import pyarrow as pa

        pa.set_memory_pool(pa.system_memory_pool())
        pa.array(["x"], pa.string())  # pulls in pandas through pyarrow's shim, as a worker would
        from .anonymise.knowledge import knowledge
        from .anonymise.lexicon import lexicon
        from .anonymise.policy import Policy

        lexicon()
        knowledge()
        pol = Policy.load(None)
        if pol.ner.enabled:
            from .anonymise import ner

            ner.load(pol.ner.model, pol.ner.exclude)
        from .language import detect

        detect("a sentence to load the language model")
        # What every worker builds on its first source, built once here and shared: the privacy
        # audit's packaged rules (cues and engine: ~0.1-0.2 CPU s), the modules of the worker's
        # path. Extraction workers are replaced every few dozen sources (executors.RECYCLE_EVERY),
        # so each fresh one would pay it again.
        from .anonymise.audit import _default_rules
        from . import pipeline
        from .validate import privacy  # noqa: F401
        import pyarrow.compute  # noqa: F401
        import pyarrow.parquet  # noqa: F401

        _default_rules()
        # and one small invented source through the whole path (pipeline.warm_up): what a worker
        # builds and allocates on its first source is then built here, once, and shared
        pipeline.warm_up()
    except Exception:  # noqa: BLE001 - the worker loads what is missing, and reports it there
        pass
    gc.collect()
    gc.freeze()


preload()
