"""Where things are documented: each rule's page, and links for regulatory references.

A rule's page is its section of docs/rules.md at the tag of the running version, so a report
links to the text of the rules that produced it. Ids starting with CL are the bundled rules'
(docs/rule-packs.md reserves them); other packs' rules have no page here.
"""

from __future__ import annotations

import html
import re

from claimlint.version import REPOSITORY, __version__

RULE_ID = re.compile(r"CL\d{3}")


def rule_url(rule_id: str, version: str = __version__) -> str | None:
    """The versioned documentation page of a bundled rule (None for other packs' rules)."""
    if not RULE_ID.fullmatch(rule_id):
        return None
    return f"{REPOSITORY}/blob/v{version}/docs/rules.md#{rule_id.lower()}"


# Citations that have a canonical public address: a URL written out, a bare domain, the Code
# of Federal Regulations and the United States Code.
_LINKS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"https?://[^\s)>\]]*[^\s)>\].,;:!?]"), "{0}"),
    (re.compile(r"\b(\d+) CFR (\d+)\.(\d+)"), "https://www.ecfr.gov/current/title-{1}/section-{2}.{3}"),
    (re.compile(r"\b(\d+) CFR (?:[Pp]art )?(\d+)\b(?!\.\d)"), "https://www.ecfr.gov/current/title-{1}/part-{2}"),
    (re.compile(r"\b(\d+) U\.S\.C\. (?:§ ?)?(\d+[a-z]?)"), "https://www.law.cornell.edu/uscode/text/{1}/{2}"),
    (re.compile(r"(?<![\w/.@-])((?:[a-z0-9-]+\.)+(?:org|gov|com|net))\b(?![\w/-])"), "https://{1}"),
]  # fmt: skip


def reference_links(reference: str) -> list[tuple[int, int, str]]:
    """The linkable stretches of a reference: (start, end, url), in order, never overlapping."""
    found: list[tuple[int, int, str]] = []
    for pattern, template in _LINKS:
        for match in pattern.finditer(reference):
            start, end = match.span()
            if any(start < e and end > s for s, e, _ in found):
                continue
            found.append((start, end, template.format(match.group(0), *match.groups())))
    return sorted(found)


def reference_html(reference: str) -> str:
    """The reference as escaped HTML, its citations as links."""
    out, pos = [], 0
    for start, end, url in reference_links(reference):
        out.append(html.escape(reference[pos:start]))
        out.append(
            f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">'
            f"{html.escape(reference[start:end])}</a>"
        )
        pos = end
    out.append(html.escape(reference[pos:]))
    return "".join(out)


def reference_markdown(reference: str) -> str:
    """The reference as Markdown, its citations as links."""
    out, pos = [], 0
    for start, end, url in reference_links(reference):
        out.append(reference[pos:start])
        out.append(f"[{reference[start:end]}]({url})")
        pos = end
    out.append(reference[pos:])
    return "".join(out)
