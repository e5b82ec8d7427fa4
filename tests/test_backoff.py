"""The model rules (`backoff:`): a statistical backstop that runs after every rule, on the
sentences no rule flagged, explains itself, honours exemptions, and is trained
deterministically from the project's own data (scripts/train_backoff.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from script_helpers import load_build_script

from claimlint.api import lint_text
from claimlint.nlp.backoff import CLUSTERS, clusters, features, load_model, write_clusters
from claimlint.packs import PackError, load_rules

ROOT = Path(__file__).resolve().parents[1]
# CL199's own example, in a shape no rule reads
BACKSTOP = "With Calvera drops, sciatica stops calling the shots in your life."


def _train_module():
    return load_build_script("train_backoff")


def _rules(text: str) -> list[str]:
    return [d.rule for d in lint_text(text, path="page.md")]


def test_features_are_classes_words_clusters_kind_and_shapes() -> None:
    found = features("Eases 90% of aches?", ["treatment", "@negation:x", "not-in-names"], "list")
    assert {"L:treatment", "W:eases", "W:aches", "K:list"} <= found
    assert {"S:digit", "S:percent", "S:question"} <= found
    assert not any(f.startswith(("L:@", "L:not-in-")) for f in found)  # bookkeeping classes
    assert any(f.startswith("C14:") for f in found)  # a common word brings its cluster


def test_words_used_alike_share_clusters() -> None:
    """The point of the clusters: a verb the training text never used weighs as its
    neighbours do."""
    table = clusters()
    heals, improves, parking = table["heals"], table["improves"], table["parking"]
    assert heals & 0x3FF == improves & 0x3FF  # the same ten-bit path
    assert heals & 0x3FF != parking & 0x3FF


def test_the_backstop_flags_a_claim_no_rule_matched_and_explains_it() -> None:
    [found] = [d for d in lint_text(BACKSTOP + "\n", path="p.md") if d.rule == "CL199"]
    analysis = dict(found.analysis or ())
    assert found.severity == "warning" and found.category == "efficacy"
    assert "Calvera" in analysis["subject"]
    probability = float(analysis["model"].split()[0])
    assert 0.8 <= probability <= 1.0
    assert "most of all" in analysis["model"]
    assert found.to_json()["analysis"]["model"] == analysis["model"]  # the JSON output's field


def test_it_never_adds_to_a_sentence_a_rule_flagged() -> None:
    rules = _rules("Calvera drops cure sciatica.\n")
    assert rules and "CL199" not in rules


def test_the_rules_exemptions_apply_to_it(tmp_path: Path) -> None:
    """The same model and threshold, with and without `unless: [question]`: only the modifier
    tells the two apart (the bundled model scores the question 0.3 or more)."""
    from claimlint.nlp.engine import Linter

    pack = tmp_path / "packs" / "acme.yaml"
    pack.parent.mkdir()
    rule = (
        "  - id: ACME{n}\n    name: acme-backstop-{n}\n    category: efficacy\n"
        "    message: 'claim: {{excerpt}}'\n    backoff: {{model: claims, threshold: 0.3}}\n"
    )
    pack.write_text(
        "rules:\n" + rule.format(n=198) + rule.format(n=199) + "    unless: [question]\n",
        encoding="utf-8",
    )
    linter = Linter(load_rules([pack.parent], bundled=True))
    asked = "Do panic attacks ease off the moment the BreathBand starts humming?\n"
    found = {d.rule for d in lint_text(asked, path="p.md", linter=linter)}
    assert "ACME198" in found and "ACME199" not in found, found


def test_selection_applies_to_it(tmp_path: Path) -> None:
    from claimlint.api import lint_paths
    from claimlint.nlp.engine import Options

    page = tmp_path / "p.md"
    page.write_text(BACKSTOP + "\n", encoding="utf-8")
    ignored = lint_paths([str(page)], options=Options(ignore=("CL199",)))
    assert not [d for d in ignored.diagnostics if d.rule == "CL199"]
    alone = lint_paths([str(page)], options=Options(select=("CL199",)))
    assert [d.rule for d in alone.diagnostics] == ["CL199"]


@pytest.mark.parametrize(
    ("backoff", "field"),
    [
        ("backoff: {model: claims}", "backoff"),
        ("backoff: {model: claims, threshold: 1.5}", "threshold"),
        ("backoff: {model: nosuchmodel, threshold: 0.9}", "backoff.model"),
        ("backoff: {model: claims, threshold: 0.9}\n    match: {all: [treatment]}", "rule"),
    ],
)
def test_a_malformed_model_rule_is_a_clear_error(tmp_path: Path, backoff: str, field: str) -> None:
    pack = tmp_path / "packs" / "acme.yaml"
    pack.parent.mkdir()
    pack.write_text(
        "rules:\n  - id: ACME199\n    name: acme-backstop\n    category: efficacy\n"
        f"    message: 'claim: {{excerpt}}'\n    {backoff}\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as caught:
        load_rules([pack.parent], bundled=True)
    assert caught.value.path == str(pack)
    assert "ACME199" in caught.value.where
    assert field.split(".")[-1] in str(caught.value), str(caught.value)


def test_training_is_deterministic_and_learns_the_signal() -> None:
    train = _train_module().train
    claim, plain = {"L:outcome", "W:heals"}, {"W:parking", "K:paragraph"}
    examples = [(claim | {f"W:x{i % 3}"}, 1, "efficacy", ()) for i in range(12)]
    examples += [(plain | {f"W:y{i % 3}"}, 0, "", ()) for i in range(12)]
    examples += [({"L:route", "W:faster"}, 1, "route-comparison", ()) for _ in range(6)]
    first, second = train(examples), train(list(examples))
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    weights = first["claim"]["weights"]
    assert weights["L:outcome"] > 0 > weights["W:parking"]
    assert set(first["categories"]) == {"efficacy", "route-comparison"}


def test_a_claim_of_several_sentences_is_narrowed_to_the_one_that_reads_as_a_claim() -> None:
    narrowed = _train_module().narrowed
    heading, claim = {"K:heading", "W:clinic"}, {"L:outcome", "W:heals"}
    column = {"K:heading": 0, "W:clinic": 1, "L:outcome": 2, "W:heals": 3}
    weights = [-1.0, -0.5, 2.0, 1.0]
    bag = (heading | claim, 1, "efficacy", (heading, claim))
    single = ({"W:clinic"}, 0, "", ())
    assert narrowed([bag, single], column, weights, 0.0) == [
        (claim, 1, "efficacy", ()),
        single,
    ]


def test_the_shipped_model_and_clusters_load() -> None:
    model = load_model("claims")
    assert len(model.claim.weights) > 1000
    assert "efficacy" in model.categories
    assert model.probability({"W:parking", "W:monday", "K:paragraph"}) < 0.5


def test_the_shipped_clusters_are_what_the_builder_writes(tmp_path: Path) -> None:
    out = tmp_path / "clusters.txt"
    assert write_clusters(out) > 10_000
    assert out.read_bytes() == CLUSTERS.read_bytes()
