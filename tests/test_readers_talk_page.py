"""MediaWiki talk pages, synthetic markup after MediaWiki's parser output and DiscussionTools'
``CommentFormatter`` markers (invented users and text)."""
from __future__ import annotations

from pagekit import shape

from therapy_threads.readers import SourceRef, get_reader


def read(body: str, lang: str = "en"):
    html = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Talk:Example'
            f'</title></head><body><div id="content"><h1>Talk:Example</h1>'
            f'<div class="mw-parser-output">{body}</div></div></body></html>')
    return get_reader("html").read(html.encode(), SourceRef("t", "t.html"))


def _sig(user: str, when: str, ns: str = "User", talk: str = "User talk") -> str:
    return (f'<a href="/wiki/{ns}:{user}" title="{ns}:{user}">{user.replace("_", " ")}</a> '
            f'(<a href="/wiki/{talk}:{user}" title="{talk}:{user}">talk</a>) {when}')


def test_signatures_make_comments_indentation_makes_replies():
    r = read(
        '<h2><span class="mw-headline" id="Sources">Sources</span></h2>'
        f'<p>Is the second source reliable? {_sig("Ada_Example", "10:15, 3 May 2021 (UTC)")}</p>'
        f'<dl><dd>I think it is. {_sig("Bea_Sample", "11:20, 3 May 2021 (UTC)")}'
        f'<dl><dd>Why? -- {_sig("Ada_Example", "12:01, 3 May 2021 (UTC)")}</dd></dl></dd>'
        f'<dd>It is not. <a href="/wiki/Special:Contributions/192.0.2.7" '
        f'title="Special:Contributions/192.0.2.7">192.0.2.7</a> 13:00, 3 May 2021 (UTC)</dd></dl>'
        '<p>A quoted date 10:00, 1 May 2021 (UTC) with no user link is not a signature.</p>'
        '<h2><span class="mw-headline" id="Layout">Layout</span></h2>'
        f'<p>The infobox is too wide.</p><p>Shall we trim it? {_sig("Cy_Person", "09:00, 4 May 2021 (UTC)")}</p>'
        f'<dl><dd>Done. {_sig("Ada_Example", "09:30, 4 May 2021 (UTC)")}</dd></dl>')
    # the line with a date and no user link is no comment (and runs into nothing: a heading follows)
    rows = shape(r)
    assert rows == [
        ("Is the second source reliable?", 0, None, "Ada Example"),
        ("I think it is.", 1, "Is the second source reliable?", "Bea Sample"),
        ("Why?", 2, "I think it is.", "Ada Example"),
        ("It is not.", 1, "Is the second source reliable?", "192.0.2.7"),
        ("The infobox is too wide.\n\nShall we trim it?", 0, None, "Cy Person"),
        ("Done.", 1, "The infobox is too wide.\n\nShall we trim it?", "Ada Example")]
    c = r.comments[0]
    assert c.published_at == "2021-05-03T10:15:00Z"
    assert r.posts[0].comment_system == "mediawiki"


def test_localised_namespaces_and_a_skipped_level():
    # French: "Utilisateur:", the date first; a reply indented two levels answers the comment above
    r = read(
        '<h2><span class="mw-headline" id="Titre">Titre</span></h2>'
        '<p>Une question sur le plan. <a href="/wiki/Utilisateur:Alix_Exemple" '
        'title="Utilisateur:Alix Exemple">Alix Exemple</a> 9 octobre 2017 à 14:39 (CEST)</p>'
        '<dl><dd><dl><dd>Une réponse. <a href="/wiki/Utilisateur:Brune_Essai" '
        'title="Utilisateur:Brune Essai">Brune Essai</a> 9 octobre 2017 à 15:00 (CEST)</dd></dl>'
        '</dd></dl>', lang="fr")
    assert shape(r) == [("Une question sur le plan.", 0, None, "Alix Exemple"),
                        ("Une réponse.", 1, "Une question sur le plan.", "Brune Essai")]


def _dt(cid: str, text: str, user: str, shown: str, unsigned: bool = False) -> str:
    lead = ('<small>— The preceding <a href="/wiki/Help:Signature">unsigned</a> comment was '
            'added by ' if unsigned else "")
    close = "</small>" if unsigned else ""
    return (f'<span data-mw-comment-start="" id="{cid}"></span>{text} {lead}'
            f'<span data-mw-comment-sig="{cid}"></span><a href="/wiki/User:{user}" '
            f'title="User:{user}">{user}</a> <a href="#{cid}" '
            f'class="ext-discussiontools-init-timestamplink">{shown}</a>{close}'
            f'<span class="ext-discussiontools-init-replylink-buttons">'
            f'<span class="ext-discussiontools-init-replylink-bracket">[</span>'
            f'<a class="ext-discussiontools-init-replylink-reply">(discussiontools-replylink)</a>'
            f'</span><span data-mw-comment-end="{cid}"></span>')


