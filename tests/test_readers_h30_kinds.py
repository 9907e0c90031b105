"""Kinds first seen in heldout30, on synthetic pages (invented names and words).

* Tibia.com's own forum (CipSoft's engine): each post a ``td.CipPost`` > ``div.ForumPost#Post_N``
  with ``div.PostCharacterText`` (the character's name in ``b``; a traded or deleted character's
  name is plain bold text), ``div.PostText`` (an icon and a typed title before a
  ``div.ForumDesktopElements`` spacer; quotes "<i>Originally posted by NAME on DATE</i>:" +
  ``blockquote.QuoteText``; the signature after a line of underscores) and ``div.PostDetails``
  (the date, then "Edited by NAME on DATE"), the markup Galarzaa90/tibia.py's parser reads. The
  first post of the thread's first page is the thread.
* A dice-roll add-on of XenForo 1 role-play forums appends each roll to the post
  (``fieldset.dice_container#dice-{postId}-{boxId}``: "NAME threw N-faced die for: ..." and SVG
  dice): made by the forum and naming the poster, not the words; a roll-only post is kept.
* Stack Exchange's comment line as the network's mirrors print it ("WORDS – NAME DATE", the name
  a profile link or, for a deleted account, plain text) inside schema.org ``Question``/``Answer``
  items: the name and date are fields, not text; the question's own comments are top level.
"""
from __future__ import annotations

from pagekit import codes, read_page, shape


def _post(pid: int, name: str, words: str, date: str, *, link: bool = True, edited: str = "",
          signature: str = "", title: str = "") -> str:
    who = (f'<a href="https://www.tibia.com/community/?subtopic=characters&amp;name={name}">{name}</a>'
           if link else name)
    info = ('<div><br><font class="ff_infotext">Inhabitant of Quenmor<br>Vocation: Druid<br>Level: 40<br><br>'
            'Posts: 12<br></font></div>') if link else ""
    sig = (f'<br>________________<br><table class="border=0" width="100%"><tr>'
           f'<td class="ff_pagetext">{signature}</td></tr></table>') if signature else ""
    edit = f"<BR>Edited by {name} <br>on {edited}" if edited else ""
    head = (f'<img src="/icon_smile.gif" alt="Smile">&nbsp;<br><b>{title}</b>' if title else "")
    return (f'<tr><td class="CipPost"><div id="Post_{pid}" class="ForumPost"><a name="post{pid}"></a>'
            f'<div class="PostBody"><div class="PostUpper"><div class="PostCharacterText"><div><b>{who}</b><br>'
            f'</div>{info}</div><div class="PostText">{head}<div class="ForumDesktopElements"><br></div><br>'
            f'{words}{sig}</div></div><div class="PostLower"><div class="PostDetailsHelper"><div class="PostDetails">'
            f'<img src="/logo_oldpost.gif">{date}{edit}</div></div><div class="PostActions">'
            f'<div class="AdditionalBox">Post #{pid}</div><a href="?action=quote&amp;postid={pid}">Quote</a>'
            '</div></div></div></div></td></tr>')


def _thread(posts: list[str], page: int = 1) -> str:
    pages = "".join(f'<span class="PageLink "><span class="CurrentPageLink">{n}</span></span>' if n == page
                    else f'<span class="PageLink "><a href="?action=thread&amp;threadid=77&amp;pagenumber={n}">{n}</a></span>'
                    for n in (1, 2))
    return ('<div class="ForumBreadCrumbs"><a href="?sectionid=1">Community</a> | <a href="?boardid=2">Ideas</a></div>'
            '<div class="ForumTitleText"><b>Lanterns for the harbour</b></div>'
            f'<table><tr><td class="PageNavigation"><small><b>&raquo; Pages: {pages}</b></small></td></tr><tr><td>'
            '<table class="TableContent"><tr class="LabelH"><td class="ForumPostHeaderCell"><div class="ForumPost ForumPostHeader">'
            '<div class="ForumPostHeaderAuthor">Author</div><div class="ForumPostHeaderText">Thread #77</div></div></td></tr>'
            + "".join(posts) + '</table></td></tr></table>')


