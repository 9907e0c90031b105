"""The generic fallbacks on a page whose own system has no reader (issue 12, leave-system-out):
a listing of other topics beside the page's posts is not the posts, a post's own subject heading
does not make it a teaser, and a fallback that reads more blocks than the page states comments
says so. Synthetic pages (invented names and words) in the shape of a Q&A site's question,
answers and "more questions on the topic" listing (``article.posting.antwort`` with a user box,
an ``h3`` subject and a ``time``; ``article.list-posting`` teasers with an ``h4`` link, an
excerpt ending "weiterlesen >" and "N Antworten - Letzte Antwort: DATE von NAME").
"""
from __future__ import annotations

import pytest
from pagekit import codes, read_page, shape

from therapy_threads.readers.comments.engine import systems_off

_ANSWERS = [("quillon", "Short one", "We tried the gentle stretching routine each morning and it helped a little."),
            ("Dr-Amsel", "Please also ask your doctor about the dosage first",
             "In my practice the dose is raised slowly over several weeks, with notes kept daily."),
            ("moorhen", "Thanks", "The reading list from the support group was the most useful thing for us.")]
_TOPICS = [f"Another question about the subject number {i}, asked by someone else here" for i in range(8)]


def _answer(name: str, subject: str, words: str, i: int) -> str:
    return (f'<article class="posting antwort"><header><div class="userwrap"><div class="user">'
            f'<span itemprop="name">{name}</span></div><div class="status">Mitglied</div></div></header>'
            f'<div class="wrap"><div><h3>{subject}</h3><p>{words}</p></div><footer>'
            f'<time datetime="2015-0{i + 1}-12T09:41">12.0{i + 1}.15 09:41</time>'
            f'<ul class="features"><li><a href="javascript:;">Melden</a></li></ul></footer></div></article>')


def _teaser(i: int, title: str, linked: bool = True) -> str:
    head = f'<a href="/forum/{1000 + i}.php">{title}</a>' if linked else title
    return (f'<article class="list-posting awrap"><header><h4>{head}</h4></header>'
            f'<p>{title} and then some more words of the question ... <span>weiterlesen &gt;</span></p>'
            f'<footer><div class="post"><strong>{i + 1} Antworten</strong> - Letzte Antwort: '
            f'<time datetime="2013-01-0{i % 9 + 1}T11:25">0{i % 9 + 1}.01.13 11:25</time> von '
            f'<span class="user">helper{i}</span></div></footer></article>')


def _qa_page(n_answers: int = 3, n_topics: int = 8, linked: bool = True) -> str:
    question = ('<section itemtype="http://schema.org/Question"><article class="posting frage"><h1>'
                'How do others cope with the first months?</h1><p>My father was told last week and '
                'we do not know where to start.</p></article></section>')
    answers = "".join(_answer(*a, i) for i, a in enumerate(_ANSWERS[:n_answers]))
    listing = "".join(_teaser(i, t, linked) for i, t in enumerate(_TOPICS[:n_topics]))
    return (f'{question}<section id="Antwortenbereich">{answers}</section>'
            f'<h3>Weitere Beiträge zum Thema</h3><section class="liste postingliste">{listing}</section>')


def _read(body: str):
    # No named reader of the page's system: as leave-system-out reads it.
    with systems_off(frozenset({"schema-answer"})) as seen:
        r = read_page(body, lang="de")
    return r, dict(seen)


@pytest.mark.parametrize("n_topics, linked, expected", [
    (8, True, [w for _, _, w in _ANSWERS]),   # the listing is larger but teases other pages
    (3, True, [w for _, _, w in _ANSWERS]),   # as large as the answers
    (0, True, [w for _, _, w in _ANSWERS]),   # no listing at all: the same answers
])
def test_answers_are_read_and_a_listing_of_other_questions_is_not(n_topics, linked, expected):
    r, seen = _read(_qa_page(3, n_topics, linked))
    # the answer's own subject line stays with its words; the poster's status does not
    assert [t for t, *_ in shape(r)] == [f"{s}\n\n{w}" for (_, s, _), w in zip(_ANSWERS, expected)]
    assert not any("Mitglied" in c.text for c in r.comments)
    assert [a for *_, a in shape(r)] == [n for n, _, _ in _ANSWERS]
    assert not any("weiterlesen" in c.text or "Letzte Antwort" in c.text for c in r.comments)
    assert seen == {"dated-blocks": 3}


