"""Whether a forum page is its topic's first page, where the first post is the topic itself."""
from __future__ import annotations

import re

from ..base import Page


def is_later_page(page: Page, number: re.Pattern) -> bool:
    """True when the page's URL or canonical link states a page number above 1; ``number``'s
    first non-empty group is that number (engines print it as ``/page/2/``, ``?page=2``...)."""
    urls = [page.url or ""]
    canon = page.root.css_first("link[rel='canonical']")
    if canon is not None:
        urls.append(page.attrs.get(canon, "href") or "")
    for u in urls:
        m = number.search(u)
        if m and int(next(g for g in m.groups() if g)) > 1:
            return True
    return False
