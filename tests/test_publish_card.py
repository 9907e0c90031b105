"""The data card (YAML + body), plots, DATA_CARD.md and croissant.json of a release."""
from __future__ import annotations

import json

import datasets
import pyarrow.parquet as pq
import pytest
from huggingface_hub import DatasetCard

from helpers_build import make_build
from therapy_threads.publish import plots
from therapy_threads.publish.card import CardError, validate_card
from therapy_threads.publish.release import publish, write_data_card
from therapy_threads.schema import arrow_schema


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    d = tmp_path_factory.mktemp("card")
    docs = d / "docs"
    docs.mkdir()  # empty docs dir: no policy, no metrics
    res = publish(make_build(d / "build"), "1.0.0", d / "reg", docs_dir=docs)
    return res


def _yaml_and_body(text: str) -> tuple[dict, str]:
    card = DatasetCard(text)
    return card.data.to_dict(), card.text


def test_card_yaml_validates_with_hub_tools(release):
    text = (release.path / "README.md").read_text()
    meta = validate_card(text)
    card = DatasetCard.load(release.path / "README.md")
    data = card.data.to_dict()
    assert data["license"] == "other" and data["license_link"] == "TERMS.md"
    assert data["task_categories"] == ["text-classification", "text-generation"]
    assert data["size_categories"] == ["n<1K"]
    assert data["language"] == ["en"]
    assert data["pretty_name"].startswith("Therapy Threads")
    cfg = {c["config_name"]: c for c in data["configs"]}
    assert set(cfg) == {"posts", "comments", "quarantine", "speakers"}
    assert cfg["comments"]["default"] is True
    assert "default" not in cfg["posts"] and "default" not in cfg["quarantine"]
    assert cfg["posts"]["data_files"] == [{"split": "train", "path": "data/posts-*.parquet"}]
    infos = {i["config_name"]: i for i in data["dataset_info"]}
    assert infos["comments"]["splits"] == [{"name": "train", "num_bytes": release.manifest[
        "tables"]["comments"]["arrow_bytes"], "num_examples": 50}]
    feats = datasets.Features._from_yaml_list(infos["posts"]["features"])
    assert feats == datasets.Features.from_arrow_schema(arrow_schema("posts"))
    assert "not to attempt to identify" in data["extra_gated_prompt"]
    assert sum(v == "checkbox" for v in data["extra_gated_fields"].values()) == 2
    assert meta["configs"] == data["configs"]


def test_validate_card_catches_bad_metadata(release):
    text = (release.path / "README.md").read_text()
    with pytest.raises(CardError, match="task category 'chatbots' is not on the Hub's list"):
        validate_card(text.replace("- text-generation", "- chatbots", 1))
    with pytest.raises(CardError, match="default config is"):
        validate_card(text.replace("  default: true\n", "", 1))
    with pytest.raises(CardError, match="features of comments differ"):
        validate_card(text.replace("    dtype: int32", "    dtype: int64", 1))


def test_card_body_sections(release):
    _, body = _yaml_and_body((release.path / "README.md").read_text())
    for heading in ("## Uses", "### Out-of-Scope Use", "## Dataset Structure",
                    "### Reply-structure model", "### Data Fields", "### Statistics",
                    "### Curation Rationale", "### Source Data",
                    "### Personal and Sensitive Information", "## Bias, Risks, and Limitations",
                    "## Citation", "## Reproducing this release", "## Datasheet for Datasets",
                    "**Motivation.**", "**Composition.**", "**Collection process.**",
                    "**Preprocessing, cleaning, labelling.**", "**Uses.**", "**Distribution.**",
                    "**Maintenance.**"):
        assert heading in body, heading
    assert "Don't quote me" in body and "84%" in body
    assert "not measured for this release" in body
    # numbers come from the data
    assert "| Threads (top-level comments) | 26 |" in body
    assert "| `seed-003` | 3 | 36 | 19 | 3 |" in body
    assert "for the 5 posts that declare a count, 60" in body
    # licence notes come from seeds/sources.toml
    assert "all rights reserved by default" in body
    # field tables from schemas/
    assert "`author_pseudonym`" in body and "`n_children`" in body
    assert "![Comments by reply depth](plots/depth_histogram.png)" in body


