"""vBulletin 3 and 4 thread pages (the ``postbit`` / ``postbit_legacy`` templates).

vBulletin 4: each post is ``li.postbit`` or ``li.postbitlegacy`` (with ``postcontainer``) and the
id ``post_{ID}``; ``div.posthead`` holds ``span.date`` and ``span.nodecontrols`` >
``a.postcounter`` ("#12": the post's number in the thread); ``div.userinfo`` (or
``userinfo_noavatar``) the member: ``a.username`` (its member menu lists "Profile", "View
Posts"...), ``span.usertitle``, ``dl.userstats``; ``div.postbody`` > ``div.postrow`` >
``h2.title`` (the subject) and ``div.content`` > ``div#post_message_{ID}`` >
``blockquote.postcontent`` (the words; a quote of another post is ``div.bbcode_quote`` with
"Originally Posted by X" in ``div.bbcode_postedby``); ``div.after_content`` (signature) and
``div.postfoot`` (buttons). vBulletin 3: ``table#post{ID}`` with ``a.bigusername`` and
``div#post_message_{ID}``, the number in ``a[id^=postcount]``; styles that drop the layout
tables print the same ids on ``div#post{ID}`` (``div.tpost`` rows and cells) or
``section#post{ID}`` (a skin's ``section.user-post``), which is the same post. vBulletin 5 (``conversation_content`` / ``display_contenttype_*`` templates): each post is
``li.b-post[data-node-id]`` (after ``a#post{ID}``; ``itemtype`` schema.org ``Comment``) in
``ul.thread-view``: ``div.b-userinfo`` (``div.b-userinfo__details`` > ``div.author`` > the
member link, ``div.usertitle``, reputation meter, join date and post count), ``a.b-post__count``
("#3"), ``div.b-post__timestamp`` > ``time``, ``div.js-post__content-text`` (the words; a quote
is ``div.bbcode_container`` > ``div.bbcode_quote`` with "Originally posted by X" in
``div.bbcode_postedby``), the signature and the sharing and button menus. Threads are flat;
post #1 is the thread itself (the post body), the others are its replies.

Something Awful's forums run a vBulletin 2 of their own (the markup the Awful.app client scrapes:
``AwfulCore/Scraping/PostScrapeResult.swift``): each post is ``table.post#post{ID}`` with
``data-idx`` (its number in the thread; 1 is the opening post), ``td.userinfo`` >
``dl.userinfo`` > ``dt.author`` (the name; ``dd.registered`` and ``dd.title`` — a custom title,
often an image — are not), ``td.postbody`` (the words; a quote is ``div.bbc-block`` with an
``h4`` "NAME posted:" and a ``blockquote``; ``p.editedby``), ``td.postdate`` (links, then the date
as its last text) and ``td.postlinks`` (profile and quote buttons). ``table.post.ignored`` is a
post of an ignored member, printed without its words.

vBulletin 3's archive (``archive/index.php/t-{THREADID}.html``, ``t-{ID}-p-{N}.html`` for page N)
prints a thread without ids: ``div.pagebody`` > ``div.post`` each holding ``div.posttop`` >
``div.username`` and ``div.date``, then ``div.posttext``. On the first page the first post is the
thread itself.
"""
from __future__ import annotations

import re

from ..base import HIDDEN, CommentSystem, Item, Page
from ..dom import stripped_text

_V3 = re.compile(r"^post(\d+)$")
_V3_OR_V4 = re.compile(r"^post_?(\d+)$")  # vBulletin 4 ``post_{ID}``, 3 ``post{ID}``
_NUMBER = re.compile(r"^#?\s*(\d+)$")
_ARCHIVE_PAGE = re.compile(r"/t-\d+-p-(\d+)\.html")


