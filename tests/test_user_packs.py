"""A user pack adds a lexicon and a rule without Python; rules/explain list and explain rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimlint.cli import cli
from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import load_rules

PACK = """\
pack: {name: acme, owner: compliance@acme.example}
lexicons:
  zentrova:
    terms: [zentrova, "zentrova drops"]
    lemma: false
  clarity-outcome:
    description: Made-up outcomes Acme copy must not promise.
    terms: [unfog, "brighten thinking"]
rules:
  - id: ACME101
    name: zentrova-clarity-claim
    category: efficacy
    severity: warning
    summary: Zentrova is said to clear the mind, as fact.
    message: 'Zentrova clarity claim needs a qualifier: "{excerpt}"'
    rationale: Acme's one pilot study was small; clarity benefits are not established.
    fix: 'Qualify it ("may help some adults") and cite pilot ZP-7.'
    references: ["Acme legal memo 2024-03"]
    match: {all: [zentrova, clarity-outcome], within: 10}
    anchor: clarity-outcome
    unless: [negation, hedge, question]
    examples:
      flag: ["Zentrova unfogs a tired mind."]
      pass: ["Zentrova may unfog a tired mind for some adults."]
"""


_LINTER: list[Linter] = []  # built once, on first use


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("acme-packs")
    (folder / "acme.yaml").write_text(PACK, encoding="utf-8")
    return folder


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_user_rule_fires_with_its_message(packs: Path, tmp_path: Path) -> None:
    page = tmp_path / "zentrova.md"
    page.write_text(
        "# Zentrova\n"
        "\n"
        "Zentrova unfogs my afternoons.\n"
        "\n"
        "Zentrova does not unfog anything overnight.\n"
        "\n"
        "Zentrova may unfog a tired mind for some adults.\n",
        encoding="utf-8",
    )
    result = invoke(
        "check", "--no-cache", "-j", "1", "--format", "json", "--rules", str(packs), str(page)
    )
    found = [d for d in json.loads(result.stdout) if d["rule"] == "ACME101"]
    assert [(d["line"], d["column"]) for d in found] == [(3, 1)], found
    diag = found[0]
    assert diag["message"] == 'Zentrova clarity claim needs a qualifier: "Zentrova unfogs"'
    assert (diag["name"], diag["category"], diag["severity"]) == (
        "zentrova-clarity-claim",
        "efficacy",
        "warning",
    )
    assert result.exit_code == 1


@pytest.mark.parametrize("verb", ["unfog", "unfogs", "unfogged", "unfogging"])
def test_user_terms_match_their_inflections(packs: Path, verb: str) -> None:
    # A made-up verb is not in the lemma lookup table: its regular forms must still match,
    # including the doubled final consonant of "unfogged" / "unfogging" (like "stopped").
    if not _LINTER:
        _LINTER.append(Linter(load_rules([packs])))
    found = _LINTER[0].lint(Source("page.txt", f"Zentrova {verb} a tired mind.", "text"))
    assert "ACME101" in {d.rule for d in found}, verb


def test_user_rule_is_absent_without_the_pack(tmp_path: Path) -> None:
    page = tmp_path / "zentrova.txt"
    page.write_text("Zentrova unfogs a tired mind.\n", encoding="utf-8")
    result = invoke("check", "--no-cache", "-j", "1", "--format", "json", str(page))
    assert "ACME101" not in {d["rule"] for d in json.loads(result.stdout)}


def test_rules_json_lists_the_user_rule(packs: Path) -> None:
    result = invoke("rules", "--rules", str(packs), "--format", "json")
    assert result.exit_code == 0, result.stderr
    listed = {r["id"]: r for r in json.loads(result.stdout)}
    assert listed["ACME101"]["name"] == "zentrova-clarity-claim"
    assert listed["ACME101"]["severity"] == "warning"
    assert listed["ACME101"]["summary"] == "Zentrova is said to clear the mind, as fact."
    assert "CL101" in listed  # the bundled rules are still there


def test_explain_prints_the_user_rule(packs: Path) -> None:
    result = invoke("explain", "ACME101", "--rules", str(packs))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for expected in (
        "ACME101",
        "zentrova-clarity-claim",
        "pilot study was small",
        "Acme legal memo 2024-03",
        "Zentrova unfogs a tired mind.",
        "Zentrova may unfog a tired mind for some adults.",
        "pilot ZP-7",
    ):
        assert expected in out, f"{expected!r} missing from:\n{out}"
    unknown = invoke("explain", "ACME101")  # without the pack the rule does not exist
    assert unknown.exit_code == 2


def test_explain_bundled_rule_prints_rationale_references_and_examples() -> None:
    rule = load_rules().rule("CL101")
    assert rule is not None
    result = invoke("explain", "CL101")
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert rule.name in out
    assert " ".join(rule.rationale.split())[:60] in out
    for reference in rule.references:
        assert reference in out

    def flat(text: str) -> str:  # an example of several lines is printed with its breaks
        return " ".join(text.split())

    for example in (*rule.flag_examples, *rule.pass_examples):
        assert flat(example) in out
    assert out.index(flat(rule.flag_examples[0])) < out.index(flat(rule.pass_examples[0]))


def test_explain_accepts_the_rule_name() -> None:
    by_name = invoke("explain", "unsupported-efficacy-claim")
    assert by_name.exit_code == 0
    assert by_name.stdout == invoke("explain", "CL101").stdout


def test_rules_json_lists_every_bundled_rule() -> None:
    result = invoke("rules", "--format", "json")
    assert result.exit_code == 0, result.stderr
    engine, *listed = json.loads(result.stdout)  # CL001, the engine's own rule, comes first
    assert engine["id"] == "CL001" and engine["name"] == "unused-suppression"
    bundled = load_rules().rules
    assert [r["id"] for r in listed] == [r.id for r in bundled]
    assert len(listed) >= 10
    for entry, rule in zip(listed, bundled, strict=True):
        assert {"id", "name", "category", "severity", "summary"} <= set(entry)
        assert (entry["name"], entry["category"], entry["severity"], entry["summary"]) == (
            rule.name,
            rule.category,
            rule.severity,
            rule.summary,
        )
        assert entry["summary"].strip()
    categories = {r["category"] for r in listed}
    assert categories == {
        "efficacy",
        "route-comparison",
        "safety",
        "approval",
        "guarantee",
        "disclaimer-fda",
        "disclaimer-crisis",
    }
    assert {r["id"] for r in listed if r["severity"] == "warning"} >= {"CL106"}


# -- sequences: phrases from word slots ----------------------------------------------------------


def one_rule_pack(tmp_path: Path, folder: str, lexicons: str, rule: str) -> Path:
    """A folder holding one pack: the given lexicons (YAML lines) and one efficacy rule
    whose id, name and match lines are given (ACME rules report their excerpt)."""
    pack = tmp_path / folder
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        "lexicons:\n" + lexicons + "rules:\n" + rule.replace("MESSAGE", "'hit: \"{excerpt}\"'"),
        "utf-8",
    )
    return pack


def sequence_pack(tmp_path: Path, slots: str) -> Path:
    return one_rule_pack(
        tmp_path,
        "seq",
        f"  gadget:\n    sequences: [{slots}]\n",
        "  - id: ACME201\n"
        "    name: gadget-mention\n"
        "    category: efficacy\n"
        "    message: MESSAGE\n"
        "    match: {all: [gadget]}\n",
    )


def test_sequences_match_every_combination_and_optional_slots(tmp_path: Path) -> None:
    ruleset = load_rules([sequence_pack(tmp_path, '[[our, this], ["", shiny], [gizmo, widget]]')])
    linter = Linter(ruleset)

    def hits(text: str) -> list[str]:
        found = linter.lint(Source("p.txt", text, "text"))
        return [d.excerpt for d in found if d.rule == "ACME201"]

    assert hits("We sell our gizmo.") == ["our gizmo"]
    assert hits("Try this shiny widget today.") == ["this shiny widget"]
    assert hits("A shiny gizmo.") == []  # the first slot is not optional


@pytest.mark.parametrize(
    ("slots", "problem"),
    [
        ("[[our], []]", "sequences[0][1]"),
        ("[[our], [yes, no]]", "must be a non-empty string, not"),
        ('[[our], [""]]', 'a slot needs a word besides ""'),
        (
            "[" + ", ".join(["[a, b, c, d, e, f, g, h, i, j]"] * 5) + "]",
            "expands to 100000 phrases",
        ),
    ],
)
def test_bad_sequences_are_pack_errors(tmp_path: Path, slots: str, problem: str) -> None:
    from claimlint.packs import PackError

    with pytest.raises(PackError, match="sequences") as caught:
        load_rules([sequence_pack(tmp_path, slots)])
    assert problem in str(caught.value) and "gadget" in str(caught.value)


def test_a_modifier_naming_an_unknown_cue_lexicon_is_a_pack_error(tmp_path: Path) -> None:
    from claimlint.packs import PackError

    folder = tmp_path / "cues"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        "modifiers:\n  doubt:\n    category: hedge\n    cue_lexicons: [no-such-words]\n", "utf-8"
    )
    with pytest.raises(PackError, match="modifier 'doubt', field 'cue_lexicons': unknown lexicon"):
        load_rules([folder])


# -- clause: the classes of a match in one clause -------------------------------------------------


@pytest.mark.parametrize("clause", [False, True])
def test_clause_keeps_a_match_on_one_side_of_a_semicolon(tmp_path: Path, clause: bool) -> None:
    folder = one_rule_pack(
        tmp_path,
        "clause",
        "  gizmo: [gizmo, gizmos]\n  fixes: [fixes, fix]\n",
        "  - id: ACME301\n"
        "    name: gizmo-fix\n"
        "    category: efficacy\n"
        "    message: MESSAGE\n"
        f"    match: {{all: [gizmo, fixes], clause: {str(clause).lower()}}}\n"
        "    anchor: fixes\n",
    )
    linter = Linter(load_rules([folder]))

    def hits(text: str) -> list[str]:
        return [
            d.excerpt for d in linter.lint(Source("p.txt", text, "text")) if d.rule == "ACME301"
        ]

    assert hits("Our gizmo fixes it.") == ["gizmo fixes"]
    assert hits("Time fixes most things; a gizmo is optional.") == (
        [] if clause else ["fixes most things; a gizmo"]
    )
    assert hits("Time is slow; our gizmo fixes it.") == [
        "gizmo fixes"
    ]  # the nearer one, same clause


# -- clause_none: an exclusion that excuses only its own clause -----------------------------------


@pytest.mark.parametrize("key", ["none", "clause_none"])
def test_clause_none_excuses_only_the_anchors_clause(tmp_path: Path, key: str) -> None:
    folder = one_rule_pack(
        tmp_path,
        key,
        "  gizmo: [gizmo, gizmos]\n  fixes: [fixes, fix]\n  untested: [untested]\n",
        "  - id: ACME302\n"
        "    name: gizmo-fix-unless-untested\n"
        "    category: efficacy\n"
        "    message: MESSAGE\n"
        f"    match: {{all: [gizmo, fixes], {key}: [untested]}}\n"
        "    anchor: fixes\n",
    )
    linter = Linter(load_rules([folder]))

    def hits(text: str) -> list[str]:
        return [d.rule for d in linter.lint(Source("p.txt", text, "text")) if d.rule == "ACME302"]

    assert hits("Our gizmo fixes it.") == ["ACME302"]
    assert hits("Our untested gizmo fixes it.") == []  # in the claim's own clause: both excuse
    # in another clause of the sentence: `none` still excuses, `clause_none` does not
    second = hits("The gizmo is untested; our gizmo fixes it anyway.")
    assert second == ([] if key == "none" else ["ACME302"])


# -- a hedge whose words hold the claim's ---------------------------------------------------------


@pytest.mark.parametrize(("category", "silenced"), [("hedge", True), ("negation", False)])
def test_a_hedge_cue_holding_the_claim_word_qualifies_it(
    tmp_path: Path, category: str, silenced: bool
) -> None:
    """ "modest gains" qualifies the gains it names; a negation cue that holds the claim word
    ("no side effects") is what is claimed, and silences nothing."""
    folder = one_rule_pack(
        tmp_path,
        category,
        "  gizmo: [gizmo, gizmos]\n  gains: [gains]\n",
        "  - id: ACME303\n"
        "    name: gizmo-gains\n"
        "    category: efficacy\n"
        "    message: MESSAGE\n"
        "    match: {all: [gizmo, gains]}\n"
        "    anchor: gains\n"
        f"    unless: [{category}]\n",
    )
    pack = folder / "pack.yaml"
    pack.write_text(
        pack.read_text("utf-8")
        + f"modifiers:\n  modest:\n    category: {category}\n    direction: both\n"
        + '    cues: ["modest gains"]\n',
        "utf-8",
    )
    linter = Linter(load_rules([folder]))
    rules = [d.rule for d in linter.lint(Source("p.txt", "Our gizmo brings modest gains.", "text"))]
    assert ("ACME303" not in rules) is silenced
    rules = [d.rule for d in linter.lint(Source("p.txt", "Our gizmo brings gains.", "text"))]
    assert "ACME303" in rules
