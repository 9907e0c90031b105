"""The list of members who reacted to a post is furniture, never the post's words (issue 12: a
privacy leak; the names are other members'). Synthetic posts (invented names and words) in each
engine's own markup for the list, from its templates: XenForo 2.2+ ``reactionsBar``, 2.0/2.1
``likesBar``, 1.x ``likesSummary`` > ``LikeText``; vBulletin with vBSEO's ``vbseo_liked`` and the
Post Thank You Hack's ``post_thanks_box_{postid}``; phpBB's Thanks for Posts ``list_thanks{postid}``;
Invision Community 4's ``ipsReact_blurb``; Discourse's ``who-liked``. Each page is read by its own
reader and again with that reader left out (as leave-system-out reads a system no reader knows),
where the fallbacks read the whole post box and the list came into the text."""
from __future__ import annotations

import pytest
from pagekit import read_page

from therapy_threads.readers.comments.engine import systems_off

WHO = ["Quorra_Vale", "Tamsin Oakridge", "brindle_fox"]
POSTERS = ["ada_example", "bea_sample", "cy_person", "dee_walker"]
WORDS = ["Has anyone tried the new trail map on the north ridge this spring?",
         "Yes, the markers are clearer than last season and the bridge is fixed.",
         "The lower loop was muddy after the rain though, bring good boots.",
         "Good to know, I will bring other boots then and start a bit earlier."]


def _names(sep: str = ", ") -> str:
    return sep.join(f'<a href="/members/{w.lower().replace(" ", "-")}.{i}/">{w}</a>' for i, w in enumerate(WHO))


def _xf2(pid, i, name, text, bar, in_footer=True):
    main = "" if in_footer else "uix_messageContent "
    return (f'<article class="message message--post js-post js-inlineModContainer" data-author="{name}" '
            f'data-content="post-{pid}" id="js-post-{pid}"><div class="message-inner">'
            f'<div class="message-cell message-cell--user"><h4 class="message-name">'
            f'<a href="/members/{name}.{pid}/" class="username">{name}</a></h4></div>'
            f'<div class="message-cell message-cell--main"><div class="message-main {main}js-quickEditTarget">'
            f'<header class="message-attribution message-attribution--split"><ul class="message-attribution-main">'
            f'<li><a href="/threads/t.1/post-{pid}"><time class="u-dt" datetime="2023-04-0{i + 1}T10:15:00+0000">'
            f'Apr {i + 1}, 2023</time></a></li></ul><ul class="message-attribution-opposite"><li>'
            f'<a href="/threads/t.1/post-{pid}">#{i + 1}</a></li></ul></header>'
            f'<div class="message-content js-messageContent"><div class="message-userContent">'
            f'<article class="message-body js-selectToQuote"><div class="bbWrapper">{text}</div></article>'
            f'</div></div>{"" if in_footer else bar}<footer class="message-footer"><div class="message-actionBar '
            f'actionBar"><a class="actionBar-action actionBar-action--reply">Reply</a></div>'
            f'{bar if in_footer else ""}</footer>'
            f'</div></div></div></article>')


def _reactions_bar() -> str:
    return ('<div class="reactionsBar js-reactionsList is-active"><ul class="reactionSummary"><li>'
           '<span class="reaction reaction--small reaction--1"><img alt="Like" title="Like"></span></li></ul>'
           '<span class="u-srOnly">Reactions:</span> <a class="reactionsBar-link" href="/posts/9/reactions">'
           + "".join(f"<bdi>{w}</bdi>, " for w in WHO[:2]) + f"<bdi>{WHO[2]}</bdi> and 4 others</a></div>")


def xenforo22(i, name, text):
    """XenForo 2.2+ ``post_macros``: the bar in the message's footer."""
    return _xf2(900 + i, i, name, text, _reactions_bar())


def xenforo21(i, name, text):
    """ThemeHouse UI.X styles (XenForo 2.1+): the bar in ``message-main.uix_messageContent`` between
    the content and the footer."""
    return _xf2(950 + i, i, name, text, _reactions_bar(), in_footer=False)


def xenforo20(i, name, text):
    bar = ('<div class="likesBar js-likeList is-active"><i class="fa--xf far fa-thumbs-up"></i>'
           '<span class="u-srOnly">Likes:</span> <a class="likesBar-likes" href="/posts/9/likes">'
           + ", ".join(WHO) + "</a></div>")
    return _xf2(800 + i, i, name, text, bar)


