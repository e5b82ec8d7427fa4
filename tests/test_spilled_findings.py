"""A big document's findings are not all held in memory (issue 13, memory): a document linted
in pieces writes each piece's findings to a temporary file as the piece finishes
(run/spill.py), and the formats read them back. What is read back is exactly what the
whole-document lint finds, in the same order, in every output format."""

from __future__ import annotations

import pickle
import re

import pytest
from click.testing import CliRunner

from claimlint.api import lint_paths
from claimlint.cli import cli
from claimlint.diagnostics import Diagnostic
from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Options
from claimlint.nlp.shared import SharedPipelineLinter
from claimlint.outputs.formats import FORMAT_NAMES
from claimlint.packs import load_rules
from claimlint.run import chunked, spill
from claimlint.run.chunked import lint_source, plan
from claimlint.run.spill import STRIDE, Findings, SpilledFindings, combine


def finding(line: int, path: str = "big.md", **extra) -> Diagnostic:
    fields = dict(
        path=path,
        line=line,
        column=1 + line % 7,
        rule="CL101",
        end_line=line,
        end_column=12,
        name="unsupported-efficacy-claim",
        category="efficacy",
        severity="error",
        message=f"Efficacy claim “cures” #{line}",
        excerpt="cures\u00ad",
        suggestion=None if line % 2 else '"cures" -> "may help"',
        fix="Cite a study.",
        analysis=(("subject", "ketamine"), ("claim", f"cures {line}")) if line % 3 else None,
    )
    fields.update(extra)
    return Diagnostic(**fields)


def created_spills(monkeypatch) -> list[SpilledFindings]:
    """Every SpilledFindings created from now on, in order."""
    created: list[SpilledFindings] = []
    original = SpilledFindings.__init__

    def record(self, path):
        original(self, path)
        created.append(self)

    monkeypatch.setattr(SpilledFindings, "__init__", record)
    return created


def test_spilled_findings_read_back_equal_and_are_not_held() -> None:
    listed = [finding(n) for n in range(1, 3 * STRIDE + 17)]
    spilled = SpilledFindings("big.md")
    for diag in listed:
        spilled.append(diag)
        assert spilled.in_memory < STRIDE  # written out every STRIDE findings
    assert len(spilled) == len(listed) and spilled.size_on_disk > 0
    assert list(spilled) == listed and spilled == listed
    assert spilled[0] == listed[0] and spilled[-1] == listed[-1]
    assert spilled[STRIDE - 1 : 2 * STRIDE + 3] == listed[STRIDE - 1 : 2 * STRIDE + 3]
    assert list(spilled.iter_range(5, 5)) == [] and spilled[10_000:] == []
    both = zip(spilled, spilled, strict=True)  # two readers side by side (SARIF does this)
    assert all(a == b for a, b in both)
    copied = pickle.loads(pickle.dumps(spilled))  # a --jobs worker's findings reach the parent
    assert copied == listed
    with pytest.raises(IndexError):
        spilled[len(listed)]
    with pytest.raises(ValueError):
        spilled.append(finding(1, path="other.md"))


def test_a_run_with_spilled_documents_reads_in_path_order() -> None:
    big = SpilledFindings("m.md")
    big.extend(finding(n, "m.md") for n in range(1, 50))
    listed = [finding(3, "z.md"), finding(1, "a.md"), finding(2, "a.md"), finding(9, "n.md")]
    found = combine(list(listed), [big])
    assert isinstance(found, Findings)
    assert list(found) == sorted([*listed, *big])
    assert found[3:60] == sorted([*listed, *big])[3:60]
    assert combine(list(listed), []) == sorted(listed)  # nothing spilled: the sorted list
    assert type(combine(list(listed), [])) is list


def test_a_run_file_holds_several_documents_and_reads_each_back_in_order() -> None:
    store = SpilledFindings(None)  # a run's file: the records name their documents
    listed = [finding(n, path) for path in ("b.md", "a.md", "c.md") for n in range(1, 40)]
    segments = spill.spill_listed(store, list(listed))
    assert [s.path for s in segments] == ["a.md", "b.md", "c.md"]
    assert [len(s) for s in segments] == [39, 39, 39] and len(store) == len(listed)
    assert list(segments[1]) == sorted(d for d in listed if d.path == "b.md")
    assert segments[2][5:9] == sorted(d for d in listed if d.path == "c.md")[5:9]
    assert list(segments[0].iter_range(30, 99)) == sorted(listed)[30:39]
    late = [finding(1, "0.md"), finding(2, "zz.md")]  # a later file's, still as objects
    assert list(combine(list(late), segments)) == sorted([*listed, *late])
    assert pickle.loads(pickle.dumps(store)) == store


def test_a_run_of_many_small_documents_moves_their_findings_to_one_file(
    tmp_path, monkeypatch
) -> None:
    for n in range(12):
        text = f"# Page {n}\n\nOur drip cures migraines.\n\nOur troches are completely safe.\n"
        (tmp_path / f"p{n:02}.md").write_text(text, encoding="utf-8")
    whole = lint_paths([str(tmp_path)])
    assert type(whole.diagnostics) is list and len(whole.diagnostics) >= 24
    runs = created_spills(monkeypatch)
    monkeypatch.setattr(spill, "RUN_SPILL_FROM", 5)
    for jobs in (1, 2):
        spilled = lint_paths([str(tmp_path)], jobs=jobs)
        assert isinstance(spilled.diagnostics, Findings)
        assert list(spilled.diagnostics) == whole.diagnostics
        assert spilled.diagnostics[7:30] == whole.diagnostics[7:30]
    assert runs and all(r.path is None for r in runs)


