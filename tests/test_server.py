"""`claimlint server` spoken to as an editor would: a subprocess, JSON-RPC over stdio.

One server per module (starting it builds the spaCy pipeline); each test uses its own
documents, and the configuration tests their own folder, so the order of tests does not matter.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from claimlint.run.fixer import DEFAULT_TEXTS, insert_statements
from claimlint.server.client import LspClient

DEBOUNCE_MS = 300
MAX_CHARS = 20_000


@dataclass
class Session:
    client: LspClient
    root: Path
    versions: dict[str, int]

    def uri(self, name: str) -> str:
        return (self.root / name).as_uri()

    def open(self, name: str, text: str, language: str = "markdown") -> tuple[str, list[dict]]:
        uri = self.uri(name)
        since = self.client.mark()
        self.versions[uri] = 1
        self.client.open(uri, text, language)
        return uri, self.client.diagnostics(uri, version=1, since=since)

    def edit(self, uri: str, changes: list[dict[str, Any]]) -> list[dict]:
        self.versions[uri] += 1
        since = self.client.mark()
        self.client.change(uri, self.versions[uri], changes)
        return self.client.diagnostics(uri, version=self.versions[uri], since=since)

    def replace(self, uri: str, text: str) -> list[dict]:
        return self.edit(uri, [{"text": text}])

    def actions(self, uri: str, diagnostic: dict) -> list[dict]:
        params = {
            "textDocument": {"uri": uri},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        }
        return self.client.request("textDocument/codeAction", params)

    def hover(self, uri: str, line: int, character: int) -> dict | None:
        params = {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
        return self.client.request("textDocument/hover", params)


@pytest.fixture(scope="module")
def lsp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    root = tmp_path_factory.mktemp("workspace")
    argv = [sys.executable, "-m", "claimlint", "server"]
    argv += ["--debounce-ms", str(DEBOUNCE_MS), "--max-chars", str(MAX_CHARS)]
    client = LspClient(argv, cwd=str(root))
    client.initialize(root)
    yield Session(client, root, {})
    assert client.close() == 0


# -- helpers that do what an editor does, independently of the server's code ----------------------


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def offset(text: str, position: dict) -> int:
    """Character offset of an LSP position (UTF-16 code units) in a text with LF endings."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position["line"]])
    line = lines[position["line"]] if position["line"] < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= position["character"]:
            return start + i
        units += utf16(ch)
    return start + len(line)


def apply(text: str, edits: list[dict]) -> str:
    spans = [(offset(text, e["range"]["start"]), offset(text, e["range"]["end"]), e) for e in edits]
    for start, end, edit in sorted(spans, key=lambda s: s[0], reverse=True):
        text = text[:start] + edit["newText"] + text[end:]
    return text


def codes(diagnostics: list[dict]) -> list[str]:
    return sorted(d.get("code", "") for d in diagnostics)


def only(diagnostics: list[dict], code: str) -> dict:
    found = [d for d in diagnostics if d.get("code") == code]
    assert len(found) == 1, diagnostics
    return found[0]


# -- diagnostics ---------------------------------------------------------------------------------

CLAIM = "# Clinic notes\n\nOur \U0001f33f team says ketamine cures depression.\n\nBook a visit.\n"


def test_open_publishes_exact_utf16_ranges_with_code_and_link(lsp: Session) -> None:
    uri, diagnostics = lsp.open("exact.md", CLAIM)
    assert codes(diagnostics) == ["CL101", "CL301"]
    claim = only(diagnostics, "CL101")
    line = CLAIM.split("\n")[2]
    start = line.index("ketamine")
    end = line.index(" depression")
    # the emoji is one character for claimlint (column 17) but two UTF-16 code units
    assert claim["range"] == {
        "start": {"line": 2, "character": utf16(line[:start])},
        "end": {"line": 2, "character": utf16(line[:end])},
    }
    assert claim["range"]["start"]["character"] == start + 1
    assert claim["severity"] == 1 and claim["source"] == "claimlint"
    assert claim["codeDescription"]["href"].endswith("rules.md#cl101")
    assert "ketamine cures" in claim["message"]


