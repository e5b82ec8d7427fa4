"""The HTML report without a browser: structure, positions, escaping, summary counts."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.diagnostics import Diagnostic, FileError
from claimlint.outputs.formats import FORMAT_NAMES, Context, load_all
from claimlint.packs import CATEGORIES, load_rules
from claimlint.version import __version__

RULES = load_rules().rules
RULE = {r.id: r for r in RULES}
VOID = {"meta", "br", "input", "img", "hr", "link"}


def diag(
    path: str, line: int, column: int, end_line: int, end_column: int, rule: str = "CL101", **extra
) -> Diagnostic:
    found = RULE[rule]
    values = dict(
        name=found.name,
        category=found.category,
        severity=found.severity,
        message=f"{rule} finding",
        excerpt="x",
    )
    values.update(extra)
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        rule=rule,
        end_line=end_line,
        end_column=end_column,
        **values,
    )


class Page(HTMLParser):
    """Collects what the tests look at, and checks that the markup nests."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.marks: dict[str, dict] = {}  # data-diag -> attributes of its first fragment + text
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in VOID:
            self.stack.append((tag, attrs))
        if tag == "mark" and "hl-start" in attrs.get("class", ""):
            self.marks[attrs["data-diag"]] = {**attrs, "text": ""}

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)
        inner = [a["data-diag"] for t, a in self.stack if t == "mark"]
        for ident in inner:
            self.marks.setdefault(ident, {"text": ""})
            self.marks[ident]["text"] += data

    def find(self, tag: str, **attrs: str) -> list[dict]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


def render(diagnostics, sources, **ctx) -> Page:
    out = load_all()["html"](
        sorted(diagnostics),
        Context(rules=RULES, sources=sources, files_checked=ctx.pop("files", 2), **ctx),
    )
    page = Page()
    page.feed(out)
    page.close()
    assert not page.stack, f"unclosed elements: {page.stack}"
    page.raw = out  # type: ignore[attr-defined]
    return page


def test_html_is_a_registered_format():
    assert "html" in FORMAT_NAMES
    assert "html" in load_all()


def test_spans_cover_exactly_the_columns_even_across_crlf_and_non_ascii():
    text = "Título — ketamine cures pain.\r\nSecond line: no risk at all.\r\n"
    diags = [diag("p.txt", 1, 10, 1, 24), diag("p.txt", 2, 14, 2, 21, "CL401")]
    page = render(diags, {"p.txt": text})
    texts = sorted(m["text"] for m in page.marks.values())
    assert texts == sorted(["ketamine cures", "no risk"])
    first = page.marks["0"]
    assert (first["data-rule"], first["data-category"], first["data-line"]) == (
        "CL101",
        "efficacy",
        "1",
    )


def test_overlapping_and_multiline_spans_nest_and_keep_their_text():
    text = "Our drips cure fatigue and are completely safe.\nThey restore\nenergy for good.\n"
    diags = [
        diag("a.md", 1, 5, 1, 47),  # the whole claim
        diag("a.md", 1, 32, 1, 47, "CL401"),  # "completely safe", inside it, same end
        diag("a.md", 2, 6, 3, 7, "CL101"),  # "restore\nenergy" crosses a line break
        diag("a.md", 3, 8, 3, 16, "CL601"),
    ]
    page = render(diags, {"a.md": text})  # the parser asserts proper nesting
    assert len(page.marks) == 4
    assert page.marks["0"]["text"] == "drips cure fatigue and are completely safe"
    assert page.marks["1"]["text"] == "completely safe"
    assert page.marks["2"]["text"] == "restoreenergy"  # one fragment per line
    assert page.marks["3"]["text"] == "for good"
    lines = [a["data-line"] for a in page.find("span", **{"class": "line"})]
    assert lines == ["1", "2", "3", "4"]


def test_document_text_is_escaped_and_scripts_only_carry_the_nonce():
    text = '<p>Ketamine <script>window.pwned = 1</script> heals <img src=x onerror="alert(1)"></p>'
    diags = [diag("x.html", 1, 45, 1, 50, message='Claim "<b>heals</b>"')]
    page = render(diags, {"x.html": text})
    raw = page.raw  # type: ignore[attr-defined]
    assert "<script>window.pwned" not in raw
    assert "&lt;script&gt;window.pwned" in raw
    assert "<img" not in raw and "<b>heals" not in raw
    scripts = page.find("script")
    assert len(scripts) == 1 and scripts[0].get("nonce")
    csp = page.find("meta", http_equiv="Content-Security-Policy")[0]["content"]
    assert f"'nonce-{scripts[0]['nonce']}'" in csp and "default-src 'none'" in csp
    # nothing to fetch: links to references are anchors, never sources
    fetching = r"<(?:img|script|link|iframe|object|embed)\b[^>]*\b(?:src|href|data)=|url\(|@import"
    assert not re.search(fetching, raw)


