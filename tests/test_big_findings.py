"""What a run does with a big document's spilled findings besides printing them (issue 13,
memory): --write-baseline and --baseline read them one at a time, never as a list, and give
the results they give for the same findings in a list."""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from test_spilled_findings import finding

from claimlint.run import spill
from claimlint.run.baseline import (
    apply_baseline,
    fingerprints,
    normalise_path,
    read_baseline,
    write_baseline,
)
from claimlint.run.spill import STRIDE, Findings, Kept, SpilledFindings


def _spilled(count: int, path: str = "big.md") -> tuple[list, SpilledFindings]:
    listed = [finding(n, path, excerpt=f"cures {n % 5}") for n in range(1, count + 1)]
    spilled = SpilledFindings(path)
    spilled.extend(listed)
    return listed, spilled


@contextmanager
def live_findings(monkeypatch) -> Iterator[list[int]]:
    """The most findings read back from disk that were alive at once (as objects)."""
    alive, most = [0], [0]
    read = spill._diagnostic

    def counted(path, line):
        diag = read(path, line)
        alive[0] += 1
        most[0] = max(most[0], alive[0])
        weakref.finalize(diag, lambda: alive.__setitem__(0, alive[0] - 1))
        return diag

    monkeypatch.setattr(spill, "_diagnostic", counted)
    yield most


def _old_baseline(path, diagnostics) -> str:
    """The baseline json.dumps writes for a list of findings (the format must not change)."""
    base = path.parent
    entries = [
        {
            "fingerprint": fp,
            "rule": d.rule,
            "path": normalise_path(d.path, base),
            "excerpt": d.excerpt,
        }
        for d, fp in zip(diagnostics, fingerprints(diagnostics, base), strict=True)
    ]
    document = {"tool": "claimlint", "version": 1, "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def test_a_baseline_of_spilled_findings_is_written_a_finding_at_a_time(
    tmp_path, monkeypatch
) -> None:
    listed, spilled = _spilled(6 * STRIDE)
    small = [finding(3, "a.md"), finding(1, "a.md", excerpt="x\n\u201cy\u201d")]
    both = Findings([sorted(small), spilled])
    path = tmp_path / "baseline.json"
    with live_findings(monkeypatch) as most:
        assert write_baseline(path, both) == len(listed) + 2
    assert most[0] <= 4  # never the list of them
    assert path.read_text(encoding="utf-8") == _old_baseline(path, [*sorted(small), *listed])
    assert write_baseline(path, small) == 2  # a list is sorted first, as it always was
    assert path.read_text(encoding="utf-8") == _old_baseline(path, sorted(small))
    write_baseline(path, [])
    assert json.loads(path.read_text(encoding="utf-8"))["findings"] == []
    assert path.read_text(encoding="utf-8") == _old_baseline(path, [])


def test_a_baseline_applied_to_spilled_findings_keeps_a_view_of_them(tmp_path, monkeypatch) -> None:
    listed, spilled = _spilled(6 * STRIDE)
    path = tmp_path / "baseline.json"
    write_baseline(path, listed[::3])  # some of the findings are known
    expected = apply_baseline(path, listed)
    assert 0 < len(expected.diagnostics) < len(listed) and expected.matched
    with live_findings(monkeypatch) as most:
        filtered = apply_baseline(path, spilled)
        assert isinstance(filtered.diagnostics, Kept)
        assert most[0] <= 4
    assert (filtered.matched, filtered.stale) == (expected.matched, expected.stale)
    assert list(filtered.diagnostics) == expected.diagnostics
    assert filtered.diagnostics == expected.diagnostics
    kept = filtered.diagnostics
    assert kept[STRIDE + 5 : 3 * STRIDE] == expected.diagnostics[STRIDE + 5 : 3 * STRIDE]
    assert kept[-1] == expected.diagnostics[-1] and kept[0] == expected.diagnostics[0]


def test_a_baseline_is_read_as_fingerprints(tmp_path) -> None:
    listed, _ = _spilled(40)
    path = tmp_path / "baseline.json"
    write_baseline(path, listed)
    known = read_baseline(path)
    assert sum(known.values()) == 40 and all(type(k).__name__ == "_Fingerprint" for k in known)
    assert set(known) == set(fingerprints(listed, tmp_path))
