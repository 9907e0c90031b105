"""Webmention replies (microformats2 and webmention.io lists) and GitHub timelines, each written
after the system's own template or the selectors its maintained readers rely on (names,
handles and addresses are synthetic).

* microformats2 h-entry ``u-comment h-cite`` with ``p-author h-card``, ``dt-published``,
  ``e-content`` (the h-entry spec; Known and micro.blog themes), nested for a reply to a reply;
* the jekyll-webmention_io default template (``li.webmentions__item > article.webmention``);
* webmention.js (``#webmentions > ul.comments > li`` with ``a.reaction``, ``a.source``,
  ``span.text``; likes in ``ul.reacts``);
* a site's own component ("Mentions", ``div.reply`` with ``span.author``, ``mention-type``,
  ``time``; a collapsed item without words);
* GitHub's React issue viewer (``div.react-issue-comment``, id on the header, the body twice
  nested in ``.markdown-body`` boxes) and the classic timeline with a review comment.
"""
from __future__ import annotations

from pagekit import codes, shape

from therapy_threads.readers import SourceRef, get_reader
from therapy_threads.readers.comments.markup_guess import guess_systems


def read(body: str, *, article: bool = True):
    post = ('<article class="h-entry"><h1 class="p-name">A post about therapy</h1>'
            '<div class="e-content"><p>The post itself, long enough to be a body of text for the '
            'extractor to keep as the article.</p></div></article>') if article else ""
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><main>{post}'
            f"{body}</main></body></html>")
    return get_reader("html").read(html.encode(), SourceRef("t", "t.html"))


def _cite(name: str, when: str, words: str, inner: str = "") -> str:
    return (f'<div class="u-comment h-cite"><a class="p-author h-card" href="https://example.org/{name[0]}">'
            f'<img class="u-photo" src="a.png" alt=""><span class="p-name">{name}</span></a>'
            f'<a class="u-url" href="https://example.org/{name[0]}/1"><time class="dt-published" '
            f'datetime="{when}">{when[:10]}</time></a><div class="e-content"><p>{words}</p></div>{inner}</div>')


def test_microformats2_comments_nested():
    inner = _cite("Bea Sample", "2024-03-02T10:00:00+00:00", "And a reply to that reply.")
    body = ('<section class="responses"><h2>Responses</h2>'
            + _cite("Ada Example", "2024-03-01T09:00:00+00:00", "A reply from my own site.", inner)
            + _cite("Cy Placeholder", "2024-03-03T08:30:00+00:00", "A second reply.")
            + '<a class="u-like h-cite" href="https://example.org/l"><img class="u-photo" src="l.png" alt="Di"></a>'
            + "</section>")
    r = read(body)
    assert shape(r) == [("A reply from my own site.", 0, None, "Ada Example"),
                        ("And a reply to that reply.", 1, "A reply from my own site.", "Bea Sample"),
                        ("A second reply.", 0, None, "Cy Placeholder")]
    assert r.comments[0].published_at == "2024-03-01T09:00:00Z"
    assert r.posts[0].comment_system == "webmention"


def test_jekyll_webmention_io_list():
    def item(i, name, words, kind="content-only"):
        return (f'<li class="webmentions__item"><article class="webmention webmention--{kind}" id="webmention-{i}">'
                f'<div class="webmention__author vcard"><a class="fn url" href="https://example.org/{i}">'
                f'<img class="webmention__author__photo photo" src="p.jpg" alt="">{name}</a></div>'
                f'<div class="webmention__content"><p>{words}</p></div>'
                f'<div class="webmention__meta"><time class="webmention__pubdate" datetime="2023-05-0{i}T12:00:00+00:00">'
                f'{i} May 2023</time> <a class="webmention__source" href="https://example.org/{i}/s">Permalink</a></div>'
                f"</article></li>")
    body = ('<div class="webmentions"><ol class="webmentions__list">'
            + item(1, "Ada Example", "Thoughtful piece, thank you.")
            + item(2, "Bea Sample", "I wrote a response on my blog.")
            + "</ol></div>"
            '<div class="webmentions webmentions--likes"><ol class="webmentions__list">'
            '<li class="webmentions__item"><article class="webmention webmention--author-photo-only">'
            '<div class="webmention__author vcard"><a class="fn url" href="https://example.org/9">'
            '<img class="photo" src="q.jpg" alt="Cy"></a></div></article></li></ol></div>')
    r = read(body)
    assert shape(r) == [("Thoughtful piece, thank you.", 0, None, "Ada Example"),
                        ("I wrote a response on my blog.", 0, None, "Bea Sample")]
    assert all("Permalink" not in c.text and "2023" not in c.text for c in r.comments)