def xenforo1(i, name, text):
    pid = 700 + i
    return (f'<li id="post-{pid}" class="message" data-author="{name}"><div class="messageUserInfo">'
            f'<a class="username" href="/members/{name}.{pid}/">{name}</a></div>'
            f'<div class="messageInfo primaryContent"><div class="messageContent"><article>'
            f'<blockquote class="messageText SelectQuoteContainer ugc baseHtml">{text}</blockquote></article></div>'
            f'<div class="messageMeta ToggleTriggerAnchor"><div class="privateControls"><a class="datePermalink">'
            f'<span class="DateTime" title="Mar {i + 3}, 2016 at 9:15 AM">Mar {i + 3}, 2016</span></a></div>'
            f'<div class="publicControls"><a class="item muted postNumber hashPermalink">#{i + 1}</a></div></div>'
            f'<div id="likes-post-{pid}"><div class="likesSummary secondaryContent"><span class="LikeText">'
            f'{_names()} and <a class="OverlayTrigger">2 others</a> like this.</span></div></div>'
            f'</div></li>')


def _vb4(i, name, text, after):
    pid = 600 + i
    return (f'<li class="postbitlegacy postbitim postcontainer old" id="post_{pid}"><div class="posthead">'
            f'<span class="postdate old"><span class="date">03-0{i + 3}-2011,&nbsp;<span class="time">02:17 PM</span>'
            f'</span></span><span class="nodecontrols"><a name="post{pid}" href="#post{pid}" class="postcounter">'
            f'#{i + 1}</a></span></div><div class="postdetails"><div class="userinfo"><div class="username_container">'
            f'<a class="username offline popupctrl" href="/members/{pid}.html"><strong>{name}</strong></a></div>'
            f'<span class="usertitle">Junior Member</span></div><div class="postbody"><div class="postrow">'
            f'<div class="content"><div id="post_message_{pid}"><blockquote class="postcontent restore">{text}'
            f'</blockquote></div></div>{after(pid)}</div></div></div><div class="postfoot">Reply With Quote</div></li>')


def vbseo_likes(i, name, text):
    return _vb4(i, name, text, lambda pid: (
        f'<div class="vbseo_buttons" id="lkbtn_1.77.{pid}"><div class="alt2 vbseo_liked">{_names()} and '
        f'<a href="#" onclick="return false">3 others</a> like this.</div></div>'))


def vb_thanks_hack(i, name, text):
    return _vb4(i, name, text, lambda pid: (
        f'<div id="post_thanks_box_{pid}"><div class="tbox"><div class="trow"><div class="tcell alt2">'
        f'<strong>The following 3 users say Thank You to {name} for this useful post:</strong></div>'
        f'<div class="tcell alt1"><div>{_names()}</div></div></div></div></div>'))


def phpbb_thanks(i, name, text):
    pid = 500 + i
    return (f'<div id="p{pid}" class="post has-profile bg2"><div class="inner">'
            f'<dl class="postprofile" id="profile{pid}"><dt class="has-avatar">'
            f'<a href="./memberlist.php?mode=viewprofile&amp;u={pid}" class="username">{name}</a></dt>'
            f'<dd class="profile-joined"><strong>Joined:</strong> Sun Dec 17, 2023 11:18 am</dd></dl>'
            f'<div class="postbody"><div id="post_content{pid}"><h3><a href="#p{pid}">Re: Trail map</a></h3>'
            f'<p class="author"><a href="./viewtopic.php?p={pid}#p{pid}">Mon Dec 18, 2023 9:0{i} am</a></p>'
            f'<div class="content">{text}</div>'
            f"<div id='list_thanks{pid}'><div class=\"notice\"><dl><dt>Thanked by {name} for this post:</dt>"
            f'<dd>{_names()}</dd></dl></div></div>'
            f'</div></div></div></div><hr class="divider">')


