"""``therapy-threads view``: a release as a static HTML site for reading threads.

::

    OUT/index.html           every post (title, source, date, comments, threads, depth) + search
    OUT/posts/<post_id>.html the post and its threads as an indented tree, with in-page search
    OUT/search-index.js      the search data (a script, so the site works from file://)
    OUT/viewer.css, viewer.js

Placeholders the anonymiser put into the text (``[PERSON_1]``, ``[EMAIL]``, a known
commenter's ``[u_...]`` pseudonym) are highlighted; their patterns come from the anonymisation
policy's ``[placeholders]`` templates, the one place they are defined. A comment the platform
shows as deleted (``removed``) keeps its place in the tree, its replies under it, and reads
"[removed]" where its words would be (it has none). Everything is escaped;
the site loads nothing from the network. Trees are written without recursion, so threads of any
depth render. Light install only: no template engine, no pipeline imports.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..dataset import iter_posts, read_manifest
from ..errors import UserError
from ..exports import check_output_folder
from ..publish.fsutil import atomic_directory
from ..threads import Node, build_forest

ASSETS = ("viewer.css", "viewer.js")
FULL_TEXT_LIMIT = 20_000_000  # characters of comment text the global search index may hold
SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,80}")
# A commenter pseudonym as anonymise/identity.py makes them ("u_" + hex digits of a keyed HMAC).
PSEUDONYM = r"u_[0-9a-f]{4,64}"


@dataclass
class ViewResult:
    path: Path
    posts: int
    comments: int
    full_text: bool


def placeholder_pattern() -> re.Pattern[str]:
    """A regex for every placeholder the anonymisation policy can write into text."""
    policy = resources.files("therapy_threads") / "data" / "anonymise_policy.toml"
    templates = tomllib.loads(policy.read_text(encoding="utf-8")).get("placeholders", {})
    parts = []
    for template in templates.values():
        rx = re.escape(template)
        rx = rx.replace(re.escape("{n}"), r"\d+").replace(re.escape("{pseudonym}"), PSEUDONYM)
        parts.append(rx)
    if not parts:
        raise UserError("the anonymisation policy defines no placeholders")
    return re.compile("|".join(sorted(parts, key=len, reverse=True)))


def _esc(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def render_text(text: str | None, ph: re.Pattern[str]) -> str:
    """Paragraphs of escaped text with placeholders wrapped in <mark class="ph">."""
    out = []
    for para in (text or "").split("\n\n"):
        pieces, pos = [], 0
        for m in ph.finditer(para):
            pieces.append(_esc(para[pos:m.start()]))
            pieces.append(f'<mark class="ph" title="replaced by the anonymiser">'
                          f'{_esc(m.group(0))}</mark>')
            pos = m.end()
        pieces.append(_esc(para[pos:]))
        out.append("<p>" + "".join(pieces).replace("\n", "<br>") + "</p>")
    return "\n".join(out)


def _when(v: Any) -> str:
    if v is None:
        return ""
    return v.strftime("%Y-%m-%d %H:%M UTC") if hasattr(v, "strftime") else str(v)


def _comment_head(n: Node) -> str:
    r = n.row
    bits = [f'<span class="who">{_esc(r.get("author_pseudonym") or "unknown author")}</span>']
    if r.get("is_post_author"):
        bits.append('<span class="badge">post author</span>')
    if r.get("published_at") is not None:
        bits.append(f'<time>{_esc(_when(r["published_at"]))}</time>')
    if r.get("like_count"):
        likes = int(r["like_count"])
        bits.append(f'<span class="likes">{likes} like{"" if likes == 1 else "s"}</span>')
    bits.append(f'<a class="anchor" href="#{_esc(n.comment_id)}">#{_esc(n.comment_id)}</a>')
    return '<div class="head">' + " ".join(bits) + "</div>"


# Shown in place of a removed comment's words; not text of the comment (search skips it).
REMOVED_NOTICE = ('<p class="removed-notice" title="the platform shows this comment as deleted; '
                  'its replies stay below it">[removed]</p>')


def render_threads(roots: list[Node], ph: re.Pattern[str]) -> str:
    """Nested <ol>/<li> for a post's threads, written with an explicit stack."""
    out = ['<ol class="threads">']
    # ("open", node) writes a comment and schedules its replies; ("close", tag) ends a tag.
    stack: list[tuple[str, Any]] = [("open", r) for r in reversed(roots)]
    while stack:
        action, item = stack.pop()
        if action == "close":
            out.append(item)
            continue
        n: Node = item
        gone = n.removed
        out.append(f'<li class="comment{" removed" if gone else ""}" id="{_esc(n.comment_id)}" '
                   f'data-depth="{n.depth}"><div class="body">{_comment_head(n)}'
                   f'{REMOVED_NOTICE if gone else render_text(n.text, ph)}</div>')
        stack.append(("close", "</li>"))
        if n.children:
            stack.append(("close", "</ol>"))
            stack.extend(("open", c) for c in reversed(n.children))
            out.append(f'<ol class="replies" aria-label="{len(n.children)} replies">')
    out.append("</ol>")
    return "\n".join(out)


def _page(title: str, body: str, depth: int, scripts: list[str]) -> str:
    up = "../" * depth
    tags = "".join(f'<script src="{up}{s}"></script>' for s in scripts)
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{_esc(title)}</title><link rel="stylesheet" href="{up}viewer.css">'
            f'</head><body>{body}{tags}</body></html>\n')


TERMS_NOTE = ('<p class="terms">Research use under the release\'s terms (TERMS.md): do not try '
              'to identify or contact anyone, do not quote comments verbatim. Highlighted '
              '<mark class="ph">[…]</mark> spans were replaced by the anonymiser.</p>')


