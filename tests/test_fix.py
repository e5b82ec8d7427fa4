"""`check --fix` / `--diff`: placement per format, byte-exact preservation, idempotence."""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.api import lint_text
from claimlint.cli import cli
from claimlint.run.fixer import DEFAULT_TEXTS, detect_newline, insert_statements

FDA, CRISIS = DEFAULT_TEXTS["fda"], DEFAULT_TEXTS["crisis"]
NEEDS_BOTH = "We offer ketamine infusions for depression. Some patients have suicidal thoughts."


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(cli, ["check", "--no-cache", *args], input=stdin)


def findings(path: Path) -> list[dict]:
    return json.loads(run(str(path), "--format", "json").stdout)


def document_level(path: Path) -> list[str]:
    return [f["rule"] for f in findings(path) if f["category"].startswith("disclaimer-")]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_default_texts_satisfy_the_rules_and_trigger_nothing_else():
    for fmt, name in (("text", "t.txt"), ("markdown", "t.md")):
        assert lint_text(FDA + "\n\n" + CRISIS + "\n", path=name, fmt=fmt) == []
        fixed = insert_statements(NEEDS_BOTH + "\n", fmt, [FDA, CRISIS])
        assert lint_text(fixed, path=name, fmt=fmt) == []


def test_markdown_goes_before_trailing_footnotes_and_link_definitions():
    path = Path("page.md")
    body = (
        "# Evening clinic\n\n"
        "We offer ketamine infusions for depression. Evenings only.[^a]\n"
        "See [our team][team].\n\n"
        "[^a]: A footnote that spans\n    two lines.\n\n"
        "[team]: https://example.org/team\n"
    )
    path.write_text(body, encoding="utf-8")
    assert document_level(path) == ["CL301"]
    result = run(str(path), "--fix")
    fixed = path.read_text(encoding="utf-8")
    assert fixed == body.replace("[^a]: A footnote", FDA + "\n\n[^a]: A footnote")
    assert document_level(path) == []
    assert result.exit_code == 0, result.output  # nothing remains


def test_markdown_without_definitions_appends_at_the_end_and_keeps_no_final_newline():
    path = Path("end.md")
    body = "Talk therapy may ease suicidal thoughts in some people."  # no final newline
    path.write_text(body, encoding="utf-8")
    run(str(path), "--fix")
    fixed = path.read_text(encoding="utf-8")
    assert fixed == body + "\n\n" + CRISIS
    assert document_level(path) == []


def test_html_goes_in_a_paragraph_before_main_with_the_files_indentation():
    path = Path("page.html")
    body = (
        "<!doctype html>\n<html>\n<body>\n  <main>\n"
        "    <p>Our ketamine infusions treat depression.</p>\n"
        "    <script>var note = '</main>';</script>\n"
        "  </main>\n  <footer>Call us</footer>\n</body>\n</html>\n"
    )
    path.write_text(body, encoding="utf-8")
    run(str(path), "--fix")
    fixed = path.read_text(encoding="utf-8")
    assert fixed == body.replace("  </main>\n", f"    <p>{FDA}</p>\n  </main>\n")
    assert document_level(path) == []


def test_html_without_main_uses_body_and_escapes_the_statement():
    path = Path("b.htm")
    body = "<html><body><p>Talk therapy may help some with suicidal thoughts.</p></body></html>"
    path.write_text(body, encoding="utf-8")
    run(str(path), "--fix")
    fixed = path.read_text(encoding="utf-8")
    expected = CRISIS.replace("&", "&amp;")
    assert fixed == body.replace("</body>", f"<p>{expected}</p></body>")
    assert document_level(path) == []


def test_html_fragment_without_body_gets_it_at_the_end():
    path = Path("frag.html")
    body = "<p>Ketamine infusions for depression.</p>\n"
    path.write_text(body, encoding="utf-8")
    run(str(path), "--fix")
    assert path.read_text(encoding="utf-8") == body + "\n" + f"<p>{FDA}</p>\n"
    assert document_level(path) == []


def test_text_both_statements_at_the_end_with_crlf_kept():
    path = Path("note.txt")
    body = (NEEDS_BOTH + "\r\nBook a visit.\r\n").encode()
    path.write_bytes(body)
    assert sorted(document_level(path)) == ["CL301", "CL302"]
    run(str(path), "--fix")
    fixed = path.read_bytes()
    assert fixed == body + f"\r\n{FDA}\r\n\r\n{CRISIS}\r\n".encode()
    assert b"\n" not in fixed.replace(b"\r\n", b"")  # no bare LF slipped in
    assert document_level(path) == []


