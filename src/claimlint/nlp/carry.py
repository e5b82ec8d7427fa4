"""`carry`: classes a sentence may take from the one before it, as a reader does.

"Ketamine infusions are our specialty. They relieve depression within hours." claims for the
infusions in the second sentence: a rule's `carry` classes may come from the previous
sentence of the same block (or, with `carry_heading`, a heading just above, or a question that
stands alone in the block above: an FAQ's bold question line, its "Q:" line, its <dt>), a
table cell's from its row's head cell, and with `carry_back` from up to that many sentences
back in the block (a list's lead names what its rows measure). A sentence with a subject of its own
(`carry_unless`) takes nothing; `carry_previous` classes must stand in the previous sentence
itself (two rows of a list).
"""

from __future__ import annotations

from collections.abc import Callable

from claimlint.nlp.context import SentenceHits
from claimlint.nlp.sentences import earlier_in_block, row_head, sentence_tail
from claimlint.packs import Match


def carry_holds(
    sh: SentenceHits, index: int, match: Match, get: Callable[[int, str], list]
) -> bool:
    """Does every `carry` class stand in sentence `index`, or reach it as described above?
    `get(at, name)` gives a class's hits in a sentence (masked as the rule asks)."""
    previous = index - 1
    same_block = previous >= 0 and (
        sh.sentences[previous].block == sh.sentences[index].block
        or (match.carry_heading and _heading_like(sh, previous))
    )
    head = None if same_block else row_head(sh.sentences, index)  # a cell: its row's head
    if head is not None:
        previous, same_block = head, True
    own = any(sh.hits(index, n) for n in match.carry_unless)  # a subject of its own
    for name in match.carry:
        carried = same_block and bool(get(previous, name))
        if not carried and name in match.carry_previous:
            return False  # two rows of a list: the row before must hold them itself
        if not carried and match.carry_back > 1 and head is None:
            carried = earlier_in_block(
                sh.sentences, index, match.carry_back, lambda at, n=name: bool(get(at, n))
            )
        if not get(index, name) and (own or not carried):
            return False
    return True


def _heading_like(sh: SentenceHits, at: int) -> bool:
    """A heading, or a question alone in its block ("**Does it hurt?**", "Q: Is it safe?", a
    <dt>): the block after it answers it, as a section answers its heading."""
    sentence = sh.sentences[at]
    if sentence.kind == "heading":
        return True
    alone = at == 0 or sh.sentences[at - 1].block != sentence.block
    return alone and sentence_tail(sh.text, sentence).endswith("?")
