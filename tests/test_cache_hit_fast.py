"""A run answered entirely from the result cache is cheap: it neither parses the rule packs nor
imports what only linting, writing or other formats need. Whenever a file must be linted, pack
and selector mistakes are still reported as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from import_probe import probe as run_probe

import claimlint.packs.ruleset as rules_module
from claimlint.cli import cli
from claimlint.nlp.engine import Options
from claimlint.packs import PackError, lazy_rules
from claimlint.run.cache import ResultCache
from claimlint.run.parallel import lint_files

PAGE = "# Ketamine\n\nKetamine cures depression permanently. It is completely safe.\n"
PACK = """\
lexicons:
  widget: [widget, gizmo]
rules:
  - id: ACME101
    name: widget-claim
    category: efficacy
    severity: warning
    message: 'Widget claim: "{excerpt}"'
    match: {all: [widget]}
"""
# Modules that a cache hit printing text must not import.
NOT_ON_A_HIT = (
    "spacy",
    "markdown_it",  # a hit reads no document
    "yaml",
    "multiprocessing",
    "concurrent.futures",
    "tempfile",
    "tomllib",
    "xml.etree.ElementTree",
    "claimlint.outputs.ci",
    "claimlint.outputs.report",
    "claimlint.nlp.matcher",
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "acme.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "widgets.md").write_text("Our widget cures everything.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the rule sets that get parsed (a spy on the one function that parses packs)."""
    calls: list[int] = []
    real = rules_module._parse_packs
    monkeypatch.setenv("CLAIMLINT_NO_PACK_CACHE", "1")  # count parses, not compiled-cache hits

    def spy(packs):
        calls.append(len(packs))
        return real(packs)

    monkeypatch.setattr(rules_module, "_parse_packs", spy)
    return calls


def check(*args: str):
    return CliRunner().invoke(cli, ["check", "-j", "1", *args])


def test_a_cache_hit_parses_no_pack(site: Path, parses: list[int]) -> None:
    first = check("--format", "json", "--rules", "packs", "page.md", "widgets.md")
    assert first.exit_code == 1, first.output
    assert parses, "the first run lints, so it parses the packs"
    parses.clear()
    second = check("--format", "json", "--rules", "packs", "page.md", "widgets.md")
    assert parses == []
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert {d["rule"] for d in json.loads(second.stdout)} >= {"ACME101", "CL101"}


def test_formats_that_describe_rules_parse_them_on_a_hit(site: Path, parses: list[int]) -> None:
    first = check("--format", "sarif", "page.md")
    parses.clear()
    second = check("--format", "sarif", "page.md")
    assert parses, "SARIF lists the rules, so it needs them parsed"
    assert second.stdout == first.stdout
    assert json.loads(second.stdout)["runs"][0]["tool"]["driver"]["rules"]


def test_a_broken_pack_is_reported_although_the_cache_knows_the_files(site: Path) -> None:
    assert check("--rules", "packs", "page.md", "widgets.md").exit_code == 1
    pack = site / "packs" / "acme.yaml"
    pack.write_text(PACK.replace("match: {all: [widget]}", "match: {all: [gadget]}"))
    broken = check("--rules", "packs", "page.md", "widgets.md")
    assert broken.exit_code == 2
    assert broken.stderr.startswith("claimlint: rule pack error: ")
    assert "packs/acme.yaml: rule ACME101, field 'match': unknown lexicon 'gadget'" in (
        broken.stderr
    )
    assert broken.stdout == ""


def test_a_broken_pack_of_a_configuration_is_reported_on_a_miss(site: Path) -> None:
    (site / ".claimlint.yaml").write_text("rules: [packs]\n", encoding="utf-8")
    assert check("page.md").exit_code == 1
    (site / "packs" / "acme.yaml").write_text(PACK + "  - not a rule\n", encoding="utf-8")
    broken = check("page.md")
    assert broken.exit_code == 2 and "acme.yaml" in broken.stderr


def test_a_broken_pack_beats_a_configuration_error(site: Path) -> None:
    """Packs used to be loaded first; reading them lazily keeps that order."""
    (site / "packs" / "acme.yaml").write_text("rules: 5\n", encoding="utf-8")
    (site / ".claimlint.yaml").write_text("selct: [CL1]\n", encoding="utf-8")
    result = check("--rules", "packs", "page.md")
    assert result.exit_code == 2
    assert result.stderr.startswith("claimlint: rule pack error: ")


