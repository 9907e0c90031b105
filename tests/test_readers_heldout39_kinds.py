"""Kinds first seen in heldout39, on synthetic pages.

* Hacker News' notices for a comment the viewer may not see ("[flagged]", "[dead]", "[deleted]",
  news.arc ``pseudo-text``) printed in place of the words of a row that has replies under it, also
  at the head of a subtree the viewer folded (``coll`` head, ``noshow`` rows under it).
* Discourse's crawler view: a staff member's topic actions ("Pinned", "Unlisted": small-action
  posts, the action's label after the name and an empty ``div.post``) are not comments; a link
  preview (``aside.onebox``) is not the poster's words, and a post that is only a preview is kept
  as an embed.
* A short answer ending in "point" ("Fair point.") is the commenter's words, not a vote counter.
"""
from __future__ import annotations

from pagekit import codes, read_page, shape


def _hn_row(cid: int, indent: int, who: str, words: str | None, *, notice: str = "", folded: str = "") -> str:
    """One 2024 comment row; ``notice`` in place of the words (no commtext), ``folded``: "coll"
    for the head of a folded subtree, "noshow" for a row under it."""
    hidden = " noshow" if folded else ""
    body = (f'<div class="comment{hidden}">{notice}<div class="reply"><p><font size="1"></font></div></div>'
            if notice else
            f'<div class="comment{hidden}"><div class="commtext c00">{words}</div>'
            f'<div class="reply"><p><font size="1"><u><a href="reply?id={cid}">reply</a></u></font></div></div>')
    return (f'<tr class="athing comtr {folded}" id="{cid}"><td><table border="0"><tr>'
            f'<td class="ind" indent="{indent}"><img src="s.gif" height="1" width="{indent * 40}"></td>'
            f'<td valign="top" class="votelinks"><center><a id="up_{cid}"><div class="votearrow"></div></a>'
            f'</center></td><td class="default"><div><span class="comhead">'
            f'<a href="user?id={who}" class="hnuser">{who}</a> <span class="age" '
            f'title="2024-02-03T12:00:00 1706961600"><a href="item?id={cid}">on Feb 3, 2024</a></span> '
            f'<span class="navs"> | <a href="#1" class="clicky">next</a> <a class="togg clicky" '
            f'n="2">{"[2 more]" if folded == "coll" else "[&ndash;]"}</a></span></span></div><br>{body}'
            f'</td></tr></table></td></tr>')


def test_hacker_news_notice_in_place_of_the_words_is_a_removed_comment_with_its_replies():
    for notice in ("[flagged]", "[dead]", "[deleted]"):
        for folded in ("", "coll"):
            rows = (_hn_row(1, 0, "ada_ex", "A first opinion.")
                    + _hn_row(2, 1, "bo_ex", None, notice=notice, folded=folded)
                    + _hn_row(3, 2, "cy_ex", "Are you okay?", folded="noshow" if folded else "")
                    + _hn_row(4, 1, "dee_ex", "Another reply."))
            r = read_page(f'<table border="0" class="comment-tree">{rows}</table>')
            # the notice is not the commenter's words; the row keeps its place, author and reply
            assert shape(r) == [("A first opinion.", 0, None, "ada_ex"),
                                ("", 1, "A first opinion.", "bo_ex"),
                                ("Are you okay?", 2, "", "cy_ex"),
                                ("Another reply.", 1, "A first opinion.", "dee_ex")], (notice, folded)
            assert [c.removed for c in r.comments] == [False, True, False, False]


def test_hacker_news_folded_subtree_rows_are_comments():
    rows = (_hn_row(1, 0, "ada_ex", "The head of a folded thread.", folded="coll")
            + _hn_row(2, 1, "bo_ex", "Hidden by the fold.", folded="noshow")
            + _hn_row(3, 0, "cy_ex", "The next thread."))
    r = read_page(f'<table border="0" class="comment-tree">{rows}</table>')
    assert shape(r) == [("The head of a folded thread.", 0, None, "ada_ex"),
                        ("Hidden by the fold.", 1, "The head of a folded thread.", "bo_ex"),
                        ("The next thread.", 0, None, "cy_ex")]
    assert not any(c.removed for c in r.comments)


def test_short_answer_ending_in_point_is_words_not_a_counter():
    rows = (_hn_row(1, 0, "ada_ex", "Why would you choose it for a new project?")
            + _hn_row(2, 1, "bo_ex", "Fair point.") + _hn_row(3, 1, "cy_ex", "Good point!")
            + _hn_row(4, 1, "dee_ex", "12 points"))
    r = read_page(f'<table border="0" class="comment-tree">{rows}</table>')
    assert [c.text for c in r.comments][:3] == ["Why would you choose it for a new project?",
                                                "Fair point.", "Good point!"]
    # a bare counter is still no one's words
    assert "12 points" not in [c.text for c in r.comments]


