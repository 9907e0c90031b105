"""The plain-text capture reader on the five seeds (shapes verified by reading them) and on garbage."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from therapy_threads.normalise import clean_text
from therapy_threads.readers import detect_format, get_reader
from therapy_threads.readers.base import SourceRef
from therapy_threads.readers.text_capture import BLANK, TextCaptureReader, analyse
from therapy_threads.tree import MAX_DEPTH

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"
SEED_FILES = {
    "000": "000_7691e6bb714660a6.txt",
    "001": "001_3666a8ada167a8c8.txt",
    "002": "002_c831ba9a2f3d1cd9.txt",
    "003": "003_8f2e2d610adeb6f1.txt",
    "004": "004_87c3cf08350c91e9.txt",
}


def read_bytes(data: bytes, site: str | None = None, name: str = "x"):
    return get_reader("text_capture").read(data, SourceRef(source_id=name, location=name, site=site))


def read_seed(key: str):
    return read_bytes((SEEDS / SEED_FILES[key]).read_bytes(), name=f"seed-{key}")


@pytest.fixture(scope="module")
def seeds():
    return {k: read_seed(k) for k in SEED_FILES}


def by_prefix(result, prefix: str):
    hits = [c for c in result.comments if c.text.startswith(prefix)]
    assert len(hits) == 1, (prefix, [h.text[:40] for h in hits])
    return hits[0]


def parent_of(result, comment):
    if comment.parent_id is None:
        return None
    return next(c for c in result.comments if c.comment_id == comment.parent_id)


# --- format detection -----------------------------------------------------------------------

def test_seeds_are_detected_as_text_captures():
    for name in SEED_FILES.values():
        data = (SEEDS / name).read_bytes()
        assert detect_format(data, name) == "text_capture"
        assert TextCaptureReader.sniff(data[:65536], name) >= 0.7


@pytest.mark.parametrize("head", [
    b"<!DOCTYPE html><html><body><p>x</p></body></html>",
    b"  <?xml version='1.0'?><rss/>",
    b'{"id": 1, "content": {"rendered": "x"}}',
    b"[1, 2, 3]",
    b"\x89PNG\r\n\x1a\n\x00\x00",
    b"",
])
def test_sniff_rejects_markup_json_and_binary(head):
    assert TextCaptureReader.sniff(head, "page") == 0.0


# --- seed 000 ---------------------------------------------------------------------------------

def test_seed_000_structure(seeds):
    r = seeds["000"]
    assert not r.failed and len(r.posts) == 1
    post = r.posts[0]
    assert post.title == "A Space for Love in Therapy"  # NBSP normalised
    assert post.declared_comment_count == 19
    assert post.extracted_comment_count == 10
    assert post.author is None
    assert post.body.startswith("This blog won’t be long.")
    assert post.body.endswith("Love is the light.")
    assert post.body.count("\n\n") == 4  # five paragraphs
    assert "I don’t mean “in love.”" in post.body  # curly quotes kept
    assert len(r.comments) == 10
    roots = [c for c in r.comments if c.depth == 0]
    assert len(roots) == 7
    assert [c.n_children for c in roots] == [0, 0, 0, 1, 0, 1, 1]  # replies under 4th, 6th, 7th
    assert [c.like_count for c in r.comments] == [4, 6, 4, 1, 4, 2, 2, 1, None, 1]
    assert all("Liked by" not in c.text for c in r.comments)
    assert [c.source_key for c in r.comments] == ["1", "2", "3", "4", "4.1", "5", "6", "6.1", "7", "7.1"]
    assert r.comments[4].location == "line 33-35"
    assert any(i.code == "count_mismatch" for i in r.issues)


def test_seed_000_mojibake_emoji_repaired(seeds):
    texts = [c.text for c in seeds["000"].comments]
    assert "In short bursts anyway 😂 I guess my blog" in texts[1]
    assert texts[2].endswith("really understand this stuff 🙂")
    assert "consider… 😊" in texts[8]
    assert not any(ch in t for t in texts for ch in "πŸ˜")
    assert "‘A General Theory of Love’ – it’s written" in texts[2]


def test_seed_000_comment_form_is_furniture(seeds):
    r = seeds["000"]
    kinds = Counter(f.kind for f in r.furniture)
    assert kinds == {"leave_a_reply": 1, "login_prompt": 4, "image_alt": 3, "comment_form": 1}
    assert {f.text for f in r.furniture if f.kind == "image_alt"} == {
        "WordPress.com Logo", "Twitter picture", "Facebook photo"}
    assert all("commenting using" not in c.text for c in r.comments)


# --- seed 001: no comments, heavy furniture -----------------------------------------------------

def test_seed_001_furniture_removed(seeds):
    r = seeds["001"]
    post = r.posts[0]
    assert post.title == "A Therapy Relationship Is Not A Real Relationship"
    assert post.declared_comment_count is None and post.extracted_comment_count == 0
    assert r.comments == []
    assert post.body.startswith("I can’t tell you how many times")
    assert post.body.endswith("the weirdest real relationship you’ve ever been in.")
    for junk in ("Skip to content", "cookies", "Call me", "Share this", "icon", "consultation",
                 "zoom meeting", "Emotional Utopia", "Just tell me", "Mindful exercises", "anger management"):
        assert junk not in post.body, junk
    # The pull quotes are gone as paragraphs but their sentences stay where the author wrote them.
    paragraphs = post.body.split("\n\n")
    assert "You don’t pay me to be nice to you." not in paragraphs
    assert "First, you don’t pay me to be nice to you." in post.body
    assert len(paragraphs) == 9
    kinds = {f.location: f.kind for f in r.furniture}
    assert kinds == {
        "line 11": "pull_quote", "line 19": "pull_quote", "line 25": "call_to_action",
        "line 27": "image_alt", "line 29": "call_to_action", "line 31": "tags", "line 33": "share",
        "line 35": "call_to_action", "line 37": "widget", "line 40": "newsletter", "line 44": "widget",
        "line 46": "image_alt", "line 49": "cookie_notice", "line 51": "skip_link",
    }


# --- seed 002 -----------------------------------------------------------------------------------

def test_seed_002_structure(seeds):
    r = seeds["002"]
    post = r.posts[0]
    assert post.title == "Emotional Dependency in Therapeutic Relationships"
    assert post.declared_comment_count == 18 and post.extracted_comment_count == 12
    roots = [c for c in r.comments if c.depth == 0]
    assert len(r.comments) == 12 and len(roots) == 7
    assert max(c.depth for c in r.comments) == 2
    assert Counter(c.depth for c in r.comments) == {0: 7, 1: 4, 2: 1}
    # Bulleted replies under the 4th comment, one reply nested under the third bullet.
    fourth = roots[3]
    assert fourth.text.startswith("Emotional dependency. This topic makes me soooo uncomfortable.")
    assert fourth.n_children == 3
    dv = by_prefix(r, "Do not worry about all your comments DV!")
    assert parent_of(r, dv).text.startswith("I’m sorry for the multiple comments.")
    assert dv.depth == 2
    paperdoll = roots[4]
    assert paperdoll.text.startswith("Paperdoll,\nMy first reaction is “good for you!!”")
    assert paperdoll.like_count == 1
    assert by_prefix(r, "Hello AG").parent_id == paperdoll.comment_id
    assert [c.like_count for c in r.comments] == [1, 1, 1, 1, None, None, 1, None, 1, None, 1, 1]
    assert "It sounds like we have had similar upbringings." in roots[5].text


# --- seed 003: deep threads, traps ---------------------------------------------------------------

def test_seed_003_counts(seeds):
    r = seeds["003"]
    post = r.posts[0]
    assert post.title == "Emotional Dependency in Psychotherapy"
    assert post.author == "Joseph Burgo"
    assert post.declared_comment_count is None
    assert len(r.comments) == 159 == post.extracted_comment_count
    assert r.quarantine == []
    assert Counter(c.depth for c in r.comments) == {0: 70, 1: 47, 2: 19, 3: 15, 4: 4, 5: 4}
    assert [c.source_key for c in r.comments if c.depth == 0] == [str(i) for i in range(1, 71)]
    assert r.comments[-1].text.startswith("Hello,\nI’m in family therapy")


def test_seed_003_byline_and_bio(seeds):
    r = seeds["003"]
    body = r.posts[0].body
    assert body.endswith("who knows how to set reasonable limits and stick to them.")
    assert "By Joseph Burgo" not in body and "Joe is the author" not in body
    bio = [f for f in r.furniture if f.kind == "author_bio"]
    assert len(bio) == 1 and bio[0].text.startswith("Joe is the author and the owner of AfterPsychotherapy.com")
    assert bio[0].location == "line 23"


PARENT_LINKS_003 = [
    # (reply starts with, parent starts with) — each verified by reading the capture
    ("Thanks, Melissa", "I just had a pyschotherapy session today and literally walked out"),
    ("See Julia’s reply of March, 2012", "Dear Julia,"),
    ("I disagree also. I’m a trainee therapist", "Dear Julia,"),
    ("huh not sure where in Australia", "Dear Julia,"),
    ("Dear Julia,", "I am really struck by two of Evan’s observations."),
    ("I just stopped therapy after two years.", "Hi Julia, I hope you find other support."),
    ("“I think roles and time scheduled appointments", "Hi Joseph, I do have lots of thoughts."),
    ("Is it possible for you to send a link", "These questions are so interesting"),
    ("I find your questions very interesting.", "Hi\nI have a few questions"),
    ("Ok, it’s been eleven months.", "Hello, I thought I should thank you."),
    ("It sounds like it might be time since", "Ok, it’s been eleven months."),
    ("Wow Foxes.", "Is this really true, though?"),
    ("I’d contact my colleague Marla Estes.", "Is there really not much interest in using film"),
    ("Cathrine, as I said in answer to another comment", "Hi Joe,\nHow long does/should"),
    ("Thanks for your reply.\nUnfortunately, we are unable", "Would it be possible for you to continue working with her via Skype?"),
    ("Hang in there — it will take time", "Yes, you’re right on."),
]


@pytest.mark.parametrize("reply,parent", PARENT_LINKS_003)
def test_seed_003_parent_links(seeds, reply, parent):
    r = seeds["003"]
    child = by_prefix(r, reply)
    assert parent_of(r, child) is by_prefix(r, parent)


def test_seed_003_siblings_after_omitted_comments(seeds):
    r = seeds["003"]
    sorry = by_prefix(r, "Sorry for taking so long to reply")
    mike = by_prefix(r, "Thanks, Mike.")
    assert mike.parent_id == sorry.parent_id is not None
    assert mike.depth == sorry.depth == 1
    julia = by_prefix(r, "Dear Julia,")
    kids = [c for c in r.comments if c.parent_id == julia.comment_id]
    assert [k.text[:8] for k in kids] == ["See Juli", "I disagr", "huh not "]
    assert julia.n_children == 3 and all(k.depth == julia.depth + 1 == 5 for k in kids)


def test_seed_003_indent_jumps_are_warned(seeds):
    jumps = sorted((i.location, i.message) for i in seeds["003"].issues if i.code == "indent_jump")
    assert [loc for loc, _ in jumps] == ["line 289", "line 58", "line 62"]
    assert "3 levels below the comment at line 50" in dict(jumps)["line 58"]
    assert "2 levels below the comment at line 275" in dict(jumps)["line 289"]
    assert all(i.severity == "warning" for i in seeds["003"].issues if i.code == "indent_jump")


def test_seed_003_numbered_lists_inside_comments_are_text(seeds):
    r = seeds["003"]
    answer = by_prefix(r, "I find your questions very interesting.")
    assert answer.n_children == 0
    for line in ("1. Is it possible for a therapist to intentionally cause transference?",
                 "2.Do client have rights to consent to this?",
                 "3. Is it possible that therapists can use their power for their own needs?",
                 "4.And finally what does it mean when a therapist brings His own stuff into the room?"):
        assert line in answer.text.split("\n")
    assert answer.location == "line 226-235"
    questions = by_prefix(r, "Hi\nI have a few questions")
    assert "Do client have rights to consent to this?" in questions.text
    assert not any(c.text.startswith(("Do client", "Is it possible for a therapist", "And finally")) for c in r.comments)


def test_seed_003_paragraph_breaks_kept(seeds):
    hello = by_prefix(seeds["003"], "Hello, I thought I should thank you.")
    assert "\n\n(1) I traditionally hate seeking help" in hello.text
    assert "\n\n\n" not in hello.text


# --- seed 004 -----------------------------------------------------------------------------------

def test_seed_004_site_header_and_title(seeds):
    post = seeds["004"].posts[0]
    assert post.site == "Blog: insights from Dr. Keren Sofer"
    assert post.title == "“Why Is This So Hard?” A closer look at couples therapy"
    assert post.body.startswith("Couple therapy is really really hard.")
    assert "Am I truly loveable?" in post.body.split("\n\n")
    assert seeds["004"].comments == [] and seeds["004"].furniture == []


def test_manifest_site_wins_over_header():
    r = read_bytes((SEEDS / SEED_FILES["004"]).read_bytes(), site="Manifest name")
    assert r.posts[0].site == "Manifest name"


# --- invariants on all seeds ----------------------------------------------------------------------

_MARK = re.compile(r"^(?:\d{1,4}\.|•)\s+")


def _norm(line: str) -> str:
    return _MARK.sub("", clean_text(line))


@pytest.mark.parametrize("key,first,last", [("000", 15, 56), ("002", 42, 93), ("003", 26, 619)])
def test_every_comment_line_is_in_exactly_one_comment(seeds, key, first, last):
    """Independent of the reader's accounting: the lines of the comment section (1-based range,
    found by reading the file), minus blanks and 'Liked by' lines, are exactly the comments' lines."""
    lines = (SEEDS / SEED_FILES[key]).read_text(encoding="utf-8").split("\n")[first - 1:last]
    expected = Counter(_norm(ln) for ln in lines if ln.strip() and not ln.strip().startswith("Liked by"))
    got = Counter(_norm(ln) for c in seeds[key].comments for ln in c.text.split("\n") if ln.strip())
    assert got == expected


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_parents_precede_children_with_consistent_depth(seeds, key):
    r = seeds[key]
    seen: dict[str, object] = {}
    for pos, c in enumerate(r.comments):
        assert c.position == pos and c.post_id == r.posts[0].post_id
        if c.parent_id is None:
            assert c.depth == 0 and c.root_id == c.comment_id
        else:
            parent = seen[c.parent_id]  # earlier, same post
            assert c.depth == parent.depth + 1
            assert c.root_id == parent.root_id
            assert c.path == parent.path + "/" + c.comment_id
        seen[c.comment_id] = c
    assert len({c.comment_id for c in r.comments}) == len(r.comments)


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_every_nonblank_line_is_accounted_for(key):
    a = analyse((SEEDS / SEED_FILES[key]).read_text(encoding="utf-8"))
    for i, line in enumerate(a.lines):
        assert (a.roles[i] == BLANK) == (not line.strip()), (i + 1, line)


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_reading_is_deterministic(seeds, key):
    again = read_seed(key)
    assert [(c.comment_id, c.parent_id, c.text) for c in again.comments] == \
           [(c.comment_id, c.parent_id, c.text) for c in seeds[key].comments]
    assert again.posts[0] == seeds[key].posts[0]