class VBulletin(CommentSystem):
    name = "vbulletin"
    order = 35
    content_classes = ("postcontent",)
    author_classes = ("username", "bigusername")
    date_classes = ("date", "postdate")
    meta_classes = frozenset({"posthead", "userinfo", "userinfo_noavatar", "userinfo_extra",
                              "postdetails", "usertitle", "userstats", "nodecontrols",
                              "postcounter", "after_content", "signature", "postfoot",
                              "bbcode_quote", "bbcode_postedby", "memberaction", "popupmenu",
                              "title", "smallfont", "bbcode_container", "b-userinfo",
                              "b-post__count", "b-post__timestamp", "b-sharing-menu",
                              "b-post__signature"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n, m in page.with_id("li.postbit[id^='post_'], li.postbitlegacy[id^='post_'], "
                                 "li.postcontainer[id^='post_'], table[id^='post'], div[id^='post'], "
                                 "section[id^='post'], article[id^='post']", _V3_OR_V4):
            pid = m.group(1)
            message = n.css_first(f"#post_message_{pid}")
            if message is None:
                continue
            content = message.css_first("blockquote.postcontent") or message
            who = n.css_first("a.username, a.bigusername")
            # Skins print the number as bare text in the header's ``span.nodecontrols`` ("#2").
            counter = n.css_first("a.postcounter, a[id^='postcount']") \
                or n.css_first("div.posthead span.nodecontrols")
            num = _NUMBER.match(counter.text(strip=True)) if counter is not None else None
            if num is None and counter is not None:
                # vBulletin 3's postbit prints the number as the counter link's ``name`` too
                # (``<a id="postcount{ID}" name="{POSTCOUNT}">``); skins change its text
                # ("post #1 of 23").
                num = _NUMBER.match(a.get(counter, "name"))
            # vBulletin 3 prints the date in the header cell after the post's anchor
            # (``<a name="post{ID}">`` + status icon, then "DATE, TIME").
            anchor = n.css_first(f"a[name='post{pid}']") if n.css_first("span.date") is None else None
            out.append(Item(n, self.name, f"post_{pid}", parent_stated=True,
                            author=stripped_text(who),
                            content=content, date=anchor.parent if anchor is not None else None,
                            skip_reason="thread_starter" if num and num.group(1) == "1" else None))
        for n in page.root.css("li.b-post[data-node-id]"):
            pid = a.get(n, "data-node-id")
            content = n.css_first("div.js-post__content-text")
            if not pid.isdigit() or content is None:
                continue
            who = n.css_first("div.b-userinfo__details div.author a, div.b-userinfo__details a")
            counter = n.css_first("a.b-post__count")
            num = _NUMBER.match(counter.text(strip=True)) if counter is not None else None
            out.append(Item(n, self.name, f"post_{pid}", parent_stated=True,
                            author=stripped_text(who),
                            content=content,
                            skip_reason="thread_starter" if num and num.group(1) == "1" else None))
        if not out:
            out = self._find_awful(page)
        if not out:
            out = self._find_archive(page)
        return out

    @staticmethod
    def _find_awful(page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n, m in page.with_id("table.post[id^='post']", _V3):
            body = n.css_first("div.complete_shit") or n.css_first("td.postbody")
            who = n.css_first("dl.userinfo dt.author, dt.author")
            if body is None or who is None:
                continue
            idx = a.get(n, "data-idx")
            out.append(Item(n, VBulletin.name, f"post_{m.group(1)}", parent_stated=True,
                            author=stripped_text(who), content=body,
                            date=n.css_first("td.postdate"),
                            not_text=[q for q in body.css("div.bbc-block")
                                      if q.css_first("blockquote") is not None]
                            + list(body.css("p.editedby")),
                            placeholder=HIDDEN if "ignored" in a.classes(n) else None,
                            skip_reason="thread_starter" if idx == "1" else None))
        return out

    @staticmethod
    def _find_archive(page: Page) -> list[Item]:
        posts = [n for n in page.root.css("div.pagebody > div.post")
                 if n.css_first("div.posttop > div.username") is not None
                 and n.css_first("div.posttext") is not None]
        m = _ARCHIVE_PAGE.search(page.url or "")
        first_page = m is None or int(m.group(1)) <= 1
        return [Item(n, VBulletin.name, "", parent_stated=True,
                     author=n.css_first("div.posttop > div.username").text(strip=True) or None,
                     content=n.css_first("div.posttext"), date=n.css_first("div.posttop > div.date"),
                     skip_reason="thread_starter" if first_page and i == 0 else None)
                for i, n in enumerate(posts)]
