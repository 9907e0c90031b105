"""The post of a web page: body and metadata through trafilatura, our title and date rules.

Pages are synthetic, built after the layouts met on real pages (a date line above or below the
heading, a press-release dateline, a page that does not state its language).
"""
from __future__ import annotations

from therapy_threads.readers import SourceRef, get_reader

BODY = ("<p>Erster Absatz des Beitrags mit genug Worten, damit ein Extraktor ihn als Haupttext "
        "erkennt und behält, auch ohne weitere Hinweise.</p><p>Zweiter Absatz, ebenso lang und "
        "ohne jedes Datum, damit nur die Zeile beim Titel eines liefern kann.</p>")


def post(body: str, lang: str | None = "de", url: str | None = None, head: str = ""):
    la = f' lang="{lang}"' if lang else ""
    html = f'<!DOCTYPE html><html{la}><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    r = get_reader("html").read(html.encode(), SourceRef("p", "p.html", url=url))
    return r.posts[0]


def test_date_line_above_the_heading_on_a_page_without_a_language():
    p = post('<div class="wrap"><article><p class="rubric">Sport</p>'
             '<p class="date">15 августа 2016, 13:43</p><h1>Заголовок статьи</h1>'
             f'<div class="text">{BODY}</div></article></div>', lang=None)
    assert p.published_local == "2016-08-15T13:43" and p.published_at is None


def test_dateline_a_box_below_the_heading():
    p = post('<main><div class="head"><h1>Erste Zusagen für eine Aufnahme</h1></div>'
             '<div class="meta"><div style="text-align:left">Pressemitteilung vom 20.01.2022</div></div>'
             f'<div class="content">{BODY}</div></main>')
    assert p.published_local == "2022-01-20"


def test_no_date_is_invented():
    # A copyright year, a date deep in the text, an undated URL: none is the post's date.
    p = post(f'<article><h1>Ein Titel</h1><div class="entry-content">{BODY}<p>'
             + "Weitere Sätze ohne Bezug zum Titel. " * 20
             + "Am 3. März 2019 war das anders.</p>" + BODY + '</div></article>'
             '<footer>© 2021 Beispiel</footer>', url="https://blog.example/ein-titel/")
    assert p.published_at is None and p.published_local is None


def test_stated_markup_date_keeps_zone_and_local_day():
    p = post('<article class="post hentry"><h1 class="entry-title">Titel</h1>'
             '<time class="entry-date published" datetime="2020-11-08T23:52:00+01:00">8. November 2020</time>'
             f'<div class="entry-content">{BODY}</div></article>')
    assert (p.published_at, p.published_local) == ("2020-11-08T22:52:00Z", "2020-11-08T23:52:00+01:00")
    assert p.title == "Titel"


def test_date_after_a_publication_label_far_from_the_heading():
    # A media page: the title block, a player, then a credits list with "Mise en ligne" / date.
    filler = "<p>" + "Un paragraphe de présentation du documentaire sonore. " * 12 + "</p>"
    p = post('<main><h1>La voix des exemples</h1>' + filler + BODY + '<ul class="credits">'
             '<li><p class="title">Réalisation</p><p class="content">Une Autrice</p></li>'
             '<li><p class="title">Mise en ligne</p><p class="content">23 mai 2019</p></li></ul></main>',
             lang="fr")
    assert p.published_local == "2019-05-23"
    # A label in the footer or a sidebar belongs to something else; a label followed by more
    # than a date is not a date line.
    from selectolax.lexbor import LexborHTMLParser

    from therapy_threads.readers.html_post import labelled_date
    for html in ('<main><h1>T</h1></main><aside><span>Veröffentlicht</span><span>3. Mai 2019</span></aside>',
                 '<main><h1>T</h1></main><footer><b>Published:</b> <span>May 3, 2019</span></footer>',
                 '<main><p>Published</p><p>in our spring issue, with notes from 3 May 2019 onwards.</p></main>'):
        assert labelled_date(LexborHTMLParser(html).root, ("de", "en")) is None
    html = '<main><dl><dt>Veröffentlicht am:</dt><dd>3. Mai 2019</dd></dl></main>'
    assert labelled_date(LexborHTMLParser(html).root, ("de",)).local == "2019-05-03"


