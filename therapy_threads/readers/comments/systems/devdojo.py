"""DevDojo question pages (devdojo.com's Laravel/Livewire "questions" board), from its rendered
Tailwind markup, which names none of its parts but the words.

The question and each answer are printed alike: a block ``div[id={ID}]`` holding the avatar link
and a column whose first row (``div.items-center``) holds the poster's bold profile link
(``a.font-bold``), a "・" separator and the date as shown (``p.theme-text-muted``: "May 9th, 2024
05:18 AM"), a "Best Answer" badge where it is one; then the words, ``div.prose.question-block``
(classed ``answer`` too), then the reactions bar (emoji images). The first block is the question
(the post); the answers follow, flat, the best answer printed first.
"""
from __future__ import annotations

from ..base import CommentSystem, Item, Page
from ..dom import stripped_text


class DevDojo(CommentSystem):
    name = "devdojo"
    order = 38

    def find(self, page: Page) -> list[Item]:
        a = page.attrs
        out: list[Item] = []
        blocks = page.root.css("div.prose.question-block")
        for i, words in enumerate(blocks):
            head = words.prev
            while head is not None and head.tag != "div":
                head = head.prev
            if head is None or "items-center" not in a.classes(head):
                return []
            who = head.css_first("a.font-bold")
            block = words.parent.parent.parent if words.parent is not None and words.parent.parent is not None \
                else None
            if who is None or block is None or not a.id(block).isdigit():
                return []
            out.append(Item(block, self.name, f"answer-{a.id(block)}", parent_stated=True,
                            author=stripped_text(who), content=words,
                            date=head.css_first("p.theme-text-muted"),
                            skip_reason="thread_starter" if i == 0 else None))
        return out if len(out) >= 2 else []
