"""`therapy-threads view`: a static thread viewer, checked in headless Chromium (item 6)."""
from __future__ import annotations

import shutil
import subprocess

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers_build import make_build, record_verdicts
from therapy_threads import load, reply_tree
from therapy_threads.cli import main
from therapy_threads.errors import UserError
from therapy_threads.publish.release import publish
from therapy_threads.threads import Node
from therapy_threads.view import placeholder_pattern, render_text, render_threads, write_site

lxml_html = pytest.importorskip("lxml.html")

MARKED = ("Thank you [PERSON_1], my therapist [POST_AUTHOR] said write to [EMAIL] "
          "or [u_0123456789abcdef] <script>alert(1)</script> & more")


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    d = tmp_path_factory.mktemp("view")
    build = make_build(d / "build")
    t = pq.read_table(build / "comments.parquet")
    texts = t.column("text").to_pylist()
    depths = t.column("depth").to_pylist()
    deepest = max(range(len(depths)), key=lambda i: depths[i])
    texts[deepest] = MARKED + "\n\nzebracorn"  # a unique word to search for
    t = t.set_column(t.schema.get_field_index("text"), "text", pa.array(texts, pa.string()))
    pq.write_table(t, build / "comments.parquet")
    record_verdicts(build)  # the gate binds verdicts to bytes: as if re-validated
    return publish(build, "1.0.0", d / "reg").path


