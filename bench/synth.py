"""Deterministic synthetic corpus in the seed format (plain-text captures of blog pages).

    python bench/synth.py --out DIR --posts N --comments M --seed S

Writes DIR/post_00000.txt ... (one page per post, streamed: one post in memory at a time),
DIR/sources.toml (same shape as seeds/sources.toml) and DIR/ground_truth.json.

What the pages contain, modelled on the seeds:
* comment threads with power-law sizes (a few huge threads, many single comments), depth up
  to --max-depth, numbered top level, numbered or bulleted replies, 2-space indentation;
* comments the capture lost: their replies keep their deeper indentation (an indent jump, as in
  seed 003) and the parent list's numbering may skip;
* "Liked by N people" lines, multi-paragraph comments, continuation lines, numbered lists glued
  into a comment's text ("2.Do ...", a "3." as first line after a blank) that are text, not replies;
* page furniture: pull quotes, image alt text, share bars, cookie banners, the comment form;
* mojibake emoji ("πŸ˜‚") and person names in text ("Hi Sam,", "Thanks, Marisol —").

The ground truth per file: visible comment count, top-level count, max depth, indent jumps, the
declared count, a SHA-256 over the (key, parent key) structure, and the names put into each
comment (for the anonymiser benchmark). Keys are ordinal paths over the visible comments
("3.1.2"); a reply whose parent was lost belongs to the nearest earlier visible comment with a
smaller indent (the rule the reader documents).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

# Synthetic names only: no commenter, handle or author of the seeds or samples.
FIRST_NAMES = [
    "Sam", "Marisol", "Lydia", "Ada", "Owen", "Nick", "Beverly", "Katrien", "Harriet", "Tessa",
    "Sarah", "David", "Laura", "Tom", "Priya", "Mateo", "Aisha", "Grace", "Hope", "Will", "Mark",
    "Rosa", "Ingrid", "Kenji", "Olu", "Fatima", "Liam", "Noor", "Ben", "Chloe", "Dmitri", "Elena",
]
HANDLES = ["QX", "ZORP", "JT", "Teacup", "Otters", "bluejay77", "quietriver", "MK2"]
AUTHORS = ["Samuel Quill", "Lena Brandt", "Kira Solberg", "Ana Ruiz", "Peter Olsen", "Mina Park"]
TOPICS = ["Dependency", "Transference", "Boundaries", "Love in Therapy", "Ending Therapy",
          "The Therapeutic Relationship", "Attachment", "Needing Your Therapist", "Ruptures"]

_SUBJ = ["I", "My therapist", "She", "He", "My T", "The therapist", "We", "Everyone in my group",
         "My counsellor", "Part of me", "The younger part of me", "My analyst"]
_VERB = ["felt", "worried", "noticed", "wondered", "realised", "knew", "learned", "feared",
         "hoped", "admitted", "explained", "remembered"]
_OBJ = ["that needing someone is not a weakness", "how hard it is to wait a whole week",
        "why the hour always ends too soon", "that the boundaries are there to protect the work",
        "how much the session meant to me", "that dependency can be a stage and not the end",
        "why I cried all the way home", "that the relationship is real even if it is paid",
        "how shame keeps me from asking for more", "that a hug at the end is not allowed",
        "how the holidays make it worse", "that trust takes years to build",
        "why I wanted to quit after every session", "that the transference is not a delusion"]
_TAIL = [".", ".", ".", "!", "?", " – and it still hurts.", ", which surprised me.",
         " after two years.", " in my last session.", " more than I can say.", "…"]
_EMOJI = ["πŸ˜‚", "πŸ™‚", "ðŸ˜Š", "😊", "🙂"]  # the first three are mojibake the reader repairs


def _sentences(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        s = f"{rng.choice(_SUBJ)} {rng.choice(_VERB)} {rng.choice(_OBJ)}{rng.choice(_TAIL)}"
        out.append(s)
    return out


class Synth:
    def __init__(self, seed: int, max_depth: int = 8):
        self.rng = random.Random(seed)
        self.max_depth = max_depth
        pool_rng = random.Random(seed ^ 0x5EED)
        self.sentences = _sentences(pool_rng, 4000)
        self.paragraphs = [" ".join(pool_rng.choices(self.sentences, k=pool_rng.randint(2, 6)))
                           for _ in range(20000)]

    # --- text pieces ------------------------------------------------------------------------

    def paragraph(self, k_min: int, k_max: int) -> str:
        rng = self.rng
        return " ".join(rng.choices(self.sentences, k=rng.randint(k_min, k_max)))

    def comment_paragraphs(self) -> tuple[list[list[str]], list[str]]:
        """Paragraphs (each a list of lines) and the names mentioned."""
        rng = self.rng
        names: list[str] = []
        paras: list[list[str]] = []
        # Length calibrated on the seeds' comments (mean ~840 bytes, median ~590): a lognormal
        # number of paragraphs of 2-6 sentences (~78 characters each), drawn from a pool.
        pool = self.paragraphs
        n = max(1, round(rng.lognormvariate(0.65, 0.75)))
        chunks = [pool[int(rng.random() * len(pool))] for _ in range(n)]
        first = chunks[0]
        r = rng.random()
        if r < 0.10:
            name = rng.choice(FIRST_NAMES)
            first = f"Hi {name}, {first}"
            names.append(name)
        elif r < 0.16:
            name = rng.choice(FIRST_NAMES)
            first = f"Thanks, {name} — {first}"
            names.append(name)
        elif r < 0.19:
            name = rng.choice(HANDLES)
            paras.append([f"{name},"])
            names.append(name)
        if rng.random() < 0.08:
            first += " " + rng.choice(_EMOJI)
        paras.append([first])
        paras += [[c] for c in chunks[1:]]
        if rng.random() < 0.15:  # single line breaks inside a paragraph
            paras[-1] = paras[-1] + [self.paragraph(1, 2) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.04:  # a list glued into the text: text, not replies
            paras[-1] = paras[-1] + ["1. Is it possible to need a therapist too much?",
                                     "No. " + self.paragraph(1, 2)]
            paras.append(["2.Do clients have a right to know this?", self.paragraph(1, 2)])
            paras.append(["3. Is it possible that therapists use their power?",
                          "4.And what happens at the end?", self.paragraph(1, 2)])
        if rng.random() < 0.03:
            name = rng.choice(HANDLES)
            paras[-1][-1] += f" Do not worry about it {name}!"
            names.append(name)
        return paras, names

    # --- one post ---------------------------------------------------------------------------

    def thread_sizes(self, total: int) -> list[int]:
        """Split ``total`` comments into threads with a power-law size distribution."""
        rng = self.rng
        sizes = []
        left = total
        while left > 0:
            s = min(left, max(1, int(rng.paretovariate(1.3))))
            sizes.append(s)
            left -= s
        return sizes

    def build_thread(self, size: int) -> list[tuple[int, int]]:
        """(depth, parent index within the thread or -1) in display order, depth-first."""
        rng = self.rng
        nodes: list[tuple[int, int]] = [(0, -1)]
        while len(nodes) < size:
            # Prefer replying to recent comments (conversations), bounded depth.
            j = len(nodes) - 1 - min(len(nodes) - 1, int(rng.expovariate(0.7)))
            d = nodes[j][0] + 1
            if d > self.max_depth:
                j, d = 0, 1
            nodes.append((d, j))
        # Display order: depth-first by parent (stable), as a page shows nested replies.
        children: dict[int, list[int]] = {}
        for i, (_, p) in enumerate(nodes):
            if p >= 0:
                children.setdefault(p, []).append(i)
        order: list[int] = []
        stack = [0]
        while stack:
            i = stack.pop()
            order.append(i)
            stack.extend(reversed(children.get(i, [])))
        index = {old: new for new, old in enumerate(order)}
        return [(nodes[i][0], index[nodes[i][1]] if nodes[i][1] >= 0 else -1) for i in order]

    def write_post(self, path: Path, post_no: int, n_comments: int) -> dict:
        rng = self.rng
        title = f"{rng.choice(TOPICS)} in Psychotherapy, part {post_no}"
        style = "headerless" if rng.random() < 0.2 else "wordpress"
        out: list[str] = [title, ""]
        body_sents: list[str] = []
        for _ in range(rng.randint(3, 7)):
            p = self.paragraph(2, 7)
            body_sents.append(p.split(". ")[0])
            out += [p, ""]
        if rng.random() < 0.3:  # pull quote: a sentence of the body again, alone
            q = rng.choice(body_sents)
            if len(q.split()) >= 4:
                out += [q.rstrip(".") + ".", ""]
        out += [self.paragraph(3, 5), ""]
        if rng.random() < 0.3:
            out += [f"{rng.choice(AUTHORS).split()[0]} Therapy icon", "", "Share this article", ""]
        author = None
        if style == "headerless" or rng.random() < 0.3:
            author = rng.choice(AUTHORS)
            out += [f"By {author}", ""]
            if style == "headerless":
                out += [f"{author.split()[0]} is the author of many posts. Be sure to connect with "
                        "him on Linkedin.", "", ""]

        # Stream: the page head now, each thread as it is generated, the form at the end.
        fh = path.open("w", encoding="utf-8", newline="\n")
        declared = (n_comments + rng.randint(0, 3)) if n_comments else None
        if n_comments and style == "wordpress":
            out += [f"{declared} thoughts on “{title}", ""]
        fh.write("\n".join(out) + "\n")
        out = []
        truth_struct: list[str] = []
        names_truth: list[list[str]] = []
        n_visible = roots = max_depth = jumps = lost = 0
        sizes = self.thread_sizes(n_comments) if n_comments else []
        # Visible-comment bookkeeping for ground-truth keys: stack of (indent, key, n_children).
        stack: list[list] = []
        root_no = 0
        for size in sizes:
            nodes = self.build_thread(size)
            visible = [True] * len(nodes)
            for i in range(1, len(nodes)):
                if rng.random() < 0.01:
                    visible[i] = False  # the capture lost this comment
            numbers: dict[int, int] = {}  # parent node index -> last number used in its list
            bullets = rng.random() < 0.2  # this thread shows replies as bullets (seed 002)
            thread_text: list[str] = []
            for i, (depth, parent) in enumerate(nodes):
                num = numbers.get(parent, 0) + 1
                numbers[parent] = num
                if not visible[i]:
                    # The list is renumbered around the gap, or keeps the gap (never when the lost
                    # comment was the first reply: a list that starts at "2." reads as text).
                    if num == 1 or rng.random() < 0.5:
                        numbers[parent] = num - 1
                    lost += 1
                    continue
                # Replies of a lost comment keep their own list, numbered from 1 (as in seed
                # 003), and their deeper indentation.
                indent = 2 + 2 * depth
                if depth == 0:
                    root_no += 1
                    marker = f"{root_no}."
                else:
                    marker = "•" if bullets else f"{num}."
                # Ground truth: nearest earlier visible comment with a smaller indent.
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                if stack:
                    p = stack[-1]
                    p[2] += 1
                    key = f"{p[1]}.{p[2]}"
                    if indent - p[0] >= 4:
                        jumps += 1
                    truth_struct.append(f"{key}>{p[1]}")
                    vis_depth = p[3] + 1
                else:
                    key = str(roots + 1)
                    roots += 1
                    truth_struct.append(f"{key}>")
                    vis_depth = 0
                    if indent > 2:
                        jumps += 1
                stack.append([indent, key, 0, vis_depth])
                max_depth = max(max_depth, vis_depth)
                n_visible += 1
                paras, names = self.comment_paragraphs()
                names_truth.append([key] + names)
                pad = " " * indent
                cont = " " * (indent + 2)
                block = [f"{pad}{marker} {paras[0][0]}"] + [cont + ln for ln in paras[0][1:]]
                for para in paras[1:]:
                    block.append("")
                    block += [cont + ln for ln in para]
                if rng.random() < 0.5:
                    n = 1 + int(rng.paretovariate(1.5))
                    block += ["", cont + ("Liked by 1 person" if n == 1 else f"Liked by {n} people")]
                block += ["", ""] if rng.random() < 0.1 else [""]
                thread_text.extend(block)
            fh.write("\n".join(thread_text) + "\n")
        if style == "wordpress":
            out += ["Leave a Reply", "", "Please log in using one of these methods to post your comment:", "",
                    "WordPress.com Logo", "",
                    "You are commenting using your WordPress.com account. Log\u00a0Out\u00a0/\u00a0 Change\u00a0)", "",
                    "Twitter picture", "", "Connecting to %s", ""]
        else:
            out += ["Leave a comment", "", "Your email address will not be published. Required fields are marked *"]
        if rng.random() < 0.2:
            out += ["", "This website uses cookies to ensure you get the best experience on our website.", "",
                    "Skip to content"]
        fh.write("\n".join(out) + "\n")
        fh.close()
        return {
            "file": path.name, "bytes": path.stat().st_size, "comments": n_visible, "top_level": roots,
            "max_depth": max_depth, "indent_jumps": jumps, "lost": lost,
            "declared": declared if style == "wordpress" else None, "author": author,
            "structure_sha256": hashlib.sha256("\n".join(truth_struct).encode()).hexdigest(),
            "names": [n for n in names_truth if len(n) > 1],
        }


def structure_digest(pairs: list[tuple[str, str | None]]) -> str:
    """The digest the ground truth uses, from (source_key, parent_key) in display order."""
    return hashlib.sha256("\n".join(f"{k}>{p or ''}" for k, p in pairs).encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--posts", type=int, default=100)
    ap.add_argument("--comments", type=int, default=10000, help="total comments over all posts")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-depth", type=int, default=8)
    args = ap.parse_args(argv)
    if args.posts < 1 or args.comments < 0:
        ap.error("--posts must be >= 1 and --comments >= 0")
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    synth = Synth(args.seed, args.max_depth)
    # Comments per post: power-law too (a few very busy posts), summing exactly to --comments.
    rng = random.Random(args.seed ^ 0xC0FFEE)
    weights = [rng.paretovariate(1.2) for _ in range(args.posts)]
    # Busy posts, not absurd ones: at most 10x the mean (the seeds' busiest has 159 comments).
    cap = 10 * sum(weights) / len(weights)
    weights = [min(w, cap) for w in weights]
    scale = args.comments / sum(weights)
    per_post = [int(w * scale) for w in weights]
    for i in range(args.comments - sum(per_post)):
        per_post[i % args.posts] += 1
    totals = {"posts": args.posts, "comments": 0, "bytes": 0, "lost": 0}
    width = max(5, len(str(args.posts - 1)))
    manifest = ["# Synthetic corpus (bench/synth.py): seed-format text captures, not real people.", ""]
    with (args.out / "ground_truth.json").open("w", encoding="utf-8") as gt:
        gt.write('{"generator": "bench/synth.py", "seed": %d, "files": [\n' % args.seed)
        for i, n in enumerate(per_post):
            name = f"post_{i:0{width}d}.txt"
            info = synth.write_post(args.out / name, i, n)
            totals["comments"] += info["comments"]
            totals["bytes"] += info["bytes"]
            totals["lost"] += info["lost"]
            gt.write(("" if i == 0 else ",\n") + json.dumps(info, ensure_ascii=False))
            manifest += ["[[source]]", f'id = "synth-{i:0{width}d}"', f'location = "{name}"',
                         'format = "text_capture"', 'site = "Synthetic blog"', 'url = ""',
                         'retrieved = "2026-11-23"', 'licence = "synthetic: generated by bench/synth.py"', ""]
        gt.write("\n], \"totals\": %s}\n" % json.dumps(totals))
    (args.out / "sources.toml").write_text("\n".join(manifest), encoding="utf-8")
    dt = time.perf_counter() - t0
    print(f"wrote {args.posts} posts, {totals['comments']} visible comments ({totals['lost']} lost), "
          f"{totals['bytes'] / 1e6:.1f} MB to {args.out} in {dt:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
