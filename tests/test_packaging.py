"""The light install, as a user gets it: build the wheel, install it (not editable) into a clean
virtual environment that has only the wheel's declared base dependencies, and read a release
there without importing any pipeline library (issue 14, item 1).

No package index is used (tests reach only the loopback network): the wheel is built without
build isolation, and the clean venv sees exactly the distributions that the wheel's base
``Requires-Dist`` closure resolves to in this environment, linked one by one into a folder on
its path. ``pip check`` in the clean venv then proves that closure satisfies the wheel, so a
dependency the light code needs but the metadata does not declare fails this test.
"""
from __future__ import annotations

import functools
import http.server
import importlib.metadata as md
import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import loopback
from helpers_build import make_build
from therapy_threads.publish.release import publish

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "therapy_threads", "flows",
           "schemas")
LIGHT = {"pyarrow", "pandas", "numpy", "httpx"}
# What the read side must never pull in.
HEAVY = ("prefect", "great_expectations", "spacy", "datasets", "huggingface_hub", "jinja2",
         "matplotlib", "ftfy", "lxml", "selectolax", "dask", "distributed", "fastapi", "yaml",
         "sqlalchemy", "mlcroissant", "therapy_threads.pipeline", "therapy_threads.anonymise",
         "therapy_threads.validate", "therapy_threads.readers", "therapy_threads.publish.release",
         "therapy_threads.publish.card", "therapy_threads.publish.hub",
         "therapy_threads.flows")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("wheel")
    src = d / "src"
    src.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in SOURCES:
        p = ROOT / name
        (shutil.copytree(p, src / name, ignore=ignore) if p.is_dir()
         else shutil.copyfile(p, src / name))
    out = d / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--no-index", str(src), "-w", str(out)],
                   check=True, capture_output=True, text=True, timeout=600)
    (whl,) = out.glob("therapy_threads-*.whl")
    return whl


def _metadata(whl: Path) -> list[Requirement]:
    with zipfile.ZipFile(whl) as z:
        name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        text = z.read(name).decode()
    return [Requirement(line.split(":", 1)[1].strip()) for line in text.splitlines()
            if line.startswith("Requires-Dist:")]


def _base(reqs: list[Requirement]) -> list[Requirement]:
    env = {**default_environment(), "extra": ""}
    return [r for r in reqs if r.marker is None or r.marker.evaluate(env)]


def test_wheel_contents(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        top = z.read(next(n for n in names if n.endswith("top_level.txt"))).decode().split()
        assert top == ["therapy_threads"]  # no generic top-level 'flows' package
        assert not any(n.startswith("flows/") for n in names)
        assert {"therapy_threads/flows/build.py", "therapy_threads/flows/publish.py"} <= names
        # schemas ship inside the package, byte-identical to the one source of truth
        repo = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "schemas").rglob("*.json"))
        assert repo
        for rel in repo:
            assert z.read(f"therapy_threads/{rel}") == (ROOT / rel).read_bytes(), rel
        shipped = {n for n in names if n.startswith("therapy_threads/schemas/")}
        assert shipped == {f"therapy_threads/{rel}" for rel in repo}
        for asset in ("therapy_threads/view/viewer.css", "therapy_threads/view/viewer.js",
                      "therapy_threads/publish/templates/README.md.j2",
                      "therapy_threads/data/anonymise_policy.toml", "therapy_threads/data/language_cues.toml",
                      "therapy_threads/py.typed"):
            assert asset in names, asset
        assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
    reqs = _metadata(wheel)
    assert {canonicalize_name(r.name) for r in _base(reqs)} == LIGHT
    extras = {str(r.marker) for r in reqs if r.name == "prefect"}
    assert extras == {'extra == "pipeline"'}


def _closure(reqs: list[Requirement]) -> dict[str, md.Distribution]:
    """The installed distributions the base requirements resolve to, transitively."""
    env = {**default_environment(), "extra": ""}
    found: dict[str, md.Distribution] = {}
    todo = list(_base(reqs))
    while todo:
        r = todo.pop()
        key = canonicalize_name(r.name)
        if key in found:
            continue
        dist = md.distribution(r.name)
        assert r.specifier.contains(dist.version, prereleases=True), (r, dist.version)
        found[key] = dist
        for sub in dist.requires or []:
            s = Requirement(sub)
            if s.marker is None or s.marker.evaluate(env):
                todo.append(s)
    return found


