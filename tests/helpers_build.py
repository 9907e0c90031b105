"""Make small, deterministic build directories for publish/download/load tests.

The layout and JSON shapes follow the build contract in the team brief (``data/build/``):
posts/comments/quarantine Parquet written with ``therapy_threads.schema.arrow_schema``, a
``build_report.json``, ``validation/summary.json`` and ``validation/privacy_audit.json``.
Trees are generated with a seeded RNG so every call with the same arguments writes the same rows.
"""
from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from therapy_threads import ids, pipeline, verdict
from therapy_threads.anonymise.keys import key_fingerprint
from therapy_threads.schema import arrow_schema, schema_version

# The test session's pseudonym key: random-looking and fixed (a key like 00 01 02 ... is refused,
# and would also occur inside Parquet pages). conftest's ``test_key`` fixture writes it to a file.
TEST_KEY = hashlib.sha256(b"therapy-threads test session key").digest()

WORDS = ("therapy transference boundaries my therapist said the session felt safe again and "
         "I wonder whether love in therapy is real or a dependency that helps us heal").split()


@dataclass
class SourceSpec:
    source_id: str
    n_posts: int = 2
    comments_per_post: int = 6
    declared_extra: int = 2  # declared_comment_count = extracted + this (captures miss comments)
    quarantined: int = 1
    seed: int = 0
    removed: tuple[int, ...] = ()  # positions, in every post, of comments shown as removed (no text)


@dataclass
class BuildSpec:
    sources: list[SourceSpec] = field(default_factory=lambda: [
        SourceSpec("seed-000", n_posts=2, comments_per_post=7, seed=1),
        SourceSpec("seed-001", n_posts=1, comments_per_post=0, declared_extra=0, quarantined=0,
                   seed=2),
        SourceSpec("seed-003", n_posts=3, comments_per_post=12, seed=3),
    ])
    success: bool = True
    privacy_passed: bool = True
    finished_at: str = "2026-11-22T10:05:00+00:00"
    schema_version: str | None = None
    git_commit: str = "0123456789abcdef0123456789abcdef01234567"


def _text(rng: random.Random, n: int) -> str:
    paras = []
    for _ in range(rng.randint(1, 3)):
        paras.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, n))).capitalize() + ".")
    return "\n\n".join(paras)


def make_rows(spec: BuildSpec) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    posts, comments, quarantine, report_sources = [], [], [], []
    t0 = datetime(2020, 1, 1, tzinfo=timezone.utc)
    for s in spec.sources:
        rng = random.Random(f"{s.source_id}:{s.seed}")
        raw = f"raw bytes of {s.source_id} seed {s.seed}".encode()
        src_sha = ids.sha256_bytes(raw)
        n_comments = 0
        for p in range(s.n_posts):
            pid = ids.post_id(s.source_id, f"post-{p}")
            cids: list[str] = []
            depth: dict[str, int] = {}
            path: dict[str, str] = {}
            root: dict[str, str] = {}
            children: dict[str, int] = {}
            rows = []
            for i in range(s.comments_per_post):
                cid = ids.comment_id(pid, f"comment-{i}")
                parent = None
                if cids and rng.random() < 0.6:
                    parent = rng.choice(cids)
                depth[cid] = 0 if parent is None else depth[parent] + 1
                path[cid] = cid if parent is None else f"{path[parent]}/{cid}"
                root[cid] = cid if parent is None else root[parent]
                children[cid] = 0
                if parent is not None:
                    children[parent] += 1
                cids.append(cid)
                text = _text(rng, 30)  # drawn for every comment, so the other rows stay the same
                rows.append({
                    "comment_id": cid, "post_id": pid, "source_id": s.source_id,
                    "parent_id": parent, "root_id": root[cid], "depth": depth[cid],
                    "position": i, "path": path[cid], "n_children": 0,
                    "text": "" if i in s.removed else text,
                    "like_count": rng.choice([None, 0, 1, 3]),
                    "published_at": t0 + timedelta(days=p, hours=i),
                    "author_pseudonym": f"u_{rng.randrange(16**8):08x}",
                    "is_post_author": rng.random() < 0.2,
                    "language": "en", "removed": i in s.removed,
                })
            for r in rows:
                r["n_children"] = children[r["comment_id"]]
            comments.extend(rows)
            n_comments += len(rows)
            posts.append({
                "post_id": pid, "source_id": s.source_id, "source_format": "text_capture",
                "site": f"Blog {s.source_id}", "url": None, "title": f"Post {p} of {s.source_id}",
                "author": "Jane Example" if p % 2 else None, "published_at": t0 + timedelta(days=p),
                "body": _text(rng, 60), "language": "en",
                "declared_comment_count": (s.comments_per_post + s.declared_extra)
                if s.comments_per_post else None,
                "extracted_comment_count": s.comments_per_post, "content_sha256": src_sha,
            })
        for q in range(s.quarantined):
            quarantine.append({
                "source_id": s.source_id, "item_kind": "comment", "reason": "orphan_reply",
                "detail": "the comment replies to a comment that is not in the capture",
                "location": f"lines {100 + q}-{110 + q}", "post_id": ids.post_id(s.source_id, "post-0"),
                "item_id": ids.comment_id(ids.post_id(s.source_id, "post-0"), f"orphan-{q}"),
                "content_sha256": ids.sha256_text(f"orphan {q}"),
            })
        report_sources.append({
            "source_id": s.source_id, "location": f"{s.source_id}.txt", "format": "text_capture",
            "sha256": src_sha, "bytes": len(raw), "status": "ok", "posts": s.n_posts,
            "comments": n_comments, "quarantined": s.quarantined, "skipped": {"pingback": 1},
            "issues": [],
        })
    return posts, comments, quarantine, report_sources


