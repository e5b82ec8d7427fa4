"""Configuration and packs cost bounded memory and stack: alias bombs and deep nesting are
errors naming the file, never gigabytes, never RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.packs import PackError, load_rules
from claimlint.packs.safe_yaml import MAX_DEPTH, YamlProblem, load_yaml
from claimlint.run.baseline import BaselineError, read_baseline
from claimlint.run.config import ConfigError, find_config_file, load_config


def laughs(levels: int = 9) -> str:
    """The billion-laughs document: each level lists the previous one ten times."""
    out = ['a0: &a0 "lol"']
    for i in range(1, levels + 1):
        out.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(out)


def test_alias_bomb_in_config_is_refused_with_a_short_message(tmp_path: Path) -> None:
    config = tmp_path / ".claimlint.yaml"
    bomb = laughs().replace("a9: &a9", "fail-on: &a9")
    config.write_text(bomb + "\n", encoding="utf-8")
    assert len(config.read_bytes()) < 700
    with pytest.raises(ConfigError) as error:
        load_config(config)
    assert str(config) in str(error.value) and "aliases are expanded" in str(error.value)
    assert len(str(error.value)) < 400


def test_alias_bomb_in_a_pack_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "bomb.yaml"
    nested = "\n".join("  " + line for line in laughs().splitlines())
    pack.write_text(f"pack: {{name: bomb, owner: a@b.c}}\nlexicons:\n{nested}\n", "utf-8")
    with pytest.raises(PackError) as error:
        load_rules([pack], bundled=False)
    assert "bomb.yaml" in str(error.value) and "aliases are expanded" in str(error.value)


def test_small_aliases_still_load() -> None:
    assert load_yaml("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


def test_deep_yaml_config_is_an_error_not_recursion(tmp_path: Path) -> None:
    config = tmp_path / ".claimlint.yaml"
    config.write_text("select: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(config)
    assert "nest" in str(error.value) and str(config) in str(error.value)
    with pytest.raises(YamlProblem) as problem:
        load_yaml("- " * 5_000 + "x")
    assert f"more than {MAX_DEPTH} levels" in str(problem.value)


def test_deep_unrelated_pyproject_is_not_our_business(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "x = " + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8"
    )
    (tmp_path / "page.md").write_text("Hello.\n", encoding="utf-8")
    assert find_config_file(tmp_path / "page.md") is None


def test_deep_pyproject_that_names_claimlint_is_reported(tmp_path: Path) -> None:
    toml = "[tool.claimlint]\nselect = " + "[" * 5_000 + "]" * 5_000 + "\n"
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError):
        find_config_file(tmp_path / "page.md")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path / "pyproject.toml")
    assert "nested too deeply" in str(error.value)


def test_deep_baseline_is_a_baseline_error(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(BaselineError) as error:
        read_baseline(baseline)
    assert str(baseline) in str(error.value)


def test_huge_value_is_never_repr_d_whole(tmp_path: Path) -> None:
    config = tmp_path / ".claimlint.yaml"
    config.write_text("fail-on: " + "x" * 1_000_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(config)
    assert len(str(error.value)) < 400


def test_a_duplicate_key_in_a_pack_is_an_error_naming_file_line_and_key(tmp_path: Path) -> None:
    """YAML keeps the last of two equal keys: a second `regex:` under a lexicon silently
    dropped the first list (it happened in a bundled pack)."""
    pack = tmp_path / "dup.yaml"
    pack.write_text(
        "pack: {name: dup, owner: a@b.c}\n"
        "lexicons:\n"
        "  relief-words:\n"
        "    terms: [soothes]\n"
        "    regex: ['\\bcalms\\b']\n"
        "    lemma: false\n"
        "    regex: ['\\beases\\b']\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as error:
        load_rules([pack], bundled=False)
    message = str(error.value)
    assert "dup.yaml" in message and "duplicate key 'regex'" in message
    assert "line 7" in message and "first on line 5" in message


def test_a_duplicate_key_in_config_is_an_error(tmp_path: Path) -> None:
    config = tmp_path / ".claimlint.yaml"
    config.write_text("fail-on: error\nexclude: [drafts]\nfail-on: warning\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(config)
    assert str(config) in str(error.value) and "duplicate key 'fail-on'" in str(error.value)


def test_equal_keys_in_different_mappings_are_fine() -> None:
    text = "a: {name: x}\nb: {name: y}\nlist:\n  - {name: 1, id: 2}\n  - {name: 3, id: 4}\n"
    assert load_yaml(text)["list"][1] == {"name": 3, "id": 4}


def test_every_bundled_pack_file_has_unique_keys() -> None:
    rules = Path(__file__).resolve().parents[2] / "rules"
    for path in sorted(rules.rglob("*.yaml")):
        load_yaml(path.read_text(encoding="utf-8"))  # raises YamlProblem on a duplicate key
