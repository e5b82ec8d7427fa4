"""Broken and unusual files: each is linted with exact positions or refused with its path and
a reason on stderr (exit 2) while the others are still linted; never a traceback or a hang."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest
from robust_support import CLAIM, check_positions, run_cli

import claimlint.inputs.files as file_io
from claimlint.api import lint_paths, lint_text

LINE = CLAIM + "\n"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def texts_of(folder: Path, names: list[str], encoding: str = "utf-8") -> dict[str, str]:
    return {n: (folder / n).read_bytes().decode(encoding).lstrip("\ufeff") for n in names}


def lint_one(folder: Path, name: str, *extra: str) -> tuple[list[dict], str, int]:
    run = run_cli(["check", name, "--format", "json", "--no-cache", *extra], folder, timeout=60)
    return run.json(), run.stderr, run.code


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("crlf.md", ("Intro.\r\n\r\n" + CLAIM + "\r\n").encode()),
        ("cr-only.md", ("# Title\r\rIntro line.\r" + CLAIM + "\rMore.\r").encode()),
        ("cr-only.txt", ("Intro line.\r\r" + CLAIM + "\r").encode()),
        ("cr-only.html", ("<p>Intro.</p>\r<p>\r" + CLAIM + "</p>\r").encode()),
        ("utf8-bom.md", codecs.BOM_UTF8 + LINE.encode()),
        ("utf16-bom.txt", LINE.encode("utf-16")),
        ("utf16-be-bom.md", codecs.BOM_UTF16_BE + LINE.encode("utf-16-be")),
        ("utf16-le.md", ("Café. " + LINE).encode("utf-16-le")),
        ("utf16-be.html", ("<p>Café. " + CLAIM + "</p>").encode("utf-16-be")),
        ("non-ascii é ü 漢字.md", ("Ünïcödé 漢字 text. " + LINE).encode()),
        ("name with spaces.html", f"<p>A &amp; B. <b>{CLAIM}</b></p>".encode()),
        ("stray-nul.md", ("Intro\x00 text.\n\n\x00" + LINE).encode()),
        ("stray-nul.html", f"<p>\x00</p><p>{CLAIM}\x00</p>".encode()),
    ],
)
def test_unusual_but_valid_files_lint_with_exact_positions(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = write(tmp_path, name, data)
    found, stderr, code = lint_one(tmp_path, name)
    assert code == 1, stderr
    assert {d["path"] for d in found} == {name}
    text = file_io.read_source(str(path)).text
    assert check_positions(found, {name: text}) >= 2
    rules = {d["rule"] for d in found}
    assert "CL401" in rules  # "100% safe"


def test_latin1_is_refused_with_a_hint_and_lints_with_encoding(tmp_path: Path) -> None:
    write(tmp_path, "latin1.md", ("Café crème. " + LINE).encode("latin-1"))
    found, stderr, code = lint_one(tmp_path, "latin1.md")
    assert code == 2 and found == []
    assert "latin1.md: is not valid UTF-8" in stderr and "--encoding" in stderr
    found, stderr, code = lint_one(tmp_path, "latin1.md", "--encoding", "latin-1")
    assert code == 1, stderr
    check_positions(found, texts_of(tmp_path, ["latin1.md"], "latin-1"))
    assert found[0]["column"] > len("Café crème. ") - 1  # columns count characters, not bytes


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("invalid.md", b"Ketamine \xff\xfe cures.\n", "is not valid UTF-8 (byte 0xff at offset 9)"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("zeros.txt", b"\x00" * 4096 + b"Ketamine cures depression.\n", "binary"),
        ("random.html", bytes((i * 7919) % 256 for i in range(5000)), "not"),
        ("bad-bom.md", codecs.BOM_UTF8 + b"caf\xe9", "byte order mark"),
    ],
)
def test_undecodable_files_are_refused_with_path_and_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    write(tmp_path, "good.md", LINE.encode())
    write(tmp_path, name, data)
    run = run_cli(["check", ".", "--format", "json", "--no-cache"], tmp_path, timeout=60)
    assert run.code == 2
    assert f"{name}: " in run.stderr and reason in run.stderr
    found = run.json()
    assert {d["path"] for d in found} == {"good.md"}  # the rest is still linted


def test_empty_and_blank_files_lint_clean(tmp_path: Path) -> None:
    for name, data in [
        ("empty.md", b""),
        ("blank.html", b"\r\n \t\r"),
        ("bom.txt", b"\xef\xbb\xbf"),
    ]:
        write(tmp_path, name, data)
    run = run_cli(["check", ".", "--format", "json", "--no-cache"], tmp_path, timeout=60)
    assert (run.code, run.json(), run.stderr.strip()) == (0, [], "")


def test_unclosed_markup_keeps_positions(tmp_path: Path) -> None:
    cases = {
        "fence.md": f"{CLAIM}\n\n```python\ncode {CLAIM}\n",
        "comment.md": f"{CLAIM}\n\n<!-- never closed\n{CLAIM}\n",
        "comment.html": f"<p>{CLAIM}</p><!-- never closed <p>{CLAIM}",
        "tags.html": f"<div><p><b><i>{CLAIM}<span><a href='x'>{CLAIM}",
        "entities.html": f"<p>&amp &#99999999999999; &#x110000; &bogus; &#{'9' * 5000}; {CLAIM}",
        "attr.html": f'<p>{CLAIM}</p><img alt="{CLAIM}',
        "backticks.md": f"`{CLAIM}\n\n``{CLAIM}`\n\n{CLAIM}",
    }
    for name, text in cases.items():
        write(tmp_path, name, text.encode())
    run = run_cli(["check", ".", "--format", "json", "--no-cache"], tmp_path, timeout=60)
    assert run.code == 1, run.stderr
    found = run.json()
    check_positions(found, {n: t for n, t in cases.items()})
    assert {d["path"] for d in found} == set(cases)
    fence = [d for d in found if d["path"] == "fence.md"]
    assert {d["line"] for d in fence} == {1}  # the unclosed fence hides the rest


def test_deeply_nested_html(tmp_path: Path) -> None:
    text = "<div>" * 10_000 + f"<p>{CLAIM}</p>" + "</div>" * 10_000 + "<span>" * 10_000 + CLAIM
    write(tmp_path, "deep.html", text.encode())
    run = run_cli(["check", "deep.html", "--format", "json", "--no-cache"], tmp_path, timeout=60)
    assert run.code == 1
    assert check_positions(run.json(), {"deep.html": text}) >= 4


def test_symlink_loops_and_dangling_links_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "good.md", LINE.encode())
    (tmp_path / "loop-a.md").symlink_to("loop-b.md")
    (tmp_path / "loop-b.md").symlink_to("loop-a.md")
    (tmp_path / "dangling.md").symlink_to("missing.md")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")  # a folder loop: never followed
    (tmp_path / "alias.md").symlink_to("good.md")
    run = run_cli(["check", ".", "--format", "json", "--no-cache"], tmp_path, timeout=60)
    assert run.code == 2
    for name in ("loop-a.md", "loop-b.md", "dangling.md"):
        assert f"{name}: " in run.stderr
    assert "symbolic links" in run.stderr and "no such file" in run.stderr
    assert {d["path"] for d in run.json()} == {"good.md", "alias.md"}


def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    write(tmp_path, "good.md", LINE.encode())
    os.mkfifo(tmp_path / "pipe.md")
    run = run_cli(["check", ".", "--format", "json", "--no-cache"], tmp_path, timeout=60)
    assert run.code == 2
    assert "pipe.md: is a named pipe (FIFO)" in run.stderr
    assert {d["path"] for d in run.json()} == {"good.md"}


def test_folder_named_like_a_document_is_walked(tmp_path: Path) -> None:
    (tmp_path / "notes.md").mkdir()
    write(tmp_path / "notes.md", "inner.md", LINE.encode())
    found, stderr, code = lint_one(tmp_path, "notes.md")
    assert code == 1 and {d["path"] for d in found} == {"notes.md/inner.md"}


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, whom chmod 000 does not stop: make open() refuse instead."""
    write(tmp_path, "good.md", LINE.encode())
    secret = write(tmp_path, "secret.md", LINE.encode())
    real_open = open

    def refusing_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(file_io, "open", refusing_open, raising=False)
    result = lint_paths([str(tmp_path)])
    assert [(e.path, e.reason) for e in result.errors] == [(str(secret), "permission denied")]
    assert result.files == 1 and result.diagnostics


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_unreadable_file_real(tmp_path: Path) -> None:
    write(tmp_path, "good.md", LINE.encode())
    secret = write(tmp_path, "secret.md", LINE.encode())
    secret.chmod(0)
    try:
        run = run_cli(["check", ".", "--no-cache"], tmp_path, timeout=60)
    finally:
        secret.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert run.code == 2 and "secret.md: permission denied" in run.stderr


