"""Kinds first seen in heldout36, on synthetic pages (invented names and words).

* XenForo shows a guest, in place of parts of a post, its own notices: a ``div.blockMessage``
  ("Please, log in or register to view URLs content!", in the forum's language) where an add-on
  hides a link or a code block, and a link "View attachment N" to ``/attachments/N/`` where the
  viewer may not see an attachment. Neither is the poster's words; a post left with nothing but
  them is a post the page hides (kept, so the count holds).
* A smiley typed into a display name ("Darkness=)", "Sara ;)") keeps its bracket: it has no
  opening one to balance.
* A chat-style line that mentions a date and goes on with a clause ("с 23 августа 2012 у меня
  есть еще один акк", no full stop) is the commenter's words, not a theme's date line.
"""
from __future__ import annotations

import pytest

from pagekit import read_page, shape

from therapy_threads.readers.comments.base import HIDDEN
from therapy_threads.readers.comments.cleanup import clean_author, clean_comment_text, is_date_line


def _notice(login: str, register: str, what: str) -> str:
    # The add-on's notice as a guest sees it: the style's notice box with the login and
    # register links (their labels from the forum's phrases), the rest of the sentence in English.
    return (f'<div class="blockMessage blockMessage--important">Please,\n<a href="/login/" '
            f'data-xf-click="overlay"><i class="fas fa-sign-in-alt"></i>\n{login}\n</a> or\n'
            f'<a href="/register/" data-xf-click="overlay"><i class="fas fa-plus-square"></i>\n'
            f'{register}\n</a> to view {what} content!\n</div>')


def _post(pid: int, n: int, user: str, body: str, *, guest: bool = False) -> str:
    name = (f'<span class="username">{user}</span>' if guest
            else f'<a href="/members/{user.lower()}.{pid}/" class="username">{user}</a>')
    return (f'<article class="message message--post js-post" data-author="{user}" '
            f'data-content="post-{pid}" id="js-post-{pid}"><span class="u-anchorTarget" id="post-{pid}"></span>'
            f'<div class="message-inner"><div class="message-cell message-cell--user">'
            f'<section class="message-user"><div class="message-userDetails">'
            f'<h4 class="message-name">{name}</h4></div></section></div>'
            f'<div class="message-cell message-cell--main"><div class="message-main">'
            f'<header class="message-attribution message-attribution--split">'
            f'<ul class="message-attribution-main listInline"><li class="u-concealed">'
            f'<a href="/threads/t.1/post-{pid}"><time class="u-dt" datetime="2013-07-{n + 10}T14:58:00+0400">'
            f'{n + 10} Июль 2013</time></a></li></ul>'
            f'<ul class="message-attribution-opposite message-attribution-opposite--list">'
            f'<li><a href="/threads/t.1/post-{pid}">#{n}</a></li></ul></header>'
            f'<div class="message-content js-messageContent"><div class="message-userContent">'
            f'<article class="message-body js-selectToQuote"><div class="bbWrapper">{body}</div>'
            f'<div class="js-selectToQuoteEnd">&nbsp;</div></article></div></div></div></div></div>'
            f'</article>')


def _thread(*posts: str) -> str:
    return ('<div class="block block--messages" data-type="post"><div class="block-body js-replyNewMessageContainer">'
            + "".join(posts) + "</div></div>")


def _lines(text: str) -> str:
    return "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())


_HEAD = "<title>Тема | Форум</title>"
_OPENING = _post(100, 1, "Starter", "The opening post of the thread.")


@pytest.mark.parametrize("login,register,lang", [
    ("Log in", "Register", "en"), ("Вход", "Регистрация", "ru"), ("Anmelden", "Registrieren", "de")])
def test_xenforo_guest_notices_are_not_text_and_a_notice_only_post_is_kept(login, register, lang):
    urls = _notice(login, register, "URLs")
    code = ('<div class="bbCodeBlock bbCodeBlock--screenLimited bbCodeBlock--code">'
            '<div class="bbCodeBlock-title">PHP:</div><div class="bbCodeBlock-content" dir="ltr">'
            + _notice(login, register, "codes") + "</div></div>")
    body = _thread(
        _OPENING,
        _post(101, 2, "Lenka", f"Here is the tool I used {urls}<br />\nworks fine for me"),
        _post(102, 3, "Borya", urls),
        _post(103, 4, "Miro", f"My class looks like this:<br />\n{code}<br />\nwhat is wrong?"),
        _post(104, 5, "Tess", f'<span style="color: #666">{urls}</span>and one more line', guest=True))
    r = read_page(body, lang=lang, head=_HEAD)
    assert [(_lines(t), d, p, a) for t, d, p, a in shape(r)] == [
        ("Here is the tool I used\nworks fine for me", 0, None, "Lenka"),
        (HIDDEN, 0, None, "Borya"),
        ("My class looks like this:\nwhat is wrong?", 0, None, "Miro"),
        ("and one more line", 0, None, "Tess"),
    ]