def test_crlf_and_tabs_give_the_same_structure():
    raw = (SEEDS / SEED_FILES["002"]).read_bytes()
    base = read_bytes(raw)
    crlf = read_bytes(raw.replace(b"\n", b"\r\n"))
    assert [(c.source_key, c.parent_key, c.text) for c in crlf.comments] == \
           [(c.source_key, c.parent_key, c.text) for c in base.comments]
    tabs = read_bytes(raw.replace(b"    ", b"\t"))
    assert [(c.source_key, c.parent_key) for c in tabs.comments] == [(c.source_key, c.parent_key) for c in base.comments]


# --- other capture shapes ---------------------------------------------------------------------

def test_four_space_indentation_and_jump_relative_to_unit():
    text = ("A post\n\nA paragraph of text that is long enough to be prose, really, it is quite long.\n\n"
            "3 Comments\n\n"
            "    1. root one\n\n"
            "        1. child of one\n\n"
            "                1. jumped two levels\n\n"
            "    2. root two\n\n"
            "        1. child of two\n")
    r = read_bytes(text.encode())
    assert [(c.source_key, c.parent_key) for c in r.comments] == [
        ("1", None), ("1.1", "1"), ("1.1.1", "1.1"), ("2", None), ("2.1", "2")]
    jumps = [i for i in r.issues if i.code == "indent_jump"]
    assert [j.location for j in jumps] == ["line 11"]
    assert "2 levels below" in jumps[0].message
    assert r.posts[0].declared_comment_count == 3


