"""claimlint columns (characters) <-> LSP positions in each negotiated encoding."""

from __future__ import annotations

import pytest
from lsprotocol import types

from claimlint.server.linting import is_settings_file, path_of
from claimlint.server.positions import PositionMap

TEXT = "first line\r\nab\U0001f600c d\u00e9f\nlast"


@pytest.mark.parametrize(
    ("encoding", "character"),
    [("utf-16", 6), ("utf-8", 8), ("utf-32", 5)],  # 'd' after "ab😀c " on line 2
)
def test_columns_become_code_units_of_the_encoding(encoding: str, character: int) -> None:
    positions = PositionMap(TEXT, encoding)
    assert positions.position(2, 6) == types.Position(line=1, character=character)
    assert positions.offset(types.Position(line=1, character=character)) == TEXT.index("d")


def test_ranges_and_line_breaks() -> None:
    positions = PositionMap(TEXT)
    span = positions.range(2, 8, 3, 1)  # "f" and the line break
    assert span.start == types.Position(line=1, character=8)
    assert span.end == types.Position(line=2, character=0)
    assert positions.offset(types.Position(line=9, character=0)) == len(TEXT)
    assert positions.offset(types.Position(line=0, character=99)) == len("first line")


def test_settings_files_and_unsaved_buffers() -> None:
    assert is_settings_file("/site/.claimlint.yaml")
    assert is_settings_file("/site/pyproject.toml")
    assert is_settings_file("/site/packs/acme.yml")
    assert not is_settings_file("/site/page.md")
    assert path_of("untitled:Untitled-1", None, "markdown", "/site") == "/site/Untitled-1.md"
