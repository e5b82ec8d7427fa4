"""What a piece-by-piece lint (run/chunked.py) keeps between its passes, outside the pieces:
each piece's hits in a temporary file, and the suppression comments of the whole document with
their places (applied to each piece's findings as it finishes)."""

from __future__ import annotations

from array import array
from typing import Any

from claimlint.nlp.context import Hit


class HitStore:
    """Each piece's hits, from the survey to the lint, in a temporary file: matching is most
    of a lint's time, and a big page's hits in memory are most of its size (5 numbers of 4
    bytes each here, against about 150 bytes as Hit tuples)."""

    def __init__(self) -> None:
        self._file: Any = None
        self._labels: list[str] = []
        self._ids: dict[str, int] = {}

    def save(self, hits: list[Hit]) -> None:
        if self._file is None:
            import tempfile

            self._file = tempfile.TemporaryFile()
        ids = self._ids
        numbers = array("i", [len(hits)])
        for hit in hits:
            if hit.label not in ids:
                ids[hit.label] = len(self._labels)
                self._labels.append(hit.label)
            numbers.extend((ids[hit.label], hit.start, hit.end, hit.token_start, hit.token_end))
        numbers.tofile(self._file)

    def load(self) -> list[Hit]:
        """The hits of the next piece, in the order they were saved."""
        if self._file is None:
            return []
        if not self._reading:
            self._file.seek(0)
            self._reading = True
        count = array("i")
        count.fromfile(self._file, 1)
        numbers = array("i")
        numbers.fromfile(self._file, 5 * count[0])
        labels = self._labels
        return [
            Hit(labels[numbers[i]], numbers[i + 1], numbers[i + 2], numbers[i + 3], numbers[i + 4])
            for i in range(0, len(numbers), 5)
        ]

    _reading = False

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class CommentLines:
    """The part of a LineIndex that parse_suppressions uses, for the comments of a document
    read in pieces: their (line, column), found piece by piece, and the number of lines."""

    def __init__(self) -> None:
        self.places: dict[int, tuple[int, int]] = {}
        self.total = 1

    @property
    def starts(self) -> range:
        return range(self.total)  # only its length is read

    def locate(self, offset: int) -> tuple[int, int]:
        return self.places[offset]