@pytest.mark.parametrize("phrase,href,typed,kept", [
    # XF 2 (renderTagAttach / bb_code_tag_attach: the phrase names the attachment by its id)
    ("View attachment 219", "https://forum.example/attachments/219/", False, False),
    ("Посмотреть вложение 219", "https://forum.example/attachments/219/", False, False),
    # XF 1: the phrase names the file; the friendly URL carries the name's slug and the id
    ("View attachment chart.png", "https://forum.example/attachments/chart-png.5219/", False, False),
    ("Anhang anzeigen: Mein Plan 2.pdf", "/attachments/mein-plan-2-pdf.77/", False, False),
    # A link the poster typed to an attachment reads otherwise: it is theirs.
    ("see my chart here", "https://forum.example/attachments/chart-png.5219/", True, True),
])
def test_xenforo_attachment_stand_in_link_is_not_text(phrase, href, typed, kept):
    link = f'<a href="{href}" target="_blank">{phrase}</a>'
    body = _thread(_OPENING,
                   _post(201, 2, "Ilse", f"Numbers from last week:<br />\n{link}"),
                   _post(202, 3, "Olek", link))
    r = read_page(body, head=_HEAD)
    first, only = [c.text for c in r.comments]
    assert (phrase in first) is kept
    assert first.startswith("Numbers from last week:")
    assert only == (phrase if typed else HIDDEN)
    assert [c.identity.name for c in r.comments] == ["Ilse", "Olek"]


@pytest.mark.parametrize("raw,want", [
    ("Darkness=)", "Darkness=)"),
    ("Sara Example ;)", "Sara Example ;)"),
    ("Kate :-)", "Kate :-)"),
    ("Nori ^_^)", "Nori ^_^)"),
    ("Hugo =]", "Hugo =]"),
    # Brackets without a smiley still balance: what a header left of a bracketed part goes.
    ("Ada Example)", "Ada Example"),
    ("(Ada Example", "Ada Example"),
    ("Bob (admin)", "Bob (admin)"),
    ("Ada Example (5 days ago)", "Ada Example"),
])
def test_smiley_in_a_display_name_keeps_its_bracket(raw, want):
    assert clean_author(raw, ("en",)) == want


def test_xenforo_name_with_a_smiley_is_the_author():
    r = read_page(_thread(_OPENING, _post(301, 2, "Darkness=)", "я качаюсь на гремлянах до 7-8")),
                  lang="ru", head=_HEAD)
    assert [c.identity.name for c in r.comments] == ["Darkness=)"]


@pytest.mark.parametrize("line,date_line", [
    # the commenter's words: the date goes on with a clause of lower-case words
    ("c 23 августа 2012=) у меня есть еще один акк", False),
    ("since 3 May 2011 i have been using it every single day", False),
    # a theme's date line: time, "| Reply", "by NAME", a category
    ("Posted on Monday, December 19, 2011 at 8:08 pm", True),
    ("March 3, 2012 at 4:12 pm | Reply", True),
    ("12. März 2012 um 10:00 Uhr antworten", True),
    ("3 May 2012 by Ada Example", True),
    ("Posted on 12 March 2012 in Uncategorized | Leave a comment", True),
])
def test_a_clause_after_the_year_is_no_date_line(line, date_line):
    assert is_date_line(line, ("ru", "en", "de")) is date_line


def test_a_chat_line_with_a_date_ends_the_text():
    text = "Вроде норм у тебя акк)\nc 23 августа 2012=) у меня есть еще один акк"
    assert clean_comment_text(text, "LasT", languages=("ru",)) == text
    assert clean_comment_text("Nice photos!\nMarch 3, 2012 at 4:12 pm", "Ada", languages=("en",)) == "Nice photos!"