def test_old_mac_cr_line_endings_are_kept():
    assert detect_newline("a\rb\rc\r") == "\r"
    fixed = insert_statements("Suicidal thoughts are common.\r", "text", [CRISIS])
    assert fixed == "Suicidal thoughts are common.\r\r" + CRISIS + "\r"


def test_second_run_changes_nothing():
    path = Path("twice.md")
    path.write_text(NEEDS_BOTH + "\n", encoding="utf-8")
    run(str(path), "--fix")
    once = path.read_bytes()
    before = os.stat(path).st_mtime_ns
    result = run(str(path), "--fix")
    assert path.read_bytes() == once and os.stat(path).st_mtime_ns == before
    assert "added" not in result.stderr
    assert run(str(path), "--diff").stdout == ""


def test_diff_shows_a_unified_diff_and_writes_nothing():
    path = Path("d.md")
    body = NEEDS_BOTH + "\n"
    path.write_text(body, encoding="utf-8")
    result = run(str(path), "--diff")
    assert path.read_text(encoding="utf-8") == body
    assert result.stdout.startswith("--- d.md\n+++ d.md\n@@ ")
    assert f"+{FDA}\n" in result.stdout and f"+{CRISIS}\n" in result.stdout
    assert result.exit_code == 1  # the file still lacks the statements
    assert not any(name.endswith(".claimlint-tmp") for name in os.listdir("."))


def test_utf16_with_bom_stays_utf16_with_bom():
    path = Path("wide.txt")
    body = codecs.BOM_UTF16_LE + "Café visits: ketamine infusions for depression.\r\n".encode(
        "utf-16-le"
    )
    path.write_bytes(body)
    run(str(path), "--fix")
    fixed = path.read_bytes()
    assert fixed.startswith(codecs.BOM_UTF16_LE + "Café".encode("utf-16-le"))
    assert fixed == body + f"\r\n{FDA}\r\n".encode("utf-16-le")
    assert document_level(path) == []


def test_latin1_with_encoding_option_is_written_back_as_latin1():
    path = Path("old.md")
    body = "Séances de kétamine: ketamine infusions for depression.\n".encode("latin-1")
    path.write_bytes(body)
    result = run(str(path), "--fix", "--encoding", "latin-1")
    assert result.exit_code == 0, result.output
    fixed = path.read_bytes()
    assert fixed == body + b"\n" + FDA.encode("latin-1") + b"\n"
    assert run(str(path), "--encoding", "latin-1", "--format", "json").stdout.strip() == "[]"


def test_utf8_bom_is_kept():
    path = Path("bom.md")
    body = codecs.BOM_UTF8 + b"Ketamine infusions for depression.\n"
    path.write_bytes(body)
    run(str(path), "--fix")
    assert path.read_bytes() == body + b"\n" + FDA.encode() + b"\n"


def test_undecodable_file_is_never_written():
    path = Path("bad.md")
    body = b"Ketamine infusions for depression \xff\xfe here.\n"
    path.write_bytes(body)
    result = run(str(path), "--fix")
    assert path.read_bytes() == body
    assert result.exit_code == 2
    assert "bad.md" in result.stderr and "UTF-8" in result.stderr


def test_permissions_are_kept(tmp_path):
    path = Path("mode.txt")
    path.write_text("Ketamine infusions for depression.\n", encoding="utf-8")
    os.chmod(path, 0o640)
    run(str(path), "--fix")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert FDA in path.read_text(encoding="utf-8")


def test_symlink_target_is_fixed_and_link_kept():
    target = Path("real.txt")
    target.write_text("Ketamine infusions for depression.\n", encoding="utf-8")
    link = Path("link.txt")
    link.symlink_to(target)
    run(str(link), "--fix")
    assert link.is_symlink() and FDA in target.read_text(encoding="utf-8")


def test_failed_write_reports_the_file_and_leaves_it(monkeypatch):
    import claimlint.run.fixer

    path = Path("p.txt")
    body = b"Ketamine infusions for depression.\n"
    path.write_bytes(body)

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", dst)

    monkeypatch.setattr(claimlint.run.fixer.os, "replace", refuse)
    result = run(str(path), "--fix")
    assert result.exit_code == 2
    assert "p.txt: fixed text could not be written: permission denied" in result.stderr
    assert path.read_bytes() == body
    assert os.listdir(".") == ["p.txt"]  # the temporary file was removed


def test_stdin_prints_the_fixed_text():
    body = b"Ketamine infusions for depression.\n"
    result = run("-", "--fix", "--stdin-filename", "in.md", stdin=body)
    assert result.stdout_bytes == body + b"\n" + FDA.encode() + b"\n"
    assert result.exit_code == 0