def test_tibia_thread_first_page():
    r = read_page(_thread([
        _post(901, "Orlanda Vey", "The harbour needs lanterns at night.<br/>Please add them.",
              "04.02.2021 18:20:11", title="Lanterns", signature="Orlanda's trading post"),
        _post(902, "Pemberly Fox", "Signed, the docks are far too dark.", "04.02.2021 18:25:40",
              edited="04.02.2021 18:30:02"),
        _post(903, "Quarrel Stone (traded)",
              '<i>Originally posted by Pemberly Fox on 04.02.2021 18:25:40</i>:<br/>'
              '<blockquote class="QuoteText">Signed, the docks are far too dark.</blockquote>'
              "Agreed, I fell into the water twice.", "05.02.2021 09:01:00", link=False),
        _post(904, "Orlanda Vey", "Thank you both for the support.", "05.02.2021 10:12:13",
              title="Update", signature="Orlanda's trading post"),
    ]))
    assert shape(r) == [
        ("Signed, the docks are far too dark.", 0, None, "Pemberly Fox"),
        ("Agreed, I fell into the water twice.", 0, None, "Quarrel Stone (traded)"),
        ("Update\nThank you both for the support.", 0, None, "Orlanda Vey"),
    ]
    assert [c.published_local[:16] for c in r.comments] == ["2021-02-04T18:25", "2021-02-05T09:01",
                                                            "2021-02-05T10:12"]
    assert r.posts[0].comment_system == "tibiacom"


def test_tibia_later_page_has_no_opening_post():
    r = read_page(_thread([
        _post(911, "Pemberly Fox", "Still waiting for the lanterns.", "01.03.2021 08:00:00"),
        _post(912, "Orlanda Vey", "Bump for the harbour.", "02.03.2021 08:00:00"),
    ], page=2))
    assert [(t, a) for t, _, _, a in shape(r)] == [("Still waiting for the lanterns.", "Pemberly Fox"),
                                                   ("Bump for the harbour.", "Orlanda Vey")]


def _comment(cid: int, words: str, name: str, iso: str, shown: str, *, link: bool = True) -> str:
    who = (f'<span itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="name" '
           f'href="https://stackoverflow.com/users/{cid}/">{name}</a></span>' if link else name)
    return (f'<div itemprop="comment" class="post-comment"><div class="row"><div class="col-1">'
            f'<span class="text-secondary">+1</span></div><div class="col-11"><p class="commenttext">'
            f'<span class="post-text" id="text_c{cid}">{words}</span> &ndash; <span class="text-secondary"><small>'
            f'{who} <span title="{iso}">{shown}</span><span class="d-none" itemprop="dateCreated" '
            f'datetime="{iso}">{iso}</span></small></span></p></div></div></div>')


def _answer(aid: int, words: str, name: str, comments: list[str]) -> str:
    return (f'<div itemscope itemtype="http://schema.org/Answer" itemprop="suggestedAnswer" class="answer-block" '
            f'id="{aid}"><div class="row"><div class="col-lg-11"><div itemprop="text" id="text_a{aid}" '
            f'class="post-text"><p>{words}</p></div><div class="post-info"><div class="post-meta row">'
            f'<p class="text-secondary"><small><a itemprop="url" href="https://stackoverflow.com/q/{aid}">Source</a>'
            f'</small></p><p class="text-secondary createDate"><small>Created <span title="2016-03-04 10:00:00">'
            f'04 Mar 16</span> <span itemprop="author" itemscope itemtype="http://schema.org/Person">'
            f'<a itemprop="name" href="https://stackoverflow.com/users/{aid}/">{name}</a></span></small></p>'
            f'</div></div><div class="comments">{"".join(comments)}</div></div></div></div>')


def test_stack_exchange_mirror_comment_lines():
    body = ('<main><div class="row" itemprop="mainEntity" itemscope itemtype="http://schema.org/Question">'
            '<h1 itemprop="name">How to rotate a log file daily?</h1><div class="post-text" itemprop="text">'
            '<p>My log file grows without limit; how do I rotate it every day?</p></div>'
            '<div class="comments">'
            + _comment(11, "Which system do you run this on?", "Tamsin Rook", "2016-03-04 09:10:00", "04 Mar 16")
            + '</div><div class="answersList">'
            + _answer(21, "Use the daily option of the rotation tool.", "Ivo Brandt", [
                _comment(12, "That worked for me, thanks.", "user4404", "2016-03-04 11:00:00", "04 Mar 16",
                         link=False),
                _comment(13, "Does it keep the old files compressed?", "Tamsin Rook", "2016-03-05 08:00:00",
                         "05 Mar 16")])
            + _answer(22, "A cron job that renames the file also works.", "Nell Archer", [])
            + '</div></div></main>')
    r = read_page(body)
    assert shape(r) == [
        ("Which system do you run this on?", 0, None, "Tamsin Rook"),
        ("Use the daily option of the rotation tool.", 0, None, "Ivo Brandt"),
        ("That worked for me, thanks.", 1, "Use the daily option of the rotation tool.", "user4404"),
        ("Does it keep the old files compressed?", 1, "Use the daily option of the rotation tool.", "Tamsin Rook"),
        ("A cron job that renames the file also works.", 0, None, "Nell Archer"),
    ]
    assert [c.published_local[:16] for c in r.comments if c.depth == 1] == ["2016-03-04T11:00", "2016-03-05T08:00"]


