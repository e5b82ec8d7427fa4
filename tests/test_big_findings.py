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


def test_an_audit_lints_a_big_page_in_pieces_and_writes_its_findings_as_rows(
    tmp_path, monkeypatch
) -> None:
    """The audit lints a big file piece by piece (it linted it whole), its findings stay
    spilled until each is written as a row, and the rows and summary are those of the whole
    lint."""
    from click.testing import CliRunner
    from test_stored_text import MARKDOWN_PAGE, _unicode

    from claimlint.audit.lint import FindingRows
    from claimlint.audit.store import read_rows
    from claimlint.cli import cli
    from claimlint.nlp.engine import Linter
    from claimlint.run import chunked

    page = tmp_path / "site" / "big.md"
    page.parent.mkdir()
    text = _unicode(MARKDOWN_PAGE) * 6
    page.write_text(text, encoding="utf-8")

    def audit(out):
        result = CliRunner().invoke(cli, ["audit", "-q", "-j", "1", str(page), "-o", str(out)])
        assert result.exit_code == 1, result.output
        summary = (out / "summary.html").read_text(encoding="utf-8")
        return list(read_rows(out, "findings")), summary

    whole_rows, whole_summary = audit(tmp_path / "whole")
    assert len(whole_rows) > 10
    linted: list[int] = []
    lint = Linter.lint

    def recorded(self, source):
        linted.append(len(source.text))
        return lint(self, source)

    monkeypatch.setattr(Linter, "lint", recorded)
    monkeypatch.setattr(chunked, "PIECE_CHARS", 400)
    monkeypatch.setattr(spill, "KEEP_FILE_FROM", 5)  # the page's findings are spilled
    kinds: list[type] = []
    add = FindingRows.add
    monkeypatch.setattr(
        FindingRows, "add", lambda self, p, d: kinds.append(type(d)) or add(self, p, d)
    )
    rows, summary = audit(tmp_path / "pieces")
    assert linted and max(linted) < len(text) // 4
    assert kinds == [SpilledFindings]
    assert rows == whole_rows
    assert summary.replace("pieces", "whole") == whole_summary.replace("pieces", "whole")


NEEDS_BOTH = "We offer ketamine infusions for depression. Some patients have suicidal thoughts.\n"


def _check(*args: str):
    from click.testing import CliRunner

    from claimlint.cli import cli

    return CliRunner().invoke(cli, ["check", "--no-cache", *args])


def test_fix_reads_spilled_findings_once_and_leaves_them_spilled(tmp_path, monkeypatch) -> None:
    from test_stored_text import MARKDOWN_PAGE

    from claimlint.run import chunked

    monkeypatch.chdir(tmp_path)
    big, small = tmp_path / "big.md", tmp_path / "small.md"
    big.write_text(MARKDOWN_PAGE * 6, encoding="utf-8")  # its statements are there
    small.write_text(NEEDS_BOTH, encoding="utf-8")
    expected = _check("--format", "json", "big.md", "small.md").stdout
    small.write_text(NEEDS_BOTH, encoding="utf-8")
    monkeypatch.setattr(chunked, "PIECE_CHARS", 400)
    monkeypatch.setattr(spill, "KEEP_FILE_FROM", 5)  # big.md's findings are spilled
    with live_findings(monkeypatch) as most:
        result = _check("--fix", "--format", "json", "big.md", "small.md")
    assert result.exit_code == 1, result.output
    assert most[0] <= 8  # read one at a time, never listed
    assert "Compounded" not in NEEDS_BOTH and small.read_text(encoding="utf-8") != NEEDS_BOTH
    fixed = [f for f in json.loads(result.stdout) if f["path"] == "small.md"]
    assert not any(f["category"].startswith("disclaimer-") for f in fixed)
    before = [f for f in json.loads(expected) if f["path"] == "big.md"]
    assert [f for f in json.loads(result.stdout) if f["path"] == "big.md"] == before


def test_fix_refuses_a_file_too_big_to_edit(tmp_path, monkeypatch) -> None:
    from claimlint.run import fix_paths, fixer

    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.md"
    page.write_text(NEEDS_BOTH * 3, encoding="utf-8")
    monkeypatch.setattr(fix_paths, "MAX_FIX_BYTES", 100)
    monkeypatch.setattr(fixer, "MAX_FIX_BYTES", 100)
    result = _check("--fix", "page.md")
    assert result.exit_code == 2
    assert "page.md: is larger than the 0 MB --fix edits" in result.stderr
    assert page.read_text(encoding="utf-8") == NEEDS_BOTH * 3


def test_parquet_parts_are_written_a_row_group_at_a_time(tmp_path, monkeypatch) -> None:
    import pyarrow.parquet as pq

    from claimlint.audit import store
    from claimlint.audit.lint import FINDING_COLUMNS

    rows = [
        {"url": f"https://a.example/{n}", "line": n, "rule": "CL101", "message": f"“{n}” 😀"}
        for n in range(10)
    ]
    monkeypatch.setattr(store, "PARQUET_ROWS", 3)
    folder = tmp_path / "findings"
    folder.mkdir()
    for index, part in enumerate((rows, [])):
        path = folder / f"part-{index:05d}.parquet"
        path.write_bytes(store.encode(iter(part), FINDING_COLUMNS, "parquet"))  # read once
    assert pq.ParquetFile(folder / "part-00000.parquet").metadata.num_row_groups == 4
    expected = [{c: row.get(c) for c in FINDING_COLUMNS} for row in rows]
    assert list(store.read_rows(tmp_path, "findings")) == expected