@pytest.fixture(scope="module")
def site(release, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "viewer"
    assert main(["view", str(release), "--out", str(out)]) == 0
    return out


def _deepest(release):
    df = load("comments", source=release)
    row = df.loc[df["depth"].idxmax()]
    return df, row


def test_site_layout_and_nested_tree(release, site):
    posts = load("posts", source=release)
    assert (site / "index.html").is_file() and (site / "search-index.js").is_file()
    assert sorted(p.name for p in (site / "posts").iterdir()) == sorted(
        f"{pid}.html" for pid in posts["post_id"])
    df, row = _deepest(release)
    doc = lxml_html.parse(str(site / "posts" / f"{row['post_id']}.html")).getroot()
    lis = doc.xpath("//li[contains(@class, 'comment')]")
    assert len(lis) == int((df["post_id"] == row["post_id"]).sum())
    t = load("comments", source=release, format="arrow")
    parents = dict(zip(t.column("comment_id").to_pylist(), t.column("parent_id").to_pylist()))
    for li in lis:  # the nesting of the HTML is the reply tree
        up = li.xpath("ancestor::li[contains(@class, 'comment')][1]")
        assert (up[0].get("id") if up else None) == parents[li.get("id")]
        assert int(li.get("data-depth")) == len(li.xpath("ancestor::ol[@class='replies']"))
    deep = doc.get_element_by_id(row["comment_id"])
    assert len(deep.xpath("ancestor::ol[@class='replies']")) == row["depth"] >= 2


def test_placeholders_highlighted_and_text_escaped(release, site):
    _, row = _deepest(release)
    page = (site / "posts" / f"{row['post_id']}.html").read_text()
    doc = lxml_html.fromstring(page)
    marks = [m.text for m in doc.get_element_by_id(row["comment_id"]).xpath(".//mark[@class='ph']")]
    assert marks == ["[PERSON_1]", "[POST_AUTHOR]", "[EMAIL]", "[u_0123456789abcdef]"]
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert not doc.xpath("//script[not(@src)]")  # no inline script at all


def test_placeholder_pattern_comes_from_the_policy():
    ph = placeholder_pattern()
    assert [m.group(0) for m in ph.finditer("[PERSON_12] [URL] [NAME] [u_ab12] [EMAIL]")] == [
        "[PERSON_12]", "[URL]", "[u_ab12]", "[EMAIL]"]
    assert render_text("a\n\nb [URL]", ph) == '<p>a</p>\n<p>b <mark class="ph" title=' \
        '"replaced by the anonymiser">[URL]</mark></p>'


def test_very_deep_thread_renders_without_recursion():
    n = 5000
    rows = [{"comment_id": f"c{i}", "parent_id": f"c{i - 1}" if i else None, "post_id": "p",
             "depth": i, "position": i, "text": "x"} for i in range(n)]
    (root,) = reply_tree(rows, "p")
    out = render_threads([root], placeholder_pattern())
    assert out.count('<ol class="replies"') == n - 1 and out.count("</ol>") == n
    assert out.count("<li") == out.count("</li>") == n
    assert isinstance(root, Node)


def test_refuses_to_overwrite(release, site, tmp_path):
    with pytest.raises(UserError, match="not empty"):
        write_site(release, site)
    other = tmp_path / "mine"
    other.mkdir()
    (other / "a.txt").write_text("x")
    with pytest.raises(UserError, match="not a therapy-threads viewer"):
        write_site(release, other, overwrite=True)
    assert write_site(release, site, overwrite=True).posts == 6


def test_full_text_search_is_dropped_past_the_limit(release, tmp_path):
    res = write_site(release, tmp_path / "small", full_text_limit=100)
    assert not res.full_text
    assert '"comments": []' in (tmp_path / "small" / "search-index.js").read_text()


# ---------------------------------------------------------------- in a real browser


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _args(tmp_path):
    return [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=5000"]


@pytest.mark.browser
@pytest.mark.skipif(_chromium() is None,
                    reason="Debian chromium is not installed (scripts/ci_system_deps.sh installs it)")
def test_viewer_in_headless_chromium(release, site, tmp_path):
    from PIL import Image

    _, row = _deepest(release)
    page = (site / "posts" / f"{row['post_id']}.html").as_uri()
    # The DOM after the page's script ran, with a search from the address: the tree is nested
    # and the search keeps the matching comment with the replies it sits under.
    dom = subprocess.run(_args(tmp_path) + ["--dump-dom", page + "?q=zebracorn"],
                         capture_output=True, text=True, timeout=120).stdout
    doc = lxml_html.fromstring(dom)
    assert doc.get_element_by_id("hits").text_content() == "1 comment matches"
    hit = doc.xpath("//li[contains(@class, 'match')]")
    assert [li.get("id") for li in hit] == [row["comment_id"]]
    shown = doc.xpath("//li[contains(@class, 'comment') and not(contains(@class, 'hidden'))]")
    assert len(shown) == row["depth"] + 1  # the match and its ancestors
    assert len(hit[0].xpath("ancestor::ol[@class='replies']")) == row["depth"]
    # The index page: the global search finds the comment and links to it.
    dom = subprocess.run(_args(tmp_path) + ["--dump-dom", (site / "index.html").as_uri()
                                            + "?q=zebracorn"],
                         capture_output=True, text=True, timeout=120).stdout
    links = lxml_html.fromstring(dom).xpath("//ol[@id='results']/li/a/@href")
    assert links == [f"posts/{row['post_id']}.html#{row['comment_id']}"]
    # A screenshot of the whole discussion: rendered, not blank, replies indented.
    shot = tmp_path / "thread.png"
    subprocess.run(_args(tmp_path) + ["--window-size=1200,1600", f"--screenshot={shot}", page],
                   capture_output=True, timeout=120)
    img = Image.open(shot).convert("RGB")
    assert img.size == (1200, 1600)
    assert len(img.getcolors(maxcolors=1 << 20)) > 50
    # comment cards start further right the deeper they are: find the left edge of white
    # card backgrounds on every row and expect several distinct indentation levels
    px = img.load()
    edges = set()
    for y in range(300, 1600, 4):
        for x in range(100, 700):
            if px[x, y] == (255, 255, 255) and px[x - 1, y] != (255, 255, 255):
                edges.add(x // 10)
                break
    assert len(edges) >= 3, edges
    shutil.copyfile(shot, site.parent / "thread.png")  # kept for a look with an image viewer


@pytest.fixture(scope="module")
def removed_site(tmp_path_factory):
    from helpers_build import BuildSpec, SourceSpec

    d = tmp_path_factory.mktemp("view-removed")
    spec = BuildSpec(sources=[SourceSpec("seed-rm", n_posts=1, comments_per_post=6, removed=(0, 3), seed=1)])
    release = publish(make_build(d / "build", spec), "1.0.0", d / "reg").path
    out = d / "viewer"
    write_site(release, out)
    return release, out


def test_removed_comments_show_removed_with_their_replies(removed_site):
    release, out = removed_site
    rows = load("comments", source=release, format="arrow").to_pylist()
    gone = {r["comment_id"] for r in rows if r["removed"]}
    pid = rows[0]["post_id"]
    page = (out / "posts" / f"{pid}.html").read_text()
    doc = lxml_html.fromstring(page)
    shown = doc.xpath("//li[contains(@class, 'removed')]")
    assert {li.get("id") for li in shown} == gone and len(gone) == 2
    for li in shown:
        body = li.xpath("./div[@class='body']")[0]
        assert [p.text_content() for p in body.xpath("./p")] == ["[removed]"]
        assert body.xpath("./div[@class='head']/span[@class='who']")  # author and date as any
        # seed 1: each removed comment has one reply, nested under it
        (reply,) = li.xpath("./ol[@class='replies']/li")
        assert "removed" not in reply.get("class") and reply.xpath("./div/p")[0].text_content()
    kept = [li for li in doc.xpath("//li[contains(@class, 'comment')]") if li.get("id") not in gone]
    assert len(kept) == 4 and not any("[removed]" in li.xpath("./div")[0].text_content() for li in kept)
    # the global search index holds no row for a comment without words
    index = (out / "search-index.js").read_text()
    assert not any(cid in index for cid in gone)
    assert sum(r["comment_id"] in index for r in rows) == 4


@pytest.mark.browser
@pytest.mark.skipif(_chromium() is None,
                    reason="Debian chromium is not installed (scripts/ci_system_deps.sh installs it)")
def test_in_page_search_does_not_match_the_removed_notice(removed_site, tmp_path):
    release, out = removed_site
    pid = load("comments", source=release, format="arrow").column("post_id")[0].as_py()
    page = (out / "posts" / f"{pid}.html").as_uri()
    dom = subprocess.run(_args(tmp_path) + ["--dump-dom", page + "?q=removed"],
                         capture_output=True, text=True, timeout=120).stdout
    assert lxml_html.fromstring(dom).get_element_by_id("hits").text_content() == "0 comments match"
