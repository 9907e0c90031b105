"""Comment threads split over several pages: follow them through the polite client.

WordPress pages long threads (``/comment-page-2/``, ``?cpage=2``, "Older Comments"), as do
Drupal (``?page=1`` in the comments pager), SPIP (``debut_forums=``) and XenForo (``/page-2``).
For a page source fetched from the web, every linked comment page of the same thread is fetched
with the same :class:`~therapy_threads.fetch.client.PoliteClient` (robots.txt, rate limit,
retries, WARC archive) and handed to the HTML reader as one bundle, so the thread is read whole.
A page that cannot be fetched (or is missing from the archive when replaying) ends the walk;
the reader then warns with the number of comment pages it did not get.
"""
from __future__ import annotations

from collections import deque

from ..readers.comments.dom import Attrs
from ..readers.comments.pagination import comment_page_links
from ..readers.html_page import make_bundle
from ..readers.html_text import decode_html, parse_html
from .client import FetchError

MAX_COMMENT_PAGES = 100


def _links(url: str, content: bytes) -> list[str]:
    text, _ = decode_html(content)
    tree = parse_html(text)
    if tree.body is None:
        return []
    return comment_page_links(tree.root, Attrs(), url)


def fetch_thread(url: str, content: bytes, client, *, max_pages: int = MAX_COMMENT_PAGES) -> bytes | None:
    """A bundle of the page and its other comment pages, or None when there are none."""
    seen = {url}
    pages: list[tuple[str, bytes]] = [(url, content)]
    queue = deque(_links(url, content))
    # All pages of a thread together stay within what one response may decode to: a site
    # cannot grow the bundle past the memory bound by splitting a thread into many pages.
    limits = getattr(client, "limits", None)
    room = (limits.max_decoded_bytes if limits is not None else 1 << 62) - len(content)
    while queue and len(pages) < max_pages:
        link = queue.popleft()
        if link in seen:
            continue
        seen.add(link)
        try:
            resp = client.get(link)
        except FetchError:
            break
        if resp.status != 200 or not resp.content:
            continue
        room -= len(resp.content)
        if room < 0:
            break
        pages.append((link, resp.content))
        queue.extend(x for x in _links(link, resp.content) if x not in seen)
    if len(pages) == 1:
        return None
    return make_bundle(pages)
