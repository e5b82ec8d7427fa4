"""Text, concise, JSON, SARIF and the HTML report are written in pieces (issue 13, memory): a
report of a huge document is never held whole, and the pieces join to the same text as before."""

from __future__ import annotations

import json

import pytest

from claimlint.diagnostics import Diagnostic, FileError
from claimlint.outputs.formats import STREAMS, Context, by_name, stream_of
from claimlint.packs import load_rules


def finding(
    line: int, message: str = "Efficacy claim: “cures”", path: str = "big.md"
) -> Diagnostic:
    return Diagnostic(
        path=path,
        line=line,
        column=1,
        rule="CL101",
        end_line=line,
        end_column=6,
        name="unsupported-efficacy-claim",
        category="efficacy",
        severity="error",
        message=message,
        excerpt="cures",
        suggestion='"cures" -> "may help"',
        fix="Cite a study.",
    )


@pytest.fixture(scope="module")
def rules():
    return load_rules().rules


def test_every_big_format_has_a_stream() -> None:
    for name in ("text", "concise", "json", "sarif", "html"):
        assert stream_of(name) is STREAMS[name]


@pytest.mark.parametrize("count", [0, 1, 3, 400])
@pytest.mark.parametrize("errors", [(), (FileError("gone.md", "no such file"),)])
def test_sarif_pieces_are_the_json_dump_of_the_whole_log(rules, count: int, errors) -> None:
    # The sentinel the stream cuts at, inside a message and a file name, must not confuse it.
    found = [finding(i + 1, "\x00claimlint-results\x00 “ünïcode”") for i in range(count)]
    ctx = Context(rules=rules, errors=errors, version="1.2.3")
    pieces = list(stream_of("sarif")(found, ctx))
    text = "".join(pieces)
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    log = json.loads(text)
    assert len(log["runs"][0]["results"]) == count
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"]
            for r in log["runs"][0]["results"]] == list(range(1, count + 1))  # fmt: skip
    assert len(pieces) == (1 if count == 0 else count + 2)  # head, one per result, tail
    assert by_name("sarif")(found, ctx) == text


def test_the_html_report_writes_a_big_source_a_line_at_a_time(rules) -> None:
    lines = [f"Line {n}: ketamine cures <depression> & more." for n in range(1, 3001)]
    text = "\n".join(lines) + "\n"
    found = [finding(n) for n in range(1, 3001, 7)]
    ctx = Context(rules=rules, sources={"big.md": text}, files_checked=1)
    pieces = list(stream_of("html")(found, ctx))
    report = "".join(pieces)
    assert report.startswith("<!DOCTYPE html>") and report.endswith("</body></html>\n")
    assert report.count('<span class="line" data-line=') == 3001  # and the empty last line
    # No piece holds more than one line of the source or one finding: never built whole.
    assert max(piece.count('<span class="line"') for piece in pieces) == 1
    assert max(len(piece) for piece in pieces) < len(report) // 20
    assert max(piece.count('<li class="finding') for piece in pieces) == 1
    assert '<mark class="hl cat-efficacy sev-error hl-start" id="m-0"' in report


def test_text_pieces_are_one_per_finding_and_quiet_drops_the_summary() -> None:
    found = [finding(n) for n in range(1, 6)]
    ctx = Context(files_checked=1)
    pieces = list(stream_of("text")(found, ctx))
    assert len(pieces) == 6 and pieces[-1].startswith("Found 5 problems")
    quiet = "".join(stream_of("text")(found, Context(files_checked=1, summary=False)))
    assert quiet == "".join(pieces[:-1])
    assert len(list(stream_of("concise")(found, ctx))) == 5


def test_source_lines_use_one_line_index_per_file() -> None:
    text = "first line\nketamine cures it\n"
    found = [finding(2, path="a.md"), finding(2, path="b.md")]
    ctx = Context(sources={"a.md": text, "b.md": "x\ncures\n"}, show_source=True, files_checked=2)
    out = by_name("text")(found, ctx)
    assert "    2 | ketamine cures it" in out and "    2 | cures" in out
