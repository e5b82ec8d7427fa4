"""Built-in paths stay linear on hostile runs of punctuation and long words."""

from __future__ import annotations

import pytest
from limits_support import run_python

from claimlint.nlp.sentences import split_block


@pytest.mark.parametrize("unit", [".", "!?", "…", ".!"])
def test_sentence_splitter_is_linear_on_punctuation_runs(unit: str) -> None:
    # 40,000 repetitions: a quadratic splitter needs many minutes here, a linear one a blink.
    out = run_python(
        f"""
        from claimlint.nlp.sentences import split_block
        text = "Ketamine cures. " + {unit!r} * 40_000 + "x"
        print(len(split_block(text, 0, len(text))))
        """,
        timeout=30,
    )
    assert int(out) == 2


def test_splitter_still_cuts_after_runs_and_quotes() -> None:
    text = 'It works!!! Really?! "Yes." Dr. Smith agrees... Fine'
    spans = [text[a:b] for a, b in split_block(text, 0, len(text))]
    assert spans == ["It works!!!", "Really?!", '"Yes."', "Dr. Smith agrees...", "Fine"]