def test_day_stated_in_the_permalink():
    p = post(f'<main><h1>Eine Meldung</h1>{BODY}</main>', url="https://verein.example/meldungen/29-10-2021")
    assert p.published_local == "2021-10-29"
    p = post(f'<main><h1>Eine Meldung</h1>{BODY}</main>', url="https://verein.example/news/2021-10-29-meldung")
    assert p.published_local == "2021-10-29"
    # 05-06-2021 is the 5th of June or the 6th of May: no date rather than a guess.
    p = post(f'<main><h1>Eine Meldung</h1>{BODY}</main>', url="https://verein.example/meldungen/05-06-2021")
    assert p.published_local is None


# htmldate (without its extensive search) still dates pages from sources that are not the
# post's publication. Each row: a page with no publication date of its own and one such source;
# the post gets no date. Layouts after those met on real pages (trafilatura's metadata set).
_NOT_A_PUBLICATION = {
    "modified meta only": ('<meta property="article:modified_time" content="2020-09-07T15:39:58+00:00">', ""),
    "last-modified line": ("", '<small><span class="text-dimmed">Letzte Änderung 14.02.2019</span></small>'),
    "a review's datePublished": ("", '<div class="rating-single-comment"><meta itemprop="datePublished" '
                                     'content="2018-05-23"><div>Bewertung vom <b>23.05.2018</b></div></div>'),
    "a session timestamp in a script": ('<script>window.cfg={"session":{"expires":"2020-01-29T13:55:20.000Z"}}'
                                        '</script>', ""),
    "teasers of other posts": ("", '<div class="views-row"><a href="/anderer-beitrag"><div class="teaser">'
                                   '<div class="authored">10.11.2021</div><h3>Ein anderer Beitrag</h3></div>'
                                   '</a></div>'),
    "a copyright line with a day": ("", '<div class="footer-section-content"><p>Copyright © 19.12.2019 - '
                                        '12:14 h</p></div>'),
    "an access date at the end of a source list": (
        "", '<ol class="sources"><li>Muster, A. (2018). Ein Buch. Beispielstadt: Verlag. Abgerufen '
            '23.11.2022: https://example.org/quelle</li></ol>'),
    "an event's schedule": ("", '<div class="date">30. März 2020, 13:15 Uhr - 19:00 Uhr</div>'
                                '<div class="place">Beispielhalle</div>'),
    "today's date in the site header's widget": (
        "", '<header class="site-header"><div class="date-widget"> Feb. 19 2020 </div></header>'),
}


def test_sources_that_are_not_the_posts_publication_give_no_date():
    for name, (head, extra) in _NOT_A_PUBLICATION.items():
        # (the body is longer than the few lines next to the heading where a date line is read)
        p = post(f'<main><h1>Ein Ratgeber ohne Datum</h1><div class="entry-content">{BODY}{BODY}</div>'
                 f'{extra}</main>', url="https://ratgeber.example/thema/", head=head)
        assert p.published_local is None, name


