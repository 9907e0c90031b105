"""Campaign: malformed manifest types. Each ends in one line naming the entry and the fix, exit 2,
before Prefect starts; --verbose adds the traceback."""
from __future__ import annotations

import pytest

from conftest import assert_one_line, run_cli

CASES = {
    "include-string": ('id = "a"\nlocation = "p.txt"\ninclude = "therapy"\n', "'include' must be a table"),
    "include-number": ('id = "a"\nlocation = "p.txt"\ninclude = 3\n', "'include' must be a table"),
    "include-bad-value": ('id = "a"\nlocation = "p.txt"\ninclude = { keywords = 3 }\n',
                          "include.keywords must be a string or a list"),
    "include-unknown-key": ('id = "a"\nlocation = "p.txt"\ninclude = { keyword = ["x"] }\n',
                            "include has unknown keys"),
    "location-int": ('id = "a"\nlocation = 3\n', "'location' must be a string"),
    "location-list": ('id = "a"\nlocation = ["p.txt"]\n', "'location' must be a string"),
    "location-table": ('id = "a"\nlocation = { path = "p.txt" }\n', "'location' must be a string"),
    "location-file-scheme": ('id = "a"\nlocation = "file:///etc/passwd"\n', "unsupported scheme"),
    "location-url-no-host": ('id = "a"\nlocation = "http://"\n', "no host"),
    "id-int": ('id = 7\nlocation = "p.txt"\n', "not a slug"),
    "id-missing": ('location = "p.txt"\n', "needs 'id'"),
    "format-unknown": ('id = "a"\nlocation = "p.txt"\nformat = "pdf"\n', "unknown format"),
    "format-int": ('id = "a"\nlocation = "p.txt"\nformat = 1\n', "'format' must be a string"),
    "site-list": ('id = "a"\nlocation = "p.txt"\nsite = ["x"]\n', "'site' must be a string"),
    "retrieved-bool": ('id = "a"\nlocation = "p.txt"\nretrieved = true\n', "'retrieved' must be"),
    "unknown-key": ('id = "a"\nlocation = "p.txt"\ncolour = "red"\n', "unknown keys"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_malformed_entry_is_one_line(tmp_path, capsys, case):
    body, needle = CASES[case]
    (tmp_path / "p.txt").write_text("A title\n\nSome body text of a post.\n")
    (tmp_path / "sources.toml").write_text("[[source]]\n" + body, encoding="utf-8")
    out = run_cli(["build", "--sources", str(tmp_path), "--out", str(tmp_path / "out")], capsys)
    assert out.status == 2
    assert_one_line(out, "build", needle)


@pytest.mark.parametrize("doc,needle", [
    ("source = 3\n", "lists no [[source]]"),
    ("source = [1, 2]\n", "is not a table"),
    ("roots = \"../x\"\n[[source]]\nid = \"a\"\nlocation = \"p.txt\"\n", "'roots' must be a list"),
    ("roots = [\"nowhere\"]\n[[source]]\nid = \"a\"\nlocation = \"p.txt\"\n", "is not a folder"),
    ("sources = []\n", "unknown top-level keys"),
    ("[[source]\n", "not valid TOML"),
    ("\xff\xfe", "not valid TOML"),
])
def test_malformed_document_is_one_line(tmp_path, capsys, doc, needle):
    (tmp_path / "sources.toml").write_bytes(doc.encode("latin-1"))
    out = run_cli(["build", "--sources", str(tmp_path), "--out", str(tmp_path / "out")], capsys)
    assert_one_line(out, "build", needle)


def test_verbose_shows_the_traceback(tmp_path, capsys):
    (tmp_path / "sources.toml").write_text('[[source]]\nid = "a"\nlocation = 3\n')
    for args in (["--verbose", "build"], ["build", "--verbose"]):
        out = run_cli(args + ["--sources", str(tmp_path), "--out", str(tmp_path / "o")], capsys)
        assert out.status == 2
        assert "Traceback" in out.stderr and "'location' must be a string" in out.stderr


def test_a_huge_manifest_is_refused(tmp_path, capsys, monkeypatch):
    from therapy_threads import manifest

    monkeypatch.setattr(manifest, "MAX_MANIFEST_BYTES", 1000)
    (tmp_path / "sources.toml").write_text("# " + "x" * 2000 + "\n")
    out = run_cli(["build", "--sources", str(tmp_path), "--out", str(tmp_path / "o")], capsys)
    assert_one_line(out, "build", "larger than")
