"""A big UTF-8 document is never decoded whole (issue 13, memory): its text is a StoredText,
read by character offset from the file's bytes a block at a time, and cut, linted and shown
from there with the positions and findings of the decoded text."""

from __future__ import annotations

import re

import pytest
from test_chunked_html import PAGE as HTML_PAGE
from test_chunked_lint import PAGE as MARKDOWN_PAGE

from claimlint.api import lint_paths
from claimlint.inputs import sources as sources_module
from claimlint.inputs import stored
from claimlint.inputs.decoding import decode
from claimlint.inputs.pieces import cut_points
from claimlint.inputs.positions import LineIndex
from claimlint.inputs.readers import html_stored
from claimlint.inputs.readers.text import iter_lines
from claimlint.inputs.sources import source_from_bytes
from claimlint.inputs.stored import StoredText, stored_text
from claimlint.run import chunked

# Characters of every width: Latin-1, BMP (curly quotes, CJK) and above U+FFFF (an emoji),
# with every kind of line break, a blank line made of CRs, and a line break at the very end.
MIXED = (
    "caf\u00e9 \u201cquoted\u201d\r\n\u6771\u4eac\u306e\u8a3a\u7642\u6240 \U0001f600\r"
    "\rplain line\n\n\u00e9\u00e9\u00e9\U0001f600\U0001f600 [label]: x\r\n"
) * 7


def _unicode(text: str) -> str:
    """Text with an emoji and CJK words after every paragraph, curly quotes for straight."""
    return text.replace(".\n", ". \u6771\u4eac \U0001f600\n").replace(' "', " \u201c")


@pytest.fixture
def small_blocks(monkeypatch) -> None:
    monkeypatch.setattr(stored, "BLOCK", 5)  # a block boundary near every character


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_stored_text_reads_as_the_decoded_text(small_blocks, bom: bytes) -> None:
    text = StoredText(bom + MIXED.encode("utf-8"), len(bom))
    assert len(text) == len(MIXED)
    assert str(text) == MIXED
    for start in range(0, len(MIXED), 3):
        for stop in (start, start + 1, start + 7, start + 40, len(MIXED) + 5):
            assert text[start:stop] == MIXED[start:stop]
            assert text.breaks(start, stop) == len(re.findall(r"\r\n|\r|\n", MIXED[start:stop]))
        assert text[start] == MIXED[start]
    assert text[-1] == MIXED[-1] and text[-3:] == MIXED[-3:]
    assert list(LineIndex(text).starts) == list(LineIndex(MIXED).starts)
    assert [(a, c, MIXED[a:b]) for a, b, c in iter_lines(MIXED)] == [
        (a, c, line) for a, c, line in text.lines()
    ]
    assert text.search(re.compile(rb"(?m)^(?:\xc3\xa9)+\xf0")) is True
    assert text.search(re.compile(rb"(?m)^\[")) is False


def test_only_a_big_utf8_document_is_stored(monkeypatch) -> None:
    monkeypatch.setattr(stored, "STORED_FROM", 10)
    data = MIXED.encode("utf-8")
    assert isinstance(source_from_bytes("a.md", data, stored=True).text, StoredText)
    assert isinstance(source_from_bytes("a.md", data).text, str)  # only when asked for
    assert isinstance(source_from_bytes("a.md", data[:10], stored=True).text, str)  # small
    for other in (
        b"\xff" + data,  # not UTF-8: decode() says why
        data + b"\x00",  # a NUL byte: decode() decides
    ):
        assert stored_text(other) is None
    # another encoding decode() would use (--encoding, an HTML charset): converted to UTF-8 too
    latin = ("Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00a9 2026.\r\n" * 20).encode("latin-1")
    assert str(stored_text(latin, encoding="latin-1")) == decode(latin, encoding="latin-1")
    assert stored_text(data, encoding="latin-1") is None  # UTF-8 read as Latin-1: implausible
    # UTF-16 and UTF-32 (by their byte order mark) are kept as UTF-8, converted a chunk at a time
    monkeypatch.setattr(stored, "TRANSCODE_CHUNK", 7)  # an odd size splits code units
    for wide in (
        MIXED.encode("utf-16"),
        MIXED.encode("utf-32"),
        b"\xfe\xff" + MIXED.encode("utf-16-be"),
    ):
        kept = stored_text(wide)
        assert isinstance(kept, StoredText) and str(kept) == MIXED
    assert stored_text(MIXED.encode("utf-16")[:-1]) is None  # a cut code unit: decode() says why
    assert str(stored_text(data, encoding="UTF8")) == MIXED
    html = b'<meta charset="windows-1252">' + MIXED.encode("cp1252", "replace")
    assert str(stored_text(html, html=True)) == decode(html, html=True)


