"""Which comment or forum system a page's markup looks like, and how many posts it seems to hold.

The second path behind "no silent zero": it reads the page text with regular expressions over
start tags (no parsing, no recogniser), so a page whose comments no recogniser understood still
yields "this looks like phpBB, 15 posts" in the warning. Each marker is the class or id a
system's own template prints once per post or comment:

* bbPress ``loop-single-reply.php``: ``bbp_reply_class()`` -> ``type-reply``;
* phpBB prosilver ``viewtopic_body.html``: ``div#p{ID}.post``, ``div#post_content{ID}`` (kept by
  styles that drop the ``post`` class); phpBB 3.0 subsilver2:
  ``b.postauthor``; phpBB 2 subSilver ``viewtopic_body.tpl``: ``span.postbody`` (PNphpBB2:
  ``td.postbody``); a style with markup of its own (no ``post`` class, no ``postbody``) still
  prints the post's anchor ``div#p{ID}`` and phpBB's own ``viewtopic.php?p={ID}#p{ID}`` link to
  it (``U_MINI_POST``): each number with both is a post (not FluxBB's ``div#p{ID}.blockpost``,
  whose ``viewtopic.php?pid={ID}#p{ID}`` links the same way);
* Something Awful (vBulletin 2): ``table.post#post{ID}``;
* vBulletin 3/4 ``postbit``: ``post_message_{ID}``; vBulletin 3's archive: ``div.posttext``; MyBB ``postbit``: ``post_{ID}`` + ``post_body``;
  SMF ``Display.template.php``: ``msg{ID}`` in ``div.post_wrapper``;
* Invision Community (systems/invision.py reads it when its words are found):
  ``elComment_{ID}`` / ``comment-{ID}_wrap`` (not ``data-commentid``:
  WordPress's reply link prints it too); Invision Power Board 1.x-2.x (systems/invision_board.py):
  ``div.postcolor``, the words of each post (a quote in 1.x closes and reopens it, so the posts
  are counted by their ``<a name='entry{pid}'>`` anchors where the page has them);
* Talkyard: ``div.dw-p#post-{NR}`` (NR >= 2: 0 is the title, 1 the original post);
* GitHub timelines: ``gistcomment-{ID}``, ``issuecomment-{ID}``, ``discussioncomment-{ID}``;
  the React issue viewer: ``div.react-issue-comment`` (its id sits on the header inside);
* Discourse: ``topic-post``; Lobsters: ``comments_subtree``; Lemmy: ``comment-{ID}`` articles;
  ForumMagnum (LessWrong, EA Forum): ``comments-node``;
* wpForo (``themes/*/layouts/*/post.php``): ``div.post-wrap#post-{ID}`` holding ``wpforo-post``;
* Simple:Press (``spTopicViewTemplate``): ``div.spTopicPostSection#post{ID}``;
* Sina's comment widget: ``div.item[comment-type="item"]``; Weibo's: ``div.item1in`` / ``div.item2in``;
* LiveJournal's site schemes: ``article.j-c#ljcmt{ID}``; XenForo Media Gallery:
  ``data-content="xfmg-comment-{ID}"`` (each always a comment, never the post, so one alone counts);
* new Reddit: ``shreddit-comment[thingid="t1_..."]``;
* Askbot: ``div#post-id-{ID}`` answers and comments (``js-post-{ID}`` from 0.11);
* schema.org: ``itemtype=".../Comment"`` (any system that marks its comments up).

Engines nobody listed (a site's own comment list, a React forum with generated class names)
still print one id or data attribute per post: ``reply-{ID}``, ``post{ID}``, ``comment_{ID}``,
``answer-{ID}``, ``data-comment-id``. Two or more distinct ones on the same element type are
reported as ``unknown (li#reply-N)``. Failing those, blocks that a class names as one comment,
reply, mention or answer (``div.reply``, ``li.comment-item``, ``div.comments-body``, ``div.comment--HASH``
of a CSS-module build, a Q&A page's ``div.question_answer_item_2``: the number is the item's place; not a section's furniture — forms, counters, "load more" — nor a widget of
recent or popular comments) repeated on one element type are reported as ``unknown (div.reply)``. A WordPress/blog post's own ``article#post-{ID}`` (classes
``hentry``/``type-post``: an archive page lists several) is a post, not a comment, and not counted;
nor are WordPress's pingbacks and trackbacks.
"""
from __future__ import annotations

