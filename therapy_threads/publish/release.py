"""Turn a validated build into an immutable, versioned release in Hugging Face dataset layout.

::

    vX.Y.Z/
      README.md            data card (YAML metadata + body)
      TERMS.md             research terms (license_link of the card)
      CHANGELOG.md         this release's entry, then the previous releases'
      croissant.json       Croissant 1.0 + RAI, with keys and foreign keys
      manifest.json        provenance, counts, checksums of every other file
      data/<table>-0000i-of-0000N.parquet
      plots/*.png

The release is assembled in a hidden staging directory next to the target and renamed into place
only when complete, under the registry lock; an existing version is never overwritten.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from ..errors import UserError
from ..schema import RELEASE_TABLES, TABLES, schema_version
from . import changelog as changelog_mod
from . import plots as plots_mod
from .card import (CardContext, TAGS, TERMS_FILE, card_languages, load_docs, load_source_notes,
                   render_body, render_card, render_terms, validate_card)
from .croissant import build_croissant
from .fsutil import STAGING_MARK, atomic_directory, canonical_json, read_regular, sha256_file
from .inputs import Build, open_build
from .manifest import MANIFEST, SEAL, base_manifest, features_map, file_entries, seal
from .parquet import (ROW_GROUP_SIZE, ROWS_PER_SHARD, SORT_KEYS, arrow_pool, scan_published,
                      write_shards, write_sorted_shards)
from .registry import DEFAULT_REGISTRY, Registry
from .aggregates import comment_stats_file, derive_speakers_file
from .stats import post_stats, quarantine_stats
from .release_scan import check_release
from .versioning import MAX_ROW_LOSS, Version, check_bump, check_rows

REPO_ROOT = Path(__file__).resolve().parents[2]
MAX_CHANGELOG_BYTES = 64 * 1024 * 1024

# What the statistics and the speakers table read of each build table: small columns only, and
# the lengths of the long texts (the texts themselves go straight from the sort to the files).
STAT_COLUMNS: dict[str, list[str]] = {
    "posts": ["post_id", "source_id", "title", "language", "declared_comment_count",
              "extracted_comment_count"],
    "comments": [],  # speakers and statistics: publish/aggregates.py, out of core
    "quarantine": ["source_id", "item_kind", "reason"],
}
LENGTH_COLUMNS: dict[str, list[str]] = {"posts": ["body"], "comments": ["text"], "quarantine": []}


@dataclass
class ReleaseResult:
    version: str
    path: Path | None  # None for a dry run (nothing kept)
    manifest: dict[str, Any]
    manifest_sha256: str
    files: list[dict[str, Any]]  # every file incl. manifest.json: path, bytes, sha256
    warnings: list[str] = field(default_factory=list)
    dropped_columns: dict[str, list[str]] = field(default_factory=dict)
    data_card: str = ""  # the card body without YAML or images, for the repo's DATA_CARD.md
    dry_run: bool = False

    @property
    def counts(self) -> dict[str, int]:
        return {t: info["rows"] for t, info in self.manifest["tables"].items()}

    def summary_markdown(self) -> str:
        lines = [f"# therapy-threads v{self.version}{' (dry run)' if self.dry_run else ''}", "",
                 "| Table | Rows | Files |", "|---|---:|---:|"]
        for t, info in self.manifest["tables"].items():
            lines.append(f"| {t} | {info['rows']:,} | {len(info['files'])} |")
        lines += ["", f"Manifest SHA-256: `{self.manifest_sha256}`", ""]
        if self.warnings:
            lines += ["**Warnings**", ""] + [f"- {w}" for w in self.warnings] + [""]
        return "\n".join(lines)


def default_docs_dir() -> Path | None:
    for d in (Path.cwd() / "docs", REPO_ROOT / "docs"):
        if d.is_dir():
            return d
    return None


def default_sources_manifest() -> Path | None:
    for p in (Path.cwd() / "seeds" / "sources.toml", REPO_ROOT / "seeds" / "sources.toml"):
        if p.is_file():
            return p
    return None


def _description(m: dict[str, Any]) -> str:
    t = m["tables"]
    return (f"Public blog discussions about the therapeutic relationship (love, dependency, "
            f"boundaries, transference in therapy): {t['posts']['rows']} posts and "
            f"{t['comments']['rows']} comments with their reply structure, commenters "
            f"pseudonymised, from {len(m['sources'])} sources. Release v{m['version']}.")


def _cite(version: str, year: str, repo_id: str | None) -> str:
    how = f", howpublished={{https://huggingface.co/datasets/{repo_id}}}" if repo_id else ""
    return (f"@misc{{therapy_threads_{version.replace('.', '_')}, title={{therapy-threads: public "
            f"blog discussions about the therapeutic relationship}}, author={{the therapy-threads "
            f"maintainers}}, year={{{year}}}, version={{{version}}}{how}}}")


def write_release(build: Build, version: Version, dest: Path, *, prev_dir: Path | None,
                  prev_manifest: dict[str, Any] | None, latest: Version | None,
                  sources_manifest: Path | None = None, docs_dir: Path | None = None,
                  repo_id: str | None = None, rows_per_shard: int = ROWS_PER_SHARD,
                  row_group_size: int = ROW_GROUP_SIZE, allow_row_loss: bool = False,
                  max_row_loss: float = MAX_ROW_LOSS) -> ReleaseResult:
    """Write every file of the release into the (empty) directory ``dest``, then scan every
    file (:mod:`.release_scan`) and check that the build did not change meanwhile; raises
    (nothing may be renamed into place) on any finding."""
    sv = schema_version()
    built_sv = str(build.report.get("schema_version"))
    if built_sv != sv:
        raise UserError(f"the build was made with schema {built_sv} but this version of "
                        f"therapy-threads publishes schema {sv}; re-run 'therapy-threads build'")

    # Schema rule first, before any work: a changed schema needs a major bump.
    if prev_manifest is not None:
        notes = changelog_mod.schema_diff(changelog_mod.features_of(prev_manifest),
                                          {t: features_map(t) for t in RELEASE_TABLES})
        if prev_manifest.get("schema_version") != sv:
            notes.insert(0, f"schema version {prev_manifest.get('schema_version')} -> {sv}")
        if notes:
            check_bump(version, Version.parse(prev_manifest["version"]), schema_changed=True,
                       schema_note="; ".join(notes), rows_added=False, anything_changed=True,
                       latest=latest)

    tables: dict[str, dict[str, Any]] = {}
    dropped: dict[str, list[str]] = {}
    st: dict[str, dict[str, Any]] = {}
    post_ids: list[str] = []
    speakers = None
    for table in ("posts", "comments", "quarantine", "speakers"):
        if table == "speakers":  # derived from comments, never read from the build
            shards = write_shards(speakers, table, dest, rows_per_shard=rows_per_shard,
                                  row_group_size=row_group_size)
            rows, arrow_bytes = speakers.num_rows, int(speakers.nbytes)
        else:
            # One streamed pass keeps what the statistics need (no long texts); the rows are
            # then sorted out of core and written a row group at a time: no table is ever
            # whole in memory.
            path = build.table_path(table)
            scan = scan_published(path, table, STAT_COLUMNS[table], LENGTH_COLUMNS[table])
            if scan.extra:
                dropped[table] = scan.extra
            rows, arrow_bytes = scan.rows, scan.arrow_bytes
            shards = write_sorted_shards(path, table, rows, dest, rows_per_shard=rows_per_shard,
                                         row_group_size=row_group_size, arrow_bytes=arrow_bytes)
            t = scan.narrow
            if table == "posts":
                st["posts"] = post_stats(t, body_chars=scan.lengths["body"])
                post_ids = t.column("post_id").to_pylist()
            elif table == "comments":  # counted by DuckDB from the file: no per-comment columns
                speakers = derive_speakers_file(path)
                st["comments"] = comment_stats_file(path, post_ids, scan.lengths["text"])
            elif table == "quarantine":
                st["quarantine"] = quarantine_stats(t)
            del t, scan
        tables[table] = {
            "rows": rows,
            "arrow_bytes": arrow_bytes,
            "features": features_map(table),
            "sort_keys": SORT_KEYS[table],
            "files": [{"path": s.path, "rows": s.rows, "bytes": s.bytes,
                       "sha256": sha256_file(dest / s.path)} for s in shards],
        }

    totals = build.report.get("totals", {})
    for table, key in (("posts", "posts"), ("comments", "comments"), ("quarantine", "quarantined")):
        if key in totals and int(totals[key]) != tables[table]["rows"]:
            raise UserError(f"build_report.json says {totals[key]} {key} but {table}.parquet has "
                            f"{tables[table]['rows']} rows; the build is inconsistent, re-run "
                            "'therapy-threads build'")

    manifest = base_manifest(str(version), build.report, sv, tables, build.validation,
                             build.privacy, build.verdicts)
    changes = changelog_mod.compare(dest, manifest, prev_dir, prev_manifest)
    prev_v = Version.parse(prev_manifest["version"]) if prev_manifest else None
    warnings = check_rows({t: tables[t]["rows"] for t in TABLES}, changes.removed_rows(),
                          {t: i["rows"] for t, i in prev_manifest["tables"].items()} if prev_manifest else None,
                          prev_v, max_loss=max_row_loss, allow_loss=allow_row_loss)
    warnings += check_bump(version, prev_v,
                           schema_changed=changes.schema_changed,
                           schema_note="; ".join(changes.schema_changes),
                           rows_added=changes.rows_added, anything_changed=changes.anything_changed,
                           latest=latest, sources_removed=changes.sources_removed)
    failed = build.report.get("failed_sources_allowed") or []
    if failed:
        warnings.append(f"{len(failed)} source(s) failed and are left out of this release "
                        f"(built with --allow-failed-sources): {', '.join(failed[:10])}")
    for table, cols in dropped.items():
        warnings.append(f"{table}.parquet has columns outside the published schema, left out: "
                        f"{', '.join(cols)}")
    manifest["changes"] = changes.to_json()

    date = str(manifest.get("built_at") or "")[:10]
    entry = changelog_mod.render_entry(str(version), date, changes,
                                       {t: tables[t]["rows"] for t in RELEASE_TABLES})
    prev_log = None
    if prev_dir is not None and os.path.lexists(prev_dir / "CHANGELOG.md"):
        # read inside the previous release only: a link there is refused, never followed
        raw = read_regular(prev_dir, "CHANGELOG.md", max_bytes=MAX_CHANGELOG_BYTES,
                           what="previous changelog")
        # carried over only as that release published it: an edit since would reach this
        # release with text no token of this build knows
        recorded = {f.get("path"): f.get("sha256") for f in (prev_manifest or {}).get("files", [])
                    if isinstance(f, dict)}
        if recorded.get("CHANGELOG.md") != hashlib.sha256(raw).hexdigest():
            raise UserError(f"{prev_dir / 'CHANGELOG.md'} is not the changelog that release "
                            "published (its manifest records another SHA-256); restore it from "
                            "the published copy ('therapy-threads download') before publishing")
        prev_log = raw.decode("utf-8", errors="replace")
    (dest / "CHANGELOG.md").write_text(changelog_mod.render_changelog(entry, prev_log),
                                       encoding="utf-8")

    drawn: list[str] = []
    plot_paths = plots_mod.write_plots(dest, st["comments"], drawn)
    policy_doc, metrics, metrics_file = load_docs(docs_dir)
    notes = load_source_notes(sources_manifest)
    ctx = CardContext(version=str(version), manifest=manifest, report=build.report,
                      post_stats=st["posts"], comment_stats=st["comments"],
                      quarantine_stats=st["quarantine"], changes=changes, changelog_entry=entry,
                      source_notes=notes, plots=plot_paths,
                      policy_doc=policy_doc, metrics=metrics, metrics_file=metrics_file,
                      repo_id=repo_id)
    card_text = render_card(ctx)
    validate_card(card_text, manifest["tables"])
    (dest / "README.md").write_text(card_text, encoding="utf-8")
    (dest / TERMS_FILE).write_text(render_terms(ctx), encoding="utf-8")
    # The repository's DATA_CARD.md shows the same figures from docs/data-card/ (copied there by
    # write_data_card), so the card people read on the repo has its plots too.
    ctx.plots = {k: f"{REPO_PLOTS_DIR}/{Path(v).name}" for k, v in plot_paths.items()} or None
    data_card = render_body(ctx)

    langs = card_languages(st["posts"], st["comments"])
    # Real addresses when the release goes to the Hub; otherwise references relative to
    # croissant.json, which resolve inside the release folder wherever it is served from.
    url = f"https://huggingface.co/datasets/{repo_id}" if repo_id else "README.md"
    license_ = (f"https://huggingface.co/datasets/{repo_id}/blob/{version.tag}/{TERMS_FILE}"
                if repo_id else TERMS_FILE)
    croissant = build_croissant(manifest, description=_description(manifest), url=url,
                                license_=license_, cite_as=_cite(str(version), date[:4], repo_id),
                                languages=langs, keywords=TAGS)
    (dest / "croissant.json").write_bytes(canonical_json(croissant))

    manifest["files"] = file_entries(dest)
    manifest[SEAL] = seal(manifest, build.key)  # valid only if the scan below passes
    (dest / MANIFEST).write_bytes(canonical_json(manifest))
    msha = sha256_file(dest / MANIFEST)
    # Only the notes of this build's sources reach the card; the rest of the manifest does not.
    used = {s["source_id"] for s in manifest["sources"]}
    check_release(dest, build.files, build.key, drawn=drawn,
                  notes={k: v for k, v in notes.items() if k in used},
                  outside={"DATA_CARD.md": data_card})  # what --update-repo-card writes
    build.recheck()
    files = manifest["files"] + [{"path": MANIFEST, "bytes": (dest / MANIFEST).stat().st_size,
                                  "sha256": msha}]
    return ReleaseResult(version=str(version), path=dest, manifest=manifest, manifest_sha256=msha,
                         files=sorted(files, key=lambda f: f["path"]), warnings=warnings,
                         dropped_columns=dropped, data_card=data_card)


def publish(build_dir: Path | str, version: str | Version,
            registry: Path | str = DEFAULT_REGISTRY, *, dry_run: bool = False,
            sources_manifest: Path | None = None, docs_dir: Path | None = None,
            repo_id: str | None = None, rows_per_shard: int = ROWS_PER_SHARD,
            row_group_size: int = ROW_GROUP_SIZE, key: bytes | None = None,
            key_file: Path | str | None = None, allow_row_loss: bool = False,
            max_row_loss: float = MAX_ROW_LOSS) -> ReleaseResult:
    """Publish ``build_dir`` as release ``version`` into the local registry.

    ``key`` (default: :func:`~therapy_threads.anonymise.keys.load_key` from ``key_file`` or the
    usual places) must be the key that made the build: the verdicts are checked with it.
    Refuses (UserError/PrivacyGateError, one line) when the build's validation or privacy audit
    did not pass on its current bytes with that key, when a file of the release fails the release
    scan, when the release is empty or loses rows beyond ``max_row_loss`` (unless
    ``allow_row_loss``), when the version exists, or when the schema changed or a source was
    removed without a major bump. With ``dry_run`` the release is assembled in a temporary
    directory, checked, listed and discarded.
    """
    v = version if isinstance(version, Version) else Version.parse(str(version))
    if key is None:
        from ..anonymise.keys import load_key

        key = load_key(Path(key_file) if key_file else None, create=False)
    build = open_build(build_dir, key)
    reg = Registry(registry)
    sources_manifest = sources_manifest or default_sources_manifest()
    docs_dir = docs_dir if docs_dir is not None else default_docs_dir()
    kwargs = dict(sources_manifest=sources_manifest, docs_dir=docs_dir, repo_id=repo_id,
                  rows_per_shard=rows_per_shard, row_group_size=row_group_size,
                  allow_row_loss=allow_row_loss, max_row_loss=max_row_loss)

    def refuse_existing() -> None:
        if reg.has(v):
            raise UserError(f"release {v.tag} already exists in {reg.root}; releases are "
                            "immutable: publish a new version (docs/versioning.md)")

    def previous() -> tuple[Path | None, dict[str, Any] | None]:
        pv = reg.previous(v)
        return (reg.release_dir(pv), reg.manifest(pv)) if pv else (None, None)

    # The release is written from a private copy of the build's bound files, checked byte for
    # byte against the verdicts as it is made: the gate's bytes are the bytes let out.
    if dry_run:
        refuse_existing()
        prev_dir, prev_manifest = previous()
        with tempfile.TemporaryDirectory(prefix="therapy-threads-dry-run-") as tmp, \
                tempfile.TemporaryDirectory(prefix="therapy-threads-snapshot-") as snap, arrow_pool():
            res = write_release(build.snapshot(Path(snap)), v, Path(tmp), prev_dir=prev_dir,
                                prev_manifest=prev_manifest, latest=reg.latest(), **kwargs)
        res.path, res.dry_run = None, True
        return res

    with reg.lock():
        refuse_existing()
        prev_dir, prev_manifest = previous()
        final = reg.release_dir(v)
        # next to the staging folder (same disk); a kill leaves it to the next publish's sweep
        with tempfile.TemporaryDirectory(prefix=f".snapshot{STAGING_MARK}", dir=reg.root) as snap, \
                atomic_directory(final) as staging, arrow_pool():
            res = write_release(build.snapshot(Path(snap)), v, staging, prev_dir=prev_dir,
                                prev_manifest=prev_manifest, latest=reg.latest(), **kwargs)
        res.path = final
        reg.write_index()
    return res


REPO_PLOTS_DIR = "docs/data-card"


def write_data_card(result: ReleaseResult, path: Path | str) -> Path:
    """Write the card body (no YAML) as the repository's DATA_CARD.md, its plots next to it."""
    path = Path(path)
    if result.path is not None and (Path(result.path) / "plots").is_dir():
        import shutil

        figures = path.parent / REPO_PLOTS_DIR
        figures.mkdir(parents=True, exist_ok=True)
        for png in sorted((Path(result.path) / "plots").glob("*.png")):
            shutil.copyfile(png, figures / png.name)
    header = (f"<!-- Generated by 'therapy-threads publish {result.version}' from "
              "therapy_threads/publish/templates/README.md.j2; edit the template, not this "
              "file. -->\n\n")
    from .fsutil import write_bytes_atomic

    write_bytes_atomic(path, (header + result.data_card).encode("utf-8"))
    return path
