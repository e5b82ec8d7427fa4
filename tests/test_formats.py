"""CI output formats (SARIF, GitHub, JUnit, GitLab) against their specs, and the exit options."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint import __version__
from claimlint.cli import cli
from claimlint.diagnostics import Diagnostic, FileError
from claimlint.outputs.ci import artifact_uri, escape_data, escape_property
from claimlint.outputs.formats import FORMAT_NAMES, Context, diagnostic_json, load_all
from claimlint.packs import load_rules

RULES = load_rules().rules


def diag(path: str, line: int, column: int, rule: str = "CL101", **extra) -> Diagnostic:
    """A diagnostic as the engine would make it (the formatters never see spaCy)."""
    found = next((r for r in RULES if r.id == rule), None)
    values = dict(
        end_line=line,
        end_column=column + 10,
        name=found.name if found else "unused-suppression",
        category=found.category if found else "suppression",
        severity=found.severity if found else "warning",
        message=f"Finding of {rule} at {line}:{column}",
        excerpt=f"excerpt {line}",
    )
    values.update(extra)
    return Diagnostic(path=path, line=line, column=column, rule=rule, **values)


def render(name: str, diagnostics, **ctx) -> str:
    ctx.setdefault("rules", RULES)
    ctx.setdefault("version", __version__)
    return load_all()[name](sorted(diagnostics), Context(**ctx))


SAMPLE = [
    diag("pages/a.md", 3, 5),
    diag("pages/a.md", 9, 1, "CL401", severity="warning"),
    diag("pages/sub dir/b.html", 2, 7, "CL601", severity="info"),
    diag("pages/a.md", 12, 2, "CL001"),
]


def test_every_registered_name_is_offered() -> None:
    assert set(FORMAT_NAMES) <= set(load_all())
    assert {"sarif", "github", "junit", "gitlab"} <= set(FORMAT_NAMES)


# -- SARIF ---------------------------------------------------------------------------------------


def sarif_schema() -> dict:
    shared = os.environ.get("CLAIMLINT_SHARED")
    if not shared:
        pytest.skip("CLAIMLINT_SHARED is unset: it names the folder holding schemas/")
    path = Path(shared) / "schemas" / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("errors", [(), (FileError("pages/gone.md", "no such file or folder"),)])
def test_sarif_is_valid_against_the_schema(errors) -> None:
    import jsonschema

    schema = sarif_schema()
    log = json.loads(render("sarif", SAMPLE, errors=errors))
    validator = jsonschema.Draft7Validator(schema)
    problems = sorted(validator.iter_errors(log), key=str)
    assert not problems, "\n".join(str(p.message) for p in problems[:5])


def test_sarif_invalid_document_is_rejected_by_the_schema() -> None:
    """Guards the test above: the validator really checks (a bad level fails)."""
    import jsonschema

    schema = sarif_schema()
    log = json.loads(render("sarif", SAMPLE))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(jsonschema.Draft7Validator(schema).iter_errors(log))


def test_sarif_content() -> None:
    log = json.loads(render("sarif", SAMPLE))
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert log["version"] == "2.1.0"
    assert driver["name"] == "claimlint" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    assert {r.id for r in RULES} | {"CL001"} == set(ids)
    cl101 = driver["rules"][ids.index("CL101")]
    rule = next(r for r in RULES if r.id == "CL101")
    assert cl101["shortDescription"]["text"] == rule.summary
    assert rule.fix in cl101["help"]["text"] and rule.rationale in cl101["help"]["text"]
    assert cl101["properties"]["category"] == "efficacy"
    assert cl101["properties"]["references"] == list(rule.references)
    by_rule = {r["ruleId"]: r for r in run["results"]}
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert [by_rule[k]["level"] for k in ("CL101", "CL401", "CL601")] == [
        "error",
        "warning",
        "note",
    ]
    location = by_rule["CL601"]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "pages/sub%20dir/b.html"
    assert location["region"] == {"startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 17}
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_reports_unreadable_files_as_notifications() -> None:
    errors = (FileError("pages/locked.md", "permission denied"),)
    invocation = json.loads(render("sarif", [], errors=errors))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "permission denied" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "pages/locked.md"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("pages/a.md", "pages/a.md"),
        ("./pages/a.md", "pages/a.md"),
        ("pages\\win\\a.md", "pages/win/a.md"),
        ("/srv/site/a b.md", "file:///srv/site/a%20b.md"),
        ("C:\\site\\a.md", "file:///C:/site/a.md"),
    ],
)
def test_artifact_uris(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


# -- GitHub --------------------------------------------------------------------------------------


def test_github_escaping_rules() -> None:
    assert escape_data("50% off\r\nnow: a, b") == "50%25 off%0D%0Anow: a, b"
    assert escape_property("dir:x,y/50%\n") == "dir%3Ax%2Cy/50%25%0A"


def test_github_lines() -> None:
    tricky = diag("docs/a,b:c.md", 4, 2, message="Line one\nline two: 100% sure, really")
    out = render("github", [*SAMPLE, tricky], errors=(FileError("x.md", "is a folder"),))
    lines = out.splitlines()
    assert len(lines) == len(SAMPLE) + 2
    pattern = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")
    for line in lines:
        assert pattern.match(line), line
    assert (
        "::error file=docs/a%2Cb%3Ac.md,line=4,col=2,endLine=4,endColumn=12,title=CL101::"
        "Line one%0Aline two: 100%25 sure, really"
    ) in lines
    assert lines.count(next(x for x in lines if "title=CL601" in x)) == 1
    assert next(x for x in lines if "title=CL601" in x).startswith("::notice ")
    assert next(x for x in lines if "title=CL401" in x).startswith("::warning ")
    assert lines[-1] == "::error file=x.md,title=claimlint::cannot lint: is a folder"


# -- JUnit ---------------------------------------------------------------------------------------


def test_junit_is_well_formed_with_one_testcase_per_file() -> None:
    nasty = diag("pages/a.md", 20, 1, message='Quote " & <tag> ]]> and \x0c form feed')
    files = ["pages/a.md", "pages/clean.md", "pages/sub dir/b.html"]
    out = render(
        "junit",
        [*SAMPLE, nasty],
        files=files,
        errors=(FileError("pages/bad.md", "not UTF-8 <&>"),),
    )
    root = ET.fromstring(out.encode("utf-8"))  # raises on ill-formed XML
    suite = root.find("testsuite")
    assert suite is not None
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == [*files, "pages/bad.md"]
    assert suite.get("tests") == "4" and suite.get("failures") == "2" and suite.get("errors") == "1"
    assert cases["pages/clean.md"].find("failure") is None
    failure = cases["pages/a.md"].find("failure")
    assert failure is not None and failure.get("message") == "4 problems"
    assert 'Quote " & <tag> ]]> and \ufffd form feed' in (failure.text or "")
    assert "pages/a.md:3:5: CL101 [error]" in (failure.text or "")
    error = cases["pages/bad.md"].find("error")
    assert error is not None and error.get("message") == "not UTF-8 <&>"


# -- GitLab --------------------------------------------------------------------------------------


def test_gitlab_code_quality_shape() -> None:
    issues = json.loads(render("gitlab", SAMPLE))
    assert isinstance(issues, list) and len(issues) == len(SAMPLE)
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    severities = {i["check_name"].split()[0]: i["severity"] for i in issues}
    assert severities["CL101"] == "critical" and severities["CL601"] == "info"


def test_gitlab_fingerprints_ignore_line_moves_but_not_content() -> None:
    def findings(first: int, second: int, excerpt: str = "y") -> list[Diagnostic]:
        return [diag("a.md", first, 1, excerpt="x"), diag("a.md", second, 1, excerpt=excerpt)]

    def prints(diagnostics: list[Diagnostic]) -> list[str]:
        return [i["fingerprint"] for i in json.loads(render("gitlab", diagnostics))]

    assert prints(findings(3, 9)) == prints(findings(30, 90))
    assert prints(findings(3, 9))[1] != prints(findings(3, 9, excerpt="z"))[1]
    twins = prints(findings(3, 9, excerpt="x"))
    assert twins[0] != twins[1]


# -- the command line: formats end to end, --statistics, --exit-zero, --fail-on -----------------

PAGE = (
    "# Spring clinic notes\n\n"
    "Our infusions are completely safe for every guest.\n\n"
    "Guaranteed results, every time.\n"
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "spa.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "pages" / "plain.md").write_text("Opening hours change in May.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["check", "--isolated", *args], catch_exceptions=False)


def test_cli_formats_end_to_end(site: Path) -> None:
    result = run("pages", "--format", "sarif")
    assert result.exit_code == 1
    results = json.loads(result.output)["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"CL401", "CL601"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"pages/spa.md"}
    junit = run("pages", "--format", "junit")
    names = [c.get("name") for c in ET.fromstring(junit.output).iter("testcase")]
    assert names == ["pages/plain.md", "pages/spa.md"]


def test_statistics_counts_per_rule(site: Path) -> None:
    result = run("pages/spa.md", "--statistics", "--format", "concise")
    json_result = run("pages/spa.md", "--format", "json")
    counts: dict[str, int] = {}
    for item in json.loads(json_result.output):
        counts[item["rule"]] = counts.get(item["rule"], 0) + 1
    rows = [line.split("\t") for line in result.stderr.splitlines() if "\t" in line]
    assert {rule: int(n) for n, rule, _ in rows} == counts


def test_exit_zero_and_fail_on(site: Path) -> None:
    assert run("pages/spa.md").exit_code == 1
    assert run("pages/spa.md", "--exit-zero").exit_code == 0
    assert run("pages/plain.md").exit_code == 0
    levels = {d["severity"] for d in json.loads(run("pages/spa.md", "--format", "json").output)}
    assert levels == {"error"}
    assert run("pages/spa.md", "--fail-on", "error").exit_code == 1
    # Demote the findings to info: they still print, but --fail-on warning lets them pass.
    Path(".claimlint.yaml").write_text("severity: {safety: info, guarantee: info}\n", "utf-8")
    demoted = CliRunner().invoke(cli, ["check", "pages/spa.md", "--fail-on", "warning"])
    assert demoted.exit_code == 0 and "[info]" in demoted.output
    assert CliRunner().invoke(cli, ["check", "pages/spa.md"]).exit_code == 1
    missing = run("pages/spa.md", "pages/none.md", "--exit-zero")
    assert missing.exit_code == 2  # an unreadable input is not a finding: --exit-zero keeps 2


@pytest.mark.parametrize("count", [0, 1, 255, 256, 257, 600])
def test_json_is_written_in_pieces_with_the_same_text(count: int) -> None:
    from claimlint.outputs.formats import iter_json

    found = [
        diag(f"p{i}.md", i + 1, 1, suggestion="Say “may”", fix={"insert": "x\ny"})
        for i in range(count)
    ]
    expected = json.dumps([diagnostic_json(d) for d in found], indent=2, ensure_ascii=False) + "\n"
    pieces = list(iter_json(found))
    assert "".join(pieces) == expected
    assert len(pieces) == (1 if count == 0 else -(-count // 256) + 1)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.dictionaries(st.integers() | st.booleans(), inner, min_size=1, max_size=2)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_the_json_writer_gives_the_text_of_json_dumps_with_an_indent(value) -> None:
    from claimlint.outputs.formats import indented_json

    expected = json.dumps(value, indent=2, ensure_ascii=False)
    assert indented_json(value) == expected
    assert indented_json(value, "\n  ") == expected.replace("\n", "\n  ")
