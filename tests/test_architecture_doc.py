"""docs/architecture.md stays true: it names every subpackage and top-level module, every
module path it mentions exists, and the README links it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "claimlint"
DOC = ROOT / "docs" / "architecture.md"


def test_the_package_map_names_every_subpackage_and_top_level_module() -> None:
    doc = DOC.read_text(encoding="utf-8")
    package_map = doc.split("## Package map", 1)[1].split("```")[1]
    for entry in PACKAGE.iterdir():
        if entry.name.startswith("__pycache__") or entry.name == "py.typed":
            continue
        name = entry.name + "/" if entry.is_dir() else entry.name
        assert name in package_map, f"docs/architecture.md's map does not show {name}"


def test_every_module_the_page_mentions_exists() -> None:
    doc = DOC.read_text(encoding="utf-8")
    paths = set(re.findall(r"`([a-z_]+/(?:[a-z_]+/)*[a-z_.-]+\.(?:py|json))`", doc))
    assert len(paths) > 10
    missing = sorted(p for p in paths if not (PACKAGE / p).exists())
    assert missing == []
    dotted = set(re.findall(r"`((?:inputs|packs|nlp|outputs|run|schemas)\.[a-z_]+)", doc))
    assert len(dotted) > 10
    for name in dotted:
        module = PACKAGE.joinpath(*name.split("."))
        assert module.with_suffix(".py").exists() or module.is_dir(), name


def test_the_readme_links_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    more = readme.split("## More", 1)[1].split("\n## ", 1)[0]
    assert "(docs/architecture.md)" in more


def test_schemas_is_at_the_ground() -> None:
    """claimlint.schemas (read by packs and run) imports nothing else of claimlint."""
    sys.path.insert(0, str(Path(__file__).parent))
    from test_architecture import import_graph

    graph = import_graph(PACKAGE)
    for module, targets in graph.items():
        if module.startswith("claimlint.schemas"):
            assert all(t.startswith("claimlint.schemas") for t in targets), (module, targets)
