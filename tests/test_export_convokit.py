"""`therapy-threads export --convokit DIR` writes a corpus that convokit.Corpus loads (item 5)."""
from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from helpers_build import make_build, record_verdicts
from therapy_threads import load
from therapy_threads.cli import main
from therapy_threads.errors import UserError
from therapy_threads.exports.convokit import UNKNOWN, export_convokit
from therapy_threads.publish.release import publish

convokit = pytest.importorskip("convokit", reason="install requirements/convokit.txt")


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """A release where some comments have no known author and one post's author comments."""
    d = tmp_path_factory.mktemp("convokit")
    build = make_build(d / "build")
    t = pq.read_table(build / "comments.parquet")
    authors = t.column("author_pseudonym").to_pylist()
    first_post = t.column("post_id")[0].as_py()
    is_author = []
    for i, pid in enumerate(t.column("post_id").to_pylist()):
        if i % 7 == 3:
            authors[i] = None  # no known author
        is_author.append(pid == first_post and i % 3 == 0)
        if is_author[-1]:
            authors[i] = "u_00000000beef"  # the post's author, commenting under one pseudonym
    t = t.set_column(t.schema.get_field_index("author_pseudonym"), "author_pseudonym",
                     pa.array(authors, pa.string()))
    t = t.set_column(t.schema.get_field_index("is_post_author"), "is_post_author",
                     pa.array(is_author, pa.bool_()))
    pq.write_table(t, build / "comments.parquet")
    record_verdicts(build)  # the gate binds verdicts to bytes: as if re-validated
    return publish(build, "1.0.0", d / "reg").path


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # convokit writes ~/.convokit/config.yml
    return tmp_path


def test_cli_export_loads_in_convokit(release, home, capsys):
    out = home / "corpus"
    assert main(["export", str(release), "--convokit", str(out)]) == 0
    assert "56 utterances (6 posts, 50 comments)" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == [
        "TERMS.md", "conversations.json", "corpus.json", "index.json", "speakers.json",
        "utterances.jsonl"]
    corpus = convokit.Corpus(filename=str(out))
    comments = load("comments", source=release, format="arrow")
    posts = load("posts", source=release, format="arrow")
    assert len(corpus.get_utterance_ids()) == comments.num_rows + posts.num_rows
    assert set(corpus.get_conversation_ids()) == set(posts.column("post_id").to_pylist())
    for row in comments.to_pylist():
        u = corpus.get_utterance(row["comment_id"])
        assert u.conversation_id == row["post_id"]
        assert u.reply_to == (row["parent_id"] or row["post_id"])
        assert u.speaker.id == (row["author_pseudonym"] or UNKNOWN)
        assert u.text == row["text"]
        assert u.meta["depth"] == row["depth"] and u.meta["kind"] == "comment"
        assert u.timestamp == int(row["published_at"].timestamp())
    for conv in corpus.iter_conversations():
        assert conv.check_integrity(verbose=False)  # one tree rooted at the post
        root = conv.get_utterance(conv.id)
        assert root.reply_to is None and root.meta["kind"] == "post"
        n = sum(1 for r in comments.column("post_id").to_pylist() if r == conv.id)
        assert conv.meta["n_comments"] == n == len(conv.get_utterance_ids()) - 1
    assert corpus.meta["version"] == "1.0.0" and corpus.meta["terms"] == "TERMS.md"


def test_speakers_match_the_speakers_table(release, home):
    out = home / "corpus"
    export_convokit(release, out)
    corpus = convokit.Corpus(filename=str(out))
    speakers = load("speakers", source=release)
    for row in speakers.to_dict(orient="records"):
        s = corpus.get_speaker(row["author_pseudonym"])
        assert s.meta["n_comments"] == row["n_comments"]
        assert len(list(s.iter_utterances())) == row["n_comments"] + (
            1 if row["author_pseudonym"] == "u_00000000beef" else 0)
    # the post whose author comments is spoken by that pseudonym; the others by a placeholder
    by_author = [c for c in corpus.iter_conversations()
                 if c.get_utterance(c.id).speaker.id == "u_00000000beef"]
    assert len(by_author) == 1
    unknown = corpus.get_speaker(UNKNOWN)
    n_unknown = pc.sum(pc.is_null(load("comments", source=release, format="arrow")
                                  .column("author_pseudonym"))).as_py()
    assert n_unknown > 0 and len(list(unknown.iter_utterances())) == n_unknown


def test_index_matches_what_convokit_derives(release, home):
    """Loading with type checks on makes ConvoKit rebuild the meta index from the values;
    dumping it must give back our index.json exactly."""
    out = home / "corpus"
    export_convokit(release, out)
    corpus = convokit.Corpus(filename=str(out), disable_type_check=False)
    corpus.dump("again", base_path=str(home), force_version=1)
    ours = json.loads((out / "index.json").read_text())
    theirs = json.loads((home / "again" / "index.json").read_text())
    for kind in ("utterances-index", "speakers-index", "conversations-index", "overall-index"):
        assert {k: sorted(v) for k, v in theirs[kind].items()} == \
            {k: sorted(v) for k, v in ours[kind].items()}, kind


def test_export_refuses_to_overwrite(release, home):
    out = home / "corpus"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(UserError, match="not empty"):
        export_convokit(release, out)
    with pytest.raises(UserError, match="not a ConvoKit corpus"):
        export_convokit(release, out, overwrite=True)
    assert (out / "notes.txt").read_text() == "mine"
    export_convokit(release, home / "c2")
    assert export_convokit(release, home / "c2", overwrite=True).utterances == 56


def test_removed_comments_are_utterances_without_text(tmp_path_factory, home):
    from helpers_build import BuildSpec, SourceSpec

    d = tmp_path_factory.mktemp("convokit-removed")
    spec = BuildSpec(sources=[SourceSpec("seed-rm", n_posts=1, comments_per_post=6, removed=(0, 3), seed=1)])
    release = publish(make_build(d / "build", spec), "1.0.0", d / "reg").path
    out = home / "corpus-removed"
    export_convokit(release, out)
    corpus = convokit.Corpus(filename=str(out))
    rows = load("comments", source=release, format="arrow").to_pylist()
    gone = {r["comment_id"] for r in rows if r["removed"]}
    assert len(gone) == 2
    for r in rows:
        u = corpus.get_utterance(r["comment_id"])
        assert u.meta["removed"] is (r["comment_id"] in gone)
        assert (u.text == "") is (r["comment_id"] in gone)
        assert u.reply_to == (r["parent_id"] or r["post_id"])
    # replies to a removed comment answer it (seed 1: both removed comments have one)
    assert sum(corpus.get_utterance(r["comment_id"]).reply_to in gone for r in rows) == 2
    conv = next(corpus.iter_conversations())
    assert conv.check_integrity(verbose=False)
    assert json.loads((out / "index.json").read_text())["utterances-index"]["removed"] == ["<class 'bool'>"]