import re

_TAG = re.compile(r"<[a-zA-Z][a-zA-Z0-9-]*\s[^<>]{0,2000}>")

_MARKERS: tuple[tuple[str, re.Pattern], ...] = (
    ("bbpress", re.compile(r"""class=["'][^"']*\btype-reply\b""")),
    ("phpbb", re.compile(r"""<div\s+id=["']p\d+["']\s+class=["']post\b|<div\s+id=["']post_content\d+["']|"""
                         r"""<(?:span|td)\s(?:[^>]*\s)?class=["']postbody["']|"""
                         r"""<b\s(?:[^>]*\s)?class=["']postauthor["']""")),
    ("vbulletin", re.compile(r"""id=["']post_message_\d+["']|<div\s+class=["']posttext["']|"""
                             r"""<table\s+class=["']post\s*["']\s+id=["']post\d+["']""")),
    ("mybb", re.compile(r"""id=["']pid_\d+["']|class=["']post_body\b""")),
    ("smf", re.compile(r"""id=["']msg\d+["'][^>]*class=["'][^"']*\binner\b|class=["']post_wrapper\b""")),
    ("invision", re.compile(r"""id=["']elComment_\d+["']|id=["']comment-\d+_wrap["']""")),
    ("invision-board", re.compile(r"""^<div\s(?:[^>]*\s)?class=["']postcolor["']""")),
    ("talkyard", re.compile(r"""class=["']dw-p\b[^"']*["']\s+id=["']post-(?:[2-9]|\d{2,})["']""")),
    # (the React viewer's header carries the comment's id inside the react-issue-comment block:
    # one comment, counted once)
    ("github", re.compile(r"""^(?![^>]*data-testid=["']comment-header["'])[^>]*"""
                          r"""\sid=["'](?:gist|issue|discussion)comment-\d+["']|"""
                          r"""class=["']react-issue-comment\b""")),
    ("discourse", re.compile(r"""class=["'][^"']*\btopic-post\b""")),
    ("lobsters", re.compile(r"""class=["'][^"']*\bcomments_subtree\b""")),
    ("forummagnum", re.compile(r"""class=["'][^"']*\bcomments-node\b(?![-_])""")),
    ("wpforo", re.compile(r"""class=["']wpforo-post(?![-\w])""")),
    ("simplepress", re.compile(r"""class=["']spTopicPostSection\b""")),
    ("sina", re.compile(r"""comment-type=["']item["']""")),
    ("weibo", re.compile(r"""class=["']item[12]in\b""")),
    ("livejournal", re.compile(r"""\sid=["']ljcmt\d+["']""")),
    ("xenforo", re.compile(r"""data-content=["']xfmg-comment-\d+["']""")),
    ("shreddit", re.compile(r"""^<shreddit-comment\s[^>]*\bthingid=["']t1_""")),
    # Askbot (systems/askbot.py): an answer or a comment, ``div#post-id-{ID}.post.answer`` /
    # ``.comment.js-comment`` (0.7-0.10), ``div#js-post-{ID}.js-answer`` / ``.js-comment``
    # (0.11+); the script's hidden copy is ``#post-id-0``.
    ("askbot", re.compile(r"""\sid=["'](?:post-id|js-post)-[1-9]\d*["'][^>]*\sclass=["'][^"']*"""
                          r"""\b(?:js-comment|answer|js-answer)\b""")),
    # ``Answer``: a Q&A page's answers (Stack Exchange's and its mirrors' markup)
    ("schema.org answers", re.compile(r"""itemtype=["']https?://schema\.org/Answer["']""", re.I)),
    ("schema.org", re.compile(r"""itemtype=["']https?://schema\.org/Comment["']""", re.I)),
    # Futaba-family imageboards (``futaba.php``, Pixmicat!, Kokonotsuba: systems/imageboard.py):
    # every post, the opening one too, carries a delete checkbox named by its number.
    ("imageboard", re.compile(r"""^<input\s(?=[^>]*\btype=["']?checkbox\b)(?=[^>]*\bname=["']?\d+\b)"""
                              r"""[^>]*\bvalue=["']?delete\b""", re.I)),
    # Flarum (``CommentPost.js``; the no-script copy ``content/discussion.blade.php``): one
    # ``div.Post-body`` per post, the discussion's first post too.
    ("flarum", re.compile(r"""class=["']Post-body["']""")),
    # Kunena: blue eagle's ``table.kmsg`` (``topic/default_message.php``), Crypsis' ``div.kmsg``.
    ("kunena", re.compile(r"""class=["']kmsg(?:\s[^"']*)?["']""")),
    # Asgaros Forum (``includes/forum-content.php``): ``div.post-element#postid-{ID}``.
    ("asgaros", re.compile(r"""\sid=["']postid-\d+["']""")),
)


