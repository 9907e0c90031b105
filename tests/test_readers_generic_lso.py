"""The generic rules that read a comment system no reader knows, on synthetic pages (invented names).

The leave-system-out bench (``bench_readers.py corpus --leave-system-out``) reads each corpus page
without the named recogniser that reads it; these are the kind-level rules it measures:

* a class-named block holding only a comment's words is widened to its own repeated box when that
  box holds the name or the date (the box then states the depth, and the author is found);
* a flat list states depth by indentation: a spacer image's width, an ``indent`` attribute, an
  inline ``margin-left``;
* the last fallback: repeated blocks that each hold a poster's profile link, a date or a relative
  time beside it and words after it (never a teaser list with titles, never a form);
* no silent loss: repeated profile-link blocks with a date and words that nothing read, comments
  found without words, and (nothing read) repeated blocks with a poster, a date and words are
  warned about;
* the bench's switch: named recognisers left out, the fallbacks kept.
"""
from __future__ import annotations

import json

from pagekit import codes, read_page, shape

from therapy_threads.readers import corpus_eval as ce
from therapy_threads.readers.comments.engine import FALLBACKS, reader_name, systems_off

_WORDS = ["Has anyone tried the new trail map on the north ridge?",
          "Yes, the markers are clearer than last season.",
          "The lower loop was muddy after the rain though.",
          "Good to know, I will bring other boots then.",
          "Does the car park still close at eight in winter?"]


def _row(cls: str, name: str, words: str, style: str = "") -> str:
    """A row whose class-named block (``div.comment``) holds only the words; the name and the
    date sit beside it in the row's header."""
    st = f' style="{style}"' if style else ""
    return (f'<div class="entry {cls}"{st}><div class="head"><a class="who" href="/people/{name.lower()}">'
            f'{name}</a> <time datetime="2022-05-0{len(name) % 9 + 1}T09:00:00Z">May {len(name) % 9 + 1}, 2022'
            f'</time></div><div class="body"><div class="comment"><p>{words}</p></div></div></div>')


def test_a_words_only_block_is_widened_to_its_row_which_states_the_depth():
    r = read_page('<div class="thread">' + "".join([
        _row("", "Rhoswen", _WORDS[0]), _row("level-2", "Tamsk", _WORDS[1]),
        _row("level-3", "Iloven", _WORDS[2]), _row("level-2", "Rhoswen", _WORDS[3]),
        _row("", "Pellam", _WORDS[4])]) + "</div>")
    assert shape(r) == [
        (_WORDS[0], 0, None, "Rhoswen"), (_WORDS[1], 1, _WORDS[0], "Tamsk"),
        (_WORDS[2], 2, _WORDS[1], "Iloven"), (_WORDS[3], 1, _WORDS[0], "Rhoswen"),
        (_WORDS[4], 0, None, "Pellam")]


def test_a_flat_list_indented_by_inline_margins_states_the_depth():
    r = read_page('<div class="thread">' + "".join([
        _row("", "Rhoswen", _WORDS[0], "margin-left:0px"), _row("", "Tamsk", _WORDS[1], "margin-left:30px"),
        _row("", "Iloven", _WORDS[2], "margin-left:60px"), _row("", "Pellam", _WORDS[3], "margin-left:0px")])
        + "</div>")
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        (_WORDS[0], 0, None), (_WORDS[1], 1, _WORDS[0]), (_WORDS[2], 2, _WORDS[1]), (_WORDS[3], 0, None)]


def _table_row(width: int, name: str, words: str, ago: str = "3 hours ago") -> str:
    """A table forum's row: indentation by a spacer image's width, a header with the poster's
    profile link and a relative time, the words after it; no comment class or id anywhere."""
    return (f'<tr><td><table><tr><td><img src="/img/spacer.gif" height="1" width="{width}"></td>'
            f'<td><div><span class="hd"><a href="user?id={name.lower()}">{name}</a> {ago} | '
            f'<a href="item?n={len(words)}">link</a></span></div><br>'
            f'<span class="txt">{words}</span></td></tr></table></td></tr>')


def test_repeated_profile_link_blocks_with_a_time_are_comments_and_spacers_give_the_depth():
    r = read_page("<table>" + "".join([
        _table_row(0, "quarrel", _WORDS[0]), _table_row(40, "bexley", _WORDS[1]),
        _table_row(80, "quarrel", _WORDS[2], "1 hour ago"), _table_row(0, "vantor", _WORDS[3])]) + "</table>")
    assert shape(r) == [
        (_WORDS[0], 0, None, "quarrel"), (_WORDS[1], 1, _WORDS[0], "bexley"),
        (_WORDS[2], 2, _WORDS[1], "quarrel"), (_WORDS[3], 0, None, "vantor")]
    assert r.posts[0].comment_system == "profile-blocks"


