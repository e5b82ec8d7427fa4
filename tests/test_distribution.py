"""The distribution name, version, URLs, licence and every install instruction agree.

`pip install claimlint` installs an unrelated project from PyPI, so the distribution is
claimlint-health; until it is published, recipes install a tag from the repository."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from claimlint.version import DISTRIBUTION, REPOSITORY, __version__

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
RECIPES = [
    ROOT / ".github" / "workflows" / "claimlint.yml",
    *sorted((ROOT / "docs").rglob("*.yml")),
]


def test_name_version_and_urls_agree() -> None:
    project = PYPROJECT["project"]
    assert project["name"] == DISTRIBUTION == "claimlint-health"
    assert project["version"] == __version__
    assert project["scripts"] == {"claimlint": "claimlint.cli:run"}
    assert project["urls"]["Source"] == project["urls"]["Homepage"] == REPOSITORY
    assert all(url.startswith(REPOSITORY) for url in project["urls"].values())


def test_licence_file_matches_pyproject() -> None:
    assert PYPROJECT["project"]["license"] == {"text": "MIT"}
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text


def install_lines() -> list[tuple[str, str]]:
    found = []
    for path in DOCS + RECIPES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.search(r"\bpip install\b.*(claimlint|\s[\"']?\.)", line):
                found.append((path.name, line))
    return found


def test_every_install_instruction_installs_this_project() -> None:
    release = f'"git+{REPOSITORY}@v{__version__}"'
    lines = install_lines()
    assert len([line for _, line in lines if release in line]) >= 4  # README, docs, 2 recipes
    for name, line in lines:
        command = line[line.index("pip install") :]
        ok = (
            release in command
            or re.search(r"pip install (-q )?(-e )?[\"']?\.(\[test\])?[\"']?(\s|&&|$)", command)
            or re.search(
                r"Do not `pip install claimlint`|`pip install claimlint` installs an", line
            )
        )
        assert ok, f"{name}: {line.strip()}"


def test_every_repository_url_is_the_repository() -> None:
    for path in DOCS + RECIPES + [ROOT / ".pre-commit-hooks.yaml"]:
        for url in re.findall(r"https://github\.com/[\w.-]+/[\w.-]+", path.read_text("utf-8")):
            assert url == REPOSITORY, f"{path.name}: {url}"


def test_pre_commit_snippet_pins_this_release() -> None:
    text = (ROOT / "docs" / "workflows.md").read_text(encoding="utf-8")
    snippets = [
        yaml.safe_load(block)
        for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
        if block.startswith("repos:")
    ]
    assert snippets
    for snippet in snippets:
        [repo] = snippet["repos"]
        assert repo["repo"] == REPOSITORY and repo["rev"] == f"v{__version__}"
        assert [h["id"] for h in repo["hooks"]] == ["claimlint"]


def test_docs_do_not_point_at_files_users_do_not_have() -> None:
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        assert "../shared" not in text, path.name
        assert not re.search(r"\bsee DESIGN\b|DESIGN\.md", text), path.name


def test_every_subpackage_ships_in_the_wheel() -> None:
    """[tool.setuptools] lists packages by hand: a new subpackage missing from the list works
    in an editable install and breaks every real one (pre-commit, pip install git+...)."""
    src = ROOT / "src"
    found = {".".join(init.parent.relative_to(src).parts) for init in src.rglob("__init__.py")}
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert found <= listed, sorted(found - listed)


def test_every_data_file_ships_in_the_wheel() -> None:
    """The same for the data files beside the modules (word lists, model weights): a file
    missing from [tool.setuptools.package-data] is read in an editable install and missing
    from every real one (the model rule's weights were, once: 'unknown model')."""
    import fnmatch

    data = PYPROJECT["tool"]["setuptools"]["package-data"]
    src = ROOT / "src" / "claimlint"
    for path in src.rglob("*"):
        if path.suffix not in (".json", ".txt") or "__pycache__" in path.parts:
            continue
        package = ".".join(("claimlint", *path.parent.relative_to(src).parts))
        patterns = data.get(package, [])
        assert any(fnmatch.fnmatch(path.name, p) for p in patterns), f"{package}: {path.name}"
