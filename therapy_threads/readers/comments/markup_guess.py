"""Which comment or forum system a page's markup looks like, and how many posts it seems to hold.

The second path behind "no silent zero": it reads the page text with regular expressions over
start tags (no parsing, no recogniser), so a page whose comments no recogniser understood still
yields "this looks like phpBB, 15 posts" in the warning. Each marker is the class or id a
system's own template prints once per post or comment:

* bbPress ``loop-single-reply.php``: ``bbp_reply_class()`` -> ``type-reply``;
* phpBB prosilver ``viewtopic_body.html``: ``div#p{ID}.post``;
* vBulletin 3/4 ``postbit``: ``post_message_{ID}``; MyBB ``postbit``: ``post_{ID}`` + ``post_body``;
  SMF ``Display.template.php``: ``msg{ID}`` in ``div.post_wrapper``;
* Invision Community: ``elComment_{ID}`` / ``comment-{ID}_wrap`` (not ``data-commentid``:
  WordPress's reply link prints it too);
* Talkyard: ``div.dw-p#post-{NR}`` (NR >= 2: 0 is the title, 1 the original post);
* GitHub timelines: ``gistcomment-{ID}``, ``issuecomment-{ID}``, ``discussioncomment-{ID}``;
* Discourse: ``topic-post``; Lobsters: ``comments_subtree``; Lemmy: ``comment-{ID}`` articles;
  ForumMagnum (LessWrong, EA Forum): ``comments-node``;
* schema.org: ``itemtype=".../Comment"`` (any system that marks its comments up).
"""
from __future__ import annotations

import re

_TAG = re.compile(r"<[a-zA-Z][a-zA-Z0-9-]*\s[^<>]{0,2000}>")

_MARKERS: tuple[tuple[str, re.Pattern], ...] = (
    ("bbpress", re.compile(r"""class=["'][^"']*\btype-reply\b""")),
    ("phpbb", re.compile(r"""<div\s+id=["']p\d+["']\s+class=["']post\b""")),
    ("vbulletin", re.compile(r"""id=["']post_message_\d+["']""")),
    ("mybb", re.compile(r"""id=["']pid_\d+["']|class=["']post_body\b""")),
    ("smf", re.compile(r"""id=["']msg\d+["'][^>]*class=["'][^"']*\binner\b|class=["']post_wrapper\b""")),
    ("invision", re.compile(r"""id=["']elComment_\d+["']|id=["']comment-\d+_wrap["']""")),
    ("talkyard", re.compile(r"""class=["']dw-p\b[^"']*["']\s+id=["']post-(?:[2-9]|\d{2,})["']""")),
    ("github", re.compile(r"""id=["'](?:gist|issue|discussion)comment-\d+["']""")),
    ("discourse", re.compile(r"""class=["'][^"']*\btopic-post\b""")),
    ("lobsters", re.compile(r"""class=["'][^"']*\bcomments_subtree\b""")),
    ("forummagnum", re.compile(r"""class=["'][^"']*\bcomments-node\b(?![-_])""")),
    ("schema.org", re.compile(r"""itemtype=["']https?://schema\.org/Comment["']""", re.I)),
)


def guess_systems(html: str) -> list[tuple[str, int]]:
    """(system, number of its post/comment markers) for every system seen, most markers first."""
    counts: dict[str, int] = {}
    for m in _TAG.finditer(html):
        tag = m.group(0)
        if "class" not in tag and "id=" not in tag and "item" not in tag:
            continue
        for name, rx in _MARKERS:
            if rx.search(tag):
                counts[name] = counts.get(name, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])