def test_partial_page_starting_at_51_and_one_thought_header():
    text = ("Title\n\nBody paragraph long enough to count as prose for this little test, yes.\n\n"
            "One thought on “Title”\n\n  51. first on this page\n\n  52. second\n")
    r = read_bytes(text.encode())
    assert r.posts[0].declared_comment_count == 1
    assert [c.text for c in r.comments] == ["first on this page", "second"]


def test_names_dates_and_action_lines_are_metadata():
    text = ("Title\n\nBody paragraph long enough to count as prose for this little test, yes.\n\n"
            "2 Responses to “Title”\n\n"
            "  1. Anna says:\n    March 3, 2012 at 4:15 pm\n    I loved this.\n    Reply\n"
            "    1. Dr. Smith said:\n      2012-03-04T10:00:00+01:00\n\n      Thank you, Anna.\n\n"
            "  2. My therapist says:\n    nothing at all\n")
    r = read_bytes(text.encode())
    got = [(c.source_key, c.identity.name if c.identity else None, c.published_at, c.text) for c in r.comments]
    assert got == [
        ("1", "Anna", None, "I loved this."),  # zoneless time: not guessed into UTC
        ("1.1", "Dr. Smith", "2012-03-04T09:00:00Z", "Thank you, Anna."),
        ("2", None, None, "My therapist says:\nnothing at all"),
    ]