def test_unreadable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder that cannot be listed is reported, and the rest of the tree is linted."""
    write(tmp_path, "good.md", LINE.encode())
    (tmp_path / "locked").mkdir()
    write(tmp_path / "locked", "inner.md", LINE.encode())
    real_scandir = os.scandir

    def refusing_scandir(path=".") -> object:  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    result = lint_paths([str(tmp_path)])
    assert [e.reason for e in result.errors] == ["Permission denied"]
    assert result.errors[0].path.endswith("locked")
    assert result.files == 1


def test_json_stays_valid_with_a_mix_of_good_and_bad_files(tmp_path: Path) -> None:
    write(tmp_path, "a.md", LINE.encode())
    write(tmp_path, "b.md", b"caf\xe9 \xff")
    write(tmp_path, "c.html", f"<p>{CLAIM}".encode())
    write(tmp_path, "d.txt", b"\x00\x01\x02\x03" * 50)
    run = run_cli(
        ["check", "a.md", "b.md", "c.html", "d.txt", "missing.md", "--format", "json"],
        tmp_path,
        timeout=60,
    )
    assert run.code == 2
    found = run.json()
    assert {d["path"] for d in found} == {"a.md", "c.html"}
    errors = [line for line in run.stderr.splitlines() if line.strip()]
    assert any("b.md: is not valid UTF-8" in e for e in errors)
    assert any("d.txt: looks like a binary file" in e for e in errors)
    assert any("missing.md: no such file" in e for e in errors)


def test_stdin_with_broken_bytes(tmp_path: Path) -> None:
    run = run_cli(["check", "-", "--stdin-filename", "x.md"], tmp_path, stdin="\x00" * 100)
    assert run.code == 2 and "x.md: looks like a binary file" in run.stderr


def test_lone_surrogates_in_text_from_the_api_do_not_crash() -> None:
    # A str can hold lone surrogates (decoded with surrogateescape, or built in Python);
    # spaCy cannot encode them. They are blanked like control characters, positions intact.
    text = "\ud800<p>Ketamine cures depression.</p>\udfff\n"
    found = lint_text(text, path="page.html")
    claim = next(d for d in found if d.rule == "CL101")
    assert (claim.line, claim.column) == (1, text.index("Ketamine") + 1)
