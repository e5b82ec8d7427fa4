"""Malformed rule packs fail with errors naming the file, the rule (or entry) and the field;
docs/rule-packs.md documents every key the loader accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.packs import PackError, load_rules
from claimlint.packs import model as schema
from claimlint.packs.validate import pack_keys

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rule-packs.md"

RULE = """\
  - id: ACME101
    name: acme-claim
    category: efficacy
    message: 'Acme claim: "{excerpt}"'
    match: {all: [treatment, outcome]}
"""


def with_rule(extra: str = "") -> str:
    """A valid one-rule pack, plus extra rule lines."""
    return "rules:\n" + RULE + extra


# (case id, pack text, where, field, words in the problem)
MALFORMED = [
    ("unknown-key", with_rule("    colour: red\n"), "rule ACME101", "colour", "unknown key"),
    (
        "unknown-match-key",
        with_rule().replace("{all:", "{every: [outcome], all:"),
        "rule ACME101",
        "match.every",
        "unknown key",
    ),
    ("wrong-type-list", with_rule("    references: 7\n"), "rule ACME101", "references", "list"),
    (
        "wrong-type-bool",
        with_rule().replace("outcome]}", "outcome], order: maybe}"),
        "rule ACME101",
        "match.order",
        "true or false",
    ),
    (
        "wrong-type-int",
        with_rule().replace("outcome]}", "outcome], within: -3}"),
        "rule ACME101",
        "match.within",
        "whole number",
    ),
    ("bad-severity", with_rule("    severity: fatal\n"), "rule ACME101", "severity", "fatal"),
    (
        "bad-category",
        with_rule().replace("category: efficacy", "category: vibes"),
        "rule ACME101",
        "category",
        "vibes",
    ),
    (
        "unknown-lexicon",
        with_rule().replace("[treatment, outcome]", "[treatment, zorbles]"),
        "rule ACME101",
        "match",
        "zorbles",
    ),
    (
        "unknown-modifier-category",
        with_rule("    unless: [negation, astrology]\n"),
        "rule ACME101",
        "unless",
        "astrology",
    ),
    (
        "unknown-yield",
        with_rule("    yield_to: [ACME999]\n"),
        "rule ACME101",
        "yield_to",
        "ACME999",
    ),
    (
        "yield-cycle",  # no rule in a loop is the most specific: one would report twice
        with_rule("    yield_to: [ACME102]\n")
        + RULE.replace("ACME101", "ACME102").replace("acme-claim", "acme-other")
        + "    yield_to: [ACME101]\n",
        "rule ACME101",
        "yield_to",
        "cycle: ACME101 -> ACME102 -> ACME101",
    ),
    (
        "duplicate-bundled-id",
        with_rule().replace("ACME101", "CL101"),
        "rule CL101",
        "id",
        "duplicate",
    ),
    (
        "duplicate-id",
        with_rule() + RULE.replace("acme-claim", "acme-other"),
        "rule ACME101",
        "id",
        "duplicate",
    ),
    (
        "missing-field",
        with_rule().replace("    message: 'Acme claim: \"{excerpt}\"'\n", ""),
        "rule ACME101",
        "message",
        "required",
    ),
    (
        "invalid-regex",
        "lexicons:\n  widget:\n    regex: ['(unclosed group']\n",
        "lexicon 'widget'",
        "regex",
        "invalid regex",
    ),
    (
        "regex-lookaround",
        "lexicons:\n  widget:\n    regex: ['(?<!un)safe']\n",
        "lexicon 'widget'",
        "regex",
        "lookarounds",
    ),
    (
        "regex-backreference",
        "lexicons:\n  widget:\n    regex: ['(\\w+) \\1']\n",
        "lexicon 'widget'",
        "regex",
        "back-references",
    ),
    (
        "token-regex-lookahead",
        "lexicons:\n  widget:\n    tokens: [[{LOWER: {REGEX: '^a(?=b)'}}]]\n",
        "lexicon 'widget'",
        "tokens[0][0].LOWER.REGEX",
        "lookarounds",
    ),
    (
        "token-unbounded-operator",
        "lexicons:\n  widget:\n    tokens: [[{LOWER: a}, {OP: '*'}, {LOWER: b}]]\n",
        "lexicon 'widget'",
        "tokens[0][1].OP",
        "quadratic",
    ),
    (
        "unknown-token-attribute",
        "lexicons:\n  widget:\n    tokens: [[{COLOUR: red}]]\n",
        "lexicon 'widget'",
        "tokens[0][0].COLOUR",
        "unknown token attribute",
    ),
    (
        "bad-token-operator",
        "lexicons:\n  widget:\n    tokens: [[{LOWER: a, OP: '%'}]]\n",
        "lexicon 'widget'",
        "tokens[0][0].OP",
        "operator",
    ),
    (
        "modifier-unknown-key",
        "modifiers:\n  doubt:\n    category: doubt\n    cues: [x]\n    radius: 3\n",
        "modifier 'doubt'",
        "radius",
        "unknown key",
    ),
    (
        "modifier-bad-direction",
        "modifiers:\n  doubt:\n    category: doubt\n    cues: [x]\n    direction: sideways\n",
        "modifier 'doubt'",
        "direction",
        "sideways",
    ),
    (
        "lexicon-extends-unknown",
        "lexicons:\n  widget:\n    extends: [gadget]\n",
        "lexicon 'widget'",
        "extends",
        "gadget",
    ),
    ("not-a-mapping", "- ketamine\n- cures\n", "pack", "", "mapping"),
    ("unknown-pack-key", "lexicon:\n  widget: [x]\n", "pack", "lexicon", "unknown key"),
    ("python-tag", "lexicons: !!python/object/apply:os.getcwd []\n", "line 1", "", "invalid YAML"),
]


def write_pack(folder: Path, text: str, name: str = "acme.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "where", "field", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in MALFORMED],
)
def test_malformed_pack_error_names_file_rule_and_field(
    tmp_path: Path, text: str, where: str, field: str, words: str
) -> None:
    path = write_pack(tmp_path / "packs", text)
    with pytest.raises(PackError) as caught:
        load_rules([tmp_path / "packs"], bundled=True)
    err = caught.value
    assert err.path == str(path)
    assert err.where == where
    assert err.field_name == field
    assert words.lower() in err.problem.lower(), err.problem
    message = str(err)
    assert str(path) in message and where in message and field in message


@pytest.mark.parametrize(
    ("text", "where", "field"),
    [
        pytest.param(c[1], c[2], c[3], id=c[0])
        for c in MALFORMED
        if c[0]
        in {
            "unknown-key",
            "unknown-lexicon",
            "unknown-modifier-category",
            "duplicate-id",
            "regex-lookaround",
            "not-a-mapping",
            "python-tag",
        }
    ],
)
def test_cli_reports_malformed_pack_and_exits_2(
    tmp_path: Path, text: str, where: str, field: str
) -> None:
    path = write_pack(tmp_path / "packs", text)
    (tmp_path / "page.txt").write_text("Hello.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "check",
            "--no-cache",
            "-j",
            "1",
            "--rules",
            str(tmp_path / "packs"),
            str(tmp_path / "page.txt"),
        ],
    )
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert str(path) in lines[0] and where in lines[0] and field in lines[0]
    assert result.stdout == ""


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    write_pack(
        tmp_path / "packs",
        f"lexicons: !!python/object/apply:pathlib.Path.touch [!!python/object/apply:"
        f"pathlib.Path ['{marker}']]\n",
    )
    with pytest.raises(PackError):
        load_rules([tmp_path / "packs"], bundled=False)
    assert not marker.exists()


def test_token_pattern_only_spacy_rejects_fails_when_the_pipeline_is_built(
    tmp_path: Path,
) -> None:
    # Every key is a known attribute, so the schema accepts it; spaCy's validator does not.
    text = "lexicons:\n  widget:\n    tokens: [[{LOWER: {IN: 5}}]]\n"
    path = write_pack(tmp_path / "packs", text)
    assert "widget" in load_rules([tmp_path / "packs"]).lexicons
    (tmp_path / "page.txt").write_text("Ketamine repairs damaged neural circuitry.\n")
    result = CliRunner().invoke(
        cli,
        [
            "check",
            "--no-cache",
            "-j",
            "1",
            "--rules",
            str(tmp_path / "packs"),
            str(tmp_path / "page.txt"),
        ],
    )
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert "rule pack error" in first
    assert str(path) in first and "lexicon 'widget'" in first and "'tokens'" in first
    assert "CL101" not in result.stdout


def test_a_valid_user_pack_loads_beside_the_bundled_ones(tmp_path: Path) -> None:
    write_pack(tmp_path / "packs", with_rule())
    ruleset = load_rules([tmp_path / "packs"], bundled=True)
    assert ruleset.rule("ACME101") is not None
    assert ruleset.rule("CL101") is not None


# -- the documentation agrees with the code --------------------------------------------------------


def test_docs_cover_schema() -> None:
    doc = DOCS.read_text(encoding="utf-8")
    keysets = {  # every key the schema (and so the validator) accepts
        name: pack_keys(name)
        for name in ("", "lexiconEntry", "modifier", "rule", "match", "document", "page")
    }
    missing = {
        name: sorted(k for k in keys if f"`{k}`" not in doc) for name, keys in keysets.items()
    }
    assert not any(missing.values()), f"docs/rule-packs.md does not document: {missing}"
    for value in (*schema.CATEGORIES, *schema.SEVERITIES, *schema.DIRECTIONS, *schema.WINDOWS):
        assert f"`{value}`" in doc, f"docs/rule-packs.md does not mention `{value}`"


def test_docs_yaml_examples_load(tmp_path: Path) -> None:
    doc = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```", doc, flags=re.S | re.M)
    assert blocks, "docs/rule-packs.md has no yaml examples"
    full = [
        b
        for b in blocks
        if isinstance(yaml.safe_load(b), dict)
        and set(yaml.safe_load(b)) <= set(pack_keys())
        and "rules" in yaml.safe_load(b)
    ]
    assert full, "docs/rule-packs.md has no complete pack example"
    for i, block in enumerate(full):
        folder = tmp_path / f"pack{i}"
        write_pack(folder, block)
        ruleset = load_rules([folder], bundled=True)  # raises PackError if the doc is wrong
        for rule in yaml.safe_load(block)["rules"]:
            assert ruleset.rule(rule["id"]) is not None