def test_an_indent_attribute_gives_the_depth_of_a_flat_row():
    rows = "".join(
        f'<tr><td class="gap" indent="{d}"></td><td><span class="hd"><a href="/u/{n}">{n}</a> '
        f'{d + 2} days ago</span><div class="t">{w}</div></td></tr>'
        for d, n, w in ((0, "orrin", _WORDS[0]), (1, "maelis", _WORDS[1]), (0, "tobiah", _WORDS[2])))
    r = read_page(f"<table>{rows}</table>")
    assert [(t, d, p) for t, d, p, _ in shape(r)] == [
        (_WORDS[0], 0, None), (_WORDS[1], 1, _WORDS[0]), (_WORDS[2], 0, None)]


def test_dated_profile_link_blocks_nothing_read_are_warned_about():
    blocks = "".join(
        f'<div class="turn"><div class="hd"><a href="/members/{n}">{n}</a> · 2 days ago</div>'
        f'<div class="says">{w}</div></div>'
        for n, w in (("yselle", _WORDS[0]), ("corvin", _WORDS[1])))
    r = read_page(f'<article><p>The post itself, long enough to be a post body here.</p></article>{blocks}')
    assert r.comments == []
    assert "comment_markup_unread" in codes(r)
    msg = next(i.message for i in r.issues if i.code == "comment_markup_unread")
    assert "profile link" in msg and "2" in msg


def _wp(n: int) -> str:
    items = "".join(
        f'<li id="comment-{i}" class="comment depth-1"><article class="comment-body"><footer class="comment-meta">'
        f'<b class="fn">Ysolde</b><time datetime="2021-01-0{i}T10:00:00+00:00">Jan {i}, 2021</time></footer>'
        f'<div class="comment-content"><p>{_WORDS[i % 5]}</p></div></article></li>' for i in range(1, n + 1))
    return f'<div id="comments"><ol class="comment-list">{items}</ol></div>'


def test_systems_off_leaves_the_named_recogniser_out_and_records_who_read():
    with systems_off() as seen:
        r = read_page(_wp(3))
    assert len(r.comments) == 3 and set(seen) == {"wordpress"}
    with systems_off({"wordpress"}) as seen:
        r = read_page(_wp(3))
    assert "wordpress" not in seen and len(r.comments) == 3  # the generic blocks read them
    assert reader_name("jetpack") == "wordpress"
    assert {"generic", "profile-blocks", "forum-posts"} <= FALLBACKS and "wordpress" not in FALLBACKS


def test_leave_system_out_scores_a_page_without_its_reader(tmp_path):
    from pagekit import page

    p = tmp_path / "wp.html"
    p.write_bytes(page(_wp(2)))
    gold = {"page": "wp.html", "count": 2, "depths": {"0": 2}, "split": "t",
            "comments": [{"snippet": _WORDS[1], "parent": None, "depth": 0},
                         {"snippet": _WORDS[2], "parent": None, "depth": 0}]}
    g = tmp_path / "wp.gold.json"
    g.write_text(json.dumps(gold))
    normal, held, off = ce.leave_system_out(p, "t", g)
    assert off == ["wordpress"] and normal.systems == {"wordpress": 2}
    assert "wordpress" not in held.systems and held.exact and not held.silent_loss
    summary = ce.summarise_lso([normal, held])
    assert summary["count_recall"] == 1.0 and summary["silent_loss_pages"] == 0
    assert "pages_per_second" not in summary


def test_a_page_read_short_without_a_loss_warning_is_a_silent_loss():
    s = ce.PageScore(page="x", split="t", gold_count=5, count=2, gold_depths={}, depths={}, exact=False,
                     pairs_gold=0, pairs_found=0, pairs_correct=0, matched=2)
    assert s.silent_loss
    s.warnings = ["fewer_comments_than_declared"]
    assert not s.silent_loss


def _flat(cid: int, name: str, words: str, reply_to: tuple[int, str] | None = None, how: str = "text") -> str:
    """A flat comment list of a site's own (no nesting, no depth class; read by the generic
    fallback) whose replies link the comment answered."""
    link = ""
    if reply_to and how == "text":
        link = f'<p class="note">In reply to <a href="#reply-{reply_to[0]}">{reply_to[1]}</a></p>'
    elif reply_to and how == "mf2":
        link = f'<a class="u-in-reply-to" href="/post/9#reply-{reply_to[0]}">&#8593;</a>'
    return (f'<div class="reply-item" id="reply-{cid}"><div class="comment-meta"><span class="comment-author">'
            f'{name}</span> <a href="#reply-{cid}">#{cid}</a></div>{link}<div class="comment-text"><p>{words}'
            f'</p></div></div>')


def test_a_reply_to_link_names_the_parent_in_a_flat_list_a_fallback_reads():
    for how in ("text", "mf2"):
        r = read_page('<div class="comments-list">' + "".join([
            _flat(21, "Odile", _WORDS[0]), _flat(22, "Barnaby", _WORDS[1], (21, "Odile"), how),
            _flat(23, "Corisande", _WORDS[2]), _flat(24, "Odile", _WORDS[3], (22, "Barnaby"), how)]) + "</div>")
        assert [(t, d, p) for t, d, p, _ in shape(r)] == [
            (_WORDS[0], 0, None), (_WORDS[1], 1, _WORDS[0]), (_WORDS[2], 0, None), (_WORDS[3], 2, _WORDS[1])], how
        assert r.posts[0].comment_system == "generic"