def test_form_before_comments_and_unindented_line_between_comments():
    text = ("Title\n\nBody paragraph long enough to count as prose for this little test, yes.\n\n"
            "Leave a Reply\n\nYour email address will not be published.\n\n"
            "2 comments\n\n  1. first\n\nstray unindented line\n\n  2. second\n\n"
            "Powered by WordPress\n")
    r = read_bytes(text.encode())
    assert [c.text for c in r.comments] == ["first\n\nstray unindented line", "second"]
    assert any(i.code == "unindented_comment_text" for i in r.issues)
    kinds = [(f.kind, f.text) for f in r.furniture]
    assert ("leave_a_reply", "Leave a Reply") in kinds
    assert ("comment_form", "Your email address will not be published.") in kinds
    assert ("after_comments", "Powered by WordPress") in kinds
    assert "Leave a Reply" not in r.posts[0].body


def test_body_numbered_list_without_evidence_stays_body():
    text = ("Title\n\nA paragraph of body text that is long enough to be real prose, with sentences.\n\n"
            "  1. first step\n\n  2. second step\n")
    r = read_bytes(text.encode())
    assert r.comments == []
    assert "first step" in r.posts[0].body and "second step" in r.posts[0].body


# --- garbage in -------------------------------------------------------------------------------

@pytest.mark.parametrize("name,code", [
    ("empty.txt", "empty_source"), ("whitespace_only.txt", "empty_source"), ("binary.bin", "binary_source"),
])
def test_unusable_files_give_a_clear_error(name, code):
    r = read_bytes((FIXTURES / name).read_bytes(), name=name)
    assert r.failed and r.posts == [] and r.comments == []
    assert [i.code for i in r.issues if i.severity == "error"] == [code]
    assert all(i.message for i in r.issues)


