"""Comments the platform shows as deleted (decided 2026-12-04): the comment stays a node — counted,
its replies keep their parent — with empty text and ``removed`` true; the platform's notice is never
its text. Readers know the notice by markup where the system has a class for it (Blogger's
``span.deleted-comment``) and by a small table of whole-text notices in several languages.
Synthetic pages and rows (invented names and words)."""
from __future__ import annotations

import pytest

from pagekit import codes, read_page, shape

from therapy_threads import ids
from therapy_threads.pipeline import records_table
from therapy_threads.readers.comments.engine import _DELETED_TEXT
from therapy_threads.records import Comment, Post, ReadResult
from therapy_threads.tree import build_tree
from therapy_threads.validate.rows import comment_problem, isolate_bad_rows


def _classic(cid: int, name: str, body: str) -> str:
    # Blogger's classic template: dt "NAME said...", dd.comment-body, dd.comment-footer
    return (f'<dt class="comment-author" id="c{cid}"><a name="c{cid}"></a><a href="/p/{cid}">{name}</a> '
            f'said...</dt><dd class="comment-body" id="Blog1_cmt-{cid}">{body}</dd>'
            f'<dd class="comment-footer"><span class="comment-timestamp"><a href="?showComment={cid}#c{cid}" '
            f'title="comment permalink">November {cid % 20 + 1}, 2012 7:52 PM</a></span></dd>')


def test_blogger_deleted_comment_span_keeps_the_node_without_the_notice():
    body = ('<div id="comments"><h4>3 comments:</h4><dl id="comments-block">'
            + _classic(1001, "Reva Holm", "<p>The squash soup is lovely in autumn.</p>")
            + _classic(1002, "sparrow",
                       "<span class='deleted-comment'>This comment has been removed by the author.</span>")
            + _classic(1003, "Lio Banks", "<p>Could it be made without cream?</p>")
            + "</dl></div>")
    r = read_page(body)
    assert shape(r) == [("The squash soup is lovely in autumn.", 0, None, "Reva Holm"),
                        ("", 0, None, "sparrow"),
                        ("Could it be made without cream?", 0, None, "Lio Banks")]
    assert [c.removed for c in r.comments] == [False, True, False]
    assert r.quarantine == [] and "fewer_comments_than_declared" not in codes(r)
    assert "comments_without_text" not in codes(r)


def _threaded(cid: int, name: str, words: str, replies: str = "") -> str:
    # Blogger's threaded comments as its script renders them (li.comment > div.comment-block)
    kids = (f'<div class="comment-replies"><div class="comment-thread inline-thread"><ol>{replies}'
            "</ol></div></div>" if replies else "")
    return (f'<li class="comment" id="c{cid}"><div class="avatar-image-container"><img src="/a.png"></div>'
            f'<div class="comment-block"><div class="comment-header"><cite class="user">{name}</cite>'
            f'<span class="icon user"></span><span class="datetime secondary-text"><a rel="nofollow" '
            f'href="?showComment={cid}#c{cid}">21 mars 2017 à 11:{cid % 60:02d}</a></span></div>'
            f'<p class="comment-content">{words}</p><span class="comment-actions secondary-text">'
            f'<a class="comment-reply" target="_self" data-comment-id="{cid}">Répondre</a></span></div>'
            f"{kids}</li>")


def test_reply_to_a_removed_comment_keeps_its_parent():
    body = ('<div class="comments" id="comments"><h4>3 commentaires:</h4><div class="comments-content">'
            '<div class="comment-thread toplevel-thread"><ol>'
            + _threaded(2001, "Camélia", "Ce commentaire a été supprimé par l'auteur.",
                        _threaded(2002, "Noé", "Dommage, j'aurais aimé lire ta réponse."))
            + _threaded(2003, "Iris", "Très juste, merci pour ce billet.")
            + "</ol></div></div></div>")
    r = read_page(body, lang="fr")
    assert shape(r) == [("", 0, None, "Camélia"),
                        ("Dommage, j'aurais aimé lire ta réponse.", 1, "", "Noé"),
                        ("Très juste, merci pour ce billet.", 0, None, "Iris")]
    assert [c.removed for c in r.comments] == [True, False, False]


