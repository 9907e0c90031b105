"""Paged comment lists of news sites (the Paginated Comments plugin, WordPress shortlinks) and
authors printed with the theme's date or "Posted by" in the same element: synthetic pages
modelled on the templates (invented names and addresses) -> expected tree."""
from __future__ import annotations

import pytest

from therapy_threads.readers import SourceRef, get_reader
from therapy_threads.readers.comments.cleanup import clean_author
from therapy_threads.readers.comments.pagination import comment_page_links
from therapy_threads.readers.comments.dom import Attrs
from therapy_threads.readers.html_text import parse_html

CANONICAL = "https://news.example/nation/2011/05/04/bridge-reopens/"


def page(body: str, head: str = "", canonical: str = CANONICAL) -> bytes:
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<link rel="canonical" href="{canonical}" />{head}</head><body>'
            '<article class="post"><h1 class="entry-title">Bridge reopens</h1><div class="entry-content">'
            '<p>The river bridge reopened on Tuesday after two months of repairs to its deck.</p>'
            f'</div></article>{body}</body></html>').encode()


def paged_item(cid: int, num: int, name: str, when: str, words: str, post: int = 4321) -> str:
    # Paginated Comments' default template: a numbered header table, "NAME Says:", a date link
    # to "?p=ID#comment-N", the words in a second table with a like line and a reply link.
    return (f'<li id="comment-{cid}"><div class="comment_header"><table><tr><td>'
            f'<div class="paginated-comments-number">{num}</div></td><td><cite>{name} Says:</cite></td>'
            f'<td><small class="commentmetadata"><a href="https://news.example/?p={post}#comment-{cid}">{when}</a>'
            f'</small></td></tr></table></div><br /><table><tr><td><img class="avatar" src="a.png" /></td>'
            f'<td><p>{words}</p><p>Like <span id="karma-{cid}-up">0</span></p>'
            f'<a href="?replytocom={cid}#respond"> Reply</a></td></tr></table></li>')


PAGER = ('<p class="paginated-comments-pages">Pages: <strong>[2]</strong> '
         '<a href="https://news.example/?p=4321&amp;cp=1">1</a> '
         '<a href="https://news.example/?p=4321&amp;cp=1" title="Older Comments">&raquo;</a> '
         '<a href="https://news.example/?p=4321&amp;cp=all#comments" title="Show All Comments">Show All</a></p>')


def paged_thread(post: int = 4321) -> bytes:
    items = "".join([
        paged_item(903, 7, "Kaleb Munthali", "May 5th, 2011 at 9:12 pm", "The detour cost us an hour a day.", post),
        paged_item(901, 6, "Ruth Ziba", "May 5th, 2011 at 8:40 am", "Good news for the market traders.", post),
    ])
    return page(f'<h3 id="comments">7 Responses to "Bridge reopens"</h3>{PAGER}'
                f'<ol class="commentlist">{items}</ol>{PAGER}',
                head=f"<link rel='shortlink' href='https://news.example/?p={post}' />")


def test_paged_news_list_with_shortlink_permalinks_is_this_posts_thread():
    r = get_reader("html").read(paged_thread(), SourceRef("t", "t.html"))
    got = [(c.identity.name, c.text, c.published_local, c.parent_id) for c in sorted(r.comments, key=lambda c: c.position)]
    assert got == [("Kaleb Munthali", "The detour cost us an hour a day.", "2011-05-05T21:12", None),
                   ("Ruth Ziba", "Good news for the market traders.", "2011-05-05T08:40", None)]
    msg = next(i.message for i in r.issues if i.code == "comment_pages_missing")
    assert "read 2" in msg and "states 7" in msg and "(5 missing)" in msg
    assert "https://news.example/?p=4321&cp=1" in r.comment_pages
    assert not {"comments_not_extracted", "comments_out_of_scope"} & {i.code for i in r.issues}


def test_shortlink_of_another_post_stays_a_widget_of_another_post():
    # The permalinks name post 999 while the page's shortlink is post 4321: another post's list.
    body = paged_thread(post=999).replace(b"?p=999'", b"?p=4321'")
    r = get_reader("html").read(body, SourceRef("t", "t.html"))
    assert not r.comments