def test_edits_relint_and_a_removed_claim_clears(lsp: Session) -> None:
    uri, diagnostics = lsp.open("edits.md", "# Notes\n\nBook a visit.\n")
    assert diagnostics == []
    # an incremental edit: insert a sentence at the start of line 2
    insert = {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}}
    after = lsp.edit(uri, [{**insert, "text": "Our infusions are completely safe. "}])
    assert codes(after) == ["CL401"]
    assert after[0]["range"]["start"] == {"line": 2, "character": 18}
    assert lsp.replace(uri, "# Notes\n\nBook a visit.\n") == []


def test_rapid_edits_are_debounced(lsp: Session) -> None:
    uri, _ = lsp.open("typing.md", "Book a visit.\n")
    since = lsp.client.mark()
    text = "Book a visit."
    for word in (" Our", " care", " is", " completely", " safe."):
        text += word
        lsp.versions[uri] += 1
        lsp.client.change(uri, lsp.versions[uri], [{"text": text + "\n"}])
    final = lsp.client.diagnostics(uri, version=lsp.versions[uri], since=since)
    assert codes(final) == ["CL401"]
    published = [n for n in lsp.client.notifications[since:] if n["params"].get("uri") == uri]
    assert len(published) < 5  # one lint per pause in typing, not one per keystroke