def _crawler_post(n: int, user: str, inner: str, *, action: str = "", full_name: str = "") -> str:
    comment = " itemprop='comment' itemscope itemtype='http://schema.org/Comment'" if n > 1 else ""
    return (f"<div id='post_{n}'{comment} class='topic-body crawler-post'><div class='crawler-post-meta'>"
            "<span class='creator' itemprop='author' itemscope itemtype='http://schema.org/Person'>"
            f"<a itemprop='url' href='../../u/{user}.html'><span itemprop='name'>{user}</span></a>"
            f" {full_name}\n {action} </span><span class='crawler-post-infos'>"
            f"<time itemprop='datePublished' datetime='2022-09-1{n}T10:00:00Z' class='post-time'>"
            f"September 1{n}, 2022, 10:00am</time><span itemprop='position'>#{n}</span></span></div>"
            f"<div class='post' itemprop='articleBody'>{inner}</div></div>")


_ONEBOX = ("<aside class='onebox twitterstatus' data-onebox-src='https://twitter.com/x/status/1'>"
           "<header class='source'><a href='https://twitter.com/x/status/1'>twitter.com</a></header>"
           "<article class='onebox-body'><img src='avatar.png' class='thumbnail'><h4>Some Account</h4>"
           "<div class='tweet'>A tweet written by someone else entirely.</div></article></aside>")


def _topic(*posts: str) -> str:
    return ("<div id='main-outlet'><div itemscope itemtype='http://schema.org/DiscussionForumPosting'>"
            + "".join(posts) + "</div></div>")


def test_discourse_staff_topic_actions_are_not_comments():
    body = _topic(_crawler_post(1, "ada_example", "<p>How long does the soup keep?</p>"),
                  _crawler_post(2, "ada_example", "\n  ", action="Pinned"),
                  _crawler_post(3, "bea_sample", "<p>A week in the fridge.</p>", full_name="(Bea Sample)"),
                  _crawler_post(4, "ada_example", "", action="Unlisted"),
                  _crawler_post(5, "ada_example", "", action="Made this a banner . It will appear at the top "
                                "of every page until it is dismissed by the user."),
                  _crawler_post(6, "cy_example", "<p>Thanks, both.</p>"))
    r = read_page(body, head='<meta name="generator" content="Discourse 2.9.0">')
    assert shape(r) == [("A week in the fridge.", 0, None, "bea_sample"), ("Thanks, both.", 0, None, "cy_example")]
    assert "comments_without_text" not in codes(r)


def test_discourse_member_post_without_words_is_still_a_comment():
    # an empty post without an action's label is a member's post the page printed empty: still
    # counted (quarantined and said), never dropped as a notice
    body = _topic(_crawler_post(1, "ada_example", "<p>How long does the soup keep?</p>"),
                  _crawler_post(2, "bea_sample", "<p>A week.</p>"), _crawler_post(3, "cy_example", ""))
    r = read_page(body, head='<meta name="generator" content="Discourse 2.9.0">')
    assert [c.text for c in r.comments] == ["A week."]
    assert "comments_without_text" in codes(r)


def test_discourse_link_preview_is_not_the_posters_words():
    lightbox = ("<div class='lightbox-wrapper'><a class='lightbox' href='big.png' title='image'>"
                "<img src='small.png' alt='image' width='690' height='184'><div class='meta'>"
                "<span class='filename'>image</span><span class='informations'>1200×320 72.6 KB</span>"
                "</div></a></div>")
    body = _topic(_crawler_post(1, "ada_example", "<p>Progress update.</p>"),
                  _crawler_post(2, "ada_example", "<p>Here are the changes made for this.</p>" + _ONEBOX),
                  _crawler_post(3, "ada_example", _ONEBOX),
                  _crawler_post(4, "bea_sample", lightbox),
                  _crawler_post(5, "cy_example", "<p>Nice work.</p>"))
    r = read_page(body, head='<meta name="generator" content="Discourse 2.9.0">')
    # words beside a preview are kept without it; a post of only a preview is an embed, one of
    # only a picture an image: both are comments
    assert shape(r) == [("Here are the changes made for this.", 0, None, "ada_example"),
                        ("[embed]", 0, None, "ada_example"), ("[image]", 0, None, "bea_sample"),
                        ("Nice work.", 0, None, "cy_example")]
