"""Message templates: packs are data, so a message may name documented placeholders and nothing
else.

`str.format` would let a pack reach Python objects (`{rule.__init__.__globals__...}` reads the
environment); here a template is checked when the pack loads and rendered by plain substitution.
"""

from __future__ import annotations

import re

PLACEHOLDERS = ("excerpt", "id", "name", "category", "severity")
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def template_problem(template: str) -> str | None:
    """Why the template is not acceptable, or None. Only `{placeholder}`, `{{` and `}}`."""
    for token in _TOKEN.finditer(template):
        text = token.group(0)
        if text in ("{{", "}}"):
            continue
        name = token.group(1)
        if name is None:
            return f"unbalanced {text!r} (write {text * 2} for a literal brace)"
        if name not in PLACEHOLDERS:
            shown = name if len(name) <= 40 else name[:37] + "..."
            return (
                f"unknown placeholder {{{shown}}}: only "
                + ", ".join("{" + p + "}" for p in PLACEHOLDERS)
                + " (no attribute, index or format spec)"
            )
    return None


def render(template: str, values: dict[str, str]) -> str:
    """Substitute placeholders in a template that passed `template_problem`."""

    def one(token: re.Match[str]) -> str:
        text = token.group(0)
        if text in ("{{", "}}"):
            return text[0]
        name = token.group(1)
        return values.get(name, text) if name is not None else text

    return _TOKEN.sub(one, template)


__all__ = ["PLACEHOLDERS", "render", "template_problem"]
