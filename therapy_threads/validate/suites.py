"""The expectation suites, one per frame, generated from ``schemas/`` plus the rules no schema
can state (relations, tree shape, privacy, distributions that expose a broken parser).

Each expectation carries ``meta.check`` (a stable name used in summary.json) and ``meta.why``
(what a failing row means, in words), and a GX ``severity``: ``critical`` failures stop the
flow, ``warning`` ones are reported and published with the release notes.
``python -m therapy_threads.validate.suites`` writes the suites as JSON to
``schemas/expectations/`` so they can be reviewed; a test keeps those files current.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import schema
from . import patterns

SUITE_ORDER = ("schema", "posts", "comments", "quarantine", "sources", "relations", "distributions")
# Columns that name the failing rows in GX results and Data Docs, per frame.
INDEX_COLUMNS = {
    "schema": ["column_key"],
    "posts": ["post_id"],
    "comments": ["comment_id"],
    "quarantine": ["source_id", "item_id", "reason"],
    "sources": ["source_id"],
    "relations": ["scope"],
    "distributions": ["scope"],
}
# Rows of these frames are what the index columns identify ("which rows").
ROW_NOUN = {"schema": "columns", "posts": "posts", "comments": "comments",
            "quarantine": "quarantine rows", "sources": "sources", "relations": "builds",
            "distributions": "builds"}
MAX_PLAUSIBLE_DEPTH = 50  # WordPress nests 10 deep at most by default, Disqus deeper; 50 is a runaway
MAX_PLAUSIBLE_COMMENT_CHARS = 50_000  # longer is a comment that swallowed the rest of the page
MIN_PLAUSIBLE_BODY_CHARS = 80  # shorter is a teaser or a caption, not an article
# Rules across sources: the column of the "relations" frame holds how many rows break the rule.
RELATIONS = {
    "comment_id_unique_across_sources": "comment ids are used by more than one comment (across sources)",
    "post_id_unique_across_sources": "post ids are used by more than one post (across sources)",
    "comment_post_exists": "comments belong to a post_id that is not in posts.parquet",
    "reply_parent_exists": "replies have a parent_id that is not in comments.parquet",
    "quarantined_not_published": "quarantined comments are also published (counted twice)",
}
# Corpus-wide shape: (column, min, max, why) — warnings that point at a broken reader.
DISTRIBUTIONS = (
    ("max_depth", None, MAX_PLAUSIBLE_DEPTH, "has threads nested deeper than is plausible (every comment parsed as a reply?)"),
    ("top_level_share", 0.02, None, "has almost no top-level comments (reply links invented?)"),
    ("median_comment_chars", 10, 5_000, "has a median comment length outside 10..5,000 characters (text cut or page swallowed?)"),
    ("p99_comment_chars", None, MAX_PLAUSIBLE_COMMENT_CHARS, "has its longest comments beyond plausible (pages swallowed?)"),
    ("quarantine_share", None, 0.5, "quarantined half or more of all comments"),
)


@dataclass(frozen=True)
class Check:
    frame: str
    check: str
    expectation: str  # GX expectation class name
    kwargs: dict[str, Any]
    why: str
    severity: str = "critical"
    notes: str | None = None


@dataclass
class SuiteSpec:
    name: str
    checks: list[Check] = field(default_factory=list)


def _flag(frame: str, column: str, why: str, severity: str = "critical", notes: str | None = None) -> Check:
    return Check(frame, column, "ExpectColumnValuesToBeInSet", {"column": column, "value_set": [True]},
                 why, severity, notes)


def _schema_checks(table: str) -> list[Check]:
    """Checks stated by the JSON Schema: nullability, minimum, minLength, pattern, enum, key."""
    s = schema.json_schema(table)
    out: list[Check] = []
    streamed = {"comments": ("text",), "posts": ("body",)}.get(table, ())
    pk = s.get("x-primary-key")
    for name, prop in s["properties"].items():
        col = f"{name}_len" if name in streamed else name
        where = f" (checked on {col}, the length of the streamed {name})" if name in streamed else ""
        if not schema.nullable(prop):
            out.append(Check(table, f"{name}_not_null", "ExpectColumnValuesToNotBeNull", {"column": col},
                             f"have no {name}; the schema requires one{where}"))
        if "minimum" in prop:
            out.append(Check(table, f"{name}_minimum", "ExpectColumnValuesToBeBetween",
                             {"column": col, "min_value": prop["minimum"]},
                             f"have {name} below {prop['minimum']}"))
        if "minLength" in prop:
            lcol = f"{name}_visible_len" if name in streamed else name
            kind = "ExpectColumnValuesToBeBetween" if name in streamed else "ExpectColumnValueLengthsToBeBetween"
            kw: dict[str, Any] = {"column": lcol, "min_value": prop["minLength"]}
            unless = prop.get("x-blank-when")
            if unless:
                # The schema's exception: rows flagged by this boolean column may be blank (a
                # comment the platform shows as removed keeps its place, without words).
                # (GX's serialised condition object; its string conditions are deprecated)
                kw["row_condition"] = {"type": "comparison", "column": {"name": unless},
                                       "operator": "!=", "parameter": True}
            out.append(Check(table, f"{name}_not_blank", kind, kw,
                             f"have {name} with fewer than {prop['minLength']} visible characters (empty or whitespace only)"
                             + (f" and are not marked {unless}" if unless else ""),
                             notes=f"Length of the text, 0 when it holds only whitespace or zero-width characters; schema minLength {prop['minLength']}"
                                   + (f", except where {unless} is true." if unless else ".")))
        if "pattern" in prop:
            out.append(Check(table, f"{name}_pattern", "ExpectColumnValuesToMatchRegex",
                             {"column": col, "regex": _no_groups(prop["pattern"])},
                             f"have a {name} that does not match {prop['pattern']}"))
        if "enum" in prop:
            out.append(Check(table, f"{name}_enum", "ExpectColumnValuesToBeInSet",
                             {"column": col, "value_set": list(prop["enum"])},
                             f"have a {name} outside {', '.join(prop['enum'])}"))
        if name == pk:
            out.append(Check(table, f"{name}_unique", "ExpectColumnValuesToBeUnique", {"column": col},
                             f"share their {name} with another row (duplicate ids)"))
    return out


def _no_groups(regex: str) -> str:
    """The same pattern with its capturing groups made non-capturing.

    Great Expectations tests regexes with pandas' str.contains, which warns once per check about
    match groups it will not extract; the groups mean nothing here, and the warning reached every
    build's output.
    """
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", regex)


def _privacy(frame: str, column: str, regex: str, what: str, check: str) -> Check:
    return Check(
        frame, check, "ExpectColumnValuesToNotMatchRegex",
        {"column": column, "regex": "(?i)" + _no_groups(regex)},
        f"contain {what} in {column} (privacy gate: nothing may be published)",
        notes=(f"Privacy gate. Rows whose {column} cannot match (no '@', 'http:', 'www.' or '.com') are "
               "cleared by a pyarrow pre-filter and appear here as missing; every other row is "
               "tested with this regular expression."),
    )


def suite_specs() -> list[SuiteSpec]:
    comments = SuiteSpec("comments", _schema_checks("comments") + [
        _flag("comments", "post_exists", "belong to a post_id that is not in posts.parquet"),
        _flag("comments", "parent_in_post", "have a parent_id that is not a comment of the same post"),
        _flag("comments", "no_cycle", "have reply links that form a cycle (or descend from one)"),
        _flag("comments", "depth_is_parent_plus_one", "have depth != parent depth + 1 (or a top-level comment with depth != 0)"),
        _flag("comments", "root_is_thread_top", "have a root_id that is not the top of their thread"),
        _flag("comments", "path_is_parent_path_plus_id", "have a path that is not the parent's path + '/' + comment_id"),
        _flag("comments", "parent_before_child", "come before their parent (position)"),
        _flag("comments", "position_within_post_count", "have a position outside 0..n-1 for their post (positions are not contiguous)"),
        _flag("comments", "position_unique_in_post", "share their position with another comment of the same post"),
        _flag("comments", "n_children_matches_replies", "have n_children different from the number of published replies"),
        _flag("comments", "text_within_source_size", "have text longer than the whole source they were read from (the reader duplicated or invented text)"),
        Check("comments", "text_not_metadata_only", "ExpectColumnValuesToBeInSet",
              {"column": "text_metadata_only", "value_set": [False]},
              "have text that is only page metadata (dates, 'Reply', like counts); row isolation should have quarantined them"),
        Check("comments", "text_not_deleted_placeholder", "ExpectColumnValuesToBeInSet",
              {"column": "text_deleted_placeholder", "value_set": [False]},
              "have text that is a deleted-comment placeholder; row isolation should have quarantined them"),
        _privacy("comments", "text", patterns.EMAIL_OR_URL, "an e-mail address or URL", "text_no_email_or_url"),
        _privacy("comments", "author_pseudonym", patterns.EMAIL_OR_URL, "an e-mail address or URL (a raw identity)",
                 "author_pseudonym_no_identity"),
        # Distributions that expose a broken parser: warnings, for a person to look at.
        Check("comments", "depth_plausible", "ExpectColumnValuesToBeBetween",
              {"column": "depth", "max_value": MAX_PLAUSIBLE_DEPTH},
              f"are nested deeper than {MAX_PLAUSIBLE_DEPTH} (each comment parsed as a reply to the previous?)", "warning"),
        Check("comments", "text_length_plausible", "ExpectColumnValuesToBeBetween",
              {"column": "text_len", "max_value": MAX_PLAUSIBLE_COMMENT_CHARS},
              f"are longer than {MAX_PLAUSIBLE_COMMENT_CHARS} characters (the comment swallowed the rest of the page?)", "warning"),
        _flag("comments", "published_after_post", "are dated before their post (a date parsed wrongly?)", "warning"),
    ])
    posts = SuiteSpec("posts", _schema_checks("posts") + [
        _flag("posts", "extracted_count_matches_rows", "have extracted_comment_count different from their number of rows in comments.parquet"),
        _privacy("posts", "body", patterns.EMAIL, "an e-mail address", "body_no_email"),
        Check("posts", "title_no_email", "ExpectColumnValuesToNotMatchRegex",
              {"column": "title", "regex": "(?i)" + _no_groups(patterns.EMAIL)},
              "contain an e-mail address in title (privacy gate)"),
        _flag("posts", "extracted_within_declared",
              "have more extracted comments than the page declares (duplicated comments, or a stale declared count)", "warning"),
        _flag("posts", "comments_found_when_declared",
              "declare comments but none were extracted (comment markup not recognised?)", "warning"),
        Check("posts", "body_length_plausible", "ExpectColumnValuesToBeBetween",
              {"column": "body_visible_len", "min_value": MIN_PLAUSIBLE_BODY_CHARS},
              f"have a body shorter than {MIN_PLAUSIBLE_BODY_CHARS} visible characters (article not found?)", "warning"),
    ])
    quarantine = SuiteSpec("quarantine", _schema_checks("quarantine") + [
        _flag("quarantine", "not_also_published", "quarantine a comment that is also published (counted twice)"),
        _flag("quarantine", "source_in_report", "come from a source that build_report.json does not list"),
        Check("quarantine", "detail_no_email", "ExpectColumnValuesToNotMatchRegex",
              {"column": "detail", "regex": "(?i)" + _no_groups(patterns.EMAIL)},
              "contain an e-mail address in detail (privacy gate)"),
    ])
    schema_suite = SuiteSpec("schema", [
        _flag("schema", "in_schema", "are in a published file but not in schemas/ (extra column)"),
        _flag("schema", "in_file", "are in schemas/ but missing from the published file"),
        _flag("schema", "type_matches", "have an Arrow type different from schemas/ (x-arrow-type)"),
    ])
    sources = SuiteSpec("sources", [
        _flag("sources", "reconciled_with_report",
              "do not reconcile: rows in the tables differ from build_report.json (comments in sources must equal published + quarantined)"),
        _flag("sources", "raw_count_reconciled",
              "lose comments: the source holds a different number of comment elements (counted apart from the reader) than were published, quarantined and skipped"),
        _flag("sources", "threading_present",
              "are threaded formats whose discussions came out entirely flat (reply links lost by the reader?)", "warning"),
        _flag("sources", "quarantine_share_below_half",
              "had half or more of their comments quarantined (reader out of step with the markup?)", "warning"),
        _flag("sources", "read_or_allowed",
              "failed to be read and were not allowed to (build --allow-failed-sources): their rows are missing"),
        _flag("sources", "built_something",
              "are the totals of a build in which no source was read or no post came out (an empty build)"),
        _flag("sources", "rows_kept_since_previous",
              "have fewer comments (published + quarantined) than in the previous release, or were removed: "
              "rows vanished (publish refuses large losses without --allow-row-loss)", "warning"),
    ])
    relations = SuiteSpec("relations", [
        Check("relations", name, "ExpectColumnValuesToBeBetween", {"column": name, "min_value": 0, "max_value": 0},
              why, notes="Computed across every source by DuckDB over the assembled Parquet files; the "
                         "value is the number of offending rows (summary.json lists the first ids).")
        for name, why in RELATIONS.items()])
    distributions = SuiteSpec("distributions", [
        Check("distributions", f"{col}_plausible", "ExpectColumnValuesToBeBetween",
              {"column": col, **({"min_value": lo} if lo is not None else {}), **({"max_value": hi} if hi is not None else {})},
              why, "warning", notes="Computed over the whole build by DuckDB.")
        for col, lo, hi, why in DISTRIBUTIONS])
    by = {s.name: s for s in (comments, posts, quarantine, schema_suite, sources, relations, distributions)}
    return [by[n] for n in SUITE_ORDER]


def to_gx_suite(spec: SuiteSpec):
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=spec.name, meta={"generated_by": "therapy_threads.validate.suites"})
    for c in spec.checks:
        cls = getattr(gx.expectations, c.expectation)
        notes = f"Check `{c.check}` ({c.severity}): fails for {ROW_NOUN[c.frame]} that {c.why}."
        if c.notes:
            notes += " " + c.notes
        suite.add_expectation(cls(**c.kwargs, severity=c.severity, notes=notes,
                                  meta={"check": c.check, "why": c.why, "frame": c.frame}))
    return suite


def suites_json() -> dict[str, dict]:
    """The suites as plain JSON (the reviewable, committed form)."""
    out = {}
    for spec in suite_specs():
        out[spec.name] = {
            "name": spec.name,
            "expectations": [
                {"check": c.check, "type": c.expectation, "kwargs": c.kwargs, "severity": c.severity,
                 "why": c.why, **({"notes": c.notes} if c.notes else {})}
                for c in spec.checks
            ],
        }
    return out


def write_suite_files(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, body in suites_json().items():
        p = directory / f"{name}.json"
        p.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(p)
    return written


if __name__ == "__main__":
    for p in write_suite_files(schema.schema_dir() / "expectations"):
        print(p)
