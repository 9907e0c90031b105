"""Croissant 1.0 metadata (with the RAI extension) for a release.

Unlike the Hub's auto-generated Croissant, ours declares each table's key, the foreign keys
between tables (``references``) and the responsible-AI fields. Every Parquet shard is a
FileObject with its SHA-256; each table is read through a FileSet over its shards.
"""
from __future__ import annotations

from typing import Any

from ..schema import RELEASE_TABLES, json_schema

CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
# The standard Croissant 1.0 @context (mlcroissant warns about any other).
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
DATA_TYPES = {
    "string": "sc:Text",
    "int32": "sc:Integer",
    "int16": "sc:Integer",
    "bool": "sc:Boolean",
    "timestamp[us, tz=UTC]": "sc:DateTime",
}
# Foreign keys: (table, column) -> (record set, column) it points at. The reply links point at
# REPLY_TARGETS, a key-only view of the comments files, rather than back into ``comments``:
# mlcroissant builds one operation graph over all references, and a record set that references
# itself makes it cyclic (records() fails with NetworkXUnfeasible).
REPLY_TARGETS = "comment_ids"
REFERENCES = {
    ("comments", "post_id"): ("posts", "post_id"),
    ("comments", "parent_id"): (REPLY_TARGETS, "comment_id"),
    ("comments", "root_id"): (REPLY_TARGETS, "comment_id"),
    ("comments", "author_pseudonym"): ("speakers", "author_pseudonym"),
}
TABLE_DESCRIPTIONS = {
    "posts": "Blog posts under which the discussions took place.",
    "comments": "Reader comments with their reply structure (parent_id, root_id, depth, path).",
    "quarantine": "Items from the sources that were not published, with the reason.",
    "speakers": "One row per commenter pseudonym, derived from comments: comments, posts, "
                "threads started, replies given and received, first and last seen.",
}

RAI = {
    "rai:dataCollection": (
        "Public blog pages and exports about the therapeutic relationship, listed in a source "
        "manifest with SHA-256 checksums; read by format-specific readers (page captures, "
        "WordPress HTML, WXR exports, Disqus exports, WordPress REST API). No contact with the "
        "authors; no consent was sought, hence gated access and restricted quotation."),
    "rai:dataLimitations": (
        "Captures miss comments (pagination, moderation): pages often declare more comments than "
        "were extracted (posts.declared_comment_count vs extracted_comment_count). HTML nesting "
        "can understate reply depth past a site's maximum. Replies with a missing parent are "
        "quarantined, not re-attached. Comments deleted on the platform that the source still "
        "holds are kept in place without text (comments.removed) so their replies keep their "
        "parent. Automatic name removal has imperfect recall."),
    "rai:dataBiases": (
        "A few English-language blogs chosen by topic; self-selected commenters, mostly therapy "
        "clients with strong feelings about their therapy; blogging therapists are not "
        "representative. Not a sample of any population; no prevalence estimates."),
    "rai:personalSensitiveInformation": (
        "Sensitive first-person disclosures about mental health, trauma, sexuality and therapy. "
        "Commenter identities are replaced by keyed HMAC pseudonyms (key never published); names "
        "of private people, e-mail addresses and identifying URLs in text are replaced by "
        "placeholders. Verbatim text remains searchable and can re-identify authors (Ayers et "
        "al. 2018, 'Don't quote me'): do not quote, do not attempt re-identification."),
    "rai:dataUseCases": (
        "Research on discourse about the therapeutic alliance, attachment and transference; "
        "thread-structure and conversation analysis; classifier training and evaluation with "
        "care. Out of scope: identifying or contacting anyone, clinical decisions, profiling "
        "individuals, imitating identifiable people, verbatim quotation."),
    "rai:dataSocialImpact": (
        "Can help understand how clients experience therapy and improve practice and training. "
        "Risks: exposure of vulnerable people through re-identification, misuse for profiling or "
        "for chatbots posing as therapists; mitigated by pseudonyms, name replacement, a privacy "
        "audit gate, gated access and terms forbidding re-identification and quotation."),
}


def _fileset_id(table: str) -> str:
    return f"{table}-parquet-files"


def _field(table: str, name: str, prop: dict[str, Any]) -> dict[str, Any]:
    f: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{table}/{name}",
        "name": name,
        "description": prop["description"],
        "dataType": DATA_TYPES[prop["x-arrow-type"]],
        "source": {"fileSet": {"@id": _fileset_id(table)}, "extract": {"column": name}},
    }
    ref = REFERENCES.get((table, name))
    if ref:
        f["references"] = {"field": {"@id": f"{ref[0]}/{ref[1]}"}}
    return f


def _reply_targets() -> dict[str, Any]:
    """The comment ids that ``parent_id`` and ``root_id`` point at, read from the comments
    files: the same key as ``comments/comment_id`` in a record set of its own."""
    prop = json_schema("comments")["properties"]["comment_id"]
    f = _field("comments", "comment_id", prop)
    f["@id"] = f"{REPLY_TARGETS}/comment_id"
    return {
        "@type": "cr:RecordSet",
        "@id": REPLY_TARGETS,
        "name": REPLY_TARGETS,
        "description": "Every published comment id (a key-only view of the comments table): "
                       "the target of comments/parent_id and comments/root_id.",
        "field": [f],
        "key": {"@id": f"{REPLY_TARGETS}/comment_id"},
    }


def build_croissant(manifest: dict[str, Any], *, description: str, url: str, license_: str,
                    cite_as: str, languages: list[str], keywords: list[str]) -> dict[str, Any]:
    distribution: list[dict[str, Any]] = []
    record_sets: list[dict[str, Any]] = []
    for table in RELEASE_TABLES:
        info = manifest["tables"][table]
        for f in info["files"]:
            distribution.append({
                "@type": "cr:FileObject",
                "@id": f["path"],
                "name": f["path"],
                "description": f"Shard of the {table} table ({f['rows']} rows).",
                "contentUrl": f["path"],
                "contentSize": f"{f['bytes']} B",
                "encodingFormat": "application/x-parquet",
                "sha256": f["sha256"],
            })
        distribution.append({
            "@type": "cr:FileSet",
            "@id": _fileset_id(table),
            "name": _fileset_id(table),
            "description": f"All Parquet shards of the {table} table.",
            "encodingFormat": "application/x-parquet",
            "includes": f"data/{table}-*.parquet",
        })
        schema = json_schema(table)
        rs: dict[str, Any] = {
            "@type": "cr:RecordSet",
            "@id": table,
            "name": table,
            "description": TABLE_DESCRIPTIONS[table],
            "field": [_field(table, n, p) for n, p in schema["properties"].items()],
        }
        if schema.get("x-primary-key"):
            rs["key"] = {"@id": f"{table}/{schema['x-primary-key']}"}
        record_sets.append(rs)
        if table == "comments":
            record_sets.append(_reply_targets())

    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": "therapy-threads",
        "description": description,
        "version": manifest["version"],
        "license": license_,
        "url": url,
        "creator": {"@type": "sc:Organization", "name": "The therapy-threads maintainers"},
        "datePublished": str(manifest.get("built_at") or "")[:10],
        "citeAs": cite_as,
        "keywords": keywords,
        "distribution": distribution,
        "recordSet": record_sets,
    }
    if languages:
        doc["inLanguage"] = languages
    doc.update(RAI)
    return doc