@pytest.mark.parametrize(
    ("name", "page"),
    [("page.md", MARKDOWN_PAGE), ("page.txt", MARKDOWN_PAGE), ("page.html", HTML_PAGE)],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_stored_document_is_cut_where_its_text_is(
    small_blocks, monkeypatch, name: str, page: str, newline: str
) -> None:
    monkeypatch.setattr(html_stored, "WINDOW", 40)  # many windows; tokens cross their ends
    monkeypatch.setattr(html_stored, "MARGIN", 300)
    text = ("\ufeff" + _unicode(page) * 3).replace("\n", newline)
    fmt = sources_module.format_of(name)
    kept = StoredText(text.encode("utf-8"))
    cuts, states = cut_points(text, fmt)
    assert len(cuts) > 20
    monkeypatch.setattr(html_stored, "html_cuts", None)  # never the whole text's cutter
    stored_cuts, stored_states = cut_points(kept, fmt)
    assert stored_cuts == cuts
    assert (states is None) == (stored_states is None)
    if states is not None:
        assert list(stored_states) == list(states)  # type: ignore[arg-type]


def test_a_token_longer_than_the_margin_falls_back_to_the_whole_text(
    small_blocks, monkeypatch
) -> None:
    monkeypatch.setattr(html_stored, "WINDOW", 40)
    monkeypatch.setattr(html_stored, "MARGIN", 10)
    text = _unicode(HTML_PAGE) * 2
    whole: list[int] = []
    original = html_stored.html_cuts

    def counted(page: str):
        whole.append(len(page))
        return original(page)

    monkeypatch.setattr(html_stored, "html_cuts", counted)
    found = cut_points(StoredText(text.encode("utf-8")), "html")
    assert whole == [len(text)]  # the <style> and <script> are longer than 10 characters
    assert found[0] == cut_points(text, "html")[0]


@pytest.mark.parametrize(
    ("suffix", "encoding"),
    [(".md", "utf-8"), (".html", "utf-8"), (".txt", "utf-8"), (".md", "utf-16")],
)
@pytest.mark.parametrize("fmt", ["json", "text", "html"])
def test_a_big_document_is_never_decoded_whole(
    tmp_path, monkeypatch, suffix, encoding, fmt
) -> None:
    """The findings and every format's output are those of the decoded text, and no str of
    the whole text is ever made: no decode() of its bytes, no str() of its StoredText."""
    from claimlint.outputs.formats import Context, by_name

    page = HTML_PAGE if suffix == ".html" else MARKDOWN_PAGE
    text = _unicode(page).replace("\n", "\r\n") * 4
    path = tmp_path / f"page{suffix}"
    path.write_bytes(text.encode(encoding))

    def output() -> str:
        result = lint_paths([str(path)], keep_texts=True)
        assert len(result.diagnostics) > 5
        context = Context(sources=result.texts, files_checked=1, show_source=True)
        report = by_name(fmt)(result.diagnostics, context)
        return re.sub(r"nonce[-=\"]+[\w-]+", "nonce", report)  # the report's is random

    monkeypatch.setattr(chunked, "PIECE_CHARS", 400)
    monkeypatch.setattr(stored, "STORED_FROM", 1 << 30)  # decoded whole, as before
    expected = output()
    decoded: list[int] = []
    decode = sources_module.decode

    def recorded(data: bytes, **kwargs) -> str:
        decoded.append(len(data))
        return decode(data, **kwargs)

    def whole(self) -> str:
        raise AssertionError("the whole text of a stored document was decoded")

    monkeypatch.setattr(sources_module, "decode", recorded)
    monkeypatch.setattr(StoredText, "__str__", whole)
    monkeypatch.setattr(stored, "STORED_FROM", 1_000)
    monkeypatch.setattr(stored, "BLOCK", 64)
    assert output() == expected
    assert decoded == []