def test_a_named_systems_flat_list_stays_flat_beside_an_in_reply_to_note():
    page = '<div class="comments-list">' + "".join([
        _flat(21, "Odile", _WORDS[0]), _flat(22, "Barnaby", _WORDS[1], (21, "Odile"))]) + "</div>"
    r = read_page(page.replace('class="reply-item" id="reply-', 'class="comment" id="comment-')
                  .replace("#reply-", "#comment-"))
    assert r.posts[0].comment_system == "wordpress" and [d for _, d, _, _ in shape(r)] == [0, 0]


def test_several_comments_found_without_words_are_warned_about():
    shells = "".join(f'<div class="comment" id="comment-{i}"><div class="inner"></div></div>' for i in (31, 32))
    words = "".join(f'<div class="comment" id="comment-{i}"><p>{w}</p></div>' for i, w in ((33, _WORDS[0]), (34, _WORDS[1])))
    r = read_page(f'<div class="comments-list">{words}{shells}</div>')
    assert len(r.comments) == 2
    msg = next(i.message for i in r.issues if i.code == "comments_without_text")
    assert "2 of them have no text" in msg


def _post(i: int, words: str, parity: str) -> str:
    """A forum post of an engine no reader knows: no comment or post class, a number and a date
    in a header, the poster's registration date beside, the words after."""
    return (f'<div class="entrybox {parity}"><h2><span>#{i}</span> <a href="?pid={i}">2019-0{i}-1{i} 10:4{i}:00</a>'
            f'</h2><div class="box"><div class="left"><strong>Member {i}</strong><span>Registered: '
            f'2017-03-1{i}</span></div><div class="right"><p>{words}</p></div></div></div>')


def test_repeated_dated_blocks_on_a_page_nothing_was_read_from_are_read():
    # (i12-lso2: warned about until the dated-blocks fallback; now read, the first block the
    # topic's opening post)
    posts = "".join(_post(i, w, "rowodd" if i % 2 else "roweven") for i, w in enumerate(_WORDS[:4], 1))
    r = read_page(f'<div id="main">{posts}</div>')
    assert [c.text for c in r.comments] == _WORDS[1:4]
    assert r.skipped.get("thread_starter") == 1


def test_a_listing_of_titled_teasers_is_neither_read_nor_warned_about():
    linked = "".join(
        f'<div class="card"><h2><a href="/p/{i}">A post title {i}</a></h2><p class="by">by '
        f'<a href="/author/wren">Wren</a> on March {i}, 2021</p><p>{w}</p></div>'
        for i, w in enumerate(_WORDS[:4], 1))
    timed = "".join(
        f'<div class="teaser"><h2>A much longer post title number {i}</h2><time datetime="2021-03-0{i}">'
        f'March {i}, 2021</time><p>{w} And a little more of the excerpt.</p></div>'
        for i, w in enumerate(_WORDS[:4], 1))
    for listing in (linked, timed):
        r = read_page(f"<main>{listing}</main>")
        assert r.comments == [] and "comment_markup_unread" not in codes(r)


def test_profile_blocks_read_short_of_the_undated_ones_are_warned_about():
    rows = [_table_row(0, "quarrel", _WORDS[0]), _table_row(40, "bexley", _WORDS[1]),
            _table_row(0, "vantor", _WORDS[2]), _table_row(0, "ismay", _WORDS[3], "(edited)")]
    r = read_page("<table>" + "".join(rows) + "</table>")
    assert len(r.comments) == 3
    assert "comment_markup_unread" in codes(r)


def test_a_square_blank_image_is_an_avatar_not_indentation():
    rows = "".join(
        f'<div class="comment-row"><img src="/img/blank.gif" width="{w}" height="{w}" class="av">'
        f'<span class="comment-author">{n}</span><div class="comment-text">{t}</div></div>'
        for w, n, t in ((35, "orrin", _WORDS[0]), (45, "maelis", _WORDS[1]), (35, "tobiah", _WORDS[2])))
    r = read_page(f'<div class="comments">{rows}</div>')
    assert [d for _, d, _, _ in shape(r)] == [0, 0, 0]


def test_the_last_fallback_read_short_of_a_known_engines_markers_is_warned_about():
    # Three posts show a profile link and a time (read by the fallback); the engine's own marker
    # (Discourse's ``topic-post``) numbers five posts, two of them by guests without a profile link.
    read = "".join(f'<div class="topic-post">{_table_row(0, n, w).replace("<tr><td>", "<table><tr><td>", 1)}'
                   f'</table></div>' for n, w in (("quarrel", _WORDS[0]), ("bexley", _WORDS[1]), ("vantor", _WORDS[2])))
    guests = "".join(f'<div class="topic-post"><b>Guest</b> 2 hours ago<p>{w}</p></div>' for w in _WORDS[3:5])
    r = read_page(f"<main>{read}{guests}</main>")
    assert r.posts[0].comment_system == "profile-blocks" and len(r.comments) == 3
    assert any(i.code == "comment_markup_unread" and "discourse" in i.message for i in r.issues)