def test_discussiontools_markers_state_range_and_parent():
    a = "c-Ada_Example-2021-05-03T10:15:00.000Z-Sources"
    b = "c-Bea_Sample-2021-05-03T11:20:00.000Z-Ada_Example-2021-05-03T10:15:00.000Z"
    # outdented (no dd) but its id names its parent
    c = "c-Cy_Person-2021-05-03T12:00:00.000Z-Bea_Sample-2021-05-03T11:20:00.000Z"
    r = read(
        '<h2><span class="mw-headline" id="Sources" data-mw-thread-id="h-Sources">'
        '<span data-mw-comment-start="" id="h-Sources"></span>Sources'
        '<span data-mw-comment-end="h-Sources"></span></span></h2>'
        '<div class="ext-discussiontools-init-section-bar">(discussiontools-topicheader-commentcount: 3)</div>'
        f'<p>{_dt(a, "First point.", "Ada_Example", "10:15, 3 May 2021 (UTC)")}</p>'
        f'<dl><dd>{_dt(b, "A reply --", "Bea_Sample", "11:20, 3 May 2021 (UTC)")}</dd></dl>'
        f'<p>{_dt(c, "Outdented answer.", "Cy_Person", "12:00, 3 May 2021 (UTC)", unsigned=True)}</p>')
    assert shape(r) == [("First point.", 0, None, "Ada_Example"),
                        ("A reply", 1, "First point.", "Bea_Sample"),
                        ("Outdented answer.", 2, "A reply", "Cy_Person")]
    assert r.comments[1].published_at == "2021-05-03T11:20:00Z"
    assert not any("discussiontools" in cm.text for cm in r.comments)


def test_no_signature_no_comment_and_no_silent_zero_elsewhere():
    r = read('<p>An article page with a date 10:15, 3 May 2021 (UTC) and no talk.</p>')
    assert r.comments == []


def test_older_mediawiki_without_parser_output_wrapper():
    html = ('<!DOCTYPE html><html lang="en"><head><title>Talk:Example</title></head><body>'
            '<div id="content"><div id="mw-content-text">'
            f'<p>Merge proposal. {_sig("Ada_Example", "08:00, 2 March 2012 (UTC)")}</p>'
            f'<dl><dd>Support. {_sig("Bea_Sample", "09:00, 2 March 2012 (UTC)")}</dd></dl>'
            '</div></div></body></html>')
    r = get_reader("html").read(html.encode(), SourceRef("t", "t.html"))
    assert shape(r) == [("Merge proposal.", 0, None, "Ada Example"),
                        ("Support.", 1, "Merge proposal.", "Bea Sample")]


def test_the_discussion_is_not_the_post_body():
    r = read('<div class="tmbox"><p>This page is within the scope of an example project.</p></div>'
             '<h2><span class="mw-headline" id="Scope">Scope</span></h2>'
             f'<p>Should the scope widen? {_sig("Ada_Example", "10:15, 3 May 2021 (UTC)")}</p>'
             f'<dl><dd>No. {_sig("Bea_Sample", "11:20, 3 May 2021 (UTC)")}</dd></dl>')
    assert len(r.comments) == 2
    body = r.posts[0].body or ""
    assert "Should the scope widen" not in body and "Bea Sample" not in body


def test_a_local_zone_abbreviation_gives_the_instant():
    # Wikis with a local zone sign with its abbreviation, daylight saving included (the case of
    # DiscussionTools' timestamp-parser-dst: "02:30, 28 Oct 2018" in CEST and in CET).
    r = read(
        '<h2><span class="mw-headline" id="Plan">Plan</span></h2>'
        '<p>Une question. <a href="/wiki/Utilisateur:Alix_Exemple" title="Utilisateur:Alix Exemple">'
        'Alix Exemple</a> 28 octobre 2018 à 02:30 (CEST)</p>'
        '<dl><dd>Une réponse. <a href="/wiki/Utilisateur:Brune_Essai" title="Utilisateur:Brune Essai">'
        'Brune Essai</a> 28 octobre 2018 à 02:30 (CET)</dd></dl>'
        '<dl><dd><dl><dd>Sans zone connue. <a href="/wiki/Utilisateur:Cyr_Test" title="Utilisateur:Cyr Test">'
        'Cyr Test</a> 28 octobre 2018 à 04:00 (XYZ)</dd></dl></dd></dl>', lang="fr")
    got = [(c.published_at, c.published_local) for c in r.comments]
    assert got == [("2018-10-28T00:30:00Z", "2018-10-28T02:30+02:00"),
                   ("2018-10-28T01:30:00Z", "2018-10-28T02:30+01:00"),
                   (None, "2018-10-28T04:00")]


