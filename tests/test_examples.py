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
    for name in ("ketamine-clinic.md", "route-comparison.html", "at-home-program.txt"):
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