PAGE = """# Zenthera ketamine clinic

We offer ketamine infusions for depression here.

Some guests mention suicidal thoughts at intake.

<!-- claimlint-disable CL101 -->

Ketamine cures depression.

{filler}

<!-- claimlint-enable CL101 -->

<!-- claimlint-disable CL402 -->

Ketamine heals anxiety fast.

Ketamine relieves chronic pain.

Ketamine cu\u00adres PTSD for good.

<!-- claimlint-disable-next-line CL101 -->
Ketamine repairs damaged neural circuitry.

{filler}

Our infusions are completely safe.
"""


def page() -> str:
    filler = "\n\n".join(f"Paragraph {i}: the desk opens at {8 + i % 3}." for i in range(30))
    return PAGE.format(filler=filler)


@pytest.fixture(scope="module")
def linter() -> SharedPipelineLinter:
    return SharedPipelineLinter(load_rules(), Options(report_unused_suppressions=True))


def test_a_chunked_document_spills_its_findings_and_finds_what_the_whole_lint_finds(
    linter, monkeypatch
) -> None:
    text = page() * 3
    source = Source("big.md", text, "markdown")
    whole = linter.lint(Source("big.md", text, "markdown"))
    rules = {d.rule for d in whole}
    assert {"CL101", "CL301", "CL302", "CL001"} <= rules  # findings, document rules, unused
    assert any("cu\u00adres" in d.excerpt for d in whole)  # normalised in every piece too
    written: list[int] = []
    append = SpilledFindings.append

    def watched(self, diag):
        append(self, diag)
        written.append(self.in_memory)

    monkeypatch.setattr(SpilledFindings, "append", watched)
    assert len(plan(text, "markdown", 400)) > 10
    assert type(lint_source(linter, source, 400, spill=True)) is list  # few: given back listed
    monkeypatch.setattr(spill, "KEEP_FILE_FROM", len(whole))
    found = lint_source(linter, source, 400, spill=True)
    assert isinstance(found, SpilledFindings)
    assert list(found) == whole
    assert max(written) < STRIDE and len(written) >= len(whole)  # never all held
    assert lint_source(linter, source, 400) == whole  # lint_text's list


def test_the_command_line_spills_big_documents_and_prints_the_same(tmp_path, monkeypatch) -> None:
    (tmp_path / "big.md").write_text(page() * 2, encoding="utf-8")
    (tmp_path / "small.md").write_text("Ketamine cures depression.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(fmt: str) -> str:
        result = runner.invoke(
            cli, ["check", "--no-cache", "-j", "1", "--format", fmt, "--show-source", "."]
        )
        assert result.exit_code == 1, result.output
        return re.sub(r"nonce(=|-)\"?[\w-]+", "", result.output)

    whole = {fmt: run(fmt) for fmt in FORMAT_NAMES}
    monkeypatch.setenv(chunked.PIECE_ENV, "500")
    monkeypatch.setattr(spill, "KEEP_FILE_FROM", 1)
    spilled = created_spills(monkeypatch)
    assert isinstance(lint_paths(["."]).diagnostics, Findings)
    for fmt in FORMAT_NAMES:
        assert run(fmt) == whole[fmt], fmt
    assert spilled and all(s.path == "./big.md" or s.path == "big.md" for s in spilled)


def test_spilled_documents_with_many_findings_are_not_cached(tmp_path, monkeypatch) -> None:
    (tmp_path / "big.md").write_text(page() * 2, encoding="utf-8")
    monkeypatch.setenv(chunked.PIECE_ENV, "500")
    monkeypatch.setattr(spill, "KEEP_FILE_FROM", 1)
    monkeypatch.setattr(spill, "CACHE_LIMIT", 2)
    first = lint_paths([str(tmp_path / "big.md")], cache_dir=tmp_path / "cache")
    assert len(first.diagnostics) > 2
    assert not list((tmp_path / "cache").rglob("*.json"))
    monkeypatch.setattr(spill, "CACHE_LIMIT", 10_000)
    again = lint_paths([str(tmp_path / "big.md")], cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache").rglob("*.json"))
    assert list(again.diagnostics) == list(first.diagnostics)
    cached = lint_paths([str(tmp_path / "big.md")], cache_dir=tmp_path / "cache")
    assert list(cached.diagnostics) == list(first.diagnostics)


@pytest.mark.parametrize("cache", [False, True])
def test_the_report_shows_the_very_text_that_was_linted(tmp_path, monkeypatch, cache) -> None:
    """One copy of a document: the decoded text that was linted is the one kept for excerpts
    (not a second decoding of bytes kept alongside), so an edit during the run cannot put
    old positions on new text, and a big document is not in memory twice."""
    from claimlint.nlp import limits

    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("Ketamine cures depression.\n", encoding="utf-8")
    linted: dict[str, str] = {}
    original = limits.lint_within_budget

    def capture(linter, source, seconds=None):
        linted[source.path] = source.text
        return original(linter, source, seconds)

    monkeypatch.setattr(limits, "lint_within_budget", capture)
    paths = [str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    result = lint_paths(paths, keep_texts=True, cache_dir=tmp_path / "c" if cache else None)
    assert set(result.texts) == set(linted) == set(paths)
    assert all(result.texts[path] is linted[path] for path in paths)