# The same page with the publication stated in one of the ways publishers state it: dated.
_A_PUBLICATION = {
    "Open Graph published time": ('<meta property="article:published_time" content="2019-05-23T08:02:35+00:00">',
                                  "", "2019-05-23"),
    "a WebPage's JSON-LD datePublished": (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage",'
        '"datePublished":"2015-05-18T14:09:36+00:00","dateModified":"2020-01-01T00:00:00+00:00"}]}</script>',
        "", "2015-05-18"),
    "published and modified: the published day": (
        '<meta property="article:modified_time" content="2020-09-30T14:43:49+00:00">'
        '<script type="application/ld+json">{"@type":"WebPage","datePublished":"2019-09-24T08:03:49+00:00",'
        '"dateModified":"2020-09-30T14:43:49+00:00"}</script>', "", "2019-09-24"),
    "a date box of the post": ("", '<div class="liveArticleAuthorDateBlock"><span>Datum:</span> 19.11.2021 '
                                   '<span>Autor:</span> Eine Autorin</div>', "2021-11-19"),
    "an inline publication label": ("", "<p>Veröffentlicht am 16.08.2019<br> Dauer: 1:02:33</p>", "2019-08-16"),
    "Dublin Core DC.Date": ('<meta name="DC.Date" content="2006-12-16T08:00+01:00">', "", "2006-12-16"),
    "the byline in the article's own aside": (
        "", '<aside class="meta"><p class="wrapper-date"><time class="x-date" itemprop="datePublished" '
            'content="2023-10-18" datetime="2023-10-18T11:45:00+02:00">18. Okt 2023</time></p></aside>',
        "2023-10-18"),
    "a publication field in the page's script data": (
        '<script>var meta = {"product": {"title": "Ein Kaffee", "published_at": "2019-03-02T06:22:28+01:00",'
        ' "created_at": "2019-03-02T06:27:24+01:00"}};</script>', "", "2019-03-02"),
    "'Stand:' as the only date": ("", '<div class="meta-row">Eine Autorin · Stand: 05. Februar 2020</div>',
                                  "2020-02-05"),
    "the article's own footer": ("", '<footer class="entry-footer"><span class="posted-on"><time class="entry-date '
                                     'published" datetime="2019-08-02T10:00:00+00:00">2. August 2019</time>'
                                     '</span></footer>', "2019-08-02"),
}


def test_publication_stated_by_the_page_is_kept():
    for name, (head, extra, day) in _A_PUBLICATION.items():
        p = post(f'<div class="with-navigation"><article class="post"><h1>Ein Ratgeber</h1>'
                 f'<div class="entry-content">{BODY}</div>{extra}</article></div>',
                 url="https://ratgeber.example/thema/", head=head)
        assert (p.published_local or "")[:10] == day, name


def test_date_boxes_of_comments_teasers_and_modifications_are_not_the_posts():
    from selectolax.lexbor import LexborHTMLParser

    from therapy_threads.readers.comments.dom import Attrs
    from therapy_threads.readers.html_post import date_box_date

    def box(html):
        return date_box_date(LexborHTMLParser(html).root, Attrs(), ("de",))

    for html in ('<div class="cssShareBarCommentsList"><p class="cssShareBarCommentsListCommentTimestamp">'
                 '28.02.2018</p></div>',
                 '<ul class="listing"><li><span class="post-date">3. Mai 2019</span> Anderer Beitrag</li></ul>',
                 '<div class="widget_recent_entries"><span class="post-date">3. Mai 2019</span></div>',
                 '<div class="entry-meta"><span class="updated">Aktualisiert am 3. Mai 2019</span></div>',
                 '<footer class="site-footer"><span class="date">3. Mai 2019</span></footer>'):
        assert box(html) is None, html
    # A post's own meta row, also in an article's footer and under a page builder's widget class.
    for html in ('<article><div class="entry-meta"><span class="posted-on">3. Mai 2019</span></div></article>',
                 '<article><span class="post-date published updated">3. Mai 2019</span></article>',
                 '<article><footer class="entry-footer"><span class="date">3. Mai 2019</span></footer></article>',
                 '<div class="elementor-widget-post-info"><span class="post-date">3. Mai 2019</span></div>'):
        assert box(html).local == "2019-05-03", html


def test_layout_classes_of_the_posts_own_containers_do_not_hide_its_date():
    # A wrapper named for the layout ("...RightSidebar") or Blogger's posts widget holds the post
    # itself: the date inside is the post's (a real sidebar beside it is not).
    for wrapper in ('<div class="layoutTwoColumnsRightSidebar">', '<div class="widget Blog" id="Blog1">'):
        p = post(f'{wrapper}<div class="post hentry"><h1 class="post-title">Ein Beitrag</h1>'
                 '<abbr class="published" itemprop="datePublished" title="2017-09-09T10:52:00+02:00">'
                 f'9. September 2017</abbr><div class="post-body">{BODY}</div></div></div>'
                 '<div class="sidebar"><time datetime="2016-01-01">1. Januar 2016</time></div>')
        assert p.published_local == "2017-09-09T10:52:00+02:00", wrapper


