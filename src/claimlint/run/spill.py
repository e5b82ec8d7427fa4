"""Findings of a big document kept in a temporary file, not in memory (issue 13, memory).

A 50 MB page of claim-dense prose has about 120,000 findings, half a kilobyte each as
Diagnostic objects: more than the rest of a run. run/chunked.py writes a big document's
findings here as its pieces finish, one JSON line each, and the formatters read them back in
order as often as they need; only the findings being written out at the moment are objects.

SpilledFindings is a read-only Sequence of one document's findings (sorted); Findings chains
several sequences in path order (a run's findings when some document spilled). Iteration uses
positional reads (os.pread), so two iterations may run side by side (SARIF zips the findings
with their fingerprints); a sparse index of record offsets makes a slice cheap.
"""

from __future__ import annotations

import json
import os
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from claimlint.diagnostics import Diagnostic, window

STRIDE = 256  # records between two entries of the offset index
_READ = 1 << 20  # bytes read at a time, at most
_FIRST_READ = 4096  # bytes read first, at least
CACHE_LIMIT = 10_000  # a spilled document with more findings is not written to the cache
# A big document with fewer findings gets them back as a list (and its file closed): a site of
# many big pages must not hold a file open for each.
KEEP_FILE_FROM = 2_000
# A run holds at most this many findings of small documents as objects, about half a kilobyte
# each: past it they go to one temporary file for the run, so that a site of a million findings
# is not 500 MB of objects until printed (the 2,000-page benchmark site, 31,000 findings, spills
# once and prints the same bytes).
RUN_SPILL_FROM = 20_000


def _record(diag: Diagnostic, with_path: bool = False) -> bytes:
    analysis = [list(pair) for pair in diag.analysis] if diag.analysis else None
    fields = [diag.path] if with_path else []
    fields += [
        diag.line,
        diag.column,
        diag.rule,
        diag.end_line,
        diag.end_column,
        diag.name,
        diag.category,
        diag.severity,
        diag.message,
        diag.excerpt,
        diag.suggestion,
        diag.fix,
        analysis,
    ]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _diagnostic(path: str | None, line: bytes) -> Diagnostic:
    fields = json.loads(line)
    if path is None:  # a run's file: each record names its document
        path = fields.pop(0)
    (row, col, rule, end_row, end_col, name, cat, sev, msg, excerpt, sug, fix, why) = fields
    analysis = tuple((k, v) for k, v in why) if why else None
    return Diagnostic(
        path, row, col, rule, end_row, end_col, name, cat, sev, msg, excerpt, sug, fix, analysis
    )


class _Ranged(Sequence[Diagnostic]):
    """Indexing and equality for a sequence of findings read by range (`iter_range`), so
    that a slice or an index never loads the others."""

    _count: int

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Diagnostic]:
        return self.iter_range(0, self._count)

    def iter_range(self, start: int, stop: int) -> Iterator[Diagnostic]:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> Diagnostic: ...

    @overload
    def __getitem__(self, index: slice) -> list[Diagnostic]: ...

    def __getitem__(self, index: int | slice) -> Diagnostic | list[Diagnostic]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step != 1:
                return list(self)[index]
            return list(self.iter_range(start, stop))
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("finding index out of range")
        return next(self.iter_range(index, index + 1))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]


