"""benchmarks/claim_sets.py: a TSV claim set is scored item by item, malformed lines are named."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from script_helpers import load_script_file

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "claim_sets.py"
SETS = SCRIPT.parent / "detection" / "claims"


def load() -> ModuleType:
    return load_script_file(SCRIPT, "claimlint_claim_sets_test")


def test_catches_and_false_findings_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "mini.tsv"
    path.write_text(
        "efficacy\tOur turmeric drops cure arthritis in a week.\n"
        "approval,safety\tOur compounded semaglutide is FDA-approved and completely safe.\n"
        "efficacy\tThe clinic parking lot opens at 8 a.m.\n"
        "pass\tAsk your pharmacist before combining supplements with blood thinners.\n"
        "pass\tOur drops are 100% safe for everyone.\n",
        encoding="utf-8",
    )
    score = load().score_set(path)
    assert (score.flags, score.caught, score.passes, score.false) == (3, 2, 2, 1)
    assert any(line.startswith("  miss  mini.tsv:3") for line in score.wrong)
    assert any(line.startswith("  false mini.tsv:5 (CL401)") for line in score.wrong)


def test_a_missing_finding_makes_a_document_level_rule_no_catch(tmp_path: Path) -> None:
    # a one-sentence file about ketamine draws only CL301, which is not a claim of the item
    path = tmp_path / "doc.tsv"
    path.write_text("pass\tWe offer ketamine infusions on weekdays.\n", encoding="utf-8")
    score = load().score_set(path)
    assert (score.passes, score.false) == (1, 0)


@pytest.mark.parametrize(
    "line", ["efficacy Our drops cure gout.", "maybe\tOur drops cure gout.", "efficacy\t  "]
)
def test_a_malformed_line_is_an_error_naming_file_and_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("pass\tFine.\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv:2"):
        load().read_set(path)


def test_the_shipped_sets_are_well_formed() -> None:
    module = load()
    sets = sorted(SETS.glob("*.tsv"))
    assert len(sets) >= 13
    for path in sets:
        items = module.read_set(path)
        assert len(items) == 60, path.name
        assert any(item.labels for item in items) and any(not item.labels for item in items)


def test_main_reports_an_unreadable_set(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert load().main([str(tmp_path / "missing.tsv")]) == 2
    assert "missing.tsv" in capsys.readouterr().err
