"""The package layout's invariants: no import cycles, spaCy only in claimlint.nlp, small modules.

The import graph is read from the source with `ast` (every import statement, at module level,
inside functions and under TYPE_CHECKING alike: a lazy import is still a dependency), so the
check needs no import of claimlint and cannot be fooled by import order.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "claimlint"
HEAVY = ("spacy", "thinc")  # the NLP stack: only claimlint.nlp may import it
TOP_LEVEL_LIMIT = 8
MODULE_LINES_LIMIT = 500


def module_names(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every .py below a package folder."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def imports_of(path: Path, module: str, is_package: bool) -> set[str]:
    """Every module name an import statement in the file names, absolute or relative."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                head = ".".join(base + ([node.module] if node.module else []))
            else:
                head = node.module or ""
            found.add(head)
            found.update(f"{head}.{alias.name}" for alias in node.names)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """Edges between the package's own modules (a `from pkg import name` that is not a module
    is an edge to pkg)."""
    modules = module_names(root)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = imports_of(path, name, path.name == "__init__.py")
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first == last), or None; iterative DFS."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    for start in sorted(graph):
        if state.get(start):
            continue
        stack = [(start, iter(sorted(graph[start])))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                return path[path.index(child) :] + [child]
            elif not state.get(child):
                state[child] = 1
                stack.append((child, iter(sorted(graph[child]))))
                path.append(child)
    return None


def heavy_imports_outside(root: Path, allowed: str) -> list[str]:
    """Modules outside the `allowed` subpackage that import spaCy or thinc."""
    stray = []
    for name, path in module_names(root).items():
        if name == allowed or name.startswith(allowed + "."):
            continue
        targets = imports_of(path, name, path.name == "__init__.py")
        if any(t.split(".")[0] in HEAVY for t in targets):
            stray.append(name)
    return stray


# -- the real package ----------------------------------------------------------------------------


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph(PACKAGE)
    assert len(graph) > 30, "the graph should cover the whole package"
    assert find_cycle(graph) is None, f"import cycle: {' -> '.join(find_cycle(graph) or [])}"


def test_only_nlp_imports_spacy() -> None:
    assert heavy_imports_outside(PACKAGE, "claimlint.nlp") == []
    nlp_modules = [n for n in module_names(PACKAGE) if n.startswith("claimlint.nlp.")]
    assert heavy_imports_outside(PACKAGE, "claimlint.none") != [], "nlp/ does use spaCy"
    assert nlp_modules


def test_top_level_is_small_and_modules_are_short() -> None:
    entries = [
        p.name
        for p in PACKAGE.iterdir()
        if p.name != "__pycache__" and not (p.is_dir() and (p / "__init__.py").exists())
    ]
    assert len(entries) <= TOP_LEVEL_LIMIT, sorted(entries)
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MODULE_LINES_LIMIT
    }
    assert long == {}


def test_layers_point_downwards() -> None:
    """inputs and packs never reach up into nlp, outputs, run or the API."""
    upper = tuple(f"claimlint.{name}" for name in ("nlp", "outputs", "run", "api", "cli"))
    graph = import_graph(PACKAGE)
    for layer in ("claimlint.inputs", "claimlint.packs", "claimlint.diagnostics"):
        for module, targets in graph.items():
            if module == layer or module.startswith(layer + "."):
                wrong = sorted(t for t in targets if t.startswith(upper))
                assert wrong == [], f"{module} imports {wrong}"


# -- the checks themselves catch what they are for -----------------------------------------------


def write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


@pytest.mark.parametrize(
    "files",
    [
        {"__init__.py": "", "a.py": "from pkg import b\n", "b.py": "import pkg.a\n"},
        {  # a lazy import inside a function still counts
            "__init__.py": "",
            "a.py": "def f():\n    from .sub.c import x\n",
            "sub/__init__.py": "",
            "sub/c.py": "from ..b import y\n",
            "b.py": "from .a import f\n",
        },
    ],
)
def test_a_cycle_is_found(tmp_path: Path, files: dict[str, str]) -> None:
    cycle = find_cycle(import_graph(write_package(tmp_path, files)))
    assert cycle is not None and cycle[0] == cycle[-1] and len(cycle) >= 3


def test_no_cycle_in_a_tree(tmp_path: Path) -> None:
    files = {"__init__.py": "", "a.py": "from pkg import b\n", "b.py": "import os\n"}
    assert find_cycle(import_graph(write_package(tmp_path, files))) is None


def test_a_stray_spacy_import_is_found(tmp_path: Path) -> None:
    files = {
        "__init__.py": "",
        "nlp/__init__.py": "import spacy\n",
        "outputs.py": "def render():\n    from spacy.tokens import Doc\n",
    }
    assert heavy_imports_outside(write_package(tmp_path, files), "pkg.nlp") == ["pkg.outputs"]