def test_summary_counts_per_category_rule_and_file():
    diags = [
        diag("a.md", 1, 1, 1, 5),
        diag("a.md", 2, 1, 2, 5, "CL401"),
        diag("b.md", 1, 1, 1, 5),
        diag("b.md", 3, 1, 3, 5, "CL302"),
    ]
    page = render(diags, {"a.md": "aaaaa\nbbbbb\n", "b.md": "ccccc\n\nddddd\n"}, files=3)
    by_cat = {
        a["data-category"]: int(a["data-count"]) for a in page.find("tr") if "data-category" in a
    }
    assert by_cat == {
        c: {"efficacy": 2, "safety": 1, "disclaimer-crisis": 1}.get(c, 0) for c in CATEGORIES
    }
    by_rule = {a["data-rule"]: int(a["data-count"]) for a in page.find("tr") if "data-rule" in a}
    assert by_rule == {"CL101": 2, "CL401": 1, "CL302": 1}
    by_file = {a["data-path"]: int(a["data-count"]) for a in page.find("tr") if "data-path" in a}
    assert by_file == {"a.md": 2, "b.md": 2}
    assert "1 file had no findings" in page.raw  # type: ignore[attr-defined]


def test_missing_disclaimer_gets_a_marker_with_the_requirement_and_fix():
    page = render([diag("c.txt", 1, 1, 1, 9, "CL302", fix="Add 988.")], {"c.txt": "suicidal\n"})
    markers = [a for t, a in page.elements if t == "div" and "missing-marker" in a.get("class", "")]
    assert [(m["data-rule"], m["data-category"]) for m in markers] == [
        ("CL302", "disclaimer-crisis")
    ]
    assert "Missing: crisis resource" in page.raw  # type: ignore[attr-defined]


def test_rationale_references_fix_and_suggestion_are_in_the_report():
    d = diag(
        "a.md",
        1,
        1,
        1,
        5,
        "CL401",
        suggestion='"completely safe" -> "well tolerated"',
        fix="Name the side effects.",
    )
    raw = render([d], {"a.md": "Safe!\n"}).raw  # type: ignore[attr-defined]
    rule = RULE["CL401"]
    assert " ".join(rule.rationale.split())[:60].replace('"', "&quot;") in raw
    for reference in rule.references:
        assert reference.replace('"', "&quot;") in re.sub(r"<[^>]+>", "", raw)
    # The rule's documentation page, and the CFR citation as a link to the eCFR.
    assert (
        f'href="https://github.com/claimlint-health/claimlint/blob/v{__version__}/docs/rules.md#cl401"'
        in raw
    )
    assert 'href="https://www.ecfr.gov/current/title-21/section-202.1"' in raw
    assert "Suggestion: &quot;completely safe&quot; -&gt; &quot;well tolerated&quot;" in raw
    assert "Fix: Name the side effects." in raw


def test_positions_beyond_the_text_are_still_shown():
    page = render([diag("e.txt", 9, 1, 9, 2)], {"e.txt": "short\n"})
    assert "0" in page.marks


def test_without_source_text_the_findings_are_still_listed():
    page = render([diag("gone.md", 1, 1, 1, 2)], {})
    assert page.find("li", data_rule="CL101")
    assert not page.marks


def test_print_styles_and_filters_exist():
    raw = render([diag("a.md", 1, 1, 1, 2)], {"a.md": "ab\n"}).raw  # type: ignore[attr-defined]
    assert "@media print" in raw
    assert 'data-filter="cat-efficacy"' in raw and 'data-filter="sev-error"' in raw


def test_errors_are_listed():
    out = load_all()["html"]([], Context(rules=RULES, errors=[FileError("bad.md", "<binary>")]))
    assert "bad.md: &lt;binary&gt;" in out and "No problems found." in out


def test_cli_html_matches_json_on_real_files(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("one.md").write_text(
        "# Sunrise Wellness\n\nOur ketamine infusions cure depression for good.\n"
        "Treatment is completely safe.\n",
        encoding="utf-8",
    )
    Path("two.txt").write_text("Nothing to see in this note about scheduling.\n")
    runner = CliRunner()
    as_json = json.loads(
        runner.invoke(cli, ["check", "one.md", "two.txt", "--format", "json"]).stdout
    )
    result = runner.invoke(cli, ["check", "one.md", "two.txt", "--format", "html"])
    assert result.exit_code == 1
    page = Page()
    page.feed(result.stdout)
    assert len(as_json) >= 2
    got = sorted(
        (m["data-rule"], int(m["data-line"]), int(m["data-column"])) for m in page.marks.values()
    )
    assert got == sorted((d["rule"], d["line"], d["column"]) for d in as_json)
    assert page.find("span", id="files-checked")[0]["data-count"] == "2"


def test_rewrite_hints_reach_json_text_and_html(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("s.txt").write_text("Results are guaranteed at our lounge.\n", encoding="utf-8")
    runner = CliRunner()
    found = json.loads(runner.invoke(cli, ["check", "s.txt", "--format", "json"]).stdout)
    hints = [f["suggestion"] for f in found if f["rule"] == "CL601"]
    assert hints and hints[0].startswith('"guaranteed" -> ')
    assert hints[0] in runner.invoke(cli, ["check", "s.txt"]).stdout
    report = runner.invoke(cli, ["check", "s.txt", "--format", "html"]).stdout
    assert "Suggestion: &quot;guaranteed&quot; -&gt; " in report