@pytest.mark.parametrize("links, expected", [
    (PAGER, ["https://news.example/?p=4321&cp=1", "https://news.example/?p=4321&cp=all"]),
    # Another post's paged list is not this thread's.
    ('<p class="paginated-comments-pages"><a href="https://news.example/?p=77&amp;cp=1">1</a></p>', []),
])
def test_paginated_comments_links(links, expected):
    html = (f"<html><head><link rel='shortlink' href='https://news.example/?p=4321' /></head>"
            f"<body><div id='comments'>{links}</div></body></html>")
    tree = parse_html(html)
    assert comment_page_links(tree.root, Attrs(), CANONICAL) == expected


@pytest.mark.parametrize("shown, name", [
    ("Tomasz Wilk 12 days ago", "Tomasz Wilk"),             # cite with the age in a span
    ("Ines (5 days ago)", "Ines"),                          # Drupal 5 "NAME (N days ago)"
    ("— Posted by Oren, Lake Town NV", "Oren, Lake Town NV"),  # old NYT blogs cite
    ("Posted by Dana Hill", "Dana Hill"),
    ("Priya Nair March 3 at 4:12 pm", "Priya Nair"),        # a date without a year
    ("Jonas Berg 3. März um 12:40", "Jonas Berg"),
    ("Lev says: March 3 at 4:12 pm", "Lev"),                # "says" left once the date is cut
    ("Lev says: March 3, 2011 at 4:12 pm", "Lev"),
    ("Mara vor 2 Tagen", "Mara"),
    # Drupal 5's "submitted" line and bylines with yearless dates.
    ("Submitted by Ana Ruiz on March 3, 2008 - 4:12pm", "Ana Ruiz"),
    ("Submitted by Ana Ruiz (not verified) on Mon, 03/03/2008 - 16:12", "Ana Ruiz"),
    ("Ana Ruiz on March 3 at 4:12 pm", "Ana Ruiz"),
    ("Ana Ruiz said on March 3", "Ana Ruiz"),
    ("Ana Ruiz (Yesterday at 4:12 pm)", "Ana Ruiz"),
    ("Ana Ruiz says: Reply", "Ana Ruiz"),
    # Names that only look like dates stay whole.
    ("June Carter", "June Carter"),
    ("April May", "April May"),
    ("Mary (Sydney)", "Mary (Sydney)"),
])
def test_author_without_the_themes_date_or_says(shown, name):
    assert clean_author(shown, ("en", "de")) == name


def test_drupal5_comment_author_line_with_the_age():
    d5 = "".join(
        f'<a id="comment-{i}"></a><div class="comment {"even" if i % 2 else "odd"}">'
        f'<h4>{i - 30}: <a href="/nation/2011/05/04/bridge-reopens/#comment-{i}" class="active">{words[:12]}</a></h4>'
        f'<div class="comment-content"><p>{words}</p></div>'
        f'<span class="comment-author">{name} ({age})</span>'
        f'<div class="links"><a href="/comment/reply/12/{i}">reply</a></div></div>'
        for i, name, age, words in ((31, "Wiremu", "6 days ago", "The deck was overdue for repair."),
                                    (32, "Hana K", "5 days ago", "Agreed, it rattled for years.")))
    r = get_reader("html").read(page(f'<div id="comments">{d5}</div>'), SourceRef("t", "t.html"))
    assert [(c.identity.name, c.text) for c in sorted(r.comments, key=lambda c: c.position)] == [
        ("Wiremu", "The deck was overdue for repair."), ("Hana K", "Agreed, it rattled for years.")]


# --- comment dates shown without a year --------------------------------------------------------

from therapy_threads.readers._dates import Yearless, place_year, yearless_date  # noqa: E402


@pytest.mark.parametrize("text, langs, expected", [
    ("On Thursday, November 1 at 2:57 pm", ("en",), Yearless(11, 1, 14, 57, 3)),
    ("March 3 at 4:12 pm", ("en",), Yearless(3, 3, 16, 12, None)),
    ("Jun 20th at 2:41 am", ("en",), Yearless(6, 20, 2, 41, None)),
    ("3. März um 12:40 Uhr", ("de",), Yearless(3, 3, 12, 40, None)),
    ("Le 17 juillet à 22:09", ("fr",), Yearless(7, 17, 22, 9, None)),
    ("Thursday 23rd April", ("en",), Yearless(4, 23, None, None, 3)),
    # Not yearless dates: a year, a two-digit year, a relative age, other words.
    ("March 3, 2011 at 4:12 pm", ("en",), None),
    ("Nov 19 '20 at 17:18", ("en",), None),
    ("3 days ago", ("en",), None),
    ("May I say thanks", ("en",), None),
    ("Yesterday at 4:12 pm", ("en",), None),
])
def test_yearless_date(text, langs, expected):
    assert yearless_date(text, langs) == expected