def record_verdicts(root: Path, *, validation: bool = True, privacy: bool = True,
                    key: bytes = TEST_KEY) -> None:
    """Record the gate's verdicts on ``root`` as they stand, as if validation and the audit had
    passed (or failed) on these bytes: stands in for the slow real stages in publish tests."""
    verdict.record(root, "validation", passed=validation, key=key, report="validation/summary.json")
    verdict.record(root, "privacy_audit", passed=privacy, key=key,
                   report="validation/privacy_audit.json")


def make_build(root: Path, spec: BuildSpec | None = None, *, key: bytes = TEST_KEY) -> Path:
    """Write a complete build directory under ``root``, with verdicts made with ``key``."""
    spec = spec or BuildSpec()
    root = Path(root)
    (root / "validation").mkdir(parents=True, exist_ok=True)
    (root / "private").mkdir(exist_ok=True)
    posts, comments, quarantine, sources = make_rows(spec)
    for name, rows in (("posts", posts), ("comments", comments), ("quarantine", quarantine)):
        table = pa.Table.from_pylist(rows, schema=arrow_schema(name))
        pq.write_table(table, root / f"{name}.parquet")
    # Internal files that must never reach a release.
    pq.write_table(pa.table({"source_id": ["x"], "text": ["Share this: Facebook"]}),
                   root / "furniture.parquet")
    (root / "private" / "identity_tokens.txt").write_text("deadbeef\n")
    totals = {
        "posts": len(posts), "comments": len(comments), "quarantined": len(quarantine),
        "skipped": sum(sum(s["skipped"].values()) for s in sources),
        "comments_seen": len(comments) + len(quarantine),
    }
    report = {
        "build_id": "b-test-0001", "started_at": "2026-11-22T10:00:00+00:00",
        "finished_at": spec.finished_at, "pipeline_version": "0.1.0",
        "git_commit": spec.git_commit, "schema_version": spec.schema_version or schema_version(),
        "key_fingerprint": key_fingerprint(key), "sources": sources, "totals": totals,
        "language_coverage": pipeline.language_coverage(sources),
    }
    (root / "build_report.json").write_text(json.dumps(report, indent=2))
    (root / "validation" / "summary.json").write_text(json.dumps({
        "success": spec.success, "checked_at": spec.finished_at,
        "tables": {"posts": {"rows": len(posts), "success": spec.success},
                   "comments": {"rows": len(comments), "success": spec.success}},
        "failures": [] if spec.success else [{"table": "comments", "check": "parent_exists",
                                              "unexpected": ["c_x"]}],
    }))
    (root / "validation" / "privacy_audit.json").write_text(json.dumps({
        "passed": spec.privacy_passed, "checked_rows": len(comments) + len(posts),
        "findings": [] if spec.privacy_passed else [{"kind": "email", "masked": "j*******"}],
    }))
    record_verdicts(root, validation=spec.success, privacy=spec.privacy_passed, key=key)
    return root