@pytest.mark.parametrize("notice", [
    "This comment has been removed by the author.",
    "This comment has been removed by a blog administrator.",
    "This post has been removed by a blog administrator.",
    "[deleted]", "[removed]",
    "Ce commentaire a été supprimé par l'auteur.",
    "Dieser Kommentar wurde vom Autor entfernt.", "Kommentar gelöscht",
    "Este comentario ha sido eliminado por el autor.",
    "Questo commento è stato eliminato dall'autore.",
    "Este comentário foi removido pelo autor.",
    "Deze reactie is verwijderd door de auteur.",
    "该评论已删除", "このコメントは削除されました",
    "(post deleted by author)",
    "(post withdrawn by author, will be automatically deleted in 24 hours unless flagged)",
    "(post withdrawn by author, will be automatically deleted in 1 hour unless flagged)",
])
def test_whole_text_notices_are_recognised(notice):
    assert _DELETED_TEXT.match(notice)


@pytest.mark.parametrize("words", [
    "This comment has been removed by the author. I wrote it again below, shorter.",
    "My last comment was removed by the spam filter, so here it is again: the recipe works.",
    "Kommentar wurde gestern geschrieben und dann entfernt, aber die Frage bleibt.",
    "The comment was deleted by mistake, I think; can you put it back?",
    "(post deleted by author) is what I see above, what did it say?",
    "I liked the post (deleted by author later) about boundaries.",
])
def test_a_comment_that_only_mentions_removal_is_text(words):
    # a notice is the whole text; words around it are the commenter's
    assert not _DELETED_TEXT.match(words)


def test_rows_marked_removed_are_published_with_their_replies():
    pid = ids.post_id("src", "post")
    gone = Comment(comment_id="", post_id="", source_id="", position=0, text="", removed=True,
                   source_key="c1", parent_key=None, location="item c1")
    reply = Comment(comment_id="", post_id="", source_id="", position=0, text="Sorry to see it go.",
                    source_key="c2", parent_key="c1", location="item c2")
    blank = Comment(comment_id="", post_id="", source_id="", position=0, text=" ",
                    source_key="c3", parent_key=None, location="item c3")
    tree = build_tree(pid, "src", [gone, reply, blank])
    r = ReadResult("src", "html")
    r.posts.append(Post(post_id=pid, source_id="src", source_format="html", title="post",
                        body="A body long enough to be an article.", content_sha256="0" * 64,
                        extracted_comment_count=len(tree.comments), source_key="post"))
    r.comments.extend(tree.comments)
    isolate_bad_rows(r)
    assert [(c.source_key, c.removed, c.depth) for c in r.comments] == [("c1", True, 0), ("c2", False, 1)]
    assert [q.reason for q in r.quarantine] == ["empty_text"]  # blank and not marked: not a comment
    assert comment_problem("", removed=True) is None and comment_problem("")[0] == "empty_text"
    t = records_table("comments", r.comments)
    assert t.column("removed").to_pylist() == [True, False]
    assert t.column("text").to_pylist() == ["", "Sorry to see it go."]


def test_gold_labeller_marks_removed_comments(tmp_path):
    # bench/readers_eval/label.py: a "removed" rule keeps the comment (count, parent) with an
    # empty snippet and "removed": true; the notice is not its text.
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "label", Path(__file__).resolve().parents[1] / "bench" / "readers_eval" / "label.py")
    label = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(label)
    page = tmp_path / "p.html"
    page.write_text('<html><body><ul id="c">'
                    '<li><b>Ana</b><p><span class="deleted-comment">This comment has been removed by the '
                    'author.</span></p><ul><li><b>Bo</b><p>Why was it removed?</p></li></ul></li>'
                    '<li><b>Cy</b><p>A plain comment.</p></li></ul></body></html>')
    (tmp_path / "p.rules.json").write_text(
        '{"item": "//ul[@id=\'c\']//li", "content": "./p", "author": "./b", "parent": "nest",'
        ' "removed": "./p/span[@class=\'deleted-comment\']"}')
    gold = label.label(page)
    assert gold["count"] == 3 and gold["depths"] == {"0": 2, "1": 1}
    assert [(c["snippet"], c["author"], c["parent"], c.get("removed")) for c in gold["comments"]] == [
        ("", "Ana", None, True), ("Why was it removed?", "Bo", 0, None), ("A plain comment.", "Cy", None, None)]


