"""The compiled-pack cache: packs parsed and lexicons compiled once per user, never trusted
blindly (a signed entry of this user's, for these very bytes and this very code)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from claimlint.inputs import user_cache
from claimlint.packs import load_rules

PAGE = "# Calmora drops\n\nCalmora drops calm an anxious mind within a day.\n"
PACK = """\
lexicons:
  acme-word: {terms: [zorblax]}
rules:
  - id: ACME101
    name: acme-word
    category: efficacy
    message: 'Acme word: "{excerpt}"'
    match: {all: [acme-word]}
    examples:
      flag: ["Zorblax here."]
      pass: ["Nothing here."]
"""


@pytest.fixture()
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache home, and no key or entries remembered from another test."""
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("CLAIMLINT_NO_PACK_CACHE", raising=False)
    monkeypatch.setattr(user_cache, "_KEY", [])
    return home


def check(cwd: Path, xdg: Path, *args: str, no_cache: bool = False) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(xdg)}
    env.pop("CLAIMLINT_NO_PACK_CACHE", None)
    if no_cache:
        env["CLAIMLINT_NO_PACK_CACHE"] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "--no-cache", "--format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def acme_excerpts(output: str) -> list[str]:
    return [d["excerpt"] for d in json.loads(output) if d["rule"] == "ACME101"]


def entries(xdg: Path) -> list[Path]:
    return sorted((xdg / "claimlint" / "compiled").glob("*.pickle"))


def test_second_run_reads_the_cache_and_finds_the_same(tmp_path: Path, xdg: Path) -> None:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    uncached = check(tmp_path, xdg, "page.md", no_cache=True)
    assert entries(xdg) == []  # CLAIMLINT_NO_PACK_CACHE=1 writes nothing
    first = check(tmp_path, xdg, "page.md")
    kinds = sorted(p.name.split("-")[0] for p in entries(xdg))
    assert kinds == ["lexicons", "packs"]
    second = check(tmp_path, xdg, "page.md")
    assert uncached == first == second
    assert '"CL' in second  # the page has findings, so equality says something