def test_a_broken_pack_is_reported_when_no_file_can_be_read(site: Path) -> None:
    (site / "packs" / "acme.yaml").write_text("rules: 5\n", encoding="utf-8")
    result = check("--rules", "packs", "missing.md")
    assert result.exit_code == 2 and "rule pack error" in result.stderr


def test_editing_a_pack_is_a_miss(site: Path, parses: list[int]) -> None:
    assert "Widget claim" in check("--rules", "packs", "widgets.md").stdout
    pack = site / "packs" / "acme.yaml"
    pack.write_text(PACK.replace("Widget claim", "Gadget talk"), encoding="utf-8")
    parses.clear()
    again = check("--rules", "packs", "widgets.md")
    assert parses and "Gadget talk" in again.stdout and "Widget claim" not in again.stdout


def test_the_fingerprint_hashes_the_packs_bytes(site: Path) -> None:
    pack = site / "packs" / "acme.yaml"
    before = lazy_rules([pack]).fingerprint
    assert lazy_rules([pack]).fingerprint == before
    assert lazy_rules([site / "packs"]).fingerprint == before  # same name, same bytes
    pack.write_text(PACK + "# a comment changes nothing the linter does, but the bytes\n")
    assert lazy_rules([pack]).fingerprint != before
    renamed = site / "packs" / "other.yaml"
    pack.rename(renamed)
    renamed.write_text(PACK, encoding="utf-8")
    assert lazy_rules([renamed]).fingerprint != before  # the name is part of it
    assert lazy_rules([renamed], bundled=False).fingerprint != lazy_rules([renamed]).fingerprint


def test_a_selector_typo_is_reported_on_a_miss(site: Path) -> None:
    assert check("page.md").exit_code == 1
    typo = check("--select", "CL1,CL999", "page.md")
    assert typo.exit_code == 2
    assert "claimlint: configuration error: --select: 'CL999' names no rule" in typo.stderr


def test_a_configuration_typo_is_reported_when_one_file_misses(site: Path) -> None:
    assert check("page.md").exit_code == 1
    (site / ".claimlint.yaml").write_text(
        "per-file-ignores: {'new.md': [CL999]}\n", encoding="utf-8"
    )
    (site / "new.md").write_text(PAGE + "\nMore.\n", encoding="utf-8")
    result = check("page.md", "new.md")
    assert result.exit_code == 2
    assert "key 'per-file-ignores.new.md': 'CL999' names no rule" in result.stderr


def probe(args: list[str], cwd: Path) -> tuple[int, list[str]]:
    code, imported, _ = run_probe(args, cwd, NOT_ON_A_HIT)
    return code, imported


def test_a_cache_hit_imports_only_what_it_needs(site: Path) -> None:
    code, imported = probe(["check", "page.md"], site)
    assert code == 1 and "spacy" in imported  # the miss lints (yaml only if packs are parsed)
    code, imported = probe(["check", "page.md"], site)
    assert code == 1 and imported == []


class _Recorder:
    """A stand-in Linter that records what it lints (lint_files needs no more than this)."""

    def __init__(self, log: list[str]) -> None:
        self.log = log
        self.ruleset = lazy_rules()
        self.options = Options()
        self.nlp = None

    def lint(self, source) -> list:
        self.log.append(source.path)
        return []


def test_ready_runs_before_the_first_lint_and_only_when_something_is_linted(
    tmp_path: Path,
) -> None:
    log: list[str] = []
    linter = _Recorder(log)
    files = [str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    for name in files:
        Path(name).write_text(PAGE, encoding="utf-8")

    def run() -> None:
        lint_files(
            files,
            lambda path: linter,
            cache=ResultCache(tmp_path / "cache"),
            ready=lambda: log.append("ready"),
        )

    run()
    assert log == ["ready", *files]
    log.clear()
    run()
    assert log == []  # every file answered from the cache
    Path(files[1]).write_text(PAGE + "\nEdited.\n", encoding="utf-8")
    run()
    assert log == ["ready", files[1]]


def test_a_failing_ready_stops_the_run_before_anything_is_linted(tmp_path: Path) -> None:
    log: list[str] = []
    (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")

    def ready() -> None:
        raise PackError("acme.yaml", "pack", "", "broken")

    with pytest.raises(PackError):
        lint_files(
            [str(tmp_path / "a.md")],
            lambda path: _Recorder(log),
            cache=ResultCache(tmp_path / "cache"),
            ready=ready,
        )
    assert log == [] and not (tmp_path / "cache").exists()
    with pytest.raises(PackError):  # no cache, no file: still checked
        lint_files([], lambda path: _Recorder(log), ready=ready)