# Markers printed on a topic's opening post too (one alone is a topic without replies), each
# once per post (other systems' markers may match two tags of one post).
_OPENING_COUNTED = ("imageboard", "flarum", "kunena", "asgaros")
ONCE_PER_POST = frozenset(_OPENING_COUNTED)


# One id per post/comment: a post-like word, an optional separator, then a number or a hex key.
_POST_ID = re.compile(
    r"""\sid=["'](?P<word>post|reply|comment|answer|msg|message|entry|note|elComment|pid)"""
    r"""(?P<sep>[-_]?)(?P<key>\d+|[0-9a-f]{8,})["']""", re.I)
_DATA_ID = re.compile(r"""\sdata-(?P<word>comment|reply|post)-?id=["'](?P<key>[\w-]+)["']""", re.I)
_ITEM_TAGS = {"li", "div", "article", "section", "tr", "table"}
_NOT_A_COMMENT = re.compile(
    r"""class=["'][^"']*\b(?:hentry|type-post|type-page|pingback|trackback)\b""")
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")


def _repeated_ids(tags: list[str]) -> tuple[str, int] | None:
    """The largest group of distinct post-like ids (or data-*-id values) on one element type."""
    groups: dict[str, set[str]] = {}
    for tag in tags:
        name = _TAG_NAME.match(tag).group(1).lower()
        if name not in _ITEM_TAGS or _NOT_A_COMMENT.search(tag):
            continue
        for rx, shape in ((_POST_ID, "{t}#{w}{s}N"), (_DATA_ID, "{t}[data-{w}-id]")):
            m = rx.search(tag)
            if m:
                sep = m.groupdict().get("sep", "")
                key = shape.format(t=name, w=m.group("word").lower(), s=sep)
                groups.setdefault(key, set()).add(m.group("key"))
    if not groups:
        return None
    key, ids = max(groups.items(), key=lambda kv: len(kv[1]))
    return (f"unknown ({key})", len(ids)) if len(ids) >= 2 else None


# A block named as one comment, reply or mention by a class token (a site's own list, a forum
# theme, a webmention component): the word, optionally prefixed by the site's own namespace and
# followed by an item-ish suffix. Lists, forms, counters, links and controls are not items.
_ITEM_WORD = re.compile(
    r"^(?:[a-z0-9]+[-_]{1,2})*(?:(?:comment|kommentar|commentaire|comentario|commento|komentarz|"
    r"reply|mention|webmention|comtr|h-cite|u-comment|p-comment|answer)"
    r"(?:[-_]{1,2}(?:item|entry|block|box|single|node|container|wrap|wrapper|row|card|body|text|"
    r"content|message|main))?(?:[-_]n)?|"
    # Movable Type's "comments-body": the plural with a part of one comment after it
    r"comments[-_](?:body|text|content|entry|item))$")
