"""Hypothesis profiles: CI replays a fixed sequence of examples, so a landing is reproducible
and never fails on an example no one has seen; local runs draw new examples each time, which
is how the property tests keep finding bugs (a lone surrogate crashing the tokenizer was
found that way). Select with HYPOTHESIS_PROFILE=ci|dev; CI=true picks ci."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
