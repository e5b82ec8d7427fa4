"""Re-lint after an edit without re-matching the whole page.

Matching (tokenizer + lexicons) is most of a lint. The engine matches a document in
block-aligned chunks, and a chunk's hits depend only on its own text. Here the chunks are
small and their edges depend on the blocks' content, not on their positions (a block whose
text hashes to 0 mod CUT_EVERY starts a new chunk), so an edit changes the chunk that holds it
and no other; every other chunk's hits come from a cache. Reading, sentences and rules still
run over the whole document, so the findings are exactly those of a whole lint.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from claimlint.nlp.engine import CHUNK_CHARS, Linter, Options
from claimlint.nlp.shared import SharedPipelineLinter
from claimlint.packs import RuleSet

CUT_EVERY = 4  # about one block in four starts a chunk: chunks of a few blocks
CACHED_CHUNKS = 4096


class CachedMatcher:
    """A pipeline whose match() answers chunks it has seen from memory (least recently used
    chunks are dropped past `size`)."""

    def __init__(self, pipeline: Any, size: int = CACHED_CHUNKS) -> None:
        self.pipeline = pipeline
        self.size = size
        self.cache: OrderedDict[tuple, list] = OrderedDict()
        self.misses = 0

    def match(self, texts: list[str], bounds: list[list[int]] | None = None) -> list[list]:
        keys = [(text, tuple(bounds[i]) if bounds else None) for i, text in enumerate(texts)]
        found = {key: self.cache[key] for key in keys if key in self.cache}
        missing = [i for i, key in enumerate(keys) if key not in found]
        if missing:
            self.misses += len(missing)
            fresh = self.pipeline.match(
                [texts[i] for i in missing], [bounds[i] for i in missing] if bounds else None
            )
            for i, hits in zip(missing, fresh, strict=True):
                found[keys[i]] = list(hits)
        for key in keys:
            self.cache[key] = found[key]
            self.cache.move_to_end(key)
        while len(self.cache) > self.size:
            self.cache.popitem(last=False)
        return [found[key] for key in keys]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pipeline, name)


class IncrementalLinter(SharedPipelineLinter):
    """A Linter (sharing the process's pipeline) that matches in content-defined chunks and
    remembers each chunk's hits."""

    def __init__(self, ruleset: RuleSet, options: Options | None = None) -> None:
        super().__init__(ruleset, options)
        self._cached: CachedMatcher | None = None

    @property
    def nlp(self):  # noqa: ANN201 - a Pipeline behind a cache
        if self._cached is None:
            self._cached = CachedMatcher(super().nlp)
        return self._cached

    def _chunks(self, text: str, blocks: Sequence[Any]) -> list[tuple[int, int]]:
        cuts = [0]
        for block in blocks:
            if block.start > cuts[-1] and _starts_chunk(text[block.start : block.end]):
                cuts.append(block.start)
        spans = list(zip(cuts, [*cuts[1:], len(text)], strict=True))
        if any(end - start > CHUNK_CHARS for start, end in spans):
            return super()._chunks(text, blocks)  # a giant block: cut as the CLI does
        return spans


def _starts_chunk(block: str) -> bool:
    return zlib.crc32(block.encode("utf-8", "surrogatepass")) % CUT_EVERY == 0


def incremental(linter: Linter) -> IncrementalLinter:
    """The incremental twin of a linter: same rule set, same options."""
    return IncrementalLinter(linter.ruleset, linter.options)