def test_page_without_comments_or_header():
    r = read_bytes((FIXTURES / "no_comments.txt").read_bytes())
    post = r.posts[0]
    assert post.title == "Why Boundaries Help" and r.comments == []
    assert post.body.split("\n\n")[1:3] == [
        "Three things I tell new clients:",
        "1. The hour is yours.\n2. Between sessions, write it down.\n3. Endings are talked about, not sprung.",
    ]
    assert post.body.endswith("before it happens.")
    kinds = [f.kind for f in r.furniture]
    assert kinds[0] == "skip_link" and "share" in kinds and "comments_closed" in kinds
    assert "Loading" not in post.body and "Comments are closed" not in post.body


def test_invalid_utf8_is_decoded_with_a_warning():
    r = read_bytes((FIXTURES / "invalid_utf8.txt").read_bytes())
    assert not r.failed
    warn = [i for i in r.issues if i.code == "invalid_utf8"]
    assert len(warn) == 1 and "2 byte(s)" in warn[0].message
    assert "My therapist said “it is normal” and I believed her." in r.posts[0].body
    assert r.posts[0].title == "Café Talk — on dependency"
    assert [c.text for c in r.comments] == ["So true – thank you.", "Thanks for reading."]


def test_legacy_code_page_file():
    r = read_bytes((FIXTURES / "cp1252.txt").read_bytes())
    assert [i.code for i in r.issues if i.severity == "warning"] == ["legacy_encoding"]
    assert r.posts[0].title == "Résumé of a long therapy"
    assert "It was naïve to think it would end “neatly” – it didn’t" in r.posts[0].body
    assert [c.text for c in r.comments] == ["Beautifully put — merci."]


def test_utf16_with_bom():
    r = read_bytes((FIXTURES / "utf16.txt").read_bytes())
    assert r.posts[0].title == "Title in UTF-16"
    assert [c.text for c in r.comments] == ["A comment 🙂"]