def test_a_listing_of_other_questions_alone_is_not_read():
    # Two answers only (not a group), the listing of eight: nothing is a thread.
    r, _ = _read(_qa_page(2, 8))
    assert r.comments == []


def test_a_subject_heading_after_the_posters_name_keeps_the_post():
    # The second answer's subject is a heading of many words; it follows the poster's box, so
    # it is the answer's own subject, not a teaser's title.
    r, _ = _read(_qa_page(3, 0))
    assert len(r.comments) == 3


@pytest.mark.parametrize("html, titled", [
    ('<div><h2>A long post title here</h2><p>by x</p></div>', True),                 # opens the block
    ('<div><b>maya</b> Mitglied <h3>A long subject line</h3><p>w</p></div>', False),  # after the poster
    ('<div><b>maya</b> <h3><a href="/t/5">A long teased title</a></h3></div>', True),  # links away
    ('<div><b>maya</b> <h3><a href="#c5">A long subject line</a></h3></div>', False),  # own permalink
    ('<div><b>maya</b> <h3>Re: ok</h3><p>w</p></div>', False),                          # two words
])
def test_a_title_is_a_teasers_when_it_opens_the_block_or_links_away(html, titled):
    from selectolax.lexbor import LexborHTMLParser

    from therapy_threads.readers.comments.systems.profile_blocks import _titled
    assert _titled(LexborHTMLParser(html).css_first("div")) is titled


def _forum_post(i: int, name: str, words: str, quote: str = "", signature: str = "") -> str:
    """An engine no reader knows: the poster's box (avatar letter, "Userlevel N"), a meta line
    with the bold name and the date, the words (a quote of another post first), a footer
    with the poster's signature and "Like Quote"."""
    q = f"<blockquote class='content-quote'>{quote}</blockquote>" if quote else ""
    return (f"<div class='post box' id='post{400 + i}'><div class='post__user__info'><div>D</div>"
            f"<div class='reputation'>Userlevel {i + 1}</div></div><div class='post__user__meta'>"
            f"<b>{name}</b> "
            f"<time datetime='2020-04-1{i}'>1{i} April 2020</time></div>"
            f"<div class='post__content'>{q}<p>{words}</p></div>"
            f"<div class='post__footer'><p>{signature}</p><a href='#'>Like</a> <a href='#'>Quote</a></div></div>")


def test_a_dated_posts_header_footer_and_signature_are_fields_or_left_out_not_text():
    sig = "My signature is a long quotation that I print under every single post on this board, always."
    quote = "An earlier answer quoted in full, longer than the reply itself by quite a few words here."
    posts = [("Ridley", "Does anyone know if the free edition has a Portuguese version?", "", ""),
             ("FLOOD", "Thanks!", "", sig),
             ("Ridley", "Found it, thank you.", quote, ""),
             ("FLOOD", "Good to hear.", "", sig)]
    body = '<div class="topic">' + "".join(_forum_post(i, *p) for i, p in enumerate(posts)) + "</div>"
    with systems_off(frozenset({"insided"})) as seen:
        r = read_page(body)
    assert dict(seen) == {"dated-blocks": 3}
    texts = [c.text for c in r.comments]
    assert texts[0] == "Thanks!" and texts[2] == "Good to hear."
    assert texts[1].endswith("Found it, thank you.")
    assert not any("Userlevel" in t or "signature" in t or "April" in t or "Like" in t for t in texts)
    assert [c.identity.name for c in r.comments] == ["FLOOD", "Ridley", "FLOOD"]