def test_date_inside_the_heading_and_in_a_byline_box():
    p = post(f'<main><h1>Ein Bericht<br><small><span class="icon"></span> 02.02.2022 • Sport</small></h1>'
             f'<div class="text">{BODY}</div><div class="teaser">28.01.2022 Ein anderer</div></main>')
    assert p.published_local == "2022-02-02"
    p = post(f'<main><div class="entry">{BODY}</div><div class="left author">Author: <a href="/u/1">'
             '<b>Eine Autorin</b></a> am 29.12.2010, 13:36 Uhr</div></main>')
    assert (p.published_local or "")[:10] == "2010-12-29"


def test_a_layout_token_naming_a_sidebar_does_not_hide_the_posts_date():
    for wrapper in ('<div class="page has-sidebar">', '<div class="layoutTwoColumnsRightSidebar site">'):
        p = post(f'{wrapper}<div id="artikelheader"><ul><li class="artikeldatum">'
                 f'<time datetime="2021-11-25 16:11">25. November 2021 16:11 Uhr</time></li></ul></div>'
                 f'<div class="text">{BODY}</div></div>')
        assert (p.published_local or "")[:10] == "2021-11-25", wrapper


def test_the_local_day_beside_a_publication_stated_in_utc():
    # The markup states the moment in UTC; the page shows the local day, one day later.
    p = post('<article><h1>Ein Bericht</h1><div class="date">05.11.2021</div>'
             f'<div class="text">{BODY}</div></article>',
             head='<meta property="article:published_time" content="2021-11-04T23:00:00Z">')
    assert (p.published_at, p.published_local) == ("2021-11-04T23:00:00Z", "2021-11-05")
    # The same time with the publisher's own offset: that local day, whatever other days are near.
    p = post('<article><h1>Ein Bericht</h1><div class="date">05.11.2021</div>'
             f'<div class="text">{BODY}</div></article>',
             head='<meta property="article:published_time" content="2021-11-04T20:00:00-04:00">')
    assert p.published_local == "2021-11-04T20:00:00-04:00"


def test_an_event_pages_schedule_and_deadline_next_to_the_heading_are_not_its_date():
    p = post('<section class="cover"><div class="date">30. März 2020, 13:15 Uhr - 19:00 Uhr</div>'
             '<h1>Ein Treffen in Beispielstadt</h1><div class="claim">Kommt vorbei!</div>'
             f'<div class="deadline">Deadline: 15. März 2020</div></section><div class="text">{BODY}</div>')
    assert p.published_local is None


