"""Configuration: discovery (closest wins), command line over file, every key, clear errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.api import lint_paths
from claimlint.cli import cli
from claimlint.run.config import ConfigError, find_config_file, load_config, write_starter
from claimlint.run.resolver import Overrides, Resolver

# Each line makes exactly one finding of its own rule (checked in test_page_findings).
SAFETY = "Our infusions are completely safe for every guest.\n"  # CL401
GUARANTEE = "Guaranteed results, every time.\n"  # CL601
CRISIS = "Some visitors describe suicidal thoughts before their first session.\n"  # CL302
PAGE = SAFETY + "\n" + GUARANTEE


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def rules_by_file(root: Path, *paths: str, **resolver_args) -> dict[str, list[str]]:
    """Lint with a Resolver (as `claimlint check` does): {file relative to root: [rule ids]}."""
    overrides = resolver_args.pop("overrides", Overrides())
    resolver = Resolver(overrides, **resolver_args)
    result = lint_paths([str(root / p) for p in paths], resolver=resolver)
    assert not result.errors, result.errors
    found: dict[str, list[str]] = {Path(p).relative_to(root).as_posix(): [] for p in result.linted}
    for d in result.diagnostics:
        found[Path(d.path).relative_to(root).as_posix()].append(d.rule)
    return {k: sorted(v) for k, v in found.items()}


def check(*args: str):
    return CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)


def test_page_findings(tmp_path: Path) -> None:
    write(tmp_path / "a.md", PAGE + "\n" + CRISIS)
    assert rules_by_file(tmp_path, "a.md", isolated=True) == {"a.md": ["CL302", "CL401", "CL601"]}


def test_nested_configs_closest_wins(tmp_path: Path) -> None:
    write(tmp_path / ".claimlint.yaml", "ignore: [safety]\n")
    write(tmp_path / "blog" / "pyproject.toml", '[tool.claimlint]\nignore = ["CL6"]\n')
    write(tmp_path / "blog" / "deep" / "pyproject.toml", "[project]\nname = 'not-ours'\n")
    for folder in ("", "blog/", "blog/deep/"):
        write(tmp_path / f"{folder}page.md", PAGE)
    assert rules_by_file(tmp_path, ".") == {
        "page.md": ["CL601"],  # root config: safety off
        "blog/page.md": ["CL401"],  # blog config replaces it (no merging): guarantees off
        "blog/deep/page.md": ["CL401"],  # a pyproject.toml without [tool.claimlint] is skipped
    }
    assert find_config_file(tmp_path / "blog" / "deep" / "page.md") == tmp_path / "blog" / (
        "pyproject.toml"
    )


def test_yaml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.claimlint]\nignore = ["CL4"]\n')
    write(tmp_path / ".claimlint.yaml", "ignore: [CL6]\n")
    assert find_config_file(tmp_path / "x.md") == tmp_path / ".claimlint.yaml"


def test_command_line_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / ".claimlint.yaml", "select: [CL6]\nfail-on: error\n")
    write(tmp_path / "page.md", PAGE)
    monkeypatch.chdir(tmp_path)
    assert rules_by_file(tmp_path, "page.md") == {"page.md": ["CL601"]}
    cli_select = Overrides(select=("safety",))
    assert rules_by_file(tmp_path, "page.md", overrides=cli_select) == {"page.md": ["CL401"]}
    cli_ignore = Overrides(ignore=("CL601",))  # --ignore adds to the file's selection
    assert rules_by_file(tmp_path, "page.md", overrides=cli_ignore) == {"page.md": []}
    resolver = Resolver(Overrides(fail_on="info"))
    assert resolver.fail_on_for(str(tmp_path / "page.md")) == "info"
    assert Resolver().fail_on_for(str(tmp_path / "page.md")) == "error"


def test_explicit_config_and_isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / ".claimlint.yaml", "ignore: [CL4]\n")
    write(tmp_path / "site" / ".claimlint.yaml", "ignore: [CL6]\n")
    write(tmp_path / "site" / "page.md", PAGE)
    other = write(tmp_path / "ci" / "strict.yaml", "ignore: []\nseverity: {CL601: warning}\n")
    monkeypatch.chdir(tmp_path)
    assert rules_by_file(tmp_path, "site") == {"site/page.md": ["CL401"]}
    assert rules_by_file(tmp_path, "site", isolated=True) == {"site/page.md": ["CL401", "CL601"]}
    assert rules_by_file(tmp_path, "site", config_file=other) == {
        "site/page.md": ["CL401", "CL601"]
    }
    result = check("site", "--config", str(other), "--format", "concise", "--fail-on", "error")
    assert "CL601 [warning]" in result.output and result.exit_code == 1
    result = check("site", "--no-config", "--format", "concise")
    assert "CL601 [error]" in result.output


def test_per_file_ignores_provided_and_severity(tmp_path: Path) -> None:
    write(
        tmp_path / ".claimlint.yaml",
        """\
        per-file-ignores:
          "legacy/**": [CL4, guarantee]
        provided-disclaimers:
          "help/*.md": [disclaimer-crisis]
        severity: {CL302: warning}
        """,
    )
    write(tmp_path / "legacy" / "old.md", PAGE)
    write(tmp_path / "help" / "faq.md", CRISIS)
    write(tmp_path / "news" / "faq.md", CRISIS)
    assert rules_by_file(tmp_path, ".") == {
        "help/faq.md": [],
        "legacy/old.md": [],
        "news/faq.md": ["CL302"],
    }
    result = lint_paths([str(tmp_path / "news")], resolver=Resolver())
    assert [d.severity for d in result.diagnostics] == ["warning"]


def test_include_exclude_and_extensions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path / ".claimlint.yaml",
        """\
        extensions: [md, mdx]
        exclude: ["drafts/", "*.tmp.md"]
        include: ["site/**"]
        """,
    )
    for name in (
        "site/a.md",
        "site/b.mdx",
        "site/c.html",
        "site/drafts/d.md",
        "site/e.tmp.md",
        "other/f.md",
    ):
        write(tmp_path / name, PAGE)
    assert sorted(rules_by_file(tmp_path, ".")) == ["site/a.md", "site/b.mdx"]
    monkeypatch.chdir(tmp_path)  # an excluded file is skipped even when named (pre-commit)
    result = check("site/drafts/d.md", "site/a.md", "--format", "concise")
    assert "site/a.md" in result.output and "drafts" not in result.output


def test_rule_packs_relative_to_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path / "style" / "house.yaml",
        """\
        lexicons:
          wonder-word: [wonder elixir]
        rules:
          - id: CL690
            name: wonder-elixir
            category: guarantee
            severity: warning
            summary: The house style forbids "wonder elixir".
            message: 'House style: "{excerpt}"'
            match: {all: [wonder-word]}
        """,
    )
    write(tmp_path / "site" / ".claimlint.yaml", "rules: [../style/house.yaml]\n")
    write(tmp_path / "site" / "a.md", "Try our wonder elixir today.\n")
    write(tmp_path / "elsewhere" / "b.md", "Try our wonder elixir today.\n")
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert rules_by_file(tmp_path, "site", "elsewhere") == {
        "site/a.md": ["CL690"],
        "elsewhere/b.md": [],
    }


def test_fix_texts_and_unused_flag_are_exposed(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        """\
        [tool.claimlint]
        report-unused-suppressions = true
        [tool.claimlint.fix-texts]
        fda = "Our ketamine care is off-label; no compounded form is FDA-approved for it."
        """,
    )
    config = load_config(path)
    assert (
        config.fix_text(
            "fda",
        )
        and "off-label" in config.fix_texts["fda"]
    )
    assert config.fix_text("crisis") is None
    assert config.report_unused_suppressions is True
    assert Resolver().config_for(tmp_path / "x.md") == config


def test_fix_texts_accept_the_compounded_kind(tmp_path: Path) -> None:
    path = write(
        tmp_path / ".claimlint.yaml",
        "fix-texts:\n  compounded: Compounded drugs are not FDA-approved.\n",
    )
    config = load_config(path)
    assert config.fix_text("compounded") == "Compounded drugs are not FDA-approved."
    assert Resolver().config_for(tmp_path / "x.md") == config


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ("selct: [CL1]\n", "selct", "did you mean 'select'"),
        ("severity: {CL101: fatal}\n", "severity.CL101", "'fatal' is not one of"),
        ("fail-on: sometimes\n", "fail-on", "is not one of"),
        ("ignore: 5\n", "ignore", "list of non-empty strings"),
        ("rules: [no/such/pack.yaml]\n", "rules", "does not exist"),
        ("fix-texts: {fdaa: hi}\n", "fix-texts.fdaa", "unknown kind"),
        ("report-unused-suppressions: maybe\n", "report-unused-suppressions", "true or false"),
        ("per-file-ignores: {'a/*': []}\n", "per-file-ignores.a/*", "non-empty list"),
        ("- just\n- a list\n", "", "must be a mapping"),
        ("select: [CL1\n", "", "invalid YAML"),
    ],
)
def test_bad_configuration_names_file_and_key(tmp_path: Path, text: str, key: str, problem: str):
    path = write(tmp_path / ".claimlint.yaml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.key == key and caught.value.path == str(path)
    assert problem in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ignore: [CL999]\n", "key 'ignore': 'CL999' names no rule"),
        ("unknown-key: 1\n", "key 'unknown-key': unknown key"),
        ("provided-disclaimers: {'*': [footer-thing]}\n", "'footer-thing' names no rule"),
    ],
)
def test_cli_reports_configuration_errors(tmp_path: Path, monkeypatch, text: str, message: str):
    write(tmp_path / ".claimlint.yaml", text)
    write(tmp_path / "a.md", PAGE)
    monkeypatch.chdir(tmp_path)
    result = check("a.md")
    assert result.exit_code == 2
    assert result.stderr.startswith("claimlint: configuration error: ")
    assert ".claimlint.yaml" in result.stderr and message in result.stderr
    assert "Traceback" not in result.output


def test_broken_pyproject_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml", "[tool.claimlint\nselect = 1\n")
    write(tmp_path / "a.md", PAGE)
    monkeypatch.chdir(tmp_path)
    result = check("a.md")
    assert result.exit_code == 2 and "pyproject.toml" in result.stderr


def test_init_writes_a_valid_starter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = CliRunner().invoke(cli, ["init"])
    assert first.exit_code == 0
    target = tmp_path / ".claimlint.yaml"
    text = target.read_text(encoding="utf-8")
    assert text.count("#") > 10  # commented
    config = load_config(target)
    assert config.fail_on == "info" and config.extensions
    target.write_text("ignore: [CL4]\n", encoding="utf-8")
    again = CliRunner().invoke(cli, ["init"])
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert target.read_text(encoding="utf-8") == "ignore: [CL4]\n"
    forced = CliRunner().invoke(cli, ["init", "--force"])
    assert forced.exit_code == 0 and target.read_text(encoding="utf-8") == text
    with pytest.raises(FileExistsError):
        write_starter(tmp_path)
