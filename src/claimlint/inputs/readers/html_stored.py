"""html_cuts over a StoredText (a big page kept as UTF-8 bytes), a window at a time.

The cutter reads a token (a run of text, or the markup starting at a '<') from the position
after the previous one, and what it makes of a token depends on the token alone and on the
elements open before it. So a window of the page that holds a whole token gives that token
exactly as the whole page does; the window moves on from the first token that starts past its
core, with one character of look-behind (a cut looks at the character before a run of text).
A token that reaches the end of its window (only one longer than MARGIN can) might go on past
it: then the page is cut as before, from its whole text.
"""

from __future__ import annotations

from claimlint.inputs.readers.html import OpenElements, _Cutter, html_cuts
from claimlint.inputs.stored import StoredText

WINDOW = 1 << 20  # characters whose tokens one window reads
MARGIN = 1 << 18  # characters after them, for the last token to end in


class _WindowCutter(_Cutter):
    """A _Cutter whose text is one window of the page, starting at `base`."""

    def __init__(self, total: int) -> None:
        super().__init__("")
        self.base = 0
        self.total = total

    def page_length(self) -> int:
        return self.total

    def window(self, resume: int, text: str, last: bool) -> int | None:
        """Read the tokens that start in the window's core; the page offset to resume from,
        or None when a token may go on past the window."""
        pos, size = resume - self.base, len(text)
        self.text = text
        core = size if last else pos + WINDOW
        blocks = self.builder
        while pos < size:
            if pos >= core:
                break
            lt = text.find("<", pos)
            if lt < 0 and not last:
                break  # a run of text up to the window's end: read it in the next window
            end = size if lt < 0 else lt
            if not blocks.open and blocks.block_kind == "paragraph" and not self.open_links:  # type: ignore[attr-defined]
                self.note(pos, end)
            if end > pos:
                self.data(pos, end)
            if lt < 0:
                pos = size
                break
            pos = self.markup(lt)
            if pos >= size and not last:
                return None
        self.comments.clear()  # the cutter needs neither comments nor links
        self.links.clear()
        return self.base + pos


def stored_html_cuts(text: StoredText) -> tuple[list[int], OpenElements]:
    """html_cuts(str(text)), reading the page a window at a time."""
    total = len(text)
    cutter = _WindowCutter(total)
    resume = 0
    while resume < total:
        cutter.base = max(0, resume - 1)
        stop = min(total, resume + WINDOW + MARGIN)
        moved = cutter.window(resume, text[cutter.base : stop], stop == total)
        if moved is None or moved <= resume:  # a token longer than MARGIN
            return html_cuts(str(text))
        resume = moved
    return cutter.cuts, OpenElements(cutter)