def test_card_quotes_no_comment_text(release):
    body = (release.path / "README.md").read_text()
    comments = pq.read_table(release.path / "data/comments-00000-of-00001.parquet")
    for text in comments.column("text").to_pylist():
        for para in text.split("\n\n"):
            assert para not in body


def test_card_points_to_the_policy_and_reads_measured_metrics(tmp_path):
    """The policy explains name rules by example: the public card links to it, never includes it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "anonymisation-policy.md").write_text("Names such as Quentin Example become [NAME].\n")
    (docs / "anonymisation-metrics.json").write_text(json.dumps(
        {"person_recall": 0.973, "evaluated_mentions": 63, "corpus": "seeds"}))
    res = publish(make_build(tmp_path / "b"), "1.0.0", tmp_path / "reg", docs_dir=docs)
    body = (res.path / "README.md").read_text()
    assert "Quentin" not in body and "`docs/anonymisation-policy.md` in the" in body
    assert "| person_recall | 0.973 |" in body and "| evaluated_mentions | 63 |" in body
    assert "not measured" not in body


def test_policy_without_metrics_file(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "anonymisation-policy.md").write_text(
        "# Anonymisation policy\n\nIntro.\n\n## Measured quality\n\nrecall 0.98 on seeds\n")
    res = publish(make_build(tmp_path / "b"), "1.0.0", tmp_path / "reg", docs_dir=docs)
    body = (res.path / "README.md").read_text()
    assert "no measurement file (`docs/anonymisation-metrics.json`)" in body
    assert "are in `docs/anonymisation-policy.md` of the pipeline" in body
    assert "Measured quality" not in body and "recall 0.98 on seeds" not in body
    validate_card(body)


def test_plots_are_deterministic_pngs(release, tmp_path):
    png = (release.path / "plots/depth_histogram.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    again = plots.depth_histogram([[0, 26], [1, 16], [2, 5], [3, 2], [4, 1]])
    assert again == png
    assert b"Software" not in png and b"matplotlib" not in png


def test_data_card_file(release, tmp_path):
    out = write_data_card(release, tmp_path / "DATA_CARD.md")
    text = out.read_text()
    assert text.startswith("<!-- Generated by 'therapy-threads publish 1.0.0'")
    assert "\n---\n" not in text.split("# Dataset Card")[0]  # no YAML front matter
    # the repo card shows the release's figures, copied next to it
    assert "![Comments by reply depth](docs/data-card/depth_histogram.png)" in text
    assert (tmp_path / "docs" / "data-card" / "depth_histogram.png").read_bytes() == \
        (release.path / "plots" / "depth_histogram.png").read_bytes()
    assert "# Dataset Card for therapy-threads v1.0.0" in text


# ---------------------------------------------------------------- Croissant


def test_croissant_document(release):
    doc = json.loads((release.path / "croissant.json").read_text())
    assert doc["@type"] == "sc:Dataset"
    assert doc["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    assert doc["@context"]["conformsTo"] == "dct:conformsTo"
    for key in ("name", "description", "license", "url", "creator", "datePublished"):
        assert doc[key], key
    assert doc["datePublished"] == "2026-11-22"
    for key in ("rai:dataCollection", "rai:dataLimitations", "rai:dataBiases",
                "rai:personalSensitiveInformation", "rai:dataUseCases", "rai:dataSocialImpact"):
        assert len(doc[key]) > 50, key
    files = {d["@id"]: d for d in doc["distribution"] if d["@type"] == "cr:FileObject"}
    for f in release.manifest["files"]:
        if f["path"].startswith("data/"):
            assert files[f["path"]]["sha256"] == f["sha256"]
    rs = {r["@id"]: r for r in doc["recordSet"]}
    assert rs["comments"]["key"] == {"@id": "comments/comment_id"}
    assert rs["posts"]["key"] == {"@id": "posts/post_id"}
    refs = {f["@id"]: f["references"]["field"]["@id"] for f in rs["comments"]["field"]
            if "references" in f}
    assert refs == {"comments/post_id": "posts/post_id",
                    "comments/parent_id": "comment_ids/comment_id",
                    "comments/root_id": "comment_ids/comment_id",
                    "comments/author_pseudonym": "speakers/author_pseudonym"}
    assert rs["comment_ids"]["key"] == {"@id": "comment_ids/comment_id"}
    assert rs["speakers"]["key"] == {"@id": "speakers/author_pseudonym"}


def test_croissant_validates_and_loads_every_record_set_with_mlcroissant(release, tmp_path):
    import mlcroissant as mlc
    ds = mlc.Dataset(jsonld=str(release.path / "croissant.json"))
    md = ds.metadata
    assert not md.ctx.issues.errors and not md.ctx.issues.warnings
    assert md.name == "therapy-threads" and md.version == "1.0.0"
    assert "Don't quote me" in str(md.personal_sensitive_information)
    assert md.data_biases and md.data_collection and md.data_use_cases
    rs = {r.name: r for r in md.record_sets}
    # The reply links are declared (into the key-only comment_ids view, so the operation graph
    # has no cycle) and the unmodified croissant.json loads every record set.
    assert {f.name: f.references.field for f in rs["comments"].fields if f.references} == {
        "post_id": "posts/post_id", "parent_id": "comment_ids/comment_id",
        "root_id": "comment_ids/comment_id", "author_pseudonym": "speakers/author_pseudonym"}
    # (records() of one record set can be iterated once per Dataset object)
    records = {name: list(ds.records(name)) for name in rs}
    assert {name: len(r) for name, r in records.items()} == {
        "posts": 6, "comments": 50, "comment_ids": 50, "quarantine": 2, "speakers": 50}
    assert {p["posts/post_id"].decode() for p in records["posts"]} == set(
        pq.read_table(release.path / "data/posts-00000-of-00001.parquet").column("post_id")
        .to_pylist())
    comments = records["comments"]
    assert sum(1 for c in comments if c["comments/depth"] == 0) == 26
    ids = {c["comments/comment_id"] for c in comments}
    targets = {c["comment_ids/comment_id"] for c in records["comment_ids"]}
    assert targets == ids
    # every reply link resolves to a published comment id
    assert {c["comments/parent_id"] for c in comments if c["comments/parent_id"]} <= targets
    assert {c["comments/root_id"] for c in comments} <= targets


def test_croissant_and_card_have_no_placeholder_urls(release):
    doc = json.loads((release.path / "croissant.json").read_text())
    assert doc["url"] == "README.md" and doc["license"] == "TERMS.md"  # relative to the release
    for name in ("croissant.json", "README.md", "TERMS.md", "manifest.json"):
        assert ".invalid" not in (release.path / name).read_text(), name


def test_croissant_urls_point_at_the_hub_release(tmp_path):
    res = publish(make_build(tmp_path / "b"), "1.0.0", tmp_path / "reg", repo_id="owner/tt")
    doc = json.loads((res.path / "croissant.json").read_text())
    assert doc["url"] == "https://huggingface.co/datasets/owner/tt"
    assert doc["license"] == "https://huggingface.co/datasets/owner/tt/blob/v1.0.0/TERMS.md"


def test_many_sources_are_summarised(tmp_path):
    from helpers_build import BuildSpec, SourceSpec

    spec = BuildSpec(sources=[SourceSpec(f"s-{i:03d}", n_posts=1, comments_per_post=1,
                                         declared_extra=0, quarantined=0, seed=i)
                              for i in range(103)])
    res = publish(make_build(tmp_path / "b", spec), "1.0.0", tmp_path / "reg")
    body = (res.path / "README.md").read_text()
    assert body.count("| … 3 more sources |") == 2
    assert "| `s-099` |" in body and "| `s-100` |" not in body
    assert len(res.manifest["sources"]) == 103


def test_card_names_the_covered_languages_and_the_fail_closed_rule(release):
    _, body = _yaml_and_body((release.path / "README.md").read_text())
    assert ("The name rules cover these languages: ca, cs, da, de, el, en, es, fi, fr, ga, id, it, ms, nl, nn, no, pl, pt, sv, "
            "tl (text detected as ga is read with the en rules, ms is read with the id rules, nn is read with the no rules, "
            "tl is read with the en rules: written online, such text is mostly mixed with that language, or shares its "
            "grammar of names).") in body
    assert "quarantined with reason `language_not_covered`" in body