def test_webmention_js_list():
    def li(name, words):
        return (f'<li><a class="reaction" rel="nofollow" title="{name} replied" href="https://example.org/r">'
                f'<img src="a.png">\U0001F4AC</a> <a class="source" rel="nofollow" href="https://example.org/r">'
                f'{name}</a>: <span class="text">{words}</span></li>')
    body = ('<div id="webmentions"><h2>2 Responses</h2><ul class="comments">'
            + li("Ada Example", "Saved this for my next session.")
            + li("Bea Sample", "Same experience here, it took months.")
            + '</ul><h2>1 Reaction</h2><ul class="reacts"><a class="reaction" href="https://example.org/l">'
              '<img src="b.png">\u2764\ufe0f</a></ul></div>')
    r = read(body)
    assert [(t, d, n) for t, d, _, n in shape(r)] == [
        ("Saved this for my next session.", 0, "Ada Example"),
        ("Same experience here, it took months.", 0, "Bea Sample")]


def test_site_component_mentions_with_a_collapsed_item():
    def reply(name, kind, when, words, hidden=""):
        return (f'<div class="reply{hidden}"><img src="a.png" alt="{name}"><div class="content">'
                f'<div class="name-date"><a href="https://example.org/s/1"><span class="author">{name}</span>'
                f'<svg class="platform-icon"><use href="#i"></use></svg><span class="mention-type">{kind}</span>'
                f'<time datetime="{when}">{when[:10]}</time></a></div><span>{words}</span></div></div>')
    body = ('<div class="outer-container"><h3>Mentions around the web</h3>'
            '<div class="likes-container"><div class="single-image"><img src="x.png" alt="Di Example"></div>'
            '<span>1 Like</span></div><div class="mentions-content-container">'
            + reply("Ada Example", "mentioned", "2024-05-24T02:20:06+00:00", "A note linking here")
            + reply("Bea Sample", "replied", "2023-01-15T21:56:28+00:00", "Thank you for writing this.")
            + reply("Cy Placeholder", "replied", "2022-11-30T10:25:29+00:00", "", hidden=" hidden")
            + "</div></div>")
    r = read(body)
    got = shape(r)
    assert [g[0] for g in got] == ["A note linking here", "Thank you for writing this.", "[hidden]"]
    assert [g[3] for g in got] == ["Ada Example", "Bea Sample", "Cy Placeholder"]
    assert all("replied" not in c.text and "mentioned" not in c.text for c in r.comments)


def test_the_send_a_webmention_form_is_not_a_list():
    r = read('<div class="webmention-form"><p>Have you written a response? Let me know the URL:</p><ul>'
             '<li><time datetime="2024-01-01">Updated 1 Jan 2024</time> endpoint notes</li></ul>'
             '<form action="https://webmention.example.org/endpoint"><input name="source"></form></div>')
    assert r.comments == []


def test_a_user_mention_link_is_not_a_section():
    r = read('<div class="discussion"><p>Thanks <a class="user-mention" href="/x">@example</a>, '
             'see <span class="mention">@other</span>.</p></div>')
    assert r.comments == []


_REACT_HEADER = (
    '<div id="issuecomment-{n}" data-testid="comment-header"><div><h3 class="sr-only">{login} commented '
    '<relative-time datetime="2025-05-2{n}T23:30:00.000Z" title="May 2{m}, 2025, 1:30 AM GMT+2">'
    'on May 2{m}, 2025</relative-time></h3>'
    '<div data-testid="comment-header-left-side-items"><a data-testid="avatar-link" href="/{login}">{login}</a>'
    '<a href="https://github.com/example/repo/issues/5#issuecomment-{n}"><relative-time '
    'datetime="2025-05-2{n}T23:30:00.000Z" title="May 2{m}, 2025, 1:30 AM GMT+2">on May 2{m}, 2025'
    '</relative-time></a></div>'
    '<div data-testid="comment-header-right-side-items"><span data-testid="comment-author-association">'
    'Contributor</span><button aria-label="Actions">...</button></div></div></div>')


