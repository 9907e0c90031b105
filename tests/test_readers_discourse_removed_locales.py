"""Discourse's notice for a post its author deleted, in the site's default locale (the
PostDestroyer writes js.post / js.topic ``deleted_by_author_simple`` of client.<locale>.yml in
place of the words), and the notice the serializer prints for a post the community's flags hid
(server.en.yml flagging.user_must_edit): the post is kept as removed (its replies keep their
place), never as text.
Synthetic crawler-view pages (``div.crawler-post``) with invented names and words.
"""
from __future__ import annotations

import pytest
from pagekit import read_page

from therapy_threads.readers.comments.engine import _DELETED_TEXT


def _post(n: int, user: str, text: str) -> str:
    comment = "" if n == 1 else "itemprop='comment' itemscope itemtype='http://schema.org/Comment' "
    return (f"<div id='post_{n}' {comment}class='topic-body crawler-post'><div class='crawler-post-meta'>"
            f'<span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">'
            f"<a itemprop='url' href='https://forum.example.org/u/{user}'><span itemprop='name'>{user}</span></a>"
            f"</span><span class='crawler-post-infos'><time itemprop='datePublished' "
            f"datetime='2024-11-08T20:42:42Z' class='post-time'>8. November 2024</time>"
            f"<span itemprop='position'>{n}</span></span></div><div class='post' itemprop='text'><p>{text}</p>"
            f"</div></div>")


@pytest.mark.parametrize("lang, notice, words", [
    ("de", "(Beitrag vom Verfasser gelöscht)", "Danke, das hilft mir sehr weiter."),
    ("en", "(post deleted by author)", "Thanks, that helps a lot."),
    ("en", "This post was flagged by the community and is temporarily hidden.", "Thanks, that helps."),
])
def test_a_post_deleted_by_its_author_is_removed_in_the_sites_locale(lang, notice, words):
    r = read_page('<div id="main-outlet">' + _post(1, "frager", "Die Frage des Themas.")
                  + _post(2, "ada_ex", notice) + _post(3, "bea_s", words) + "</div>",
                  head='<meta name="generator" content="Discourse 3.4">', lang=lang)
    assert [(c.text, c.removed) for c in r.comments] == [("", True), (words, False)]


@pytest.mark.parametrize("text, notice", [
    ("(Beitrag vom Verfasser gelöscht)", True),
    ("(Thema vom Verfasser gelöscht)", True),
    ("(beitrag vom verfasser gelöscht)", True),
    ("(Beitrag vom Verfasser gelöscht) – was stand da?", False),   # words around it: the commenter's
    ("Der Beitrag vom Verfasser wurde nicht gelöscht, nur verschoben.", False),
    ("This post was flagged by the community and is temporarily hidden.", True),
    ("This post was flagged by the community and is temporarily hidden. Why, though?", False),
])
def test_a_notice_is_the_whole_text_only(text, notice):
    assert bool(_DELETED_TEXT.match(text)) is notice
