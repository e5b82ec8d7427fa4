"""Inline suppression comments, every form, in Markdown and HTML; the unused-suppression check."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.api import lint_text
from claimlint.cli import cli
from claimlint.inputs.suppressions import parse_directive
from claimlint.nlp.engine import Options
from claimlint.nlp.shared import SharedPipelineLinter
from claimlint.packs import load_rules

SAFE = "Our infusions are completely safe for every guest."  # CL401 (safety)
SURE = "Guaranteed results, every time."  # CL601 (guarantee)
RULESET = load_rules()


def findings(text: str, fmt: str, **options) -> list[tuple[int, str]]:
    linter = SharedPipelineLinter(RULESET, Options(**options))
    path = "page.md" if fmt == "markdown" else "page.html"
    return [(d.line, d.rule) for d in lint_text(textwrap.dedent(text), path=path, linter=linter)]


def as_html(markdown: str) -> str:
    """The same page in HTML: every prose line becomes a paragraph, comments stay put."""
    out = []
    for line in textwrap.dedent(markdown).splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--"):
            out.append(line)
        else:
            before, sep, comment = line.partition("<!--")
            out.append(f"<p>{before.rstrip()}</p>" + (f" {sep}{comment}" if sep else ""))
    return "\n".join(out) + "\n"


CASES = {
    "no comments": (f"{SAFE}\n{SURE}\n", [(1, "CL401"), (2, "CL601")]),
    "next-line, all rules": (
        f"<!-- claimlint-disable-next-line -->\n{SAFE}\n{SAFE}\n",
        [(3, "CL401")],
    ),
    "next-line, matching id and reason": (
        f"<!-- claimlint-disable-next-line CL401 -- reviewed with counsel -->\n{SAFE}\n",
        [],
    ),
    "next-line, other id": (
        f"<!-- claimlint-disable-next-line CL601 -->\n{SAFE}\n",
        [(2, "CL401")],
    ),
    "next-line, name, category, prefix, comma list": (
        "<!-- claimlint-disable-next-line absolute-safety-claim -->\n"
        f"{SAFE}\n"
        f"<!-- claimlint-disable-next-line guarantee -->\n{SURE}\n"
        f"<!-- claimlint-disable-next-line CL4 -->\n{SAFE}\n"
        f"<!-- claimlint-disable-next-line CL101,CL601 -->\n{SURE}\n",
        [],
    ),
    "disable-line": (
        f"{SAFE} <!-- claimlint-disable-line CL401 -->\n{SAFE}\n",
        [(2, "CL401")],
    ),
    "disable-line, wrong id": (
        f"{SAFE} <!-- claimlint-disable-line CL601 -->\n",
        [(1, "CL401")],
    ),
    "range with ids": (
        f"{SAFE}\n<!-- claimlint-disable CL401 -->\n{SAFE}\n{SURE}\n"
        f"<!-- claimlint-enable CL401 -->\n{SAFE}\n",
        [(1, "CL401"), (4, "CL601"), (6, "CL401")],
    ),
    "range to the end of the file": (
        f"<!-- claimlint-disable -->\n{SAFE}\n\n{SURE}\n",
        [],
    ),
    "enable of one rule inside a disable-all range": (
        f"<!-- claimlint-disable -->\n{SAFE}\n{SURE}\n<!-- claimlint-enable CL601 -->\n"
        f"{SAFE}\n{SURE}\n<!-- claimlint-enable -->\n{SAFE}\n",
        [(6, "CL601"), (8, "CL401")],
    ),
    "enable of one of two ids": (
        f"<!-- claimlint-disable CL401 CL601 -->\n<!-- claimlint-enable CL601 -->\n"
        f"{SAFE}\n{SURE}\n",
        [(4, "CL601")],
    ),
    "a finding before the disable comment on its line": (
        f"{SAFE} <!-- claimlint-disable -->\n{SAFE}\n",
        [(1, "CL401")],
    ),
    "misspelt directive is not a disable": (
        f"<!-- claimlint-disable-nextline CL401 -->\n{SAFE}\n",
        [(2, "CL401")],
    ),
}


@pytest.mark.parametrize("fmt", ["markdown", "html"])
@pytest.mark.parametrize("case", list(CASES))
def test_suppression_forms(case: str, fmt: str) -> None:
    text, expected = CASES[case]
    if fmt == "html":
        text = as_html(text)
    assert findings(text, fmt) == expected


def test_html_page_layout() -> None:
    page = f"""\
    <html><head><title>Clinic</title></head><body>
    <!-- claimlint-disable-next-line safety -->
    <p>{SAFE}</p>
    <p>{SAFE}</p>
    </body></html>
    """
    assert findings(page, "html") == [(4, "CL401")]


def test_multi_line_comment_next_line_is_after_the_comment() -> None:
    page = f"<!-- claimlint-disable-next-line CL401\n     -- wording approved -->\n{SAFE}\n"
    assert findings(page, "markdown") == []
    assert findings(as_html(page), "html") == []


def test_comments_in_code_are_not_directives() -> None:
    page = f"```\n<!-- claimlint-disable -->\n```\n\n{SAFE}\n"
    assert findings(page, "markdown") == [(5, "CL401")]


def test_plain_text_has_no_directives() -> None:
    linter = SharedPipelineLinter(RULESET)
    text = f"<!-- claimlint-disable -->\n{SAFE}\n"
    assert [d.rule for d in lint_text(text, path="page.txt", linter=linter)] == ["CL401"]


def test_parse_directive() -> None:
    assert parse_directive("<!-- claimlint-disable CL101, CL4 -- because -->") == (
        "disable",
        ("cl101", "cl4"),
        "because",
    )
    assert parse_directive("<!--claimlint-enable-->") == ("enable", (), "")
    assert parse_directive("<!-- claimlint-disabled -->") is None
    assert parse_directive("<!-- an ordinary comment -->") is None


# -- CL001 unused-suppression ---------------------------------------------------------------------

UNUSED_PAGE = f"""\
<!-- claimlint-disable-next-line CL401 -->
{SAFE}
<!-- claimlint-disable-next-line CL601 -->
{SAFE}
<!-- claimlint-disable-next-line CL999 -->
Opening hours change in May.
<!-- claimlint-disable -->
<!-- claimlint-enable -->
"""


def test_unused_suppressions_are_off_by_default() -> None:
    assert findings(UNUSED_PAGE, "markdown") == [(4, "CL401")]


def test_unused_suppressions_reported_when_asked() -> None:
    found = findings(UNUSED_PAGE, "markdown", report_unused_suppressions=True)
    assert found == [(3, "CL001"), (4, "CL401"), (5, "CL001"), (7, "CL001")]
    linter = SharedPipelineLinter(RULESET, Options(report_unused_suppressions=True))
    messages = {d.line: d.message for d in lint_text(UNUSED_PAGE, path="a.md", linter=linter)}
    assert "names no known rule (cl999)" in messages[5]
    assert messages[3].startswith("claimlint-disable-next-line suppressed nothing")


def test_unused_check_ignores_rules_not_selected() -> None:
    """A comment for a rule this run does not check may still be needed by a full run."""
    page = f"<!-- claimlint-disable-next-line CL601 -->\n{SURE}\n"
    assert findings(page, "markdown", report_unused_suppressions=True) == []
    assert findings(page, "markdown", report_unused_suppressions=True, select=("CL4",)) == []


def test_unused_suppressions_flag_and_config_key(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "page.md").write_text(UNUSED_PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def rules(*args: str) -> list[str]:
        result = CliRunner().invoke(cli, ["check", "page.md", "--format", "json", *args])
        import json

        return [d["rule"] for d in json.loads(result.output)]

    assert "CL001" not in rules()
    assert rules("--report-unused-suppressions").count("CL001") == 3
    (tmp_path / ".claimlint.yaml").write_text("report-unused-suppressions: true\n", "utf-8")
    assert rules().count("CL001") == 3
    assert "CL001" not in rules("--isolated")
