"""Imported once by the extraction pool's fork server, before it forks any worker.

Everything an extraction worker needs that does not depend on the key or the policy file is
loaded here: the word lists, the gazetteer, the default policy's NER model, the language
detector, pyarrow (and the pandas it pulls in). Workers forked from this process share those
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
        from . import pipeline  # noqa: F401
        from .validate import privacy  # noqa: F401
        import pyarrow.compute  # noqa: F401
        import pyarrow.parquet  # noqa: F401

        _default_rules()
        _warm_up()
    except Exception:  # noqa: BLE001 - the worker loads what is missing, and reports it there
        pass
    gc.collect()
    gc.freeze()


def _warm_up() -> None:
    """Run one small invented page (``data/warm_up_page.txt``) through the worker's whole path —
    read, anonymise, privacy audit, fragment written to a temporary folder and removed — under a
    random key that is dropped afterwards.

    What a worker builds on its first source (the gazetteers' place pairs and word patterns, the
    readers' and encoders' modules, compiled expressions, the Parquet writer's state) is then built
    once here and shared by every worker, instead of once per worker (and per recycled pool). It
    also fills the free space of this process's heap and object pools the way the first source
    would: a worker forked without it wrote its first source's allocations into those inherited
    pages, copying them. Measured with a worker forked from the preloaded process on the largest
    100k-corpus sources: its private memory after the first sources 85 -> 43 MB, this process's
    own pages that the worker had copied 51 -> 25 MB.

    Outputs do not change: a worker's fragments never depend on which sources it read before (a
    worker reads any sources in any order, and is replaced every ``RECYCLE_EVERY`` jobs), and the
    warm-up key is never a build's key (the memos keyed by text alone are pure functions of it)."""
    import shutil
    import tempfile
    from importlib import resources
    from pathlib import Path

    from . import pipeline
    from .anonymise import Anonymiser
    from .anonymise.policy import Policy
    from .readers import SourceRef

    page = (resources.files("therapy_threads") / "data" / "warm_up_page.txt").read_bytes()
    ref = SourceRef(source_id="warm-up", location="warm_up_page.txt", format="text_capture",
                    site="Warm-up blog", url="", retrieved="2026-01-01", licence="invented text")
    key = os.urandom(32)
    anonymiser = Anonymiser(key, policy=Policy.load(None))
    result, summary, tokens = pipeline.process_source(ref, page, anonymiser)
    tmp = Path(tempfile.mkdtemp(prefix="tt-warm-up-"))
    try:
        pipeline.write_fragment(result, summary, tokens, tmp / "fragment", key=key,
                                extra={"anonymiser_fingerprint": anonymiser.fingerprint})
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    del result, summary, tokens, anonymiser, key
    pipeline._give_back_memory()


preload()