_NOT_ITEM_WORD = re.compile(
    r"(?:^|[-_])(?:add|load|more|show|view|leave|write|post|toggle|open|hide|share|sharing|"
    r"count|counter|link|links|form|respond|title|icon|btn|button|number|num|total|area|section|shared|"
    r"list|nav|navigation|pagination|author|date|time|meta|avatar|user|toolbar|actions?|tools|"
    # widgets of other posts' comments, live commentary of a match, form fields, placeholders
    r"recent|latest|top|popular|related|live|field|placeholder)(?:$|[-_])|"
    r"^(?:icon|fa|fas|far|glyphicon|dashicons|bi|mdi)[-_]")
_CLASS_VALUE = re.compile(r"""\sclass=["']([^"']{1,300})["']""")


def _repeated_item_classes(tags: list[str]) -> tuple[str, int] | None:
    """The largest group of block elements of one type that a class names as one comment, reply
    or mention (two or more), e.g. ``div.reply`` x6 in a site's own "Mentions" list."""
    def item_block(tokens: list[str]) -> str | None:
        for token in tokens:
            # A BEM modifier or a CSS-module hash after "--" ("comment--2g6iCC-R") names the
            # same block: the block's name decides.
            # A number in the name ("question_answer_item_2") is the item's place, not its kind.
            block = re.sub(r"(?<=[-_])\d+$", "n", token.split("--", 1)[0])
            if _ITEM_WORD.match(block) and not _NOT_ITEM_WORD.search(block):
                return block
        return None

    best = _largest_class_group(tags, _ITEM_TAGS, item_block, skip_posts=False)
    return (f"unknown ({best[0]})", best[1]) if best and best[1] >= 2 else None


def _largest_class_group(tags: list[str], tag_names: set[str], block_of,
                         skip_posts: bool) -> tuple[str, int] | None:
    """The most frequent ``tag.block`` among start tags whose class tokens ``block_of`` names
    (a blog's own post markup left out when ``skip_posts``)."""
    groups: dict[str, int] = {}
    for tag in tags:
        name = _TAG_NAME.match(tag).group(1).lower()
        if name not in tag_names or (skip_posts and _NOT_A_COMMENT.search(tag)):
            continue
        m = _CLASS_VALUE.search(tag)
        block = block_of(m.group(1).lower().split()) if m else None
        if block:
            key = f"{name}.{block}"
            groups[key] = groups.get(key, 0) + 1
    return max(groups.items(), key=lambda kv: kv[1]) if groups else None


# A reply control printed once per comment: WordPress's ``get_comment_reply_link()`` gives each
# comment an ``a.comment-reply-link`` (with ``data-commentid``), and hand-made engines copy the
# class or give the control the comment's id (``comment_reply_link_{ID}``, a hidden
# ``comment_reply_form_{ID}`` per comment). The comment form's own "cancel reply" link is an id
# (``#cancel-comment-reply-link``), not this class, so a page with a form only counts none.
# A React forum whose class names are generated (styled-components' ``sc-…`` hashes) names its
# per-post reply button for screen readers only: ``button[aria-label="Reply to post"]``.
_REPLY_CONTROL = re.compile(
    r"""\sclass=["'](?:[^"']*\s)?comment-reply-link(?:\s[^"']*)?["']|"""
    r"""\sid=["']comment[-_]reply[-_](?:link|form)[-_](?P<key>\d+)["']|"""
    r"""^<button\s[^>]*\baria-label=["']reply to (?:this )?(?:post|comment|message|answer|reply)["']""",
    re.I)