def test_author_is_a_person_not_the_site_a_label_or_a_placeholder():
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization",'
          '"name":"Beispiel Nachrichten"},"publisher":{"@type":"Organization","name":"Beispiel Nachrichten"}}'
          '</script>')
    cases = {
        "an organisation in JSON-LD": (ld, '', None),
        "the site's name only in the author meta": ('<meta property="og:site_name" content="Beispielblog">'
                                                    '<meta name="author" content="Beispielblog">', '', None),
        "the site's name as the visible byline": ('<meta property="og:site_name" content="Beispielverein">',
                                                  '<span class="author-name">Beispielverein</span>',
                                                  "Beispielverein"),
        "an editorial desk": ('', '<span class="author-name">Redaktion</span>', "Redaktion"),
        "two authors": ('<meta name="author" content="Erika Muster">',
                        '<span class="author-name">Erika Muster und Max Beispiel</span>',
                        "Erika Muster und Max Beispiel"),
        "site name plus an editorial word": ('<meta property="og:site_name" content="beispiel.example">'
                                             '<meta name="author" content="beispiel.example Redaktion">', '', None),
        "a placeholder account": ('<meta name="author" content="admin">', '', None),
        "a label before the name": ('', '<span class="post-author">Posted by Erika Muster</span>', "Erika Muster"),
        "a role after the name": ('<meta name="author" content="Erika Muster">',
                                  '<div class="byline"><span class="fn">Erika Muster Redakteurin für Wirtschaft'
                                  '</span></div>', "Erika Muster"),
        "letters split by markup": ('<meta name="author" content="Erika Muster">',
                                    '<a rel="author" href="/a/1">Erika Muste<span>r</span></a>', "Erika Muster"),
        "a slug beside the written name": (
            '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person",'
            '"name":"erika.muster"}}</script><meta name="author" content="Erika Muster">', '', "Erika Muster"),
        "a handle after the name": ('', '<span class="author-name">Erika Muster @emuster</span>', "Erika Muster"),
    }
    cases["the domain's brand in the author meta"] = ('<meta name="author" content="Beispielwoche">', '', None)
    cases["an editorial desk in the author meta"] = ('<meta name="author" content="Redaktion">', '', "Redaktion")
    cases["a person on their own domain"] = ('<meta name="author" content="Erika Muster">', '', "Erika Muster")
    for name, (head, byline, want) in cases.items():
        p = post(f'<article><h1>Ein Beitrag</h1>{byline}<div class="entry-content">{BODY}</div></article>',
                 head=head, url="https://www.beispielwoche.example/a/1" if "brand" in name
                 else "https://erikamuster.example/a/1")
        assert p.author == want, name
    from therapy_threads.readers.html_post import clean_author

    assert clean_author("Archiv anzeigen →") is None  # an archive link's text
    assert clean_author("Erika Muster,") == "Erika Muster"


def test_a_period_under_the_heading_is_not_the_date_the_line_above_is():
    p = post('<div class="press-detail"><div class="topline"><span>06.12.2022</span></div>'
             '<h1>Eine Beteiligung am Beispielprojekt</h1><div class="h3">Wer mitmacht, kann vom 9.1. - '
             f'10.2.2023 zeichnen.</div><div class="text">{BODY}</div></div>')
    assert p.published_local == "2022-12-06"


def test_a_box_that_names_itself_the_single_post_holds_its_date():
    links = "".join(f"<li>Bereich mit einem längeren Namen {i}</li>" for i in range(12))
    p = post(f'<div id="quick"><h1>Schnellzugriff</h1><ul>{links}</ul></div>'
             '<div class="path">Startseite › Sport › Meldungen</div><div class="teaserTyp3 newsSingle">'
             '<div class="newsSingleHeader"><b>Sport</b><br><span class="date">01.02.2022</span> '
             f'Kategorie: Sport</div><h2>Eine Meldung</h2><div class="text">{BODY}</div></div>'
             '<div class="teaser"><span class="date">03.01.2022</span> Eine andere Meldung</div>')
    assert p.published_local == "2022-02-01"


def test_a_date_inside_the_first_sentence_is_not_the_posts_a_dateline_is():
    long = ("Im Amtsblatt vom 17. August 2021 (Teil I, Seite 34) wurde die Regel verkündet, die "
            "ab dem nächsten Jahr gilt und viele Betriebe betrifft.")
    # (no heading: the text next to a heading is read by its own rule)
    p = post(f'<main><div class="text"><p>{long}</p>{BODY}{BODY}</div></main>')
    assert p.published_local is None
    for dateline in ("Beispielstadt, 17.08.2007 - ", "(17. August 2007) "):
        p = post(f'<main><div class="text"><p>{dateline}{long}</p>{BODY}{BODY}</div></main>')
        assert p.published_local == "2007-08-17", dateline