def test_thousands_of_nested_levels_no_recursion():
    depth = 2500
    parts = ["Deep", "", "A body paragraph long enough to count as prose, with a sentence. And another.", "",
             f"{depth} comments", ""]
    for k in range(depth):
        parts += [" " * (2 + 2 * k) + f"1. level {k}", ""]
    text = "\n".join(parts)
    a = analyse(text)
    assert len(a.comments) == depth
    assert [d.parent for d in a.comments] == [None] + list(range(depth - 1))
    assert len({d.key for d in a.comments}) == depth and max(len(d.key) for d in a.comments) < 120
    r = read_bytes(text.encode())
    assert not r.failed
    # The tree builder bounds depth: deeper replies are quarantined, so every one is counted.
    assert len(r.comments) == MAX_DEPTH + 1 == r.posts[0].extracted_comment_count
    assert len(r.quarantine) == depth - MAX_DEPTH - 1
    assert {q.reason for q in r.quarantine} == {"too_deep"}
    assert max(c.depth for c in r.comments) == MAX_DEPTH
    assert not any(i.code == "indent_jump" for i in r.issues)


def test_html_given_to_the_text_reader_does_not_crash():
    html = (ROOT / "tests" / "fixtures" / "samples").glob("**/*.html")
    for path in list(html)[:2]:
        r = read_bytes(path.read_bytes())
        assert isinstance(r.posts, list)


def test_cyrillic_legacy_code_page_is_detected():
    text = ("Зависимость в терапии\n\nЯ долго думала о том, что значит зависеть от терапевта. "
            "Это страшно и важно одновременно.\n")
    r = read_bytes(text.encode("cp1251"))
    assert r.posts[0].title == "Зависимость в терапии"
    assert "cp1251" in next(i.message for i in r.issues if i.code == "legacy_encoding")


# --- the synthetic corpus agrees with the reader ------------------------------------------------

def test_synthetic_corpus_matches_ground_truth(tmp_path):
    import json
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bench_extract
        import synth
    finally:
        sys.path.pop(0)
    assert synth.main(["--out", str(tmp_path / "a"), "--posts", "12", "--comments", "1500", "--seed", "5"]) == 0
    assert synth.main(["--out", str(tmp_path / "b"), "--posts", "12", "--comments", "1500", "--seed", "5"]) == 0
    truth = json.loads((tmp_path / "a" / "ground_truth.json").read_text(encoding="utf-8"))
    assert truth["totals"]["comments"] + truth["totals"]["lost"] == 1500
    for rec in truth["files"]:
        assert (tmp_path / "a" / rec["file"]).read_bytes() == (tmp_path / "b" / rec["file"]).read_bytes()
        row = bench_extract.check_file(tmp_path / "a", rec)
        assert row["wrong"] == {}, (rec["file"], row["wrong"])
    assert sum(r["indent_jumps"] for r in truth["files"]) > 0  # the traps are exercised
    manifest = (tmp_path / "a" / "sources.toml").read_text(encoding="utf-8")
    assert manifest.count("[[source]]") == 12 and 'format = "text_capture"' in manifest


def test_numbering_gap_after_lost_reply_is_still_a_reply():
    text = ("Title\n\nBody paragraph long enough to count as prose for this little test, yes.\n\n"
            "4 comments\n\n  1. root\n\n    1. first reply\n\n    3. third reply (the second was lost)\n\n"
            "  2. next root\n")
    r = read_bytes(text.encode())
    assert [(c.source_key, c.parent_key) for c in r.comments] == [("1", None), ("1.1", "1"), ("1.2", "1"), ("2", None)]


def test_navigation_dateline_and_unparsed_comment_section():
    text = ("Home | About | Blog | Contact\n\nWhen Therapy Ends\n\nPosted on March 3, 2012 by Jane Doe\n\n"
            "A body paragraph long enough to count as prose, about endings in therapy and what they mean.\n\n"
            "Comments\n\n" + "Anna wrote a long reply here without any list markers at all. " * 5 + "\n")
    r = read_bytes(text.encode())
    post = r.posts[0]
    assert post.title == "When Therapy Ends" and post.author == "Jane Doe"
    assert post.body.startswith("A body paragraph") and "Posted on" not in post.body
    assert r.furniture[0].kind == "navigation"
    assert r.comments == []
    assert [i.code for i in r.issues if i.severity == "warning"] == ["comments_unparsed"]
    assert any(f.kind == "comments_preamble" and f.text.startswith("Anna wrote") for f in r.furniture)


