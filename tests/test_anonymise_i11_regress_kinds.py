"""Kinds of branch i11-regress (issue 11): regressions of earlier rounds, each as a small table. Posts run through
the real stage (``[[private]]`` must go, ``{{keep}}`` must stay); the people are synthetic, the sentences are not
from the sets."""
from __future__ import annotations

import pytest

from _kinds import LEAKED_DAMAGED, anon, assert_empty, measure_rows, post  # noqa: F401  (the stage fixture, the runners)


def _thread(commenters: list[tuple[str, str, str]]) -> list[str]:
    """A post read as a WordPress export, its comments with (display name, e-mail, text)."""
    lines = ["@set rows", "@lang en", "@site rows.example.org", "@post Names", "@author Writer | w@example.org |",
             "What do people call you at home?"]
    for i, (name, mail, text) in enumerate(commenters):
        lines += [f"@comment c{i} | name={name}, email={mail}, parent=", text]
    return lines


@pytest.mark.parametrize("commenters", [
    # a kin word that is also a given name ("Tita", "Tito"), capitalised mid-sentence, is the commenter's own name
    # where her e-mail address goes by it, though her display name does not hold it
    [("Dolors F.", "tita.ferrer@example.com", "I'm Dolors, but [[Tita]] to everyone at the market.")],
    [("Roberto V.", "tito.vargas@example.net", "Roberto on paper, [[Tito]] in the kitchen, and nobody argues.")],
    # ... not where no one's address does: capitalised as "Mum" is, the kin noun names the relation
    [("Bram K.", "bram.k@example.com", "My {{Nan}} raised me, and {{Nan}} still phones every Sunday.")],
])
def test_mail_local_part_outranks_kin_noun(anon, tmp_path, commenters):
    assert_empty(measure_rows(anon, tmp_path, _thread(commenters), "wxr"), LEAKED_DAMAGED)


@pytest.mark.parametrize("lang,texts", [
    # Romance coordination with a given name: a province's name (Angola's, here) stays the place ...
    ("pt", ["Olá a todos.", "As minhas filhas [[Kelly]] e {{Luanda}} ficaram longe de mim."]),
    # ... a town that is also a given name, coordinated with one, is the person
    ("es", ["Hola a todos.", "Ayer [[Alma]] y [[Luz]] vinieron a comer con nosotras."]),
])
def test_romance_coordination_province(post, lang, texts):
    post(texts, lang)
