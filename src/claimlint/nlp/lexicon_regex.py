"""A lexicon regex as the matcher keeps it: compiled on first use, in one of two programs."""

from __future__ import annotations

import re

from claimlint.packs.linear_regex import (
    LinearRegex,
    PythonRegex,
    compile_pack,
    compile_translated,
    compile_trusted,
)


class LexiconRegex:
    """A lexicon regex, the lexicons it belongs to, and the literals it needs. It is compiled
    on first use: a page that never holds those literals never pays for compiling it."""

    __slots__ = (
        "source",
        "labels",
        "needs",
        "checks",
        "flags",
        "ignore_case",
        "linear",
        "joinable",
        "in_set",
        "narrow_source",
        "_compiled",
        "_narrow",
    )

    def __init__(
        self,
        source: str,
        labels: list[str],
        flags: int,
        needs=None,
        linear: bool = True,
        joinable: bool | None = None,
        in_set: str | None = None,
        narrow_source: str | None = None,
    ) -> None:
        self.source = source
        self.labels = labels
        self.flags = flags  # Python's re flags that the pattern was written for
        self.ignore_case = bool(flags & re.IGNORECASE)  # asked per block: enum.Flag is slow
        self.linear = linear  # validated for RE2 when compiled (else a bundled lookbehind)
        self.needs = needs
        # The same requirements, fewest strings first: where a chunk lacks one, the quickest
        # to rule out (see RegexHits.hits).
        self.checks = tuple(sorted(needs, key=len)) if needs else needs
        self.joinable = joinable  # may run on a chunk's joined blocks (regex_set.joinable)
        self.in_set = in_set  # the pattern as an RE2 Set holds it (regex_set.set_pattern)
        self.narrow_source = narrow_source  # translate(source, narrow=True), if worked out
        self._compiled: LinearRegex | PythonRegex | None = None
        self._narrow: LinearRegex | PythonRegex | None = None

    def compiled(self, narrow: bool) -> LinearRegex | PythonRegex:
        """The program to search a text with: the cheap narrow one if the text is narrow_safe
        (a page in Latin-1 letters, whatever its quotes and emoji), else the full one."""
        if not narrow or not self.linear:
            return self.pattern
        if self._narrow is None:
            if self.narrow_source is not None:
                self._narrow = compile_translated(self.source, self.narrow_source, self.ignore_case)
            else:
                self._narrow = compile_trusted(self.source, self.ignore_case, narrow=True)
        return self._narrow

    @property
    def pattern(self) -> LinearRegex | PythonRegex:
        if self._compiled is None:
            if self.linear:  # validated when the lexicons were compiled
                self._compiled = compile_trusted(self.source, self.ignore_case)
            else:
                self._compiled = compile_pack(self.source, ignore_case=self.ignore_case)
        return self._compiled