# ---------------------------------------------------------------- real builds without Prefect


def pipeline_build(sources: Path, out: Path, key: bytes = TEST_KEY, *,
                   allow_failed_sources: bool = False) -> dict:
    """Build ``sources`` (a manifest or its folder) into ``out`` with the pipeline's own
    per-source functions, as the build flow does, without a Prefect server; returns the report.

    Like the flow, it raises ``pipeline.FailedSourcesError`` before touching ``out`` when a source
    failed (unless ``allow_failed_sources``) or every source failed.
    """
    import time
    from dataclasses import asdict

    from therapy_threads import pipeline
    from therapy_threads.anonymise import Anonymiser

    out = Path(out)
    manifest = pipeline.read_manifest(sources)
    refs = list(manifest.sources)
    anon = Anonymiser(key)
    started = time.time()
    previous = pipeline.load_previous_report(out)
    summaries, fragments = [], []
    for ref in sorted(refs, key=lambda r: r.source_id):
        path = manifest.local_path(ref)
        if not path.is_file():
            summaries.append(asdict(pipeline.SourceSummary(
                source_id=ref.source_id, location=ref.location, format=ref.format, sha256="",
                bytes=0, status="error", issues=[{"severity": "error", "code": "missing_file",
                                                  "message": f"{path} does not exist",
                                                  "location": ref.location}])))
            continue
        result, summary, tokens = pipeline.process_source(ref, manifest.read_local(ref), anon)
        summaries.append(asdict(summary))
        fragments.append(pipeline.write_fragment(result, summary, tokens,
                                                 out.parent / f".{out.name}-fragments" / ref.source_id))
    allowed = pipeline.check_failed_sources(summaries, out, allow=allow_failed_sources)
    totals = pipeline.assemble(fragments, out)
    report = pipeline.build_report(summaries, totals, started=started, key_fingerprint=key_fingerprint(key),
                                   code_fp=pipeline.code_fingerprint(), previous=previous,
                                   anonymiser_fingerprint=anon.fingerprint)
    report["failed_sources_allowed"] = allowed
    pipeline.write_json(out / "build_report.json", report)
    return report


def write_manifest(path: Path, sources: dict[str, Path]) -> Path:
    """A sources.toml listing ``{source id: file}``; the folders of files outside the manifest's
    folder are listed as roots (sources are read only inside those)."""
    here = Path(path).parent.resolve()
    roots = sorted({str(Path(loc).parent) for loc in sources.values()
                    if Path(loc).is_absolute() and not Path(loc).resolve().is_relative_to(here)})
    head = f"roots = {json.dumps(roots)}\n" if roots else ""
    path.write_text(head + "".join(f'[[source]]\nid = "{sid}"\nlocation = "{loc}"\n'
                                   for sid, loc in sources.items()), encoding="utf-8")
    return path


# ---------------------------------------------------------------- a recording stand-in for HfApi