def _reply_controls(tags: list[str]) -> tuple[str, int] | None:
    """Comments known only by their per-comment reply controls (a lower bound: a thread may stop
    offering "reply" below its deepest level)."""
    keys: set[str] = set()
    plain = 0
    for tag in tags:
        m = _REPLY_CONTROL.search(tag)
        if m is None:
            continue
        if m.group("key"):
            keys.add(m.group("key"))
        else:
            plain += 1
    n = max(len(keys), plain)
    return ("unknown (per-comment reply links)", n) if n >= 2 else None


# Forum software nobody listed still prints one block per post named for a post or message
# (``div.post-odd``, ``li.discussion-post``, ``td.forum_message``, ``tr.posting-row``,
# ``div.post-body``) and one link per post to the poster's profile (table rows: not needed).
# Blocks of a blog's listing (``hentry``, ``type-post``) are not posts of a thread.
_POST_WORD = re.compile(
    r"^(?:[a-z0-9]+[-_]{1,2})?(?:forum[-_]?)?(?:post|posting|message|msg|discussion-post|topic-reply)"
    r"(?:[-_](?:body|text|content|odd|even|item|row|entry|container|wrap|primary|secondary))?$")
_PROFILE_LINK = re.compile(
    r"""<a\s[^>]*href=["'][^"']*(?:/users?/|/members?/|/profiles?/|/u/\d|user_?profile=|"""
    r"""profile\.(?:php|aspx)|action=profile|showuser=|/benutzer/)""", re.I)
_POST_TAGS = _ITEM_TAGS | {"td", "dd"}
# A blog post's own parts (WordPress, Blogger: ``div.post-body.entry-content``, ``div.post-outer``)
_BLOG_PART = frozenset({"entry-content", "entry", "post-outer", "blog-post", "hentry", "h-entry"})


def _repeated_post_blocks(tags: list[str], html: str) -> tuple[str, int] | None:
    """The largest group of blocks of one type that a class names as a forum post or its
    message, when the page also links posters' profiles at least as often (two or more)."""
    def post_block(tokens: list[str]) -> str | None:
        if _BLOG_PART.intersection(tokens):
            return None
        return next((t for t in tokens if _POST_WORD.match(t)), None)

    best = _largest_class_group(tags, _POST_TAGS, post_block, skip_posts=True)
    # Table forums (a row or cell per post: ``tr.posting-row``, ``td.forum_message``) often
    # print a guest's or member's name as bold text, without a profile link: three such rows
    # are enough.
    table_rows = best is not None and best[0].split(".", 1)[0] in ("tr", "td") and best[1] >= 3
    if best is None or best[1] < 2 or (len(_PROFILE_LINK.findall(html)) < best[1] and not table_rows):
        return None
    return f"unknown forum ({best[0]})", best[1]


_IPB_ENTRY = re.compile(r"""<a\s+name=["']entry(\d+)["']""")
_PHPBB_ANCHOR = re.compile(r"""<div\s(?![^>]*\bblockpost\b)[^>]*\bid=["']p(\d+)["']""")
_PHPBB_MINI_POST = re.compile(r"""href=["'][^"'<>]*viewtopic\.php[^"'<>]*#p(\d+)["']""")


def _phpbb_anchored_posts(html: str) -> int:
    """Posts of a phpBB style whose markup is its own: numbers printed both as a ``div#p{ID}``
    and as the fragment of a ``viewtopic.php`` link (``U_MINI_POST``)."""
    if "viewtopic" not in html:
        return 0
    anchors = set(_PHPBB_ANCHOR.findall(html)) - {"0"}
    return len(anchors & set(_PHPBB_MINI_POST.findall(html))) if anchors else 0


