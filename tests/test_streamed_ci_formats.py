"""GitHub annotations, JUnit XML and GitLab Code Quality are written in pieces (issue 13,
memory): a finding at a time, never the whole report (nor a file's whole failure text) at
once, and the pieces join to exactly the text the whole-built formatters wrote. The reference
formatters below are those formatters as they were before streaming."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence

import pytest

from claimlint.diagnostics import Diagnostic, FileError
from claimlint.outputs.ci import (
    GITHUB_COMMANDS,
    GITLAB_SEVERITIES,
    _xml_text,
    escape_data,
    escape_property,
)
from claimlint.outputs.formats import STREAMS, Context, by_name, stream_of
from claimlint.run.baseline import fingerprints
from claimlint.run.spill import SpilledFindings

# -- the whole-built formatters, as they were ----------------------------------------------------


def github_whole(diagnostics: Sequence[Diagnostic], ctx: Context) -> str:
    lines = []
    for diag in diagnostics:
        command = GITHUB_COMMANDS.get(diag.severity, "warning")
        props = [
            f"file={escape_property(diag.path)}",
            f"line={diag.line}",
            f"col={diag.column}",
            f"endLine={diag.end_line}",
            f"endColumn={diag.end_column}",
            f"title={escape_property(diag.rule)}",
        ]
        lines.append(f"::{command} {','.join(props)}::{escape_data(diag.message)}")
    for error in ctx.errors:
        lines.append(
            f"::error file={escape_property(error.path)},title=claimlint::"
            f"{escape_data('cannot lint: ' + error.reason)}"
        )
    return "".join(line + "\n" for line in lines)


def junit_whole(diagnostics: Sequence[Diagnostic], ctx: Context) -> str:
    by_path: dict[str, list[Diagnostic]] = {}
    for diag in diagnostics:
        by_path.setdefault(diag.path, []).append(diag)
    paths = list(dict.fromkeys([*ctx.files, *by_path]))
    failures = sum(1 for p in paths if by_path.get(p))
    counts = {
        "tests": str(len(paths) + len(ctx.errors)),
        "failures": str(failures),
        "errors": str(len(ctx.errors)),
    }
    suites = ET.Element("testsuites", name="claimlint", **counts)
    suite = ET.SubElement(suites, "testsuite", name="claimlint", **counts, skipped="0")
    for path in paths:
        case = ET.SubElement(
            suite, "testcase", name=_xml_text(path), classname="claimlint", file=_xml_text(path)
        )
        found = by_path.get(path)
        if found:
            count = f"{len(found)} problem{'s' if len(found) != 1 else ''}"
            failure = ET.SubElement(case, "failure", message=count, type="claimlint")
            failure.text = _xml_text(
                "\n".join(
                    f"{d.path}:{d.line}:{d.column}: {d.rule} [{d.severity}] {d.message}"
                    for d in found
                )
            )
    for error in ctx.errors:
        case = ET.SubElement(
            suite,
            "testcase",
            name=_xml_text(error.path),
            classname="claimlint",
            file=_xml_text(error.path),
        )
        err = ET.SubElement(case, "error", message=_xml_text(error.reason), type="read-error")
        err.text = _xml_text(f"{error.path}: {error.reason}")
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def gitlab_whole(diagnostics: Sequence[Diagnostic], ctx: Context) -> str:
    issues = [
        {
            "description": f"{diag.rule} {diag.message}",
            "check_name": f"{diag.rule} {diag.name}",
            "fingerprint": fingerprint,
            "severity": GITLAB_SEVERITIES.get(diag.severity, "minor"),
            "location": {
                "path": diag.path.replace("\\", "/").removeprefix("./"),
                "lines": {"begin": diag.line, "end": diag.end_line},
            },
        }
        for diag, fingerprint in zip(diagnostics, fingerprints(diagnostics), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


WHOLE = {"github": github_whole, "junit": junit_whole, "gitlab": gitlab_whole}


# -- cases ---------------------------------------------------------------------------------------


def finding(path: str, line: int, message: str = "Efficacy claim: “cures”", **extra) -> Diagnostic:
    fields = dict(
        path=path,
        line=line,
        column=3,
        rule="CL101",
        end_line=line,
        end_column=9,
        name="unsupported-efficacy-claim",
        category="efficacy",
        severity="error",
        message=message,
        excerpt="cures",
    )
    fields.update(extra)
    return Diagnostic(**fields)


HOSTILE = 'a <b> & "c" \x1b[2J\x00 %0A, x:y\r\nnext ]]> \ufffe'
CASES = {
    "nothing": ([], Context()),
    "clean files": ([], Context(files=["a.md", "b.md"], files_checked=2)),
    "errors only": ([], Context(errors=[FileError("gone.md", "no such file <&>")])),
    "findings": (
        sorted(
            [finding("a.md", n) for n in range(1, 40)]
            + [finding("b & <c>.md", 2, HOSTILE, severity="warning", excerpt=HOSTILE)]
            + [finding("./dir\\win.md", 7, "x", severity="info", rule="CL402", excerpt="x")]
            + [finding("a.md", 5) for _ in range(3)]  # equal findings: fingerprint indexes
        ),
        Context(
            files=["z.md", "a.md", "b & <c>.md", "./dir\\win.md"],
            files_checked=4,
            errors=[FileError("bad\x01.md", "cannot decode \x1b"), FileError("x.md", "gone")],
        ),
    ),
    "unsorted, paths not linted": (
        [finding("b.md", 3), finding("a.md", 1), finding("b.md", 1), finding("c.md", 9)],
        Context(files=["a.md"]),
    ),
}


def test_the_ci_formats_are_streamed() -> None:
    for name in ("github", "junit", "gitlab"):
        assert stream_of(name) is STREAMS[name]


@pytest.mark.parametrize("name", sorted(WHOLE))
@pytest.mark.parametrize("case", sorted(CASES))
def test_streamed_ci_formats_write_what_the_whole_built_ones_wrote(name: str, case: str) -> None:
    diagnostics, ctx = CASES[case]
    expected = WHOLE[name](diagnostics, ctx)
    assert "".join(stream_of(name)(diagnostics, ctx)) == expected
    assert by_name(name)(diagnostics, ctx) == expected
    if name == "junit":
        ET.fromstring(expected.split("\n", 1)[1])  # well-formed
    if name == "gitlab":
        assert len(json.loads(expected)) == len(diagnostics)


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_a_piece_holds_at_most_one_finding(name: str) -> None:
    diagnostics = [finding("big.md", n) for n in range(1, 501)]
    ctx = Context(files=["big.md"], files_checked=1)
    pieces = list(stream_of(name)(diagnostics, ctx))
    assert len(pieces) >= 500
    assert max(piece.count("big.md:") + piece.count('"big.md"') for piece in pieces) <= 2
    assert max(piece.count("::error") + piece.count("CL101 [error]") for piece in pieces) <= 1


@pytest.mark.parametrize("name", [*sorted(WHOLE), "json", "sarif", "text", "concise", "html"])
def test_every_format_reads_spilled_findings_as_it_reads_a_list(name: str) -> None:
    listed = [finding("a.md", n) for n in range(1, 700)]
    listed.append(finding("a.md", 800, analysis=(("claim", "cures"), ("subject", "ketamine"))))
    spilled = SpilledFindings("a.md")
    spilled.extend(listed)
    ctx = Context(files=["a.md"], files_checked=1, sources={"a.md": "x\n" * 900}, version="1")
    if name == "html":  # a fresh nonce per report: compare without it
        import re

        def render(found):
            return re.sub(r"nonce(=|-)\"?[\w-]+", "", by_name(name)(found, ctx))
    else:

        def render(found):
            return by_name(name)(found, ctx)

    assert render(spilled) == render(listed)