def _react_comment(n: int, login: str, words: str) -> str:
    return (f'<div data-wrapper-timeline-id="IC_{n}"><div data-timeline-event-id="IC_{n}">'
            '<div class="react-issue-comment IssueCommentViewer-module__Layout--x1">'
            f'<div data-testid="comment-viewer-outer-box-IC_{n}">'
            + _REACT_HEADER.format(n=n, m=n + 1, login=login)
            + '<div class="IssueCommentViewer-module__Body--x2"><div class="markdown-body" data-testid="markdown-body">'
            f'<div class="markdown-body NewMarkdownViewer-module__box"><p dir="auto">{words}</p></div></div>'
            '<div role="toolbar" aria-label="Reactions"><button>\U0001F44D 3</button></div></div></div></div></div></div>')


def test_github_react_issue_timeline():
    body = ('<div data-testid="issue-viewer-issue-container"><div class="react-issue-body" data-testid="issue-body">'
            '<a data-testid="issue-body-header-author" href="/ada-example">ada-example</a>'
            '<div data-testid="issue-body-viewer"><div class="markdown-body"><p>The issue text.</p></div></div></div></div>'
            '<div class="react-comments-container">'
            + _react_comment(1, "ada-example", "A follow-up from the reporter.")
            + '<div data-wrapper-timeline-id="LE_9"><div>bea-sample added the bug label</div></div>'
            + _react_comment(2, "bea-sample", "Fixed in the next release.")
            + "</div>")
    r = read(body, article=False)
    assert [(t, d, n) for t, d, _, n in shape(r)] == [
        ("A follow-up from the reporter.", 0, "ada-example"),
        ("Fixed in the next release.", 0, "bea-sample")]
    assert r.posts[0].comment_system == "github"
    # The moment from datetime, the local time the page shows from the tooltip with its zone (the
    # text shows the day only: "on May 23, 2025", the next day in the saver's zone).
    assert (r.comments[1].published_at, r.comments[1].published_local) == (
        "2025-05-22T23:30:00Z", "2025-05-23T01:30+02:00")
    assert guess_systems('<div class="react-issue-comment X">')[0][0] == "github"


def test_github_classic_pull_request_with_review_comment():
    def group(cid, login, words, review=False):
        cls = "review-comment" if review else "timeline-comment"
        return (f'<div class="timeline-comment-group js-minimizable-comment-group" id="{cid}">'
                f'<div class="{cls} comment js-comment"><div class="timeline-comment-header"><h3><strong>'
                f'<a class="author" href="/{login}">{login}</a></strong> commented <a href="#{cid}">'
                f'<relative-time datetime="2026-01-15T10:30:00Z">Jan 15, 2026</relative-time></a></h3></div>'
                f'<div class="edit-comment-hide"><div class="comment-body markdown-body"><p>{words}</p></div></div>'
                "</div></div>")
    body = ('<div class="pull-discussion-timeline"><div class="timeline-comment-group" id="issue-10">'
            '<div id="pullrequest-20" class="timeline-comment"><div class="comment-body markdown-body">'
            '<p>The pull request description.</p></div></div></div>'
            + group("discussion_r301", "bea-sample", "Consider a shorter name here.", review=True)
            + group("issuecomment-501", "ada-example", "Renamed, thanks.")
            + "</div>")
    r = read(body, article=False)
    assert [(t, n) for t, _, _, n in shape(r)] == [("Consider a shorter name here.", "bea-sample"),
                                                   ("Renamed, thanks.", "ada-example")]


def test_an_indieweb_themes_comment_list_in_microformats2_only():
    # ``li.p-comment.h-entry#comment-N`` (a theme printing only mf2 names: XRay's test shape):
    # the WordPress-style id makes it a comment; the name is the p-author h-card, the words the
    # p-content / e-content, the date dt-published; the permalink is not text.
    body = ('<ul><li class="p-comment h-entry" id="comment-1000"><span class="p-content p-name">'
            'Comment text here.</span> <a href="https://example.org/a" class="p-author h-card">Ada Example</a> '
            '<a href="#comment-1000" class="u-url">comment permalink</a></li>'
            '<li class="p-comment h-entry" id="comment-1001"><div class="e-content">Second comment words.</div>'
            '<a href="https://example.org/b" class="p-author h-card"><img class="u-photo" src="x.png"> '
            '<span class="p-name">Bea Sample</span></a> <time class="dt-published" '
            'datetime="2015-12-09T03:29:14Z">Dec 9</time></li></ul>')
    r = read(body)
    assert [(t, n) for t, _, _, n in shape(r)] == [("Comment text here.", "Ada Example"),
                                                   ("Second comment words.", "Bea Sample")]
    assert r.comments[1].published_at == "2015-12-09T03:29:14Z"