def test_tibia_post_left_unread_is_said():
    # A post whose character block is missing is not read: the page's own post markers
    # (``div.ForumPost#Post_N``) count it, so the loss is warned, not silent.
    broken = _post(923, "Pemberly Fox", "Words of a post printed without its poster.", "06.03.2021 08:00:00")
    broken = broken.replace('class="PostCharacterText"', 'class="PostCharacterMissing"')
    r = read_page(_thread([
        _post(921, "Orlanda Vey", "The opening post of the thread.", "04.03.2021 08:00:00"),
        _post(922, "Quarrel Stone", "A first reply that is read.", "05.03.2021 08:00:00"),
        broken,
    ]))
    assert [c.text for c in r.comments] == ["A first reply that is read."]
    assert "comment_markup_unread" in codes(r)


def test_tibia_posts_numbered_by_their_post_box():
    # tibia.py's earlier parser (2020) read the same blocks without the ``Post_N`` id: the
    # "Post #N" box numbers them.
    posts = [_post(pid, name, words, date).replace(f' id="Post_{pid}"', "")
             for pid, name, words, date in ((931, "Orlanda Vey", "Opening words.", "04.03.2020 08:00:00"),
                                            (932, "Quarrel Stone", "A reply to it.", "05.03.2020 08:00:00"),
                                            (933, "Pemberly Fox", "Another reply.", "06.03.2020 08:00:00"))]
    r = read_page(_thread(posts))
    assert [(t, a) for t, _, _, a in shape(r)] == [("A reply to it.", "Quarrel Stone"),
                                                   ("Another reply.", "Pemberly Fox")]
    assert [c.source_key for c in r.comments] == ["post_932", "post_933"]


def test_quoted_passage_in_a_schema_answer_is_not_its_words():
    body = ('<div itemscope itemtype="http://schema.org/Question"><div itemprop="text"><p>Where are the '
            'rotation settings kept?</p></div>'
            + _answer(41, 'The manual says:</p><blockquote><p>Settings live in the main folder.</p></blockquote>'
                          '<p>So look there first.', "Ivo Brandt", [])
            + _answer(42, "Check the folder named after the tool.", "Nell Archer", []) + '</div>')
    r = read_page(body)
    first = r.comments[0].text
    assert "So look there first." in first and "Settings live in the main folder" not in first
    assert [c.identity.name for c in r.comments] == ["Ivo Brandt", "Nell Archer"]


def _dice(pid: int, name: str) -> str:
    return (f'<div><fieldset id="dice-{pid}-0" class="dice_container"><legend><b>{name}</b> threw <b>20</b>'
            f'-faced die for: <b>Sneak past the guard</b> Total: <b><span id="diceLegendTotal-{pid}-0">14</span>'
            '</b></legend><svg xmlns="http://www.w3.org/2000/svg" width="61px" height="67px"><title>14</title>'
            '<style>.top_face path{fill:#406588;}</style><g><text>14</text></g></svg></fieldset></div>')


def _xf1(pid: int, n: int, name: str, words: str) -> str:
    return (f'<li id="post-{pid}" class="message" data-author="{name}"><div class="messageUserInfo">'
            f'<a class="username" href="members/{name.lower()}.{pid}/">{name}</a></div>'
            '<div class="messageInfo primaryContent"><div class="messageContent"><article>'
            f'<blockquote class="messageText SelectQuoteContainer ugc baseHtml">{words}</blockquote></article>'
            f'</div><div class="messageMeta"><div class="privateControls"><a class="datePermalink" href="#post-{pid}">'
            f'<abbr class="DateTime" data-time="141467{n}000" title="Oct 30, 2014 at 1:0{n} PM">Oct 30, 2014</abbr>'
            f'</a></div><div class="publicControls"><a class="item muted postNumber" href="#">#{n}</a></div></div>'
            '</div></li>')


def test_xenforo_dice_rolls_are_not_words():
    r = read_page('<ol class="messageList" id="messageList">'
                  + _xf1(1001, 1, "Harrow Vale", "Welcome to the quest thread.")
                  + _xf1(1002, 2, "Milo Quince", "Rolling for the guard." + _dice(1002, "Milo Quince"))
                  + _xf1(1003, 3, "Sera Lind", _dice(1003, "Sera Lind"))
                  + _xf1(1004, 4, "Harrow Vale", "The guard does not notice you.") + "</ol>")
    assert shape(r) == [("Rolling for the guard.", 0, None, "Milo Quince"),
                        ("[no text]", 0, None, "Sera Lind"),
                        ("The guard does not notice you.", 0, None, "Harrow Vale")]
    assert not codes(r)