def test_self_hosted_wordpress_capture():
    r = read_bytes((FIXTURES / "wordpress_selfhosted.txt").read_bytes())
    post = r.posts[0]
    assert (post.title, post.site, post.author) == ("When the Hour Ends", "Counselling Notes", "Dana Whitfield")
    assert post.declared_comment_count == 4 and post.extracted_comment_count == 4
    assert post.body.startswith("Every session ends,") and post.body.endswith("not sprung.")
    assert "12 Comments" not in post.body and "Share this" not in post.body
    got = [(c.source_key, c.parent_key, c.identity.name, c.like_count, c.text) for c in r.comments]
    assert got == [
        ("1", None, "Sam R.", None, "This is exactly what happens to me. I watch the clock from minute forty."),
        ("1.1", "1", "Dana Whitfield", None,
         "Thank you, Sam. Watching the clock is a way of ending it yourself before it ends you."),
        ("2", None, "quietriver", 2, "I never thought of it as abandonment but that is the word."),
        ("3", None, "Lee", None, 'My counsellor lets me choose who says "time" first. It helps.'),  # "4." after a gap
    ]
    kinds = Counter(f.kind for f in r.furniture)
    assert kinds["comment_count"] == 1 and kinds["pull_quote"] == 1 and kinds["leave_a_reply"] == 1
    assert kinds["comment_form"] == 8


def test_blogger_capture_with_manifest_site():
    r = read_bytes((FIXTURES / "blogger.txt").read_bytes(), site="Notes from the Couch")
    post = r.posts[0]
    assert (post.title, post.site) == ("Transference, Again", "Notes from the Couch")
    assert [(c.source_key, c.parent_key, c.identity.name, c.text) for c in r.comments] == [
        ("1", None, "Anonymous", "It is both, and that is the point. Keep going."),
        ("2", None, "Marisol", "I cried when mine said it. Then I laughed. 🙂"),
        ("2.1", "2", "Anonymous", "Same here, Marisol."),
    ]
    assert {f.kind for f in r.furniture} == {"leave_a_reply", "navigation", "comment_form"}


def test_seeds_read_with_their_manifest_entries():
    import tomllib

    manifest = tomllib.loads((SEEDS / "sources.toml").read_text(encoding="utf-8"))
    titles = {
        "seed-000": "A Space for Love in Therapy",
        "seed-001": "A Therapy Relationship Is Not A Real Relationship",
        "seed-002": "Emotional Dependency in Therapeutic Relationships",
        "seed-003": "Emotional Dependency in Psychotherapy",
        "seed-004": "“Why Is This So Hard?” A closer look at couples therapy",
    }
    reader = get_reader("text_capture")
    for src in manifest["source"]:
        ref = SourceRef(source_id=src["id"], location=src["location"], format=src.get("format"),
                        site=src.get("site"), url=src.get("url") or None)
        r = reader.read((SEEDS / src["location"]).read_bytes(), ref)
        assert r.posts[0].title == titles[src["id"]]
        assert r.posts[0].site == src["site"]
        assert r.posts[0].url is None


def test_hard_wrapped_lynx_dump_with_three_space_indentation():
    r = read_bytes((FIXTURES / "lynx_wrapped.txt").read_bytes())
    post = r.posts[0]
    assert post.declared_comment_count == 3
    assert post.body.split("\n\n")[1] == (
        "When a client tells me that the week feels too long, I try not to rush to fix it. The longing is "
        "information. It tells us about earlier waiting, earlier absences, and about the hope that this "
        "time the person will come back.")
    assert [(c.source_key, c.parent_key, c.like_count) for c in r.comments] == [
        ("1", None, 2), ("1.1", "1", None), ("2", None, None)]
    assert r.comments[1].text == ("You are not the only one, not at all. Counting the days is one of the most "
                                  "common things clients tell me about, usually with great embarrassment.")
    assert "hard_wrapped" in [i.code for i in r.issues]
    assert not any(i.code == "indent_jump" for i in r.issues)


def test_seeds_are_not_treated_as_hard_wrapped(seeds):
    for r in seeds.values():
        assert "hard_wrapped" not in [i.code for i in r.issues]


def test_capture_starting_at_the_comments():
    text = "2 thoughts on “Ending Well”\n\n  1. first\n\n    1. reply\n\nLeave a Reply\n"
    r = read_bytes(text.encode())
    assert r.posts[0].title == "Ending Well" and r.posts[0].declared_comment_count == 2
    assert [(c.source_key, c.parent_key) for c in r.comments] == [("1", None), ("1.1", "1")]
    assert "empty_body" in [i.code for i in r.issues]