class SpilledFindings(_Ranged):
    """One document's findings, in the order they were appended, in an unnamed temporary file
    (removed by the system when it is closed, even if the process is killed). With no `path`,
    a run's file: the findings of any documents, each record naming its own (see Segment)."""

    def __init__(self, path: str | None) -> None:
        import tempfile  # not at import: a run answered by the cache never needs it

        self.path = path
        self._file: Any = tempfile.TemporaryFile(prefix="claimlint-findings-")
        self._offsets = array("q")  # file offset of every STRIDE-th record
        self._next = (-1, 0)  # the record after the last one read, and its offset
        self._size = 0
        self._count = 0
        self._pending: list[bytes] = []

    # -- writing ---------------------------------------------------------------------------------

    def append(self, diag: Diagnostic) -> None:
        if self.path is not None and diag.path != self.path:
            raise ValueError(f"a finding of {diag.path!r} among those of {self.path!r}")
        record = _record(diag, with_path=self.path is None)
        if self._count % STRIDE == 0:
            self._offsets.append(self._size + sum(len(r) for r in self._pending))
        self._pending.append(record)
        self._count += 1
        if len(self._pending) >= STRIDE:
            self._flush()

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        for diag in diagnostics:
            self.append(diag)

    def _flush(self) -> None:
        if self._pending:
            data = b"".join(self._pending)
            self._file.seek(self._size)
            self._file.write(data)
            self._file.flush()
            self._size += len(data)
            self._pending.clear()

    @property
    def in_memory(self) -> int:
        """How many findings are held as objects or records in memory now (at most STRIDE - 1,
        between two writes)."""
        return len(self._pending)

    @property
    def size_on_disk(self) -> int:
        return self._size

    # -- reading ---------------------------------------------------------------------------------

    def iter_range(self, start: int, stop: int) -> Iterator[Diagnostic]:
        """The findings [start, stop), read from the file."""
        start, stop = max(0, start), min(stop, self._count)
        if start >= stop:
            return
        self._flush()
        fd = self._file.fileno()
        index = start - start % STRIDE  # the indexed record at or before `start`
        position = self._offsets[index // STRIDE]
        if index <= self._next[0] <= start:  # where the last read ended: a run's file is read
            index, position = self._next  # document by document, a few findings each
        skip = start - index
        wanted = stop - start
        rest = b""
        path = self.path
        # about what the records asked for (and those skipped) take, twice over, then twice
        # as much each time: reading a megabyte for each document's few findings cost a
        # second of a 2,000-page site's output in splits
        size = min(_READ, max(_FIRST_READ, 2 * (skip + wanted) * (self._size // self._count + 1)))
        while wanted:
            data = os.pread(fd, size, position + len(rest))  # `rest` starts at `position`
            size = min(_READ, 2 * size)
            if not data:  # pragma: no cover - the file was shortened under us
                raise OSError(f"the temporary file of {path or 'a run'}'s findings ended early")
            lines = (rest + data).split(b"\n")
            rest = lines.pop()
            for line in lines:
                position += len(line) + 1  # now the offset of the record after it
                if skip:
                    skip -= 1
                    continue
                yield _diagnostic(path, line)
                wanted -= 1
                if not wanted:
                    self._next = (stop, position)
                    return

    def __repr__(self) -> str:
        return f"<SpilledFindings {self.path!r}: {self._count} findings>"

    def close(self) -> None:
        self._file.close()

    # -- crossing a process boundary (a --jobs worker sends its findings to the parent) ---------

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as the name of a copy of the file, which the receiver opens and unlinks."""
        import tempfile

        self._flush()
        with tempfile.NamedTemporaryFile(prefix="claimlint-findings-", delete=False) as out:
            self._file.seek(0)
            while chunk := self._file.read(_READ):
                out.write(chunk)
        return (_adopt, (self.path, out.name, self._offsets.tobytes(), self._size, self._count))


def _adopt(path: str | None, name: str, offsets: bytes, size: int, count: int) -> SpilledFindings:
    found = SpilledFindings.__new__(SpilledFindings)
    found.path = path
    found._file = open(name, "r+b")  # noqa: SIM115 - kept open for the object's life
    os.unlink(name)  # the open file lives on; nothing is left behind
    found._offsets = array("q")
    found._offsets.frombytes(offsets)
    found._size, found._count, found._pending = size, count, []
    found._next = (-1, 0)
    return found


class Findings(_Ranged):
    """Sequences of findings read one after the other (each sorted, in path order): a run's
    findings when some documents spilled theirs to disk."""

    def __init__(self, parts: Sequence[Sequence[Diagnostic]]) -> None:
        self.parts = [part for part in parts if len(part)]
        self._count = sum(len(part) for part in self.parts)

    def __iter__(self) -> Iterator[Diagnostic]:
        for part in self.parts:
            yield from part

    def iter_range(self, start: int, stop: int) -> Iterator[Diagnostic]:
        base = 0
        for part in self.parts:
            size = len(part)
            if stop <= base:
                return
            if start < base + size:
                yield from window(part, max(0, start - base), min(size, stop - base))
            base += size

    def __repr__(self) -> str:
        return f"<Findings: {self._count} in {len(self.parts)} parts>"


class Kept(_Ranged):
    """The findings of a sequence that a mark keeps (a baseline applied to spilled findings):
    a byte per finding and the index of every STRIDE-th kept one, never the findings."""

    def __init__(self, found: Sequence[Diagnostic], keep: bytearray) -> None:
        self.found = found
        self.keep = keep
        self._count = keep.count(1)
        self._starts = array("q")  # index in `found` of every STRIDE-th kept finding
        seen = 0
        for index, flag in enumerate(keep):
            if flag:
                if seen % STRIDE == 0:
                    self._starts.append(index)
                seen += 1

    def iter_range(self, start: int, stop: int) -> Iterator[Diagnostic]:
        start, stop = max(0, start), min(stop, self._count)
        if start >= stop:
            return
        block = start // STRIDE
        skip, wanted, keep = start - block * STRIDE, stop - start, self.keep
        first = self._starts[block]
        for index, diag in enumerate(window(self.found, first, len(self.found)), start=first):
            if not keep[index]:
                continue
            if skip:
                skip -= 1
                continue
            yield diag
            wanted -= 1
            if not wanted:
                return

    def __repr__(self) -> str:
        return f"<Kept: {self._count} of {len(self.found)} findings>"


class Segment(_Ranged):
    """One document's findings within a run's file: records [start, stop) of `store`."""

    def __init__(self, store: SpilledFindings, start: int, stop: int, path: str) -> None:
        self.store, self.start, self.path = store, start, path
        self._count = stop - start

    def iter_range(self, start: int, stop: int) -> Iterator[Diagnostic]:
        start, stop = max(0, start), min(stop, self._count)
        return self.store.iter_range(self.start + start, self.start + max(start, stop))

    def __repr__(self) -> str:
        return f"<Segment {self.path!r}: {self._count} findings>"


def spill_listed(store: SpilledFindings, listed: list[Diagnostic]) -> list[Segment]:
    """Move `listed` (whole documents' findings) to a run's file, one Segment per document;
    `listed` is left empty."""
    listed.sort()
    segments: list[Segment] = []
    for path, found in _by_path(listed):
        first = len(store)
        store.extend(found)
        segments.append(Segment(store, first, len(store), path))
    listed.clear()
    return segments


def _by_path(ordered: list[Diagnostic]) -> list[tuple[str, list[Diagnostic]]]:
    """Sorted findings cut into one run per document."""
    runs: list[tuple[str, list[Diagnostic]]] = []
    start = 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or ordered[index].path != ordered[start].path:
            runs.append((ordered[start].path, ordered[start:index]))
            start = index
    return runs


def combine(
    listed: list[Diagnostic], spilled: Sequence[SpilledFindings | Segment]
) -> Sequence[Diagnostic]:
    """A run's findings in order: `listed` (any files) and the spilled documents, by path.

    With nothing spilled this is the sorted list itself, as it always was."""
    listed.sort()
    if not spilled:
        return listed
    parts: list[tuple[str, Sequence[Diagnostic]]] = [(s.path, s) for s in spilled]
    parts += _by_path(listed)
    parts.sort(key=lambda part: part[0])  # stable: one path's parts stay together
    merged: list[Sequence[Diagnostic]] = []
    for index, (path, part) in enumerate(parts):
        if index and parts[index - 1][0] == path:  # one path twice (rare): merge the two
            merged[-1] = sorted([*merged[-1], *part])
        else:
            merged.append(part)
    return Findings(merged)


__all__ = [
    "CACHE_LIMIT",
    "KEEP_FILE_FROM",
    "RUN_SPILL_FROM",
    "Findings",
    "Kept",
    "Segment",
    "SpilledFindings",
    "combine",
    "spill_listed",
]
