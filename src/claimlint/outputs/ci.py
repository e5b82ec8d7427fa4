"""Output formats for CI systems: SARIF 2.1.0, GitHub workflow commands, JUnit XML, GitLab
Code Quality. Pure functions of (diagnostics, Context), registered with formatters.formatter.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from claimlint.diagnostics import Diagnostic, window
from claimlint.outputs.formats import Context, indented_json, path_runs, streamed, terminal_safe
from claimlint.outputs.links import rule_url
from claimlint.packs import Rule
from claimlint.run.baseline import iter_fingerprints
from claimlint.version import REPOSITORY

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = REPOSITORY
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
GITLAB_SEVERITIES = {"error": "critical", "warning": "minor", "info": "info"}
# Described here because it is the engine's, not a rule pack's.
PSEUDO_RULES = {
    "CL001": (
        "unused-suppression",
        "suppression",
        "A claimlint-disable comment that suppresses nothing.",
        "Remove the comment, or correct the rule ids it names.",
    ),
}


# -- SARIF ---------------------------------------------------------------------------------------


def artifact_uri(path: str) -> str:
    """A SARIF artifact URI: relative paths with forward slashes, absolute ones as file: URIs."""
    if PureWindowsPath(path).drive or path.startswith("/"):
        posix = PureWindowsPath(path).as_posix() if PureWindowsPath(path).drive else path
        return "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:")
    posix = PurePosixPath(path.replace("\\", "/")).as_posix()
    return quote(posix.removeprefix("./"), safe="/")


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    help_parts = [p for p in (rule.rationale, f"How to fix: {rule.fix}" if rule.fix else "") if p]
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": rule.rationale or rule.summary or rule.name},
        "help": {"text": "\n\n".join(help_parts) or rule.summary or rule.name},
        "defaultConfiguration": {"level": SARIF_LEVELS.get(rule.severity, "warning")},
        "properties": {
            "category": rule.category,
            "references": list(rule.references),
            "tags": [rule.category],
        },
    }
    url = rule_url(rule.id)
    if url:
        descriptor["helpUri"] = url
    return descriptor


def _pseudo_descriptor(diag: Diagnostic) -> dict[str, Any]:
    name, category, summary, fix = PSEUDO_RULES.get(
        diag.rule, (diag.name, diag.category, diag.name, diag.fix or "")
    )
    descriptor: dict[str, Any] = {
        "id": diag.rule,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": f"How to fix: {fix}" if fix else summary},
        "defaultConfiguration": {"level": SARIF_LEVELS.get(diag.severity, "warning")},
        "properties": {"category": category, "references": [], "tags": [category]},
    }
    url = rule_url(diag.rule)
    if url:
        descriptor["helpUri"] = url
    return descriptor


@streamed("sarif")
def iter_sarif(diagnostics: Sequence[Diagnostic], ctx: Context) -> Iterator[str]:
    """SARIF 2.1.0: one run, one reportingDescriptor per rule id, one result per finding.

    The text of json.dumps(whole log, indent=2), written in pieces: the log around the results
    once, then each result on its own, indented to its depth (results is the run's last key)."""
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for rule in ctx.rules:
        if rule.id not in index:
            index[rule.id] = len(descriptors)
            descriptors.append(_rule_descriptor(rule))
    for diag in diagnostics:
        if diag.rule not in index:
            index[diag.rule] = len(descriptors)
            descriptors.append(_pseudo_descriptor(diag))
    head, tail = _sarif_log(descriptors, ctx).rsplit(_RESULTS, 1)
    if not diagnostics:
        yield head + "[]" + tail
        return
    yield head + "["
    indent = "\n" + " " * _RESULT_DEPTH
    for number, (diag, fingerprint) in enumerate(
        zip(diagnostics, iter_fingerprints(diagnostics), strict=True)
    ):
        yield (
            ("," if number else "")
            + indent
            + indented_json(_sarif_result(diag, fingerprint, index), indent)
        )
    yield "\n" + " " * (_RESULT_DEPTH - 2) + "]" + tail


# Stands for the results list while the rest of the log is dumped; the text is then cut at its
# last occurrence (results is the run's last key: nothing from a document comes after it).
_RESULTS_MARK = "\x00claimlint-results\x00"
_RESULTS = json.dumps(_RESULTS_MARK)
_RESULT_DEPTH = 8  # log -> runs -> run -> results -> a result: four levels of two spaces


def _sarif_result(diag: Diagnostic, fingerprint: str, index: dict[str, int]) -> dict[str, Any]:
    return {
        "ruleId": diag.rule,
        "ruleIndex": index[diag.rule],
        "level": SARIF_LEVELS.get(diag.severity, "warning"),
        "message": {"text": diag.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(diag.path)},
                    "region": {
                        "startLine": diag.line,
                        "startColumn": diag.column,
                        "endLine": diag.end_line,
                        "endColumn": diag.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {"claimlintFingerprint/v1": fingerprint},
    }


def _sarif_log(descriptors: list[dict[str, Any]], ctx: Context) -> str:
    """The whole log as text, with _RESULTS where the results list goes."""
    invocation: dict[str, Any] = {"executionSuccessful": not ctx.errors}
    if ctx.errors:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": f"{error.path}: {error.reason}"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(error.path)}}}
                ],
            }
            for error in ctx.errors
        ]
    run = {
        "tool": {
            "driver": {
                "name": "claimlint",
                "version": ctx.version,
                "semanticVersion": ctx.version,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": _RESULTS_MARK,
    }
    if not ctx.version:
        del run["tool"]["driver"]["version"], run["tool"]["driver"]["semanticVersion"]
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


# -- GitHub Actions workflow commands ------------------------------------------------------------


def escape_data(text: str) -> str:
    """The message part of a workflow command: % CR LF are escaped, and the other controls
    shown as escapes (the Actions log renders ANSI sequences)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal_safe(text)


def escape_property(text: str) -> str:
    """A property value (file, title): data escapes plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


@streamed("github")
def iter_github(diagnostics: Sequence[Diagnostic], ctx: Context) -> Iterator[str]:
    """One `::error file=...::message` line per finding (annotations on the pull request)."""
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
        yield f"::{command} {','.join(props)}::{escape_data(diag.message)}\n"
    for error in ctx.errors:
        yield (
            f"::error file={escape_property(error.path)},title=claimlint::"
            f"{escape_data('cannot lint: ' + error.reason)}\n"
        )


# -- JUnit XML -----------------------------------------------------------------------------------

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """XML 1.0 cannot hold most control characters even escaped; show them as U+FFFD."""
    return _XML_INVALID.sub("\ufffd", text)


def _open_tag(tag: str, **attrib: str) -> str:
    """An element's start tag as ElementTree writes it (its own attribute escaping)."""
    empty = ET.tostring(ET.Element(tag, attrib), encoding="unicode")
    return empty.removesuffix(" />") + ">"


def _empty_tag(tag: str, **attrib: str) -> str:
    return ET.tostring(ET.Element(tag, attrib), encoding="unicode")


@streamed("junit")
def iter_junit(diagnostics: Sequence[Diagnostic], ctx: Context) -> Iterator[str]:
    """One testcase per linted file; a failure lists that file's findings.

    The text ElementTree would write for the whole tree (ET.indent, two spaces), written a
    testcase and a finding at a time: a first pass over the findings counts them per file."""
    diagnostics, runs = path_runs(diagnostics)
    paths = list(dict.fromkeys([*ctx.files, *runs]))
    failures = sum(1 for p in paths if p in runs)
    counts = {
        "tests": str(len(paths) + len(ctx.errors)),
        "failures": str(failures),
        "errors": str(len(ctx.errors)),
    }
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield _open_tag("testsuites", name="claimlint", **counts)
    suite = {"name": "claimlint", **counts, "skipped": "0"}
    if not paths and not ctx.errors:
        yield "\n  " + _empty_tag("testsuite", **suite) + "\n</testsuites>\n"
        return
    yield "\n  " + _open_tag("testsuite", **suite)
    for path in paths:
        case = {"name": _xml_text(path), "classname": "claimlint", "file": _xml_text(path)}
        if path not in runs:
            yield "\n    " + _empty_tag("testcase", **case)
            continue
        start, stop = runs[path]
        count = f"{stop - start} problem{'s' if stop - start != 1 else ''}"
        yield "\n    " + _open_tag("testcase", **case)
        yield "\n      " + _open_tag("failure", message=count, type="claimlint")
        for number, d in enumerate(window(diagnostics, start, stop)):
            line = f"{d.path}:{d.line}:{d.column}: {d.rule} [{d.severity}] {d.message}"
            yield ("\n" if number else "") + xml_escape(_xml_text(line))
        yield "</failure>\n    </testcase>"
    for error in ctx.errors:
        name = _xml_text(error.path)
        case = {"name": name, "classname": "claimlint", "file": name}
        yield "\n    " + _open_tag("testcase", **case)
        yield "\n      " + _open_tag("error", message=_xml_text(error.reason), type="read-error")
        yield xml_escape(_xml_text(f"{error.path}: {error.reason}")) + "</error>\n    </testcase>"
    yield "\n  </testsuite>\n</testsuites>\n"


# -- GitLab Code Quality -------------------------------------------------------------------------


@streamed("gitlab")
def iter_gitlab(diagnostics: Sequence[Diagnostic], ctx: Context) -> Iterator[str]:
    """GitLab Code Quality (a Code Climate subset): fingerprints survive unrelated edits.

    The text of json.dumps(every issue, indent=2), an issue at a time."""
    if not diagnostics:
        yield "[]\n"
        return
    for number, (diag, fingerprint) in enumerate(
        zip(diagnostics, iter_fingerprints(diagnostics), strict=True)
    ):
        issue = {
            "description": f"{diag.rule} {diag.message}",
            "check_name": f"{diag.rule} {diag.name}",
            "fingerprint": fingerprint,
            "severity": GITLAB_SEVERITIES.get(diag.severity, "minor"),
            "location": {
                "path": diag.path.replace("\\", "/").removeprefix("./"),
                "lines": {"begin": diag.line, "end": diag.end_line},
            },
        }
        item = indented_json(issue, "\n  ")
        yield ("[\n  " if number == 0 else ",\n  ") + item
    yield "\n]\n"
