"""The audit's HTML summary: one self-contained page (no scripts, no external resources)."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from typing import Any

WORST = 25


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _table(caption: str, heads: tuple[str, ...], rows: Iterable[tuple]) -> str:
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    head = "".join(f"<th>{_e(h)}</th>" for h in heads)
    return f"<table><caption>{_e(caption)}</caption><tr>{head}</tr>{body}</table>"


def render_summary(
    pages: list[dict[str, Any]], findings: Iterable[dict[str, Any]], *, title: str, version: str
) -> str:
    """Findings by site, by rule and by category, the worst pages, and pages not linted.
    The findings are read once, one at a time (an audit's may not fit in memory as rows)."""
    linted = [p for p in pages if p["outcome"] == "linted"]
    not_linted = [p for p in pages if p["outcome"] != "linted"]
    by_site_pages = Counter(p["site"] for p in linted)
    by_site: Counter[str] = Counter()
    names: dict[str, str] = {}
    by_rule: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    total = 0
    for f in findings:
        total += 1
        by_site[f["site"]] += 1
        names[f["rule"]] = f["name"]
        by_rule[f["rule"]] += 1
        by_category[f["category"]] += 1
        by_severity[f["severity"]] += 1
    sites = sorted(set(by_site_pages) | set(by_site), key=lambda s: (-by_site[s], s))
    worst = sorted(linted, key=lambda p: (-p["findings"], p["url"]))[:WORST]
    reasons = Counter(_reason_group(p["reason"]) for p in not_linted)
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p class='totals'>{len(pages)} pages: {len(linted)} linted, {len(not_linted)} not "
        f"linted; {total} findings ({_e(_counts(by_severity))}).</p>",
        _table(
            "Findings by site",
            ("site", "pages linted", "findings", "per page"),
            (
                (s, by_site_pages[s], by_site[s], f"{by_site[s] / max(1, by_site_pages[s]):.1f}")
                for s in sites
            ),
        ),
        _table(
            "Findings by rule",
            ("rule", "name", "findings"),
            ((r, names[r], n) for r, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))),
        ),
        _table(
            "Findings by category",
            ("category", "findings"),
            sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0])),
        ),
        _table(
            f"Worst pages (top {WORST})",
            ("page", "site", "findings"),
            ((p["url"], p["site"], p["findings"]) for p in worst if p["findings"]),
        ),
        _table(
            "Pages not linted, by reason",
            ("reason", "pages"),
            sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])),
        ),
        _table(
            "Pages not linted",
            ("page", "status", "reason"),
            (
                (p["url"], p["status"] if p["status"] is not None else "", p["reason"])
                for p in not_linted
            ),
        ),
        f"<footer>claimlint {_e(version)} audit</footer></body></html>\n",
    ]
    return "\n".join(parts)


def _counts(counter: Counter) -> str:
    order = ("error", "warning", "info")
    return ", ".join(f"{counter[k]} {k}" for k in order if counter[k]) or "none"


def _reason_group(reason: str) -> str:
    """'HTTP 404', 'timeout', 'too large'...: the reason without its particulars."""
    for prefix in ("redirect loop", "too large", "timeout", "not HTML", "redirects to another"):
        if reason.startswith(prefix):
            return prefix
    return reason.split(" (", 1)[0]


CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;
color:#1b1f24}
h1{font-size:1.5rem}table{border-collapse:collapse;margin:1.5rem 0;width:100%}
caption{text-align:left;font-weight:600;font-size:1.1rem;padding:.3rem 0}
th,td{border-bottom:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top;
overflow-wrap:anywhere}th{background:#f6f8fa}.totals{font-size:1.05rem}
footer{color:#57606a;margin-top:2rem;font-size:.85rem}
"""
