"""Properties of the anonymise stage on arbitrary text (hypothesis)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_threads import ids
from therapy_threads.anonymise import Anonymiser
from therapy_threads.anonymise.patterns import find_emails, find_urls
from therapy_threads.records import Comment, Identity, Post, ReadResult

KEY = bytes.fromhex("5ee64c15dad41b9dc2cbd57e20a895aef4c46b7ed4ea2f234b1d310c6310f614")  # a random-looking 256-bit test key
ANON = Anonymiser(KEY)
WORDS = st.sampled_from(["Hi", "Joe", "thanks", "my", "therapist", "Anna", "said", "DV!", "Dear", "Julia,",
                         "see", "https://blog.example.com/x", "me@example.org", "Mr.", "Hope", "will", "\n",
                         "2.Do", "feel.Th", "A", "K", "@kat", "Good", "Will", "Hunting", "’s", ",", ".", "—"])
TEXT = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=40).map(" ".join))


def _result(texts: list[str], names: list[str]) -> ReadResult:
    pid = ids.post_id("p", "k")
    res = ReadResult("p", "wordpress_html", posts=[Post(post_id=pid, source_id="p", source_format="wordpress_html",
                                                         title="t", body="b", content_sha256="0" * 64, author="Joe Burgo")])
    for i, t in enumerate(texts):
        res.comments.append(Comment(comment_id=ids.comment_id(pid, str(i)), post_id=pid, source_id="p", position=i,
                                    text=t, source_key=str(i),
                                    identity=Identity(name=names[i % len(names)]) if names else None))
    return res


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=5), st.lists(st.text(min_size=1, max_size=20), max_size=3))
def test_never_raises_never_leaves_links_and_is_deterministic(texts, names):
    a, b = _result(texts, names), _result(texts, names)
    ANON.apply(a)
    ANON.apply(b)
    for c, d in zip(a.comments, b.comments):
        assert c.text == d.text and c.author_pseudonym == d.author_pseudonym
        assert c.identity is None
        assert not find_emails(c.text)
        assert not find_urls(c.text)
