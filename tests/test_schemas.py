"""The JSON Schemas are the one source of truth for packs and configuration: claimlint's own
validators read their keys, types, enums and defaults from them, and a general JSON Schema
validator (`jsonschema`, what editors do) agrees with claimlint on valid and invalid documents."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from claimlint import schemas
from claimlint.packs import PackError, load_rules, model
from claimlint.packs import validate as pack_validate
from claimlint.run import config as config_module
from claimlint.run.config import STARTER, ConfigError, load_config, parse_config

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((ROOT / "rules").rglob("*.yaml"))


def validator(kind: str, definition: str = "") -> jsonschema.Draft7Validator:
    """A standard draft-07 validator for the whole schema or one of its definitions."""
    schema = schemas.load_schema(kind)
    if definition:
        schema = {"$ref": f"#/definitions/{definition}", "definitions": schema["definitions"]}
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def jsonschema_accepts(kind: str, value: object, definition: str = "") -> bool:
    return validator(kind, definition).is_valid(value)


@pytest.mark.parametrize("kind", ["pack", "config"])
def test_the_schemas_are_valid_draft_07(kind: str) -> None:
    schema = schemas.load_schema(kind)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    assert schemas.schema_path(kind).is_file()


def test_the_schemas_ship_in_the_wheel() -> None:
    """pyproject.toml packages claimlint.schemas with its *.json files."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = project["tool"]["setuptools"]
    assert "claimlint.schemas" in setuptools["packages"]
    patterns = setuptools["package-data"]["claimlint.schemas"]
    for kind in schemas.SCHEMAS:
        assert any(schemas.schema_path(kind).match(p) for p in patterns)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_bundled_pack_is_valid_for_jsonschema(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [e.message for e in validator("pack").iter_errors(data)]
    assert errors == []


def test_the_starter_configuration_is_valid_for_jsonschema() -> None:
    assert jsonschema_accepts("config", yaml.safe_load(STARTER))


# -- the validators read the schema ----------------------------------------------------------


def test_key_sets_and_vocabularies_come_from_the_schema() -> None:
    pack = schemas.load_schema("pack")["definitions"]
    assert pack_validate.pack_keys("rule") == tuple(pack["rule"]["properties"])
    assert model.CATEGORIES == tuple(pack["category"]["enum"])
    assert model.SEVERITIES == tuple(pack["severity"]["enum"])
    assert model.SENTENCE_BLOCKS_DEFAULT == tuple(
        k for k in pack["blockKind"]["enum"] if k != "tags"
    )
    config = schemas.load_schema("config")
    assert config_module.config_keys() == tuple(config["properties"])


@pytest.fixture
def edited_schema(monkeypatch: pytest.MonkeyPatch):
    """Change a copy of a schema, and have claimlint's validators use the copy."""

    monkeypatch.setenv("CLAIMLINT_NO_PACK_CACHE", "1")  # a parse under another schema

    def edit(kind: str, change) -> None:
        schema = copy.deepcopy(schemas.load_schema(kind))
        change(schema)
        monkeypatch.setattr(pack_validate, "load_schema", lambda k: schema)
        monkeypatch.setattr(config_module, "load_schema", lambda k: schema)
        pack_validate.pack_schema.cache_clear()
        config_module.config_schema.cache_clear()

    yield edit
    pack_validate.pack_schema.cache_clear()
    config_module.config_schema.cache_clear()


RULE = """\
rules:
  - id: ACME101
    name: acme-claim
    category: efficacy
    message: 'Acme claim: "{excerpt}"'
    match: {all: [treatment, outcome]}
    colour: red
"""


def test_a_key_added_to_the_schema_is_accepted_by_the_pack_validator(
    tmp_path: Path, edited_schema
) -> None:
    (tmp_path / "acme.yaml").write_text(RULE, encoding="utf-8")
    with pytest.raises(PackError, match="colour"):
        load_rules([tmp_path], bundled=True)
    edited_schema(
        "pack", lambda s: s["definitions"]["rule"]["properties"].update(colour={"type": "string"})
    )
    assert load_rules([tmp_path], bundled=True).rule("ACME101") is not None


def test_an_enum_changed_in_the_schema_changes_the_config_validator(
    tmp_path: Path, edited_schema
) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text("fail-on: warning\n", encoding="utf-8")
    assert load_config(path).fail_on == "warning"
    edited_schema("config", lambda s: s["properties"]["fail-on"]["enum"].remove("warning"))
    with pytest.raises(ConfigError, match="'warning' is not one of error, info"):
        load_config(path)


# -- claimlint and jsonschema agree ------------------------------------------------------------

# Packs only the schema can judge (cross-pack names, YAML syntax, regex backtracking and
# message placeholders are checked by claimlint beyond the schema).
INVALID_PACKS = {
    "unknown-rule-key": RULE,
    "unknown-pack-key": "lexicon:\n  widget: [x]\n",
    "rules-not-a-list": "rules: {id: ACME101}\n",
    "lexicon-not-kebab": "lexicons:\n  Widget: [x]\n",
    "lexicon-a-number": "lexicons:\n  widget: 5\n",
    "lexicon-without-terms": "lexicons:\n  widget: {description: words}\n",
    "invalid-regex": "lexicons:\n  widget:\n    regex: ['(unclosed']\n",
    "token-attribute": "lexicons:\n  widget:\n    tokens: [[{COLOUR: red}]]\n",
    "token-operator": "lexicons:\n  widget:\n    tokens: [[{LOWER: a, OP: '%'}]]\n",
    "token-not-a-dict": "lexicons:\n  widget:\n    tokens: [[lower]]\n",
    "modifier-without-cues": "modifiers:\n  doubt: {category: doubt, final: []}\n",
    "modifier-direction": "modifiers:\n  doubt: {category: doubt, cues: [x], direction: up}\n",
    "modifier-scope": "modifiers:\n  doubt: {category: doubt, cues: [x], scope: -1}\n",
}


@pytest.mark.parametrize("text", INVALID_PACKS.values(), ids=INVALID_PACKS.keys())
def test_invalid_packs_are_rejected_by_both(tmp_path: Path, text: str) -> None:
    (tmp_path / "acme.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PackError):
        load_rules([tmp_path], bundled=True)
    assert not jsonschema_accepts("pack", yaml.safe_load(text))


# Each mutation of a valid rule: (field, value). Both validators must give the same verdict.
VALUES = [None, True, 0, 3, -1, "", " ", "x", "error", "efficacy", "ACME102", [], ["x"], [5], {}]
FIELDS = [
    "id",
    "name",
    "category",
    "severity",
    "message",
    "summary",
    "references",
    "anchor",
    "unless",
    "blocks",
    "yield_to",
    "suggest",
    "examples",
    "match",
    "document",
    "page",
    "colour",
]
BASE_RULE = {
    "id": "ACME101",
    "name": "acme-claim",
    "category": "efficacy",
    "message": "Acme claim",
    "match": {"all": ["treatment"], "order": True, "within": 4},
}


def claimlint_accepts_rule(rule: dict) -> bool:
    try:
        pack_validate._parse_rule(rule, "acme.yaml", 0)
    except PackError:
        return False
    return True


@pytest.mark.parametrize("field", FIELDS)
def test_claimlint_and_jsonschema_agree_on_mutated_rules(field: str) -> None:
    verdicts = []
    for value in VALUES:
        for base in (BASE_RULE, {**BASE_RULE, "document": BASE_RULE["match"]}):
            rule = {**base, field: value}
            ours = claimlint_accepts_rule(rule)
            theirs = jsonschema_accepts("pack", rule, "rule")
            verdicts.append(ours)
            assert ours == theirs, (rule, ours, theirs)
    assert False in verdicts  # every field has values that break it


@pytest.mark.parametrize(
    "field",
    [
        "all",
        "any",
        "start",
        "none",
        "order",
        "within",
        "carry",
        "carry_unless",
        "carry_previous",
        "carry_back",
    ],
)
def test_claimlint_and_jsonschema_agree_on_mutated_matches(field: str) -> None:
    for value in VALUES:
        for base in ({"all": ["a"]}, {"any": ["a"], "none": ["b"]}):
            rule = {**BASE_RULE, "match": {**base, field: value}}
            assert claimlint_accepts_rule(rule) == jsonschema_accepts("pack", rule, "rule"), rule


INVALID_CONFIGS = [
    "selct: [CL1]\n",
    "severity: {CL101: fatal}\n",
    "fail-on: sometimes\n",
    "ignore: 5\n",
    "ignore: [' ']\n",
    "fix-texts: {fdaa: hi}\n",
    "fix-texts: {fda: ''}\n",
    "report-unused-suppressions: maybe\n",
    "per-file-ignores: {'a/*': []}\n",
    "provided-disclaimers: [footer]\n",
    "extensions: []\n",
    "- just\n- a list\n",
]
VALID_CONFIGS = [
    STARTER,
    "select: CL1, CL3\nignore: [CL4]\nfail-on: warning\n",
    "per-file-ignores: {'blog/**': 'CL106, CL107'}\nseverity: {CL106: info}\n",
    "fix-texts: {fda: Not FDA-approved for depression.}\nreport-unused-suppressions: true\n",
    "extensions: md\ninclude: ['pages/**']\nexclude: []\n",
]


@pytest.mark.parametrize("text", INVALID_CONFIGS)
def test_invalid_configurations_are_rejected_by_both(tmp_path: Path, text: str) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(path)
    assert not jsonschema_accepts("config", yaml.safe_load(text))


@pytest.mark.parametrize("text", VALID_CONFIGS)
def test_valid_configurations_are_accepted_by_both(tmp_path: Path, text: str) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text(text, encoding="utf-8")
    load_config(path)
    assert jsonschema_accepts("config", yaml.safe_load(text))


def test_pyproject_tables_are_checked_by_the_same_schema(tmp_path: Path) -> None:
    import tomllib

    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.claimlint]\nignore = ["CL4"]\nfail-on = "fatal"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.key == "tool.claimlint.fail-on"
    table = tomllib.loads(path.read_text(encoding="utf-8"))["tool"]["claimlint"]
    assert not jsonschema_accepts("config", table)
    assert parse_config({"ignore": ["CL4"]}, path).ignore == ("CL4",)


# -- a cache hit never loads a schema ---------------------------------------------------------

_PROBE = """
import sys
from claimlint.cli import cli
from claimlint import schemas
try:
    cli.main(args=sys.argv[1:], prog_name="claimlint")
except SystemExit:
    pass
print("\\nLOADED", schemas.load_schema.cache_info().currsize)
"""


def loaded_schemas(args: list[str], cwd: Path, **env: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
    )
    last = done.stdout.rstrip().splitlines()[-1]
    assert last.startswith("LOADED"), done.stderr
    return int(last.split()[1])


def test_a_cache_hit_loads_no_schema(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("Ketamine cures depression.\n", encoding="utf-8")
    xdg = str(tmp_path / "xdg")
    # With the compiled-pack cache off, a run parses the packs itself, loading the schema.
    no_pack_cache = {"XDG_CACHE_HOME": xdg, "CLAIMLINT_NO_PACK_CACHE": "1"}
    assert loaded_schemas(["check", "--no-cache", "page.md"], tmp_path, **no_pack_cache) == 1
    # A first run parses them in a forked child that writes the compiled-pack cache
    # (run/compile_apart.py); later result-cache misses read that cache.
    assert loaded_schemas(["check", "page.md"], tmp_path, XDG_CACHE_HOME=xdg) == 0
    assert loaded_schemas(["check", "--no-cache", "page.md"], tmp_path, XDG_CACHE_HOME=xdg) == 0
    assert loaded_schemas(["check", "page.md"], tmp_path, XDG_CACHE_HOME=xdg) == 0  # a hit


def test_schema_files_are_json() -> None:
    for kind in schemas.SCHEMAS:
        assert json.loads(schemas.schema_path(kind).read_text(encoding="utf-8"))


def test_the_fix_text_kinds_are_the_fixers() -> None:
    from claimlint.run.fixer import ORDER

    fix_texts = schemas.load_schema("config")["properties"]["fix-texts"]
    assert tuple(fix_texts["propertyNames"]["enum"]) == ORDER
    assert tuple(fix_texts["properties"]) == ORDER


# -- published for editors -------------------------------------------------------------------


def test_the_schema_command_prints_the_installed_files() -> None:
    from click.testing import CliRunner

    from claimlint.cli import cli

    runner = CliRunner()
    for kind in ("pack", "config"):
        path = runner.invoke(cli, ["schema", kind])
        assert path.exit_code == 0 and path.stdout.strip() == str(schemas.schema_path(kind))
        uri = runner.invoke(cli, ["schema", kind, "--uri"])
        assert uri.stdout.strip() == schemas.schema_path(kind).as_uri()
        content = runner.invoke(cli, ["schema", kind, "--content"])
        assert json.loads(content.stdout) == schemas.load_schema(kind)
    wrong = runner.invoke(cli, ["schema", "rules"])
    assert wrong.exit_code == 2 and "'rules' is not one of" in wrong.output


def test_init_points_the_yaml_language_server_at_the_config_schema(tmp_path: Path) -> None:
    from urllib.parse import unquote, urlparse

    from click.testing import CliRunner

    from claimlint.cli import cli

    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 0
    target = tmp_path / ".claimlint.yaml"
    first, _, rest = target.read_text(encoding="utf-8").partition("\n")
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    uri = urlparse(first.removeprefix(prefix))
    assert uri.scheme == "file"
    assert Path(unquote(uri.path)) == schemas.schema_path("config")
    assert rest == STARTER  # the rest is the documented starter
    assert load_config(target).fail_on == "info"
    assert jsonschema_accepts("config", yaml.safe_load(target.read_text(encoding="utf-8")))


def test_the_editor_documentation_names_the_command_and_the_settings() -> None:
    doc = (ROOT / "docs" / "editor-schemas.md").read_text(encoding="utf-8")
    for needle in (
        "claimlint schema config",
        "claimlint schema pack",
        '"yaml.schemas"',
        "$schema=",
    ):
        assert needle in doc
    for doc_name in ("rule-packs.md", "workflows.md"):
        assert "editor-schemas.md" in (ROOT / "docs" / doc_name).read_text(encoding="utf-8")