def test_entry_signed_with_another_key_is_never_unpickled(
    tmp_path: Path, xdg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = load_rules()
    rules.load()  # stores this user's entry
    key = rules.compiled_key
    (entry,) = [p for p in entries(xdg) if p.name.startswith("packs-")]
    marker = tmp_path / "executed"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    body = pickle.dumps((key, Payload()))
    forged = user_cache.sign(b"k" * 32, body).encode("ascii") + b"\n" + body
    entry.write_bytes(forged)
    assert user_cache.load_compiled("packs", key) is None
    assert not marker.exists()
    monkeypatch.setattr(user_cache, "_KEY", [b"k" * 32])  # the same bytes under their key
    user_cache.load_compiled("packs", key)
    assert marker.exists(), "the forged entry is well formed: only the key kept it out"


def test_damaged_or_foreign_entries_are_misses(xdg: Path) -> None:
    user_cache.store_compiled("packs", "a" * 64, {"x": 1})
    assert user_cache.load_compiled("packs", "a" * 64) == {"x": 1}
    assert user_cache.load_compiled("packs", "b" * 64) is None  # another key
    (entry,) = entries(xdg)
    raw = entry.read_bytes()
    entry.write_bytes(raw[:-3] + b"xyz")
    assert user_cache.load_compiled("packs", "a" * 64) is None
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert user_cache.load_compiled("packs", "a" * 64) is None


def test_edited_pack_gets_a_new_entry_and_new_findings(tmp_path: Path, xdg: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "acme.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "page.md").write_text("Zorblax and quibbit.\n", encoding="utf-8")
    before = acme_excerpts(check(tmp_path, xdg, "--rules", "packs", "page.md"))
    (packs / "acme.yaml").write_text(PACK.replace("zorblax", "quibbit"), encoding="utf-8")
    after = acme_excerpts(check(tmp_path, xdg, "--rules", "packs", "page.md"))
    assert (before, after) == (["Zorblax"], ["quibbit"])
    assert len([p for p in entries(xdg) if p.name.startswith("packs-")]) == 2


def test_the_cache_keeps_a_bounded_number_of_entries(xdg: Path) -> None:
    for n in range(user_cache.KEEP_COMPILED + 5):
        user_cache.store_compiled("lexicons", f"{n:02d}" + "a" * 62, n)
    assert len(entries(xdg)) == user_cache.KEEP_COMPILED


def test_code_and_data_files_are_part_of_the_key(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "nlp").mkdir(parents=True)
    (package / "nlp" / "engine.py").write_text("x = 1\n", encoding="utf-8")
    (package / "nlp" / "inflections.json").write_text("{}", encoding="utf-8")
    (package / "nlp" / "notes.md").write_text("not code", encoding="utf-8")
    first = user_cache.files_digest(package)
    (package / "nlp" / "notes.md").write_text("still not code", encoding="utf-8")
    assert user_cache.files_digest(package) == first
    (package / "nlp" / "inflections.json").write_text('{"cure": []}', encoding="utf-8")
    second = user_cache.files_digest(package)
    (package / "nlp" / "engine.py").write_text("x = 2\n", encoding="utf-8")
    assert len({first, second, user_cache.files_digest(package)}) == 3


def acme_linter(tmp_path: Path, pack: str = PACK):  # noqa: ANN201 - a Linter
    from claimlint.nlp.engine import Linter
    from claimlint.packs import lazy_rules

    folder = tmp_path / "packs"
    folder.mkdir(exist_ok=True)
    (folder / "acme.yaml").write_text(pack, encoding="utf-8")
    return Linter(lazy_rules([folder], bundled=False))


FORK_PROBE = """
import json, sys
from pathlib import Path
from claimlint.api import lint_text
from claimlint.nlp.engine import Linter
from claimlint.packs import PackError, lazy_rules
from claimlint.run.compile_apart import compile_apart

linter = Linter(lazy_rules([Path(sys.argv[1])], bundled=False))
report = {"first": compile_apart([linter, linter])}
report["parsed_here"] = linter.ruleset._parsed is not None
report["second"] = compile_apart([linter])
try:
    report["rules"] = [d.rule for d in lint_text("Zorblax here.", linter=linter)]
except PackError as error:
    report["error"] = str(error)
print(json.dumps(report))
"""


def fork_probe(tmp_path: Path, xdg: Path, pack: str = PACK) -> dict:
    """Run compile_apart in a fresh interpreter: a fork needs a process with one thread, and
    the suite's own process may hold threads other tests started (an LSP or HTTP server)."""
    folder = tmp_path / "packs"
    folder.mkdir(exist_ok=True)
    (folder / "acme.yaml").write_text(pack, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(xdg)}
    env.pop("CLAIMLINT_NO_PACK_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-c", FORK_PROBE, str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_first_run_compiles_in_a_child_and_lints_from_its_entries(
    tmp_path: Path, xdg: Path
) -> None:
    report = fork_probe(tmp_path, xdg)
    assert report["first"] is True  # a child ran and wrote the entries
    kinds = sorted(p.name.split("-")[0] for p in entries(xdg))
    assert kinds == ["lexicons", "packs"]
    assert report["parsed_here"] is False  # the child parsed the packs; the parent has not
    assert report["second"] is False  # nothing left to compile
    assert report["rules"] == ["ACME101"]


def test_no_child_where_the_cache_is_off_or_threads_run(
    tmp_path: Path, xdg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from claimlint.run.compile_apart import compile_apart

    linter = acme_linter(tmp_path)
    monkeypatch.setenv("CLAIMLINT_NO_PACK_CACHE", "1")
    assert compile_apart([linter]) is False
    monkeypatch.delenv("CLAIMLINT_NO_PACK_CACHE")
    stop = threading.Event()
    waiter = threading.Thread(target=stop.wait)
    waiter.start()
    try:
        assert compile_apart([linter]) is False  # a fork would copy the thread's locks
    finally:
        stop.set()
        waiter.join()
    assert entries(xdg) == []


def test_a_pack_error_in_the_child_is_reported_by_the_parent(tmp_path: Path, xdg: Path) -> None:
    report = fork_probe(tmp_path, xdg, PACK.replace("all: [acme-word]", "all: [no-such-word]"))
    assert report["first"] is False  # the child failed
    assert entries(xdg) == []
    assert "acme.yaml" in report["error"]
