"""Limits that keep hostile input and slow rule packs from hanging or crashing a run.

Three guards, all pure Python so that the readers and the CLI can use them without spaCy:

- a per-document CPU-time budget (SIGPROF on the POSIX main thread), so that a document that is
  slow to lint costs that document, not the whole run; the error names the stage that was
  running (the reader, the sentence splitter, the tokenizer, the lexicon matcher, a rule);
- block-aligned chunking that also cuts blocks larger than the chunk size (a 4 MB paragraph
  must not reach spaCy in one piece: spaCy refuses texts over ``nlp.max_length``);
- taming of long runs of punctuation, on which spaCy's tokenizer is quadratic (a line of
  10,000 ``*_`` takes minutes), by blanking them with spaces of the same length.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from types import FrameType
from typing import Any, Protocol

# Every stage is linear in the document (RE2 regexes, bounded token patterns, a linear
# sentence splitter), at well over 100 KB a second even on a loaded machine: 20 s per started
# megabyte stops a runaway within seconds on a normal page and never stops honest work.
DEFAULT_DOCUMENT_SECONDS = 20.0
BUDGET_UNIT = 1 << 20  # characters: the budget is DEFAULT_DOCUMENT_SECONDS per started unit
BUDGET_ENV = "CLAIMLINT_TIME_BUDGET"
MAX_PUNCT_RUN = 32

_PUNCT_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_PUNCT_RUN + 1},}}")
# Control characters, and lone surrogates (a str from the API can hold them; spaCy cannot
# encode them and would crash).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
_CUT_SENTENCE = re.compile(r"[.!?]\s")


_STAGE = ["linting"]


def set_stage(name: str) -> None:
    """Say what the document is going through now, for the budget's error message."""
    _STAGE[0] = name


class TimeBudgetExceeded(Exception):
    """Linting one document took longer than its budget; the message is the user's reason."""

    def __init__(self, seconds: float, stage: str = "linting") -> None:
        super().__init__(f"{stage} took longer than {seconds:g} s on this document; skipped")
        self.seconds = seconds
        self.stage = stage


