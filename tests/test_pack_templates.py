"""A pack message is a template of documented placeholders, never a door into Python objects."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import PackError, load_rules
from claimlint.packs.templates import render, template_problem

PACK = """\
pack: {{name: evil, owner: x@example.com}}
lexicons:
  zentrova: {{terms: [zentrova], lemma: false}}
  unfog: {{terms: [unfog]}}
rules:
  - id: EVIL101
    name: evil-rule
    category: efficacy
    message: '{message}'
    match: {{all: [zentrova, unfog]}}
"""

ATTACK = "{rule.__init__.__globals__[os].environ[CLAIMLINT_SECRET]}"


def write_pack(folder: Path, message: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "evil.yaml").write_text(PACK.format(message=message), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "message",
    [
        ATTACK,
        "{rule.id}",
        "{excerpt.__class__}",
        "{excerpt[0]}",
        "{excerpt!r}",
        "{excerpt:>99999}",
        "{0}",
        "{}",
        "unbalanced { brace",
        "unbalanced } brace",
    ],
)
def test_anything_but_a_placeholder_is_refused_at_load(tmp_path: Path, message: str) -> None:
    folder = write_pack(tmp_path / "packs", message)
    with pytest.raises(PackError) as error:
        load_rules([folder])
    text = str(error.value)
    assert "evil.yaml" in text and "EVIL101" in text and "message" in text


def test_documented_placeholders_are_substituted(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "packs", "{id} {name} {category} {severity}: {{{excerpt}}}")
    linter = Linter(load_rules([folder]))
    found = [
        d
        for d in linter.lint(Source("p.txt", "Zentrova will unfog you.", "text"))
        if d.rule == "EVIL101"
    ]
    assert [d.message for d in found] == ["EVIL101 evil-rule efficacy error: {Zentrova will unfog}"]


def test_render_never_evaluates_fields() -> None:
    assert template_problem("a {excerpt} b {{c}}") is None
    assert render("{excerpt} {{x}} {id}", {"excerpt": "{id}", "id": "R1"}) == "{id} {x} R1"


def test_the_environment_attack_exits_2_with_one_line(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "packs", ATTACK)
    page = tmp_path / "page.md"
    page.write_text("Zentrova will unfog you.\n", encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimlint",
            "check",
            "--no-cache",
            "--rules",
            str(folder),
            str(page),
        ],
        capture_output=True,
        text=True,
        env={"CLAIMLINT_SECRET": "hunter2", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert run.returncode == 2
    assert "hunter2" not in run.stdout + run.stderr
    lines = (run.stdout + run.stderr).strip().splitlines()
    assert len(lines) == 1 and "evil.yaml" in lines[0] and "EVIL101" in lines[0]
