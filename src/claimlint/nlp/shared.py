"""A Linter whose spaCy pipeline is shared by every linter of the process with the same packs."""

from __future__ import annotations

from typing import Any

from claimlint.nlp.engine import Linter

_PIPELINES: dict[str, Any] = {}


class SharedPipelineLinter(Linter):
    """A Linter whose spaCy pipeline (about a second to build) is shared by every linter of the
    process with the same rule set: per-config linters and repeated runs pay for it once."""

    @property
    def nlp(self):  # noqa: ANN201 - a spaCy Language; spaCy is not imported here
        if self._nlp is None or self._nlp.outgrown():
            key = self.ruleset.fingerprint or f"id:{id(self.ruleset)}"
            pipeline = _PIPELINES.get(key)
            if pipeline is None or pipeline.outgrown():  # a new one: see Pipeline.outgrown
                from claimlint.nlp.matcher import build_pipeline

                pipeline = _PIPELINES[key] = build_pipeline(self.ruleset)
            self._nlp = pipeline
        return self._nlp
