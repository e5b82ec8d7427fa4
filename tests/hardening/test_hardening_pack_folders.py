"""Pack folders from --rules or `rules:` are folders of packs: relative to the configuration,
bounded, loop-safe, symlinked sub-folders loaded; anything else is an error naming it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.packs import PackError, lazy_rules
from claimlint.packs import load as pack_load

PACK = """\
pack: {name: acme, owner: compliance@acme.example}
lexicons:
  zentrova: {terms: [zentrova], lemma: false}
  unfog: {terms: [unfog]}
rules:
  - id: ACME101
    name: zentrova-claim
    category: efficacy
    message: 'Zentrova claim: "{excerpt}"'
    match: {all: [zentrova, unfog]}
"""


def check(*args: str):
    return CliRunner().invoke(cli, ["check", "--no-cache", "-j", "1", *args])


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    path = tmp_path / "site" / "page.md"
    path.parent.mkdir()
    path.write_text("Zentrova will unfog you.\n", encoding="utf-8")
    return path


def test_config_rules_resolve_relative_to_the_config_file(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (page.parent / "packs").mkdir()
    (page.parent / "packs" / "acme.yaml").write_text(PACK, encoding="utf-8")
    (page.parent / ".claimlint.yaml").write_text("rules: [packs]\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = check(str(page))
    assert "ACME101" in result.stdout, result.output


@pytest.mark.skipif(os.name != "posix", reason="a POSIX root folder")
def test_config_rules_at_the_root_folder_is_an_error_naming_it(page: Path) -> None:
    (page.parent / ".claimlint.yaml").write_text('rules: ["/"]\n', encoding="utf-8")
    result = check(str(page))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "/: rule packs: holds more than" in lines[0]


def test_huge_folder_is_not_a_folder_of_packs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pack_load, "MAX_WALK_ENTRIES", 50)
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(60):
        (folder / f"f{i}.txt").write_text("x", encoding="utf-8")
    with pytest.raises(PackError) as error:
        lazy_rules([folder])
    assert str(folder) in str(error.value) and "more than 50" in str(error.value)


def test_folder_without_packs_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(PackError) as error:
        lazy_rules([tmp_path / "empty"])
    assert "holds no rule packs" in str(error.value)


def test_symlinked_sub_folder_is_loaded(page: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "acme.yaml").write_text(PACK, encoding="utf-8")
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "shared").symlink_to(shared, target_is_directory=True)
    (packs / "again").symlink_to(shared, target_is_directory=True)  # the same folder twice
    names = [p.name for p in lazy_rules([packs], bundled=False).packs]
    assert names == ["again/acme.yaml"]  # loaded, and once
    assert "ACME101" in check("--rules", str(packs), str(page)).stdout


def test_symlink_loop_is_an_error_naming_it(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    (packs / "inner").mkdir(parents=True)
    (packs / "acme.yaml").write_text(PACK, encoding="utf-8")
    (packs / "inner" / "back").symlink_to(packs, target_is_directory=True)
    with pytest.raises(PackError) as error:
        lazy_rules([packs])
    assert str(packs / "inner" / "back") in str(error.value)
    assert "symbolic link loop" in str(error.value)
    (tmp_path / "self").symlink_to(tmp_path / "self")
    with pytest.raises(PackError) as error:
        lazy_rules([tmp_path / "self"])
    assert "symbolic link loop" in str(error.value)