def test_a_date_in_the_first_sentence_under_the_heading_is_not_the_posts():
    # Right under the title, the article opens with a sentence that mentions a day: what the text
    # talks about, not when it was published; a date line there is.
    p = post('<article><h1>Ein Antrag und seine Folgen</h1><div class="entry-content"><p>Ich habe am '
             '12. Mai 2006 einen Antrag gestellt, und seitdem ist viel passiert.</p>'
             f'{BODY}</div></article>')
    assert p.published_local is None
    p = post('<article><h1>Ein Antrag und seine Folgen</h1><p>Veröffentlicht 14. Mai 2006 von Ada Example</p>'
             '<div class="entry-content"><p>Ich habe am 12. Mai 2006 einen Antrag gestellt.</p>'
             f'{BODY}</div></article>')
    assert p.published_local == "2006-05-14"


def test_a_picture_credit_date_under_the_heading_is_not_the_posts():
    p = post('<article><h1>Ein Bild und ein Text</h1><figure><img src="a.jpg"><figcaption>'
             '© Ada Example, 31.05.2013</figcaption></figure>'
             f'<div class="entry-content">{BODY}</div></article>')
    assert p.published_local is None


def test_a_byline_written_as_a_line_of_its_own():
    p = post('<article><h1>Ein Titel für den Beitrag</h1>'
             f'<div class="entry-content">{BODY}<p><em>Text von Ada Example &nbsp; Illustration von '
             'Bo Example</em></p></div></article>')
    assert p.author == "Ada Example"
    p = post('<article><h1>Ein Titel für den Beitrag</h1><div class="meta"><h5>Autor: </h5>'
             f'Cy Example/dpa</div><div class="entry-content">{BODY}</div></article>')
    assert p.author == "Cy Example"
    # A sentence that starts like a byline is no byline.
    p = post('<article><h1>Ein Titel für den Beitrag</h1>'
             f'<div class="entry-content">{BODY}<p>Von der Leyen sagte nichts.</p></div></article>')
    assert p.author is None


def test_a_byline_line_that_goes_on_with_the_date():
    p = post('<article><h1>A title for the post</h1><div class="info"><span>By</span> '
             '<a href="/team/ada">Ada Example</a> Thursday, May 5, 2022</div>'
             f'<div class="entry-content">{BODY}</div></article>', lang="en")
    assert p.author == "Ada Example"


def test_a_match_list_and_a_result_tables_date_row_are_not_the_posts_date():
    # A live sports relation page: a list of the day's matches under a date bar, the relation
    # text, and a table of the match's facts ending in its date and time. None is a publication.
    p = post('<div class="matches matches--inverted"><ul><time class="datebar">'
             '<em class="datebar__time">2020-09-28</em></time><div class="cmatch">'
             '<a href="/m/1">Beispiel 57 : 33 Muster</a></div></ul></div>'
             '<div class="section-intro"><p>Alle Spiele der Liga, die Tabelle, die Aufstellungen und '
             'die Statistiken der Saison an einem Ort, mit Berichten aus allen Stadien.</p></div>'
             f'<article><h1>Beispiel gegen Muster</h1><div class="relation">{BODY}{BODY}'
             '<table><tr><td>Schiedsrichter</td><td>Erika Muster</td></tr>'
             '<tr><td>Datum und Uhrzeit</td><td>28. September 2020, 18:00</td></tr></table>'
             '</div></article>')
    assert p.published_local is None and p.published_at is None


def test_a_closing_file_stamp_with_its_modification_is_not_the_posts_date():
    # An HTML editor's stamp under a hand-made page: the file's history, whatever its first part
    # says; a letter's closing date alone is still read.
    for stamp in ("notes.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm",
                  "Erstellt 10.03.2004, zuletzt geändert 12.03.2004"):
        p = post(f'<h1>Notizen zur Einrichtung</h1><blockquote>{BODY}{BODY}</blockquote><p>\n'
                 f'<small><address>{stamp}</address></small>', lang="en")
        assert p.published_local is None, stamp
    p = post(f'<h1>Notizen zur Einrichtung</h1><blockquote>{BODY}{BODY}</blockquote><p>\n'
             '<small><address>10. September 2017</address></small>')
    assert p.published_local == "2017-09-10"