def _link_light_site(dists: dict[str, md.Distribution], dest: Path) -> None:
    dest.mkdir()
    for dist in dists.values():
        tops = {f.parts[0] for f in dist.files or [] if f.parts[0] not in ("..", "__pycache__")
                and not f.parts[0].endswith(".pth")}
        for top in tops:
            target = Path(dist.locate_file(top))
            if target.exists() and not (dest / top).exists():
                (dest / top).symlink_to(target, target_is_directory=target.is_dir())


@pytest.fixture(scope="module")
def clean_venv(wheel, tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("venv")
    venv = d / "clean"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=300)
    py = venv / "bin" / "python"
    purelib = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()"
                                   "['purelib'])"], check=True, capture_output=True, text=True)
                   .stdout.strip())
    _link_light_site(_closure(_metadata(wheel)), d / "light-site")
    (purelib / "therapy_threads_light_deps.pth").write_text(str(d / "light-site") + "\n")
    pip = [sys.executable, "-m", "pip", "--python", str(py)]
    subprocess.run(pip + ["install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True, text=True, timeout=600)
    check = subprocess.run(pip + ["check"], capture_output=True, text=True, timeout=300)
    assert check.returncode == 0 and "No broken requirements" in check.stdout, check.stdout
    return venv


@pytest.fixture(scope="module")
def registry(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("pkg-release")
    publish(make_build(d / "build"), "1.0.0", d / "reg")
    return d / "reg"


SCRIPT = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    import therapy_threads as tt
    from therapy_threads.cli import main
    from therapy_threads.schema import schema_dir

    reg, url, work = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    out = {"package": tt.__file__, "schemas": str(schema_dir())}
    comments = tt.load("comments", source=reg)
    out["comments"] = len(comments)
    out["speakers"] = len(tt.load("speakers", source=reg))
    pid = comments["post_id"].iloc[0]
    doc = tt.conversation(pid, source=reg)
    json.dumps(doc)
    out["threads"] = doc["n_threads"]
    roots = tt.reply_tree(comments, pid)
    out["repr"] = repr(roots[0])
    # over HTTP into the download cache ($THERAPY_THREADS_CACHE), then found there by default
    out["download"] = main(["download", "1.0.0", "--from", url + "/v1.0.0/"])
    out["from_cache"] = len(tt.load("posts", verify=True))
    out["export"] = main(["export", "--convokit", str(work / "convokit")])
    out["view"] = main(["view", "1.0.0", "--out", str(work / "site")])
    out["heavy"] = [m for m in json.loads(os.environ["HEAVY"]) if m in sys.modules]
    print(json.dumps(out))
""")


def test_light_install_reads_a_release_without_the_pipeline(clean_venv, registry, tmp_path):
    py = str(clean_venv / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(THERAPY_THREADS_CACHE=str(tmp_path / "cache"), HEAVY=json.dumps(HEAVY),
               HOME=str(tmp_path / "home"))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(registry))
    handler.log_message = lambda *a: None
    with loopback.serving(handler) as (_, url):
        p = subprocess.run([py, "-I", "-c", SCRIPT, str(registry), url, str(tmp_path)],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout.strip().splitlines()[-1])
    purelib = str(clean_venv)
    assert out["package"].startswith(purelib) and out["schemas"].startswith(purelib)
    assert (out["comments"], out["speakers"], out["from_cache"]) == (50, 50, 6)
    assert out["threads"] > 0 and out["repr"].startswith("Node('c_")
    assert (out["download"], out["export"], out["view"]) == (0, 0, 0)
    assert (tmp_path / "convokit" / "utterances.jsonl").is_file()
    assert (tmp_path / "site" / "index.html").is_file()
    assert out["heavy"] == []  # prefect, great_expectations, spacy, datasets, ... never imported


def test_clean_venv_really_lacks_the_pipeline(clean_venv, tmp_path):
    py = str(clean_venv / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    for mod in ("prefect", "great_expectations", "spacy", "datasets"):
        p = subprocess.run([py, "-I", "-c", f"import {mod}"], capture_output=True, text=True,
                           cwd=tmp_path, env=env)
        assert p.returncode != 0 and "ModuleNotFoundError" in p.stderr, mod
    # a pipeline command says which extra it needs, in one line
    p = subprocess.run([str(clean_venv / "bin" / "therapy-threads"), "build", "--sources",
                        str(ROOT / "seeds"), "--out", str(tmp_path / "b")],
                       capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "pip install 'therapy-threads[pipeline]'" in p.stderr.strip().splitlines()[-1]
    p = subprocess.run([py, "-I", "-c", "import therapy_threads as tt; "
                        "tt.load('comments', source='hf://owner/tt')"],
                       capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert "pip install 'therapy-threads[hf]'" in p.stderr