def render_post(post: dict[str, Any], roots: list[Node], version: str,
                ph: re.Pattern[str]) -> str:
    n = sum(r.size() for r in roots)
    depth = max((r.height() + 1 for r in roots), default=0)
    meta = [f'<span class="site">{_esc(post.get("site") or post.get("source_id"))}</span>']
    if post.get("author"):
        meta.append(f'by {_esc(post["author"])}')
    if post.get("published_at") is not None:
        meta.append(f'<time>{_esc(_when(post["published_at"]))}</time>')
    if post.get("url"):
        meta.append(f'<a href="{_esc(post["url"])}" rel="noreferrer nofollow">original page</a>')
    body = (f'<header><a href="../index.html">← all posts</a> · therapy-threads '
            f'v{_esc(version)}</header><main>{TERMS_NOTE}'
            f'<article class="post" id="{_esc(post["post_id"])}"><h1>{_esc(post.get("title"))}'
            f'</h1><div class="meta">{" · ".join(meta)}</div>'
            f'<div class="text">{render_text(post.get("body"), ph)}</div></article>'
            f'<section class="discussion"><h2>{n} comments in {len(roots)} threads'
            f'{f", up to {depth} levels deep" if depth else ""}</h2>'
            f'<div class="search"><input type="search" id="q" placeholder="Search this '
            f'discussion" aria-label="Search this discussion"> <span id="hits"></span></div>'
            f'{render_threads(roots, ph)}</section></main>')
    return _page(post.get("title") or post["post_id"], body, 1, ["viewer.js"])


def render_index(rows: list[dict[str, Any]], version: str, full_text: bool) -> str:
    trs = []
    for r in rows:
        trs.append(f'<tr data-post="{_esc(r["id"])}"><td><a href="posts/{_esc(r["file"])}">'
                   f'{_esc(r["title"])}</a></td><td>{_esc(r["site"])}</td>'
                   f'<td>{_esc(r["date"])}</td><td class="n">{r["comments"]}</td>'
                   f'<td class="n">{r["threads"]}</td><td class="n">{r["depth"]}</td></tr>')
    scope = ("titles, posts and comments" if full_text else
             "titles and sites (this release is too large for full-text search in the browser; "
             "search a discussion on its page)")
    body = (f'<header>therapy-threads v{_esc(version)} · {len(rows)} posts</header><main>'
            f'{TERMS_NOTE}<div class="search"><input type="search" id="q" placeholder="Search '
            f'{_esc(scope)}" aria-label="Search"> <span id="hits"></span></div>'
            f'<ol id="results"></ol><table id="posts"><thead><tr><th>Post</th><th>Source</th>'
            f'<th>Date</th><th>Comments</th><th>Threads</th><th>Depth</th></tr></thead><tbody>'
            + "".join(trs) + "</tbody></table></main>")
    return _page(f"therapy-threads v{version}", body, 0, ["search-index.js", "viewer.js"])


def _file_for(post_id: str) -> str:
    if not SAFE_ID.fullmatch(post_id):
        raise UserError(f"post id {post_id!r} is not a published id; the release is damaged")
    return f"{post_id}.html"


def write_site(release: Path | str, out: Path | str, *, overwrite: bool = False,
               full_text_limit: int = FULL_TEXT_LIMIT) -> ViewResult:
    """Write the viewer for ``release`` (a release folder) into ``out``."""
    release, out = Path(release), Path(out)
    check_output_folder(out, overwrite, "search-index.js", "a therapy-threads viewer")
    version = str(read_manifest(release).get("version"))
    ph = placeholder_pattern()
    rows: list[dict[str, Any]] = []
    posts_index: list[list[Any]] = []
    comments_index: list[list[Any]] = []
    chars = 0
    full_text = True
    n_comments = 0
    with atomic_directory(out, replace=True) as staging:
        (staging / "posts").mkdir()
        assets = resources.files(__name__)
        for name in ASSETS:
            with resources.as_file(assets / name) as src:
                shutil.copyfile(src, staging / name)
        for post, comments in iter_posts(release):
            roots = build_forest(comments)
            fname = _file_for(post["post_id"])
            (staging / "posts" / fname).write_text(render_post(post, roots, version, ph),
                                                   encoding="utf-8")
            n_comments += len(comments)
            depth = max((r.height() + 1 for r in roots), default=0)
            rows.append({"id": post["post_id"], "file": fname, "title": post.get("title") or "",
                         "site": post.get("site") or post.get("source_id") or "",
                         "date": _when(post.get("published_at"))[:10],
                         "comments": len(comments), "threads": len(roots), "depth": depth})
            body = (post.get("body") or "")[:2000]
            posts_index.append([fname, post.get("title") or "", rows[-1]["site"],
                                body if full_text else ""])
            if full_text:
                for c in comments:
                    if c.get("removed"):
                        continue  # no words to find
                    text = c.get("text") or ""
                    chars += len(text)
                    comments_index.append([len(posts_index) - 1, c["comment_id"], text])
                if chars > full_text_limit:
                    full_text = False
                    comments_index.clear()
                    for p in posts_index:
                        p[3] = ""
        index = {"version": version, "fullText": full_text, "posts": posts_index,
                 "comments": comments_index}
        (staging / "search-index.js").write_text(
            "window.TT_INDEX = " + json.dumps(index, ensure_ascii=False).replace("</", "<\\/")
            + ";\n", encoding="utf-8")
        (staging / "index.html").write_text(render_index(rows, version, full_text),
                                            encoding="utf-8")
    return ViewResult(out, len(rows), n_comments, full_text)