def test_pingbacks_skipped_and_author_badge():
    text = ("Title\n\nBody paragraph long enough to count as prose for this little test, yes.\n\n"
            "3 Comments\n\n  1. Pingback: Another blog – Therapy links\n\n"
            "  2. Anna says:\n    I liked it.\n\n    1. Dana says:\n      Post author\n      Thank you!\n\n"
            "  3. Trackback: somewhere\n\n    1. Lee says:\n      Replying to the trackback.\n")
    r = read_bytes(text.encode())
    assert r.skipped == {"pingback": 1}
    assert [(c.source_key, c.parent_key, c.is_post_author, c.text) for c in r.comments] == [
        ("2", None, None, "I liked it."), ("2.1", "2", True, "Thank you!"),
        ("3", None, None, "Trackback: somewhere"), ("3.1", "3", None, "Replying to the trackback."),
    ]


@pytest.mark.parametrize("head", [b"[Updated] Ending therapy well\n\nBody.", b"<3 to my therapist\n\nBody.",
                                  b"{Draft} notes on dependency\n\nBody."])
def test_sniff_accepts_text_that_merely_starts_with_brackets(head):
    assert TextCaptureReader.sniff(head, "page.txt") >= 0.5


def test_wordpress_com_widgets_and_credits_are_furniture():
    text = ("Title\n\nPhoto by Jane Doe on Unsplash\n\n"
            "A body paragraph long enough to count as prose, about endings in therapy and what they mean.\n\n"
            "Picture this: a quiet room.\n\n"
            "Another body paragraph long enough to count as prose, closing the post with a thought or two.\n\n"
            "Advertisements\n\nReport this ad\n\nRate this:\n\nPublished by Jane Doe\n\nView all posts by Jane Doe\n")
    r = read_bytes(text.encode())
    assert r.posts[0].author == "Jane Doe"
    assert r.posts[0].body.split("\n\n")[1] == "Picture this: a quiet room."
    assert [f.kind for f in r.furniture] == ["image_credit", "advert", "advert", "rating_widget", "navigation"]


def test_short_line_post_keeps_its_body():
    text = ("A Poem for My Therapist\n\nShare this article\n\nYou held the hour\n\nlike a cup of water\n\n"
            "and did not spill it\n\nwhen I shook\n")
    r = read_bytes(text.encode())
    assert r.posts[0].body == "You held the hour\n\nlike a cup of water\n\nand did not spill it\n\nwhen I shook"
    assert [f.kind for f in r.furniture] == ["share"]


def test_capture_without_title_line_keeps_the_first_paragraph_as_body():
    first = "I have been in therapy for six years and " * 10
    r = read_bytes(f"{first}\n\nSecond paragraph of the post.\n".encode())
    post = r.posts[0]
    assert post.title == "" and post.body.startswith("I have been in therapy for six years")
    assert post.body.endswith("Second paragraph of the post.")
    assert [i.code for i in r.issues] == ["no_title"]


def test_one_huge_line_is_fast_enough_and_safe():
    r = read_bytes(b"x" * 3_000_000)
    assert r.posts[0].body == "x" * 3_000_000 and r.comments == []


def test_five_digit_comment_numbers():
    parts = ["Busy post", "", "A body paragraph long enough to count as prose, with a sentence. And another.", "",
             "10002 comments", ""]
    for k in range(1, 10003):
        parts += [f"  {k}. comment {k}", ""]
    r = read_bytes("\n".join(parts).encode())
    assert len(r.comments) == 10002 and r.comments[-1].text == "comment 10002"


@pytest.mark.parametrize("line", [
    "My grandmother baked cookies and I would use them to calm down after school.",
    "Next week I will write about transference.",
    "Sign in, sit down, wait. That was the ritual.",
    "Picture this: a quiet room.",
])
def test_prose_that_resembles_furniture_stays_body(line):
    text = ("Title\n\nA first paragraph long enough to count as prose, about what the hour means to me.\n\n"
            f"{line}\n\nA closing paragraph long enough to count as prose, and it ends the post here.\n")
    r = read_bytes(text.encode())
    assert line in r.posts[0].body.split("\n\n") and r.furniture == []


def test_long_closing_paragraph_mentioning_call_me_stays_body():
    closing = ("When I left, my therapist said: call me if the week gets too long. I never did, but "
               "knowing I could was enough to get me through to Tuesday, and then through the next week.")
    text = ("Title\n\nA first paragraph long enough to count as prose, about what the hour means to me.\n\n"
            f"{closing}\n")
    assert read_bytes(text.encode()).posts[0].body.endswith(closing)
