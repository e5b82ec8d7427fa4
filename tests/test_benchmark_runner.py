"""benchmarks/run.py measures a child's peak memory, not the benchmark process's own size."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from script_helpers import load_script_file

RUNNER = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"

pytestmark = pytest.mark.skipif(
    not (hasattr(os, "fork") and hasattr(os, "wait4")), reason="peak memory needs fork and wait4"
)


def _runner():
    return load_script_file(RUNNER, "claimlint_bench_run_test")


def test_a_large_parent_does_not_inflate_a_small_childs_peak() -> None:
    run = _runner()
    ballast = bytearray(200 * 1024 * 1024)
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1  # resident, not just reserved
    small = run.run_measured([sys.executable, "-c", "pass"])
    assert small.returncode == 0
    assert small.peak_mb is not None and small.peak_mb < 60, small.peak_mb
    grows = "x = bytearray(80 * 1024 * 1024)\nfor i in range(0, len(x), 4096): x[i] = 1"
    big = run.run_measured([sys.executable, "-c", grows])
    assert big.peak_mb is not None and 80 <= big.peak_mb < 200, big.peak_mb
    del ballast


def test_exit_status_and_output_come_from_the_command() -> None:
    run = _runner()
    script = "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"
    done = run.run_measured([sys.executable, "-c", script])
    assert (done.returncode, done.stdout.strip(), done.stderr.strip()) == (3, "out", "err")
    assert 0 < done.seconds < 30