def invision4(i, name, text):
    cid = 400 + i
    return (f'<article id="elComment_{cid}" class="cPost ipsBox ipsComment ipsComment_parent">'
            f'<aside class="ipsComment_author cAuthorPane"><h3 class="ipsType_sectionHead cAuthorPane_author">'
            f'<strong><a href="/profile/{cid}-x/">{name}</a></strong></h3></aside>'
            f'<div class="ipsColumn ipsColumn_fluid"><div id="comment-{cid}_wrap" data-commentid="{cid}" '
            f'class="ipsComment_content"><div class="ipsComment_meta ipsType_light"><div class="ipsType_reset">'
            f'Posted <time datetime="2023-07-0{i + 1}T11:59:12Z">July {i + 1}, 2023</time></div></div>'
            f'<div class="cPost_contentWrap"><div data-role="commentContent" class="ipsType_normal ipsType_richText">'
            f'<p>{text}</p></div></div><div class="ipsItemControls"><div class="ipsItemControls_right ipsClearfix">'
            f'<div class="ipsReact ipsPos_right"><div class="ipsReact_blurb" data-role="reactionBlurb">'
            f'<ul class="ipsReact_reactions"><li class="ipsReact_reactCount"><span>3</span></li></ul>'
            f'<div class="ipsReact_overview ipsType_blendLinks">{_names()} reacted to this</div></div></div></div>'
            f'<ul class="ipsComment_controls"><li>Quote</li></ul></div></div></div></article>')


def discourse(i, name, text):
    pid = 300 + i
    return (f'<div class="topic-post" id="post_{i + 1}"><article id="post_{pid}" class="boxed onscreen-post" '
            f'data-post-id="{pid}"><div class="row"><div class="topic-avatar"><a class="trigger-user-card" '
            f'data-user-card="{name}"><img alt="" title="{name}"></a></div><div class="topic-body clearfix">'
            f'<div class="topic-meta-data"><div class="names"><span class="first username">'
            f'<a href="/u/{name}" data-user-card="{name}">{name}</a></span></div><div class="post-infos">'
            f'<div class="post-info post-date"><a class="post-date" href="/t/trail-map/7/{i + 1}">'
            f'<span class="relative-date" data-time="168{i}000000000" title="Apr {i + 1}, 2023 10:15 am">Apr {i + 1}</span>'
            f'</a></div></div></div><div class="regular contents"><div class="cooked"><p>{text}</p></div>'
            f'<section class="post-menu-area clearfix"><nav class="post-controls"><div class="actions">'
            f'<button class="widget-button btn-flat like">Like</button></div></nav>'
            f'<div class="small-user-list who-liked"><span class="small-user-list-content">'
            + "".join(f'<a class="trigger-user-card" data-user-card="{w}">{w}</a> ' for w in WHO)
            + f'<span class="list-description">liked this post</span></span></div></section></div></div></div>'
            f'</article></div>')


CASES = [("xenforo 2.2+ reactionsBar", xenforo22, "xenforo"),
         ("xenforo UI.X reactionsBar in message-main", xenforo21, "xenforo"),
         ("xenforo 2.0 likesBar", xenforo20, "xenforo"),
         ("xenforo 1 likesSummary", xenforo1, "xenforo"),
         ("vbulletin vBSEO likes", vbseo_likes, "vbulletin"),
         ("vbulletin Post Thank You Hack", vb_thanks_hack, "vbulletin"),
         ("phpbb Thanks for Posts", phpbb_thanks, "phpbb"),
         ("invision 4 reaction blurb", invision4, "invision"),
         ("discourse who-liked", discourse, "discourse")]


@pytest.mark.parametrize("label, post, system", CASES, ids=[c[0] for c in CASES])
def test_the_members_who_reacted_are_not_in_the_text(label, post, system):
    body = '<div class="thread-posts">' + "".join(post(i, n, w) for i, (n, w) in enumerate(zip(POSTERS, WORDS))) + "</div>"
    readings = [read_page(body, before="<h1>Trail map</h1>")]
    with systems_off(frozenset({system})) as seen:
        readings.append(read_page(body, before="<h1>Trail map</h1>"))
    assert system not in {k.split(":")[0] for k in seen}
    # The engine's own reader reads the replies (the opening post may be the topic); left out, the
    # fallbacks read the post boxes whole (XenForo 1's are read by none of them yet).
    assert len(readings[0].comments) >= 3
    for r in readings:
        texts = [c.text for c in r.comments]
        assert not [t for t in texts if any(w in t for w in WHO) or "like this" in t or "liked this" in t
                    or "Reactions:" in t or "Likes:" in t or "Thank You" in t or "Thanked by" in t]
        assert not texts or all(any(w in t for t in texts) for w in WORDS[1:])
