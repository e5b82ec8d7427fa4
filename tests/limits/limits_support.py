"""Helpers of the limits suite: run a Python snippet or the CLI in a subprocess that is killed
(and the test failed) when it outlives a generous timeout. The timeouts guard against
quadratic or exponential work, which takes minutes; the real figures are in benchmarks/."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


def run_python(code: str, timeout: float = 60) -> str:
    """Run `code` in a fresh interpreter; its stdout, or a test failure if it is too slow."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"took longer than {timeout} s (super-linear work?)")
    assert done.returncode == 0, done.stderr
    return done.stdout