def document_budget(size: int = 0) -> float | None:
    """Seconds a document of `size` characters may take: DEFAULT_DOCUMENT_SECONDS per started
    megabyte, or $CLAIMLINT_TIME_BUDGET seconds per started megabyte (0 turns it off)."""
    units = max(1, -(-size // BUDGET_UNIT))
    raw = os.environ.get(BUDGET_ENV, "").strip()
    try:
        seconds = float(raw) if raw else DEFAULT_DOCUMENT_SECONDS
    except ValueError:
        seconds = DEFAULT_DOCUMENT_SECONDS
    return seconds * units if seconds > 0 else None


def _can_use_alarm() -> bool:
    return hasattr(signal, "ITIMER_PROF") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise TimeBudgetExceeded in the body once `seconds` have passed.

    Counts the process's CPU time (ITIMER_PROF), not wall time: on a busy CI machine a
    document must not be skipped because other jobs had the CPU. The timer also interrupts a
    running regex (the `re` engine checks for signals). Off the main thread or where there is
    no ITIMER_PROF it does nothing: a guard that cannot be enforced must not break the run.
    """
    if not seconds or not _can_use_alarm():
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise TimeBudgetExceeded(seconds, _STAGE[0])

    set_stage("linting")
    previous = signal.signal(signal.SIGPROF, on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


class _Linter(Protocol):
    @property
    def nlp(self) -> object: ...

    def lint(self, source: Any) -> list[Any]: ...


def lint_within_budget(linter: _Linter, source: Any, seconds: float | None = None) -> list[Any]:
    """linter.lint(source), stopped with TimeBudgetExceeded after the document's budget.

    The pipeline is built first, outside the budget: importing spaCy is the run's cost, not
    this document's.
    """
    seconds = document_budget(len(getattr(source, "text", ""))) if seconds is None else seconds
    if not seconds:
        return linter.lint(source)
    _ = linter.nlp
    with time_budget(seconds):
        return linter.lint(source)


class _Block(Protocol):
    start: int
    end: int


def chunk_spans(text: str, blocks: Sequence[_Block], limit: int) -> list[tuple[int, int]]:
    """Cut text into spans of about `limit` characters at block boundaries.

    A block longer than the limit is cut inside, preferably after a sentence end, else at a
    line break or a space, so that no span is ever longer than the limit.
    """
    chunks: list[tuple[int, int]] = []
    start = 0
    for block in blocks:
        if block.end - start > limit and block.start > start:
            while block.start - start > limit:  # the gap before the block counts too
                cut = _cut_point(text, start, start + limit)
                chunks.append((start, cut))
                start = cut
            if block.start > start:
                chunks.append((start, block.start))
                start = block.start
        while block.end - start > limit:
            cut = _cut_point(text, start, start + limit)
            chunks.append((start, cut))
            start = cut
    while len(text) - start > limit:
        cut = _cut_point(text, start, start + limit)
        chunks.append((start, cut))
        start = cut
    chunks.append((start, len(text)))
    return chunks


def _cut_point(text: str, start: int, end: int) -> int:
    """The best place to cut text[start:end], in its second half; `end` if there is none."""
    low = start + (end - start) // 2
    last = None
    for match in _CUT_SENTENCE.finditer(text, low, end):
        last = match
    if last is not None:
        return last.end()
    for separator in ("\n", " "):
        found = text.rfind(separator, low, end)
        if found >= 0:
            return found + 1
    return end


def replace_chars(text: str, pairs: Sequence[tuple[str, str]]) -> str:
    """Replace each character of `pairs` by its substitute with str.replace, only for the
    characters that occur: far faster than str.translate with a mapping (~80 ns a character)."""
    for char, substitute in pairs:
        if char in text:
            text = text.replace(char, substitute)
    return text


def segment_starts(blocks: Sequence[_Block], chunks: list[tuple[int, int]]) -> list[list[int]]:
    """For each chunk, where the blocks inside it and the gaps between them begin (relative
    offsets, first 0): the matcher runs regexes one segment at a time."""
    from bisect import bisect_left, bisect_right

    edges = sorted({edge for block in blocks for edge in (block.start, block.end)})
    segments = []
    for start, end in chunks:
        inside = edges[bisect_right(edges, start) : bisect_left(edges, end)]
        segments.append([0, *(edge - start for edge in inside)])
    return segments


@lru_cache(maxsize=1)
def _maybe_punct_run():  # noqa: ANN202 - an re2 program
    """A run of characters that are not ASCII letters, digits, spaces or line breaks, as long
    as _PUNCT_RUN's: a wider class, so a text without one has no punctuation run either. RE2
    rules out a page in a pass where Python's re, trying its class at each character, took
    thirty times as long (2% of a site run)."""
    import re2

    return re2.compile(f"[^a-zA-Z0-9 \\n]{{{MAX_PUNCT_RUN + 1},}}")


def tame_for_tokenizer(text: str) -> str:
    """Blank runs of more than MAX_PUNCT_RUN punctuation characters, control characters such
    as a stray NUL (browsers do not show them; glued to a word they would hide it from the
    matcher) and lone surrogates. Same length, so every offset stays valid."""
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    if len(text) <= MAX_PUNCT_RUN or not _maybe_punct_run().search(text):
        return text
    return _PUNCT_RUN.sub(lambda m: " " * len(m.group()), text)


__all__ = [
    "DEFAULT_DOCUMENT_SECONDS",
    "TimeBudgetExceeded",
    "chunk_spans",
    "document_budget",
    "lint_within_budget",
    "replace_chars",
    "segment_starts",
    "set_stage",
    "tame_for_tokenizer",
    "time_budget",
]