def test_too_large_document_gets_one_clear_diagnostic(lsp: Session) -> None:
    text = "Ketamine cures depression.\n\n" + "Book a visit today.\n" * (MAX_CHARS // 20)
    uri, diagnostics = lsp.open("huge.md", text)
    assert len(diagnostics) == 1
    assert "not linted" in diagnostics[0]["message"] and "characters" in diagnostics[0]["message"]
    # the server is still alive and lints the document once it is small again
    assert codes(lsp.replace(uri, "Ketamine cures depression.\n")) == ["CL101", "CL301"]


# -- hover ---------------------------------------------------------------------------------------


def test_hover_explains_the_finding(lsp: Session) -> None:
    uri, diagnostics = lsp.open("hover.md", CLAIM)
    claim = only(diagnostics, "CL101")
    start = claim["range"]["start"]
    hover = lsp.hover(uri, start["line"], start["character"] + 2)
    assert hover is not None and hover["contents"]["kind"] == "markdown"
    text = hover["contents"]["value"]
    for part in ("CL101", "ketamine cures", "Regulatory basis", "How to fix", "rules.md#cl101"):
        assert part in text
    assert "FTC" in text  # a reference of the rule
    assert "**Claim analysis**" in text and "**Subject:**" in text  # the engine's analysis
    assert '"cures" -> "may help relieve symptoms of"' in text
    assert lsp.hover(uri, 0, 2) is None  # the heading has no finding


# -- code actions --------------------------------------------------------------------------------


def titles(actions: list[dict]) -> list[str]:
    return [a["title"] for a in actions]


def edits_of(action: dict, uri: str) -> list[dict]:
    return action["edit"]["changes"][uri]


def test_rewrite_action_applied_clears_the_finding(lsp: Session) -> None:
    uri, diagnostics = lsp.open("rewrite.md", CLAIM)
    actions = lsp.actions(uri, only(diagnostics, "CL101"))
    rewrite = next(a for a in actions if a["title"].startswith("Rewrite"))
    fixed = apply(CLAIM, edits_of(rewrite, uri))
    assert "ketamine may help relieve symptoms of depression" in fixed
    assert "CL101" not in codes(lsp.replace(uri, fixed))


def test_statement_action_inserts_what_fix_inserts(lsp: Session) -> None:
    text = "# Support\n\nSome patients had suicidal thoughts before treatment.\n\nWe listen.\n"
    uri, diagnostics = lsp.open("crisis.md", text)
    actions = lsp.actions(uri, only(diagnostics, "CL302"))
    statement = next(a for a in actions if "crisis-resource statement" in a["title"])
    fixed = apply(text, edits_of(statement, uri))
    assert fixed == insert_statements(text, "markdown", [DEFAULT_TEXTS["crisis"]])
    assert lsp.replace(uri, fixed) == []


def test_suppression_action_has_a_reason_and_silences_the_rule(lsp: Session) -> None:
    text = "# Notes\n\n- Our infusions are completely safe.\n"
    uri, diagnostics = lsp.open("suppress.md", text)
    actions = lsp.actions(uri, only(diagnostics, "CL401"))
    suppress = next(a for a in actions if a["title"].startswith("Suppress CL401"))
    fixed = apply(text, edits_of(suppress, uri))
    assert "<!-- claimlint-disable-next-line CL401 -- reason: ... -->\n- Our" in fixed
    assert lsp.replace(uri, fixed) == []


def test_html_gets_a_suppression_and_plain_text_none(lsp: Session) -> None:
    page = "<html><body><main>\n<p>Our infusions are completely safe.</p>\n</main></body></html>\n"
    uri, diagnostics = lsp.open("page.html", page, "html")
    actions = lsp.actions(uri, only(diagnostics, "CL401"))
    fixed = apply(page, edits_of(next(a for a in actions if "Suppress" in a["title"]), uri))
    assert lsp.replace(uri, fixed) == []
    uri, diagnostics = lsp.open("notes.txt", "Our infusions are completely safe.\n", "plaintext")
    found = titles(lsp.actions(uri, only(diagnostics, "CL401")))
    assert found and not any("Suppress" in t for t in found)


# -- configuration -------------------------------------------------------------------------------


def notify_changed(lsp: Session, path: Path) -> None:
    lsp.client.notify(
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": path.as_uri(), "type": 2}]}
    )


def test_config_changes_apply_without_restart(lsp: Session) -> None:
    folder = lsp.root / "configured"
    folder.mkdir()
    uri, diagnostics = lsp.open("configured/page.md", "Our infusions are completely safe.\n")
    assert codes(diagnostics) == ["CL401"]
    config = folder / ".claimlint.yaml"
    config.write_text("ignore: [CL401]\n", encoding="utf-8")
    since = lsp.client.mark()
    notify_changed(lsp, config)
    assert lsp.client.diagnostics(uri, since=since) == []
    # a broken configuration: one clear diagnostic, and the server lives on
    config.write_text("ignore: [CL401\n", encoding="utf-8")
    since = lsp.client.mark()
    notify_changed(lsp, config)
    broken = lsp.client.diagnostics(uri, since=since)
    assert len(broken) == 1 and "configuration error" in broken[0]["message"]
    assert ".claimlint.yaml" in broken[0]["message"]
    # saving the configuration file in the editor also reloads it
    config.write_text("severity: {CL401: info}\n", encoding="utf-8")
    since = lsp.client.mark()
    lsp.client.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    after = lsp.client.diagnostics(uri, since=since)
    assert codes(after) == ["CL401"] and after[0]["severity"] == 3


PACK = """\
pack: {name: local}
lexicons:
  vitamin-drip: {terms: ["vitamin drip"], lemma: false}
  energy-outcome: {terms: [recharge], lemma: true}
rules:
  - id: LOC101
    name: drip-energy-claim
    category: efficacy
    severity: warning
    summary: A vitamin drip is said to recharge the body.
    message: 'Drip energy claim: "{excerpt}"'
    match: {all: [vitamin-drip, energy-outcome], within: 8}
    examples:
      flag: ["Our vitamin drip recharges you."]
      pass: ["Book a vitamin drip."]
"""


def test_a_workspace_pack_is_picked_up_and_reloaded(lsp: Session) -> None:
    folder = lsp.root / "packed"
    (folder / "packs").mkdir(parents=True)
    pack = folder / "packs" / "local.yaml"
    pack.write_text(PACK, encoding="utf-8")
    (folder / ".claimlint.yaml").write_text("rules: [packs]\n", encoding="utf-8")
    uri, diagnostics = lsp.open("packed/drip.md", "Our vitamin drip recharges you.\n")
    assert codes(diagnostics) == ["LOC101"]
    pack.write_text(PACK.replace("recharge]", "revitalize]"), encoding="utf-8")
    since = lsp.client.mark()
    notify_changed(lsp, pack)
    assert lsp.client.diagnostics(uri, since=since) == []