def test_exit_status_follows_remaining_findings():
    path = Path("rest.md")
    path.write_text("Ketamine infusions for depression are completely safe.\n", encoding="utf-8")
    result = run(str(path), "--fix", "--format", "json")
    remaining = json.loads(result.stdout)
    assert remaining and all(not f["category"].startswith("disclaimer-") for f in remaining)
    assert result.exit_code == 1


def test_fix_text_that_does_not_satisfy_the_rule_is_not_written():
    from claimlint.api import Result
    from claimlint.run.fixer import plan

    data = b"Ketamine infusions for depression.\n"
    diags = lint_text(data.decode(), path="x.txt")
    assert [d.rule for d in diags] == ["CL301"]

    def lint_bytes(name: str, raw: bytes) -> Result:
        return Result(diagnostics=lint_text(raw.decode(), path=name), files=1)

    planned = plan(
        "x.txt", data, diags, lint_bytes=lint_bytes, texts={"fda": "Talk to your doctor."}
    )
    assert planned is not None and planned.new_bytes == data and "CL301" in planned.warning
    good = plan(
        "x.txt",
        data,
        diags,
        lint_bytes=lint_bytes,
        texts={"fda": "Ketamine is not FDA-approved for depression."},
    )
    assert good.new_bytes == data + b"\nKetamine is not FDA-approved for depression.\n"


def test_configured_fix_texts_are_used():
    Path(".claimlint.yaml").write_text(
        "fix-texts:\n  fda: Ketamine treatment for mood disorders is off-label.\n", encoding="utf-8"
    )
    path = Path("c.txt")
    path.write_text("Ketamine infusions for depression.\n", encoding="utf-8")
    result = run(str(path), "--fix")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").endswith(
        "\nKetamine treatment for mood disorders is off-label.\n"
    )


def test_nothing_else_is_touched_when_nothing_is_missing():
    path = Path("fine.md")
    body = b"Our clinic is open on Sundays.\n"
    path.write_bytes(body)
    before = os.stat(path).st_mtime_ns
    run(str(path), "--fix")
    assert path.read_bytes() == body and os.stat(path).st_mtime_ns == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\n", "a\r\n\r\nS\r\n"),
        ("a\r\n\r\n", "a\r\n\r\nS\r\n"),
        ("a\n", "a\n\nS\n"),
        ("a\n\n", "a\n\nS\n"),
        ("a\r", "a\r\rS\r"),
        ("a", "a\n\nS"),
        ("", "S\n"),
    ],
)
def test_appending_makes_exactly_one_blank_line(text, expected):
    assert insert_statements(text, "text", ["S"]) == expected


# -- compounded drugs (CL303): its own statement, its own fix-texts key ---------------------------

COMPOUNDED = DEFAULT_TEXTS["compounded"]
SELLS_COMPOUNDED = "Start your compounded tirzepatide plan today. Shipped to your door.\n"


def test_compounded_default_text_satisfies_cl303_and_triggers_nothing_else():
    assert [d.rule for d in lint_text(SELLS_COMPOUNDED, path="p.md", fmt="markdown")] == ["CL303"]
    assert lint_text(COMPOUNDED + "\n", path="t.md", fmt="markdown") == []
    fixed = insert_statements(SELLS_COMPOUNDED, "markdown", [COMPOUNDED])
    assert lint_text(fixed, path="p.md", fmt="markdown") == []


def test_fix_inserts_the_compounded_statement_not_the_ketamine_one():
    path = Path("glp1.md")
    path.write_text(SELLS_COMPOUNDED, encoding="utf-8")
    assert document_level(path) == ["CL303"]
    result = run(str(path), "--fix")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == SELLS_COMPOUNDED + "\n" + COMPOUNDED + "\n"
    assert FDA not in path.read_text(encoding="utf-8")


def test_fix_inserts_both_fda_statements_when_ketamine_and_a_compounded_drug_need_them():
    path = Path("both.txt")
    path.write_text("Ketamine infusions for depression.\n\nWe also offer BPC-157.\n", "utf-8")
    assert sorted(document_level(path)) == ["CL301", "CL303"]
    run(str(path), "--fix")
    text = path.read_text(encoding="utf-8")
    assert text.index(FDA) < text.index(COMPOUNDED)  # insertion order: fda, compounded, crisis
    assert document_level(path) == []


def test_configured_compounded_fix_text_is_used():
    Path(".claimlint.yaml").write_text(
        "fix-texts:\n  compounded: Our compounded medicines are not FDA-approved.\n",
        encoding="utf-8",
    )
    path = Path("shop.txt")
    path.write_text(SELLS_COMPOUNDED, encoding="utf-8")
    result = run(str(path), "--fix")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").endswith(
        "\nOur compounded medicines are not FDA-approved.\n"
    )
