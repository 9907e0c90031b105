"""Include rules: out-of-scope posts leave with their comments, and are counted."""
from __future__ import annotations

from pathlib import Path

from therapy_threads.include import apply_include
from therapy_threads.readers import SourceRef, get_reader

SAMPLES = Path(__file__).parent / "fixtures" / "samples"


def a11y():
    data = (SAMPLES / "wxr" / "a11y-unit-test-data.xml").read_bytes()
    return get_reader("wxr").read(data, SourceRef("a11y", "a.xml"))


def test_empty_rule_changes_nothing():
    r = a11y()
    before = (len(r.posts), len(r.comments), dict(r.skipped))
    apply_include(r, {})
    apply_include(r, None)
    assert (len(r.posts), len(r.comments), r.skipped) == before


def test_category_rule_by_name_and_slug_counts_the_rest():
    r = a11y()
    n_posts, n_comments = len(r.posts), len(r.comments)
    apply_include(r, {"categories": ["template"]})  # the category is called "Template"
    titles = sorted(p.title for p in r.posts)
    assert "Template: Comments" in titles and "Edge Case: No Content" not in titles
    assert all("Template" in p.categories for p in r.posts)
    assert r.skipped["excluded_post"] == n_posts - len(r.posts)
    assert r.skipped["excluded_comment"] == n_comments - len(r.comments)
    assert len(r.comments) == 20  # 19 on Template: Comments + 1 on the pingback template
    kept = {p.post_id for p in r.posts}
    assert all(c.post_id in kept for c in r.comments)


def test_tags_and_keywords_are_alternatives():
    r = a11y()
    apply_include(r, {"tags": ["pingbacks"], "keywords": ["no content"]})
    assert sorted(p.title for p in r.posts) == ["Edge Case: No Content",
                                                "Template: Pingbacks And Trackbacks"]
    assert len(r.comments) == 2


def test_keyword_prefix_and_word_boundaries():
    r = a11y()
    apply_include(r, {"keywords": ["paginat*"]})
    assert r.posts and all("paginat" in (p.title + p.body).lower() for p in r.posts)
    r2 = a11y()
    apply_include(r2, {"keywords": ["pag"]})  # not a whole word anywhere
    assert r2.posts == [] and r2.comments == []
    assert r2.skipped["excluded_comment"] == 24


def test_language_rule_detects_when_needed():
    data = (SAMPLES / "html" / "netzpolitik.org.abmahnungen.html").read_bytes()
    r = get_reader("wordpress_html").read(data, SourceRef("n", "n.html"))
    apply_include(r, {"languages": ["en"]})
    assert r.posts == [] and r.skipped == {"excluded_post": 1, "excluded_comment": 74}
    r = get_reader("wordpress_html").read(data, SourceRef("n", "n.html"))
    apply_include(r, {"languages": ["de"], "keywords": ["Creative Commons"]})
    assert len(r.posts) == 1 and len(r.comments) == 74 and r.posts[0].language == "de"


def test_quarantine_rows_of_excluded_posts_are_counted_too():
    data = (SAMPLES / "disqus" / "isso-disqus.xml").read_bytes()
    r = get_reader("disqus").read(data, SourceRef("d", "d.xml"))
    apply_include(r, {"keywords": ["nothing-matches-this"]})
    # 3 comments + the deleted one (a removed node) and its reply; the missing-thread row stays.
    assert r.skipped["excluded_comment"] == 5
    assert [q.reason for q in r.quarantine] == ["missing_thread"]


def test_bad_rules_are_reported():
    r = a11y()
    apply_include(r, {"categories": 3})
    assert r.issues[-1].code == "include_rule_invalid"
    r = a11y()
    apply_include(r, {"category": ["x"]})
    assert r.issues[-1].code == "include_unknown_keys"