def _fyre(mid: str, name: str, words: str, replies: str = "", deleted: bool = False) -> str:
    if deleted:
        # Livefyre's stream keeps a deleted comment as a notice; the widget hides it (inline style)
        # unless replies hang under it.
        hide = "" if replies else ' style="display: none;"'
        inner = (f'<div class="fyre-comment-wrapper"{hide}><section class="fyre-comment-deleted">'
                 "<p>This comment has been deleted</p></section></div>")
    else:
        inner = (f'<div class="fyre-comment-wrapper"><header class="fyre-comment-head"><a '
                 f'class="fyre-comment-username">{name}</a><time class="fyre-comment-date" '
                 f'datetime="2014-12-28T10:00:00Z">Dec 28</time></header><section class="fyre-comment-body">'
                 f'<div class="fyre-comment"><p>{words}</p></div></section></div>')
    return (f'<article class="fyre-comment-article" data-message-id="{mid}">{inner}<div class="fyre-comment-'
            f'replies fyre-comment-container">{replies}</div></article>')


def test_a_removed_comment_the_page_hides_is_not_shown_so_not_kept():
    r = read_page('<div id="livefyre"><div class="fyre-comment-stream"><div class="fyre-stream-content">'
                  + _fyre("201", "reader_one", "A first thought.")
                  + _fyre("202", "", "", deleted=True)
                  + _fyre("203", "", "", _fyre("204", "reader_two", "Answering the removed one."), deleted=True)
                  + "</div></div></div>")
    # the hidden one without replies is counted as skipped; the shown one with a reply stays
    assert shape(r) == [("A first thought.", 0, None, "reader_one"), ("", 0, None, None),
                        ("Answering the removed one.", 1, "", "reader_two")]
    assert [c.removed for c in r.comments] == [False, True, False]
    assert r.skipped.get("deleted") == 1


# -- exports and APIs: each format's own deletion marker (synthetic files, invented words) --------

def _disqus(deleted_marker: str) -> bytes:
    post = ('<post dsq:id="{i}"><message><![CDATA[<p>{w}</p>]]></message>{flags}'
            '<createdAt>2019-05-01T10:0{i}:00Z</createdAt><author><name>Mael Quint</name></author>'
            '<thread dsq:id="1"/>{parent}</post>')
    return ('<?xml version="1.0"?><disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
            '<thread dsq:id="1"><title>T</title><link>https://b.example/t</link></thread>'
            + post.format(i=1, w="Second thoughts, sorry.", flags=deleted_marker, parent="")
            + post.format(i=2, w="I read it before it went.", flags="<isDeleted>false</isDeleted>",
                          parent='<parent dsq:id="1"/>')
            + "</disqus>").encode()


def _wxr(status: str) -> bytes:
    c = ("<wp:comment><wp:comment_id>{i}</wp:comment_id><wp:comment_author>Mael Quint</wp:comment_author>"
         "<wp:comment_date_gmt>2019-05-01 10:0{i}:00</wp:comment_date_gmt>"
         "<wp:comment_content><![CDATA[{w}]]></wp:comment_content><wp:comment_approved>{s}</wp:comment_approved>"
         "<wp:comment_parent>{p}</wp:comment_parent></wp:comment>")
    return ('<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>B</title>'
            "<wp:wxr_version>1.2</wp:wxr_version><item><title>T</title><wp:post_id>5</wp:post_id>"
            "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
            + c.format(i=1, w="Second thoughts, sorry.", s=status, p=0)
            + c.format(i=2, w="I read it before it went.", s="1", p=1)
            + "</item></channel></rss>").encode()


def _rest(status: str) -> bytes:
    import json

    def com(i, words, st, parent):
        return {"id": i, "post": 5, "parent": parent, "author": 0, "author_name": "Mael Quint",
                "date_gmt": f"2019-05-01T10:0{i}:00", "status": st, "type": "comment",
                "content": {"rendered": f"<p>{words}</p>"}}

    post = {"id": 5, "date_gmt": "2019-05-01T09:00:00", "status": "publish", "type": "post",
            "title": {"rendered": "T"}, "content": {"rendered": "<p>A post body.</p>"}}
    return json.dumps({"format": "therapy-threads/wp-rest-bundle", "version": 1, "responses": [
        {"url": "https://b.example/wp-json/wp/v2/posts", "status": 200, "body": [post]},
        {"url": "https://b.example/wp-json/wp/v2/comments?status=all", "status": 200,
         "body": [com(1, "Second thoughts, sorry.", status, 0), com(2, "I read it before it went.", "approved", 1)]},
    ]}).encode()


