"""The collector tuning of a batch run is scoped to the run."""

from __future__ import annotations

import gc
from pathlib import Path

from claimlint.run.heap import BATCH_THRESHOLD, batch_collector


def test_batch_collector_freezes_and_restores() -> None:
    old = gc.get_threshold()
    with batch_collector():
        assert gc.get_threshold()[0] >= BATCH_THRESHOLD
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == old
    assert gc.get_freeze_count() == 0


def test_a_run_over_several_files_leaves_the_collector_as_it_was(tmp_path: Path) -> None:
    from claimlint.api import lint_paths

    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text("Ketamine cures depression.\n", encoding="utf-8")
    old = gc.get_threshold()
    results = lint_paths([str(tmp_path)])
    assert results.files == 3 and len({d.path for d in results.diagnostics}) == 3
    assert gc.get_threshold() == old and gc.get_freeze_count() == 0
