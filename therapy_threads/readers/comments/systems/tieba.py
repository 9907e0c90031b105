"""Baidu Tieba thread pages (``tieba.baidu.com/p/{thread id}``, the PC "pb" page).

Each floor is ``div.l_post.j_l_post`` whose ``data-field`` JSON holds ``author`` (``user_name``,
``user_nickname``) and ``content`` (``post_id``, ``post_no`` — the floor number, 1 = the thread's
own post —, ``comment_num``). Inside: ``ul.p_author`` (avatar, ``a.p_author_name``, level
badges), ``div.d_post_content_main`` (``d_post_content_firstfloor`` on floor 1) >
``div.d_post_content#post_content_{post id}`` (the words), ``div.post-tail-wrap`` ("N楼", device,
date in ``span.tail-info``) and ``div.core_reply`` with the floor's own replies ("楼中楼"): each
``li.lzl_single_post`` (``data-field`` ``{'pid': floor post id, 'spid': reply id, 'showname':
...}`` in single quotes) with ``div.lzl_cnt`` > ``a.j_user_card`` (the name), ":" and
``span.lzl_content_main`` (the words), then ``span.lzl_time``. Floors are top level; a floor's
replies answer that floor.
"""
from __future__ import annotations

import json
import re

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text

_LZL_PID = re.compile(r"""['"]pid['"]\s*:\s*['"]?(\d+)""")
_LZL_SPID = re.compile(r"""['"]spid['"]\s*:\s*['"]?(\d+)""")


class Tieba(CommentSystem):
    name = "tieba"
    order = 29
    content_classes = ("d_post_content", "lzl_content_main")
    meta_classes = frozenset({"p_author", "post-tail-wrap", "core_reply", "lzl_content_reply",
                              "lzl_time", "j_lzl_p", "save_face_bg_hidden", "p_forbidden_tip",
                              "p_forbidden_post_content_fold"})

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        for n in page.root.css("div.l_post.j_l_post, li.lzl_single_post"):
            if n.tag == "li":
                content = n.css_first("span.lzl_content_main")
                spid = _LZL_SPID.search(a.get(n, "data-field"))
                pid = _LZL_PID.search(a.get(n, "data-field"))
                if content is None or spid is None:
                    continue
                who = n.css_first("div.lzl_cnt a.j_user_card") or n.css_first("div.lzl_cnt a")
                out.append(Item(n, self.name, f"spid-{spid.group(1)}", parent_stated=True,
                                parent_key=f"pid-{pid.group(1)}" if pid else None, content=content,
                                author=who.text(strip=True) or a.get(who, "username") if who is not None else None))
                continue
            content = n.css_first("div.d_post_content")
            if content is None:
                continue
            field = _field(a.get(n, "data-field"))
            pid = str(field.get("post_id") or "") or a.id(content).removeprefix("post_content_")
            first = field.get("post_no") == 1 or n.css_first("div.d_post_content_firstfloor") is not None
            who = n.css_first("a.p_author_name")
            out.append(Item(n, self.name, f"pid-{pid}", parent_stated=True, content=content,
                            author=stripped_text(who),
                            skip_reason="thread_starter" if first else None))
        return out


def _field(raw: str) -> dict:
    try:
        data = json.loads(raw) if raw.startswith("{") else {}
    except ValueError:
        return {}
    content = data.get("content") if isinstance(data, dict) else None
    return content if isinstance(content, dict) else {}