class FakeHfApi:
    """Records HfApi calls and keeps an in-memory dataset repo (commits, tags, files).

    Implements the subset of ``huggingface_hub.HfApi`` the publish and download code calls, with
    the same keyword names, so the real code path runs against it.
    """

    def __init__(self, workdir: Path):
        self.workdir = Path(workdir)
        self.calls: list[tuple[str, dict]] = []
        self.repos: dict[str, dict] = {}
        self.fail_uploads = 0  # raise on the next N upload_folder calls (network flake)

    def _repo(self, repo_id: str) -> dict:
        if repo_id not in self.repos:
            raise KeyError(f"repository {repo_id} not found")
        return self.repos[repo_id]

    def create_repo(self, repo_id, *, repo_type=None, exist_ok=False, private=None, **kw):
        self.calls.append(("create_repo", dict(repo_id=repo_id, repo_type=repo_type,
                                              exist_ok=exist_ok, private=private)))
        if repo_id in self.repos and not exist_ok:
            raise FileExistsError(repo_id)
        self.repos.setdefault(repo_id, {"commits": [{}], "tags": {}, "private": private})
        return f"https://huggingface.co/datasets/{repo_id}"

    def update_repo_settings(self, repo_id, *, gated=None, private=None, repo_type=None, **kw):
        self.calls.append(("update_repo_settings", dict(repo_id=repo_id, gated=gated,
                                                        repo_type=repo_type)))
        self._repo(repo_id)["gated"] = gated

    def list_repo_refs(self, repo_id, *, repo_type=None, **kw):
        from types import SimpleNamespace

        self.calls.append(("list_repo_refs", dict(repo_id=repo_id, repo_type=repo_type)))
        tags = [SimpleNamespace(name=t) for t in sorted(self._repo(repo_id)["tags"])]
        return SimpleNamespace(tags=tags, branches=[SimpleNamespace(name="main")])

    def upload_folder(self, *, repo_id, folder_path, repo_type=None, commit_message=None,
                      commit_description=None, delete_patterns=None, allow_patterns=None,
                      **kw):
        import fnmatch
        from types import SimpleNamespace

        self.calls.append(("upload_folder", dict(repo_id=repo_id, folder_path=str(folder_path),
                                                 repo_type=repo_type,
                                                 commit_message=commit_message,
                                                 delete_patterns=delete_patterns)))
        if self.fail_uploads:
            self.fail_uploads -= 1
            raise ConnectionError("simulated network failure during upload")
        repo = self._repo(repo_id)
        new = {p.relative_to(folder_path).as_posix(): p.read_bytes()
               for p in sorted(Path(folder_path).rglob("*")) if p.is_file()}
        if allow_patterns is not None:
            new = {k: v for k, v in new.items()
                   if any(fnmatch.fnmatch(k, pat) for pat in allow_patterns)}
        files = dict(repo["commits"][-1])
        for name in list(files):
            if name not in new and any(fnmatch.fnmatch(name, pat) for pat in delete_patterns or []):
                del files[name]
        files.update(new)
        repo["commits"].append(files)
        oid = f"{len(repo['commits']):040x}"
        return SimpleNamespace(oid=oid, commit_url=f"https://huggingface.co/datasets/{repo_id}/commit/{oid}")

    def create_tag(self, repo_id, *, tag, repo_type=None, revision=None, tag_message=None, **kw):
        self.calls.append(("create_tag", dict(repo_id=repo_id, tag=tag, repo_type=repo_type,
                                              revision=revision)))
        repo = self._repo(repo_id)
        if tag in repo["tags"]:
            raise FileExistsError(tag)
        repo["tags"][tag] = int(revision, 16) - 1 if revision else len(repo["commits"]) - 1

    def _files_at(self, repo_id, revision) -> dict[str, bytes]:
        repo = self._repo(repo_id)
        if revision in repo["tags"]:
            return repo["commits"][repo["tags"][revision]]
        if revision in (None, "main"):
            return repo["commits"][-1]
        raise KeyError(f"revision {revision} not found")

    def hf_hub_download(self, *, repo_id, filename, repo_type=None, revision=None, **kw):
        self.calls.append(("hf_hub_download", dict(repo_id=repo_id, filename=filename,
                                                   repo_type=repo_type, revision=revision)))
        data = self._files_at(repo_id, revision)[filename]
        out = self.workdir / "hub-cache" / repo_id / str(revision) / filename
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        return str(out)

    def snapshot_download(self, *, repo_id, repo_type=None, revision=None, local_dir=None,
                          allow_patterns=None, **kw):
        import fnmatch

        self.calls.append(("snapshot_download", dict(repo_id=repo_id, repo_type=repo_type,
                                                     revision=revision, local_dir=str(local_dir))))
        for name, data in self._files_at(repo_id, revision).items():
            if allow_patterns and not any(fnmatch.fnmatch(name, p) for p in allow_patterns):
                continue
            out = Path(local_dir) / name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
        return str(local_dir)