# format -> [(deletion marker, export)]; not deletions -> skipped reason, the reply an orphan
EXPORT_CASES = {
    "disqus": ([_disqus("<isDeleted>true</isDeleted><isSpam>false</isSpam>")],
               [("spam", _disqus("<isDeleted>false</isDeleted><isSpam>true</isSpam>")),
                ("spam", _disqus("<isDeleted>true</isDeleted><isSpam>true</isSpam>"))]),
    "wxr": ([_wxr("trash"), _wxr("post-trashed")], [("spam", _wxr("spam")), ("unapproved", _wxr("0"))]),
    "wp_rest": ([_rest("trash"), _rest("post-trashed")], [("spam", _rest("spam")), ("unapproved", _rest("hold"))]),
}


def test_every_export_format_of_the_registry_has_its_deletion_case():
    from therapy_threads.formats import FORMATS

    # a new threaded export/API format must say here what its deletion marker is
    assert {f.name for f in FORMATS if f.threaded} - {"html"} == set(EXPORT_CASES)


@pytest.mark.parametrize("fmt, data", [(f, d) for f, (dels, _) in EXPORT_CASES.items() for d in dels])
def test_a_deleted_comment_in_an_export_is_a_removed_node(fmt, data):
    from therapy_threads.readers import SourceRef, get_reader

    r = get_reader(fmt).read(data, SourceRef("s", "s"))
    assert [(c.text, c.removed, c.depth) for c in r.comments] == [
        ("", True, 0), ("I read it before it went.", False, 1)]
    assert r.comments[1].parent_id == r.comments[0].comment_id and r.quarantine == []
    assert r.comments[0].identity.name == "Mael Quint"  # the pseudonym comes from it
    assert not r.skipped


@pytest.mark.parametrize("fmt, reason, data", [(f, why, d) for f, (_, keep) in EXPORT_CASES.items()
                                               for why, d in keep])
def test_spam_and_unapproved_are_not_deletions(fmt, reason, data):
    from therapy_threads.readers import SourceRef, get_reader

    r = get_reader(fmt).read(data, SourceRef("s", "s"))
    assert r.comments == [] and r.skipped == {reason: 1}
    assert [q.reason for q in r.quarantine] == ["orphan_reply"]


def test_a_discourse_post_withdrawn_by_its_author_is_a_removed_node():
    # Discourse's crawler view (as in tests/test_readers_forums.py) with the locale's notice in
    # place of a post its author deleted
    def post(n, user, text):
        comment = "" if n == 1 else "itemprop='comment' itemscope itemtype='http://schema.org/Comment' "
        return (f"<div id='post_{n}' {comment}class='topic-body crawler-post'><div class='crawler-post-meta'>"
                f'<span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">'
                f"<a itemprop='url' href='https://forum.example.org/u/{user}'><span itemprop='name'>{user}</span>"
                f"</a></span><span class='crawler-post-infos'><time itemprop='datePublished' "
                f"datetime='2024-11-0{n}T20:42:42Z' class='post-time'>November {n}, 2024</time>"
                f"<span itemprop='position'>{n}</span></span></div><div class='post' itemprop='text'><p>{text}</p>"
                "</div></div>")
    r = read_page('<div id="main-outlet">' + post(1, "asker", "Does anyone else feel this?")
                  + post(2, "fen_lark", "(post withdrawn by author, will be automatically deleted in 24 hours "
                                        "unless flagged)")
                  + post(3, "ivo_march", "Yes, every week before the session.") + "</div>",
                  head='<meta name="generator" content="Discourse 3.4">')
    assert shape(r) == [("", 0, None, "fen_lark"), ("Yes, every week before the session.", 0, None, "ivo_march")]
    assert [c.removed for c in r.comments] == [True, False]