@pytest.mark.parametrize("shown, post, until, expected", [
    # The weekday leaves one of the five years from the post's.
    (Yearless(11, 1, 14, 57, 3), "2012-11-01", None, "2012-11-01T14:57"),
    (Yearless(1, 2, None, None, 2), "2012-12-30", None, "2013-01-02"),
    # A capture date within a year of the post leaves one.
    (Yearless(6, 20, 2, 41, None), "2019-06-19", "2019-12-01", "2019-06-20T02:41"),
    (Yearless(1, 5, 9, 0, None), "2019-06-19", "2020-03-01", "2020-01-05T09:00"),
    # Ambiguous or impossible: no year.
    (Yearless(6, 20, 2, 41, None), "2019-06-19", None, None),           # 2019 or 2020 or later
    (Yearless(6, 20, None, None, None), "2019-06-19", "2021-01-01", None),
    (Yearless(11, 1, None, None, 4), "2012-11-01", "2012-12-01", None),  # the weekday does not fit
    (Yearless(3, 3, None, None, None), None, "2019-12-01", None),        # no post date
])
def test_place_year(shown, post, until, expected):
    assert place_year(shown, post, until) == expected


def yearless_page(retrieved: str | None) -> list:
    items = "".join(
        f'<li class="comment" id="comment-{i}"><div class="comment-text"><h4>'
        f'<a href="https://pots.example/about/" rel="external nofollow" class="url">{name}</a> <span>{when}</span></h4>'
        f'<p>{words}</p><a class="comment-reply-link" href="?replytocom={i}#respond">Reply</a></div></li>'
        for i, name, when, words in (
            (71, "Noor Haddad", "On Thursday, November 1 at 2:57 pm", "We laughed at the pumpkin story."),
            (72, "Bram Oak", "On Friday, November 2 at 10:44 am", "My kids did the same thing."),
            (73, "Eda Quill", "November 3 at 8:05 am", "Lovely photos as always.")))
    body = page(f'<div id="comments"><ol class="commentlist">{items}</ol></div>',
                head='<meta property="article:published_time" content="2012-11-01T08:00:00-05:00" />',
                canonical="https://pots.example/blog/the-pumpkin-run/")
    r = get_reader("html").read(body, SourceRef("t", "t.html", retrieved=retrieved))
    return [(c.identity.name, c.published_local, c.published_age) for c in sorted(r.comments, key=lambda c: c.position)]


def test_yearless_comment_dates_take_the_posts_year_only_when_one_fits():
    assert yearless_page(None) == [
        ("Noor Haddad", "2012-11-01T14:57", None), ("Bram Oak", "2012-11-02T10:44", None),
        # No weekday and no capture date: 2012 and 2013 both fit, so the date stays as shown.
        ("Eda Quill", None, "November 3 at 8:05 am")]
    assert yearless_page("2012-11-20")[2] == ("Eda Quill", "2012-11-03T08:05", None)


def test_utc_datetime_with_the_local_time_shown_without_a_year():
    # SPIP-style: <time datetime=UTC> printing the reader's local time without the year; the local
    # day (after midnight in Paris) is the one shown, the instant stays UTC.
    items = "".join(
        f'<li class="comment-li" id="c{i}"><div class="comment hreview"><p class="comment-meta">'
        f'<time datetime="{utc}">Le {shown}</time><span class="reviewer vcard">, par {name}</span></p>'
        f'<div class="comment-content description"><p>{words}</p></div></div></li>'
        for i, utc, shown, name, words in (
            (1, "2019-07-02T22:09:41Z", "3 juillet à 00:09", "Odile", "Merci pour cette chronique."),
            (2, "2019-07-03T14:55:18Z", "3 juillet à 16:55", "Gaspard", "Toujours aussi drôle.")))
    r = get_reader("html").read(page(f'<div id="comments"><ul class="comments-list">{items}</ul></div>')
                                .replace(b'lang="en"', b'lang="fr"'), SourceRef("t", "t.html"))
    got = [(c.published_at, c.published_local) for c in sorted(r.comments, key=lambda c: c.position)]
    assert got == [("2019-07-02T22:09:41Z", "2019-07-03T00:09"),
                   ("2019-07-03T14:55:18Z", "2019-07-03T16:55")]