def guess_systems(html: str) -> list[tuple[str, int]]:
    """(system, number of its post/comment markers) for every system seen, most markers first;
    when no known system is seen, an unknown engine's repeated post-like ids."""
    counts: dict[str, int] = {}
    tags = []
    for m in _TAG.finditer(html):
        tag = m.group(0)
        if "class" not in tag and "id=" not in tag and "item" not in tag and "aria-label" not in tag \
                and "delete" not in tag:
            continue
        tags.append(tag)
        for name, rx in _MARKERS:
            if rx.search(tag):
                counts[name] = counts.get(name, 0) + 1
    if "invision-board" in counts:
        posts = set(_IPB_ENTRY.findall(html))
        if posts:
            counts["invision-board"] = len(posts)
    if "phpbb" not in counts:
        anchored = _phpbb_anchored_posts(html)
        if anchored:
            counts["phpbb"] = anchored
    for name in _OPENING_COUNTED:
        if counts.get(name) == 1:
            del counts[name]  # the topic's opening post alone: a topic without replies
    if not counts:
        unknown = (_repeated_ids(tags) or _repeated_item_classes(tags) or _reply_controls(tags)
                   or _repeated_post_blocks(tags, html))
        if unknown:
            counts[unknown[0]] = unknown[1]
    return sorted(counts.items(), key=lambda kv: -kv[1])


# Posts of other kinds beside a thread's comments: a Q&A page's answers (Stack Exchange's
# ``div#answer-{ID}.answer``, Apache Answer's ``div.answer-item``, a site's ``li.answer``), a
# review widget's reviews and questions (Yotpo's ``div.yotpo-review`` / ``div.yotpo-question``,
# WooCommerce's ``li.review``, Judge.me's ``div.jdgm-rev``). A reader that knows only the comments
# under them reads none of these.
_KIND_WORD = re.compile(
    r"^(?:[a-z0-9]+[-_]{1,2})*(?P<word>answer|question|review|rev)"
    r"(?:[-_]{1,2}(?:item|entry|block|box|single|node|container|wrap|wrapper|row|card))?(?:[-_]n)?$")
_COMMENT_NOUN = re.compile(r"comment|kommentar|komentarz|comentario|commento")
_COMMENT_ID_ATTR = re.compile(r"""\sid=["'](?:li-|div-)?comment[-_]?\d+["']""")
# Drupal core's comment links (``ul.links > li.comment-reply``, ``li.comment-edit``...): controls.
_DRUPAL_LINK = re.compile(r"^li\.comment-(?:reply|edit|delete|approve|forbidden)$")
# A part of one post ("content-question", "container-question"), not a post.
_PART_PREFIX = re.compile(r"^(?:content|container|wrapper|wrap|body|text|inner)[-_]")
_KIND_ID = re.compile(r"""\sid=["'](?P<word>answer|question|review)[-_]?\d+["']""", re.I)