def test_outdent_bar_and_a_mark_before_the_zone():
    # {{outdent}}'s bar starts the reply it moves back to the margin: a separator, not its words
    # (CommentUtils::isCommentSeparator); a left-to-right mark may stand before the zone.
    LRM_STAMP = "12:00, 3 May 2021\u200e (UTC)"
    bar = ('<span class="outdent-template" style="display:block"><span>┌</span>'
           '<span>──────────────</span><span>┘</span></span>')
    r = read(
        '<h2><span class="mw-headline" id="Box">Box</span></h2>'
        f'<p>The box is too wide. {_sig("Ada_Example", "10:15, 3 May 2021 (UTC)")}</p>'
        f'<dl><dd>Agreed. {_sig("Bea_Sample", "11:20, 3 May 2021 (UTC)")}</dd></dl>'
        f'<p>{bar}Then trim it to half. {_sig("Cy_Person", LRM_STAMP)}</p>')
    assert shape(r) == [("The box is too wide.", 0, None, "Ada Example"),
                        ("Agreed.", 1, "The box is too wide.", "Bea Sample"),
                        ("Then trim it to half.", 0, None, "Cy Person")]
    assert r.comments[2].published_at == "2021-05-03T12:00:00Z"


def test_parsoid_html_links_users_relative_to_the_wiki():
    # The REST API's and the apps' page HTML (Parsoid): <a rel="mw:WikiLink" href="./User:NAME">.
    def sig(user: str, when: str) -> str:
        return (f'<a rel="mw:WikiLink" href="./User:{user}" title="User:{user}">{user.replace("_", " ")}</a> '
                f'(<a rel="mw:WikiLink" href="./User_talk:{user}" title="User talk:{user}">talk</a>) {when}')
    r = read('<section data-mw-section-id="1"><h2 id="Sources">Sources</h2>'
             f'<p>Is the source reliable? {sig("Ada_Example", "10:15, 3 May 2021 (UTC)")}</p>'
             f'<dl><dd>It is. {sig("Bea_Sample", "11:20, 3 May 2021 (UTC)")}</dd></dl></section>')
    assert shape(r) == [("Is the source reliable?", 0, None, "Ada Example"),
                        ("It is.", 1, "Is the source reliable?", "Bea Sample")]


def test_markers_with_a_local_zone_keep_the_signed_day():
    # DiscussionTools' id states the instant in UTC (the 16th); the signature shows the 17th in CET.
    cid = "c-Ada_Example-2020-11-16T23:36:00.000Z-Orari"
    r = read('<h2><span class="mw-headline" id="Orari">Orari</span></h2>'
             f'<p>{_dt(cid, "Una domanda.", "Ada_Example", "00:36, 17 nov 2020 (CET)")}</p>', lang="it")
    c = r.comments[0]
    assert (c.published_at, c.published_local) == ("2020-11-16T23:36:00Z", "2020-11-17T00:36+01:00")


def test_central_kurdish_signatures_with_their_own_digits_and_genitive_months():
    # ckbwiki's ~~~~ ("H:i، jی xg Y"): Arabic-Indic digits, the izafe after the day and the
    # month's genitive, a month of two words; July as MediaWiki spells it ("تەممووز", CLDR
    # "تەمووز").
    def sig(user, shown):
        return (f'<a href="/wiki/بەکارھێنەر:{user}" title="بەکارھێنەر:{user}">{user}</a> '
                f'(<a href="/wiki/لێدوانی_بەکارھێنەر:{user}" title="لێدوانی بەکارھێنەر:{user}">وتووێژ</a>) {shown}')
    r = read('<h2><span class="mw-headline" id="A">A</span></h2>'
             f'<p>پرسیارێکی تاقیکردنەوە. {sig("Ara_Example", "١٤:١٦، ١٦ی تشرینی یەکەمی ٢٠١٤ (UTC)")}</p>'
             f'<dl><dd>وەڵامێکی تاقیکردنەوە. {sig("Baran_Sample", "٠٩:٠٥، ٣ی تەممووزی ٢٠١٥ (UTC)")}</dd></dl>',
             lang="ckb")
    assert [(c.published_at, c.depth) for c in r.comments] == [("2014-10-16T14:16:00Z", 0),
                                                              ("2015-07-03T09:05:00Z", 1)]


def test_serbian_latin_signatures_read_like_cyrillic_ones():
    # srwiki in either script ("H:i, j. F Y."): the Latin month names are the sr-Latn locale's.
    def sig(user, shown):
        return f'<a href="/wiki/Korisnik:{user}" title="Korisnik:{user}">{user}</a> {shown}'
    r = read('<h2><span class="mw-headline" id="B">B</span></h2>'
             f'<p>Jedno pitanje o grbu. {sig("Mira_Primer", "14:11, 15. januar 2018. (CET)")}</p>'
             f'<dl><dd>Odgovor na pitanje. {sig("Vuk_Proba", "18:00, 15. mart 2018. (CET)")}</dd></dl>',
             lang="sr-Latn")
    assert [(c.published_at, c.published_local, c.depth) for c in r.comments] == [
        ("2018-01-15T13:11:00Z", "2018-01-15T14:11+01:00", 0),
        ("2018-03-15T17:00:00Z", "2018-03-15T18:00+01:00", 1)]
