"""Card figures as deterministic PNGs: Agg backend, fixed size and DPI, no metadata."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; also makes the output independent of the user's backend
import matplotlib.pyplot as plt  # noqa: E402

DPI = 100
FIGSIZE = (6.4, 3.6)
PLOTS = {
    "depth": "plots/depth_histogram.png",
    "comments_per_post": "plots/comments_per_post.png",
}


def _render(draw, texts: list[str] | None = None) -> bytes:
    """The PNG of ``draw(ax)``; every string drawn (titles, labels, ticks) is appended to
    ``texts`` so the release scan can check the text a figure shows."""
    with matplotlib.rc_context({"svg.hashsalt": "therapy-threads", "font.family": "DejaVu Sans",
                                "figure.dpi": DPI}):
        fig, ax = plt.subplots(figsize=FIGSIZE)
        try:
            draw(ax)
            fig.tight_layout()
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
            if texts is not None:
                from matplotlib.text import Text

                texts.extend(t.get_text() for t in fig.findobj(Text) if t.get_text())
        finally:
            plt.close(fig)
    return buf.getvalue()


def depth_histogram(depth_distribution: list[list[int]], texts: list[str] | None = None) -> bytes:
    def draw(ax):
        xs = [d for d, _ in depth_distribution]
        ys = [n for _, n in depth_distribution]
        ax.bar(xs, ys, color="#4C72B0", width=0.8)
        ax.set_xlabel("reply depth (0 = top-level comment)")
        ax.set_ylabel("comments")
        ax.set_title("Comments by reply depth")
        if xs:
            ax.set_xticks(range(0, max(xs) + 1, max(1, (max(xs) + 1) // 15 or 1)))
    return _render(draw, texts)


def comments_per_post(values: list[int], texts: list[str] | None = None) -> bytes:
    def draw(ax):
        if values:
            top = max(values)
            bins = min(40, top + 1)
            ax.hist(values, bins=bins, range=(0, top + 1), color="#55A868", edgecolor="white")
        ax.set_xlabel("comments per post")
        ax.set_ylabel("posts")
        ax.set_title("Comments per post")
    return _render(draw, texts)


def write_plots(root: Path, comment_stats: dict[str, Any],
                texts: list[str] | None = None) -> dict[str, str]:
    """Write the card's figures under ``root``; return {name: relative path}. The strings drawn
    are appended to ``texts``."""
    out = {}
    images = {
        "depth": depth_histogram(comment_stats["depth_distribution"], texts),
        "comments_per_post": comments_per_post(comment_stats["comments_per_post_values"], texts),
    }
    for name, data in images.items():
        dest = root / PLOTS[name]
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
        out[name] = PLOTS[name]
    return out