def _other_kinds(tags: list[str], skip: str) -> list[tuple[str, int]]:
    """Per kind (answer, question, review) other than ``skip``, its largest group of repeated
    blocks (a class token, or distinct ``kind-N`` ids): [("div.answer", 5), ...]; when ``skip``
    names a kind, the comments' largest class group beside it too."""
    best: dict[str, tuple[str, int]] = {}
    groups: dict[tuple[str, str], set[str] | int] = {}
    for tag in tags:
        name = _TAG_NAME.match(tag).group(1).lower()
        if name not in _ITEM_TAGS or _NOT_A_COMMENT.search(tag) or _COMMENT_ID_ATTR.search(tag):
            continue  # (WooCommerce's ``li.review#li-comment-N``: a comment, counted already)
        m = _CLASS_VALUE.search(tag)
        for token in (m.group(1).lower().split() if m else ()):
            block = re.sub(r"(?<=[-_])\d+$", "n", token.split("--", 1)[0])
            if skip == "post":
                # posts' own comments: ``div.post-comment`` beside ``div.post-text``; the
                # answers are posts already counted
                block = re.sub(r"^post[-_]", "", block)
                if _KIND_WORD.match(block) or not _COMMENT_NOUN.search(block):
                    continue  # (a forum's "topic-reply" blocks are its posts again)
            if _NOT_ITEM_WORD.search(block) or _PART_PREFIX.match(block):
                continue
            k = None if skip == "post" else _KIND_WORD.match(block)
            if k and _COMMENT_NOUN.search(block[:k.start("word")]):
                k = None  # a comment's answer ("comment_answer") is a reply, one more comment
            # The comments beside the kind that was guessed (an answer's comments; not a part of
            # the answers themselves, "answer-text")
            word = k.group("word") if k else "comment" if skip and _ITEM_WORD.match(block) \
                and not re.search(r"answer|question|review", block) else ""
            if word:
                key = (word, f"{name}.{token}")
                groups[key] = groups.get(key, 0) + 1
                break
        i = _KIND_ID.search(tag) if skip != "post" else None
        if i:
            key = (i.group("word").lower(), f"{name}#{i.group('word').lower()}-N")
            groups.setdefault(key, set()).add(i.group(0))
    for (word, label), v in groups.items():
        n = v if isinstance(v, int) else len(v)
        if word != skip and n >= 2 and n > best.get(word, ("", 0))[1]:
            best[word] = (label, n)
    return sorted(best.values(), key=lambda kv: -kv[1])


def marked_units(html: str) -> tuple[str, int, bool, bool] | None:
    """For a page whose comments were read: how many posts/comments its markup marks, to compare
    with what was read ("no silent loss"). A known system's markers first; else the largest
    group of an unknown engine's comment-like ids or classes (``guess_systems``), plus the posts
    of other kinds beside them (answers, questions, reviews), which that group does not count.
    Returns (what was counted, how many, whether a known system's markers: those count a
    topic's opening post too, whether posts of another kind are among them)."""
    guessed = guess_systems(html)
    if guessed and not guessed[0][0].startswith(("unknown", "schema.org")):
        return guessed[0][0], guessed[0][1], True, False  # (tags: see ONCE_PER_POST)
    tags = [m.group(0) for m in _TAG.finditer(html) if "class" in m.group(0) or "id=" in m.group(0)
            or "aria-label" in m.group(0)]
    # The largest of an unknown engine's groups (ids, classes, reply controls, post blocks), not
    # the first found: a few comments with ids beside more without. schema.org's marks (any
    # engine may print them) are one more such group.
    found = [g for g in (_repeated_ids(tags), _repeated_item_classes(tags), _reply_controls(tags),
                         _repeated_post_blocks(tags, html)) if g]
    found += [g for g in guessed if g[0].startswith("schema.org")]
    found = [g for g in found if not _DRUPAL_LINK.match(re.sub(r"^unknown \((.*)\)$", r"\1", g[0]))]
    label, n = max(found, key=lambda g: g[1]) if found else ("", 0)
    name = re.sub(r"^unknown (?:forum )?\((.*)\)$", r"\1", label)
    # A group of posts of every kind (forum post blocks, ``data-post-id``, ``div#post-N``)
    # already counts the answers beside it; only the comments under them are added.
    word = next((w for w in ("answer", "question", "review") if w in label), "")
    if label.startswith("unknown forum") or re.search(r"[#\[](?:data-)?(?:post|entry|message|msg|note)",
                                                      name):
        word = "post"
    parts = [(name, n)] if n else []
    others = [(lbl, k) for lbl, k in _other_kinds(tags, word) if lbl != name]
    parts += others
    if not parts:
        return None
    kinds = bool(word and word != "post") or any(
        _KIND_WORD.match(lbl.split(".", 1)[-1].split("#", 1)[-1]) or "#answer" in lbl
        or "#question" in lbl or "#review" in lbl for lbl, _ in others)
    return " + ".join(lbl for lbl, _ in parts), sum(k for _, k in parts), False, kinds
