"""Make the Great Expectations Data Docs site readable offline, and put the verdict on top.

GX renders its pages as static HTML but loads styles, icons and the index page's tables from
CDNs (bootstrap-table fills the index tables from an inline JavaScript array). A build machine or
a reviewer's laptop without internet would see an empty index. After GX has built the site this
module:

* renders the index tables' rows as plain HTML from GX's own inline data (bootstrap-table, when
  it does load, re-renders the same rows);
* adds a small inline stylesheet to every page (table borders; ✔/✘ for the status icons that
  otherwise come from the Font Awesome CDN);
* inserts the therapy-threads verdict at the top of the index: success, counts, reconciliation,
  and every failure and warning with the first failing row ids.
"""
from __future__ import annotations

import ast
import html
import re
from pathlib import Path

from .summary import ValidationSummary

_TABLE_INIT = re.compile(
    r"\$\('#(?P<id>[\w-]+)'\)\.bootstrapTable\(\s*(?:Object\.assign\(\s*)?\{.*?columns:\s*(?P<cols>\[.*?\]),\s*data:\s*(?P<data>\[.*?\]),\s*toolbar",
    re.S,
)

OFFLINE_CSS = """
<style id="therapy-threads-offline">
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1rem 2rem; }
  table { border-collapse: collapse; margin: .5rem 0 1rem; }
  th, td { border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; text-align: left; }
  th { background: #f3f3f3; }
  i.fa-check-circle::before { content: "\\2714"; color: #1a7f37; font-style: normal; }
  i.fa-times::before, i.fa-times-circle::before { content: "\\2718"; color: #c62828; font-style: normal; }
  i.fa-exclamation-triangle::before { content: "\\26A0"; color: #b26a00; font-style: normal; }
  .tt-verdict { border: 2px solid #888; padding: .5rem 1rem; margin-bottom: 1.5rem; }
  .tt-verdict.tt-pass { border-color: #1a7f37; }
  .tt-verdict.tt-fail { border-color: #c62828; }
  .tt-verdict code { word-break: break-all; }
</style>
"""


def _static_rows(page: str) -> str:
    for m in list(_TABLE_INIT.finditer(page)):
        try:
            cols = ast.literal_eval(m.group("cols"))
            data = ast.literal_eval(m.group("data"))
        except (ValueError, SyntaxError):
            continue
        head = "".join(f"<th>{html.escape(str(c.get('title', c['field'])))}</th>" for c in cols)
        body = []
        for row in data:
            cells = []
            for c in cols:
                value = str(row.get(c["field"], ""))
                if c["field"] == "validation_success":
                    value += f" {html.escape(str(row.get('_validation_success_text', '')))}"
                if c["field"] in ("run_time", "expectation_suite_name") and row.get("_table_row_link_path") \
                        and "<a " not in value:
                    value = f'<a href="{html.escape(row["_table_row_link_path"])}">{value}</a>'
                cells.append(f"<td>{value}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        static = f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
        table_re = re.compile(r'(<table\s+id="' + re.escape(m.group("id")) + r'"[^>]*>)\s*(</table>)')
        page = table_re.sub(lambda t: t.group(1) + static + t.group(2), page, count=1)
    return page


def verdict_html(summary: ValidationSummary) -> str:
    esc = html.escape
    c, r = summary.counts, summary.reconciliation
    ok = summary.success
    parts = [
        f'<div class="tt-verdict {"tt-pass" if ok else "tt-fail"}" id="therapy-threads-verdict">',
        f"<h2>therapy-threads build validation: {'PASSED' if ok else 'FAILED'}</h2>",
        f"<p>{c.get('posts', 0)} posts, {c.get('comments', 0)} comments, {c.get('quarantine_rows', 0)} quarantined rows; "
        f"{summary.expectations.get('passed', 0)} of {summary.expectations.get('evaluated', 0)} expectations met.</p>",
    ]
    if r:
        parts.append(f"<p>Counts {'reconcile' if r.get('reconciled') else '<strong>do not reconcile</strong>'}: "
                     f"{esc(str(r.get('comments_in_sources')))} in sources = {r.get('published')} published + "
                     f"{r.get('quarantined')} quarantined.</p>")
    if summary.privacy_audit:
        parts.append(f"<p>Privacy audit: {esc(str(summary.privacy_audit.get('status')))}</p>")
    for title, items in (("Failures", summary.failures), ("Warnings", summary.warnings)):
        if not items:
            continue
        parts.append(f"<h3>{title} ({len(items)})</h3><table><thead><tr><th>suite</th><th>check</th>"
                     "<th>rows</th><th>message</th><th>first failing rows</th></tr></thead><tbody>")
        for f in items:
            ids = ", ".join(esc(str(i)) for i in f.row_ids[:10])
            parts.append(f"<tr><td>{esc(f.table)}</td><td><code>{esc(f.check)}</code></td>"
                         f"<td>{'' if f.unexpected_count is None else f.unexpected_count}</td>"
                         f"<td>{esc(f.message)}</td><td><code>{ids}</code></td></tr>")
        parts.append("</tbody></table>")
    parts.append("<p>Per-suite results with every expectation are listed below; each row opens the "
                 "Great Expectations validation page. GX marks a suite <em>Failed</em> when any of its "
                 "expectations fails, warnings included; only failures above stop a release.</p></div>")
    return "\n".join(parts)


def finish_site(docs_dir: Path, summary: ValidationSummary) -> None:
    """Post-process the GX site in ``docs_dir`` (see module docstring)."""
    for page_path in docs_dir.rglob("*.html"):
        page = page_path.read_text(encoding="utf-8")
        if 'id="therapy-threads-offline"' not in page:
            page = page.replace("</head>", OFFLINE_CSS + "</head>", 1)
        if page_path == docs_dir / "index.html":
            page = _static_rows(page)
            page = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + verdict_html(summary), page, count=1)
        page_path.write_text(page, encoding="utf-8")
