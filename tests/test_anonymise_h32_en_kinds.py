"""Kinds of failure the held-out batch heldout32 showed in its English set (a Shetland mailing list as its web
archive shows it), and the keep-side kinds of the whole batch, each as a small table. Posts run through the real
stage (``[[private]]`` must go, ``{{keep}}`` must stay). All names of people are synthetic; places, institutions,
festivals and public people are real."""
from __future__ import annotations

import pytest

from _kinds import P, anon, check, post  # noqa: F401  (the stage fixture, the post runner, the recognizer table)

from therapy_threads.anonymise.recognizers import QuoteHeaderRecognizer


@pytest.mark.parametrize("text,expected", [
    # the attribution line a mail client writes above a quoted reply (Gmail, Thunderbird, Apple Mail forms)
    ("On Mon, 16 Nov 2026 at 22:41, Brodie Tulloch wrote:\n> we gied oot", [("Brodie Tulloch", P)]),
    ("On Nov 16, 2026, at 10:41 PM, Brodie Tulloch <b.t@example.org> wrote:\n> hi", [("Brodie Tulloch", P)]),
    ("On 16/11/2026 22:41, Brodie wrote:\n> hi", [("Brodie", P)]),
    # the display name whole, a typist's note in brackets included
    ("On Tue, 17 Nov 2026 at 20:17, Ertle Voss (typed by Ina) wrote:\n> aye", [("Ertle Voss (typed by Ina)", P)]),
    # a sentence that starts with "On" and ends in "wrote:" names no sender
    ("On Sunday, somebody wrote:\n> hi", []),
])
def test_h32_mail_attribution(text, expected):
    check(QuoteHeaderRecognizer, text, expected)


@pytest.mark.parametrize("texts", [
    # the sender of a quoted reply is no author talked about through a work ("X Y wrote"), and the given
    # name of that line is caught alone elsewhere in the thread
    ["Evening aa. I'm [[Brodie]], fae {{Lerwick}}.",
     "On Mon, 16 Nov 2026 at 22:41, [[Brodie Tulloch]] wrote:\n> I'm fae Lerwick\n\n[[Brodie]], du never said."],
])
def test_h32_mail_sender_not_author(post, texts):
    post(texts)
