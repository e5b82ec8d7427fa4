"""The bundled example pages behave as the README promises."""

from __future__ import annotations

from pathlib import Path

from claimlint.api import lint_paths

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


_RESULT = None


def _categories(name: str) -> set[str]:
    global _RESULT
    if _RESULT is None:
        _RESULT = lint_paths([str(EXAMPLES)])
        assert not _RESULT.errors
    return {d.category for d in _RESULT.diagnostics if Path(d.path).name == name}


def test_careful_page_is_clean() -> None:
    assert _categories("careful-clinic.html") == set()


def test_noncompliant_pages_cover_every_category() -> None:
    found = set()
    for name in (
        "ketamine-clinic.md",
        "route-comparison.html",
        "at-home-program.txt",
        "glp1-telehealth.md",
    ):
        categories = _categories(name)
        assert categories, name
        found |= categories
    assert found == {
        "efficacy",
        "route-comparison",
        "safety",
        "approval",
        "guarantee",
        "disclaimer-fda",
        "disclaimer-crisis",
    }


def _rules(name: str) -> set[str]:
    _categories(name)
    return {d.rule for d in _RESULT.diagnostics if Path(d.path).name == name}


def test_glp1_telehealth_page_shows_the_regulatory_rules() -> None:
    assert {"approval", "disclaimer-fda"} <= _categories("glp1-telehealth.md")
    assert {r for r in _rules("glp1-telehealth.md") if r.startswith(("CL3", "CL5"))} == {
        "CL303",  # compounded drug sold, no not-FDA-approved statement
        "CL502",  # the compounded product called FDA-approved
        "CL517",  # "Same medicine as Zepbound": the brand-equivalence fragment on a compounded page
        "CL504",  # FDA-registered facility offered as assurance
        "CL505",  # the brand's trial figure on the compounded page
        "CL506",  # "research use only" beside human dosing
        "CL508",  # FAQ answers "yes" to "the same as Mounjaro?"
    }


def test_glp1_telehealth_fix_adds_the_compounded_statement(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimlint.cli import cli
    from claimlint.run.fixer import DEFAULT_TEXTS

    page = tmp_path / "glp1-telehealth.md"
    page.write_bytes((EXAMPLES / "glp1-telehealth.md").read_bytes())
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--quiet", str(page), "--fix"])
    assert result.exit_code == 1, result.output  # the claims remain
    text = page.read_text(encoding="utf-8")
    assert text.endswith("\n\n" + DEFAULT_TEXTS["compounded"] + "\n")
    assert DEFAULT_TEXTS["fda"] not in text  # not the ketamine statement
    after = lint_paths([str(page)])
    assert not any(d.category == "disclaimer-fda" for d in after.diagnostics)
    found = {d.rule for d in after.diagnostics}
    assert "CL502" in found and found & {"CL503", "CL517"}  # claims are never rewritten
