"""The rule-pack data model: frozen dataclasses the engine compiles, and PackError."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

# The vocabularies of a pack (CATEGORIES, SEVERITIES, BLOCK_KINDS, DIRECTIONS, WINDOWS, POSITIONS,
# TOKEN_ATTRS, ID_PATTERN, NAME_PATTERN, SENTENCE_BLOCKS_DEFAULT) are read from the rule-pack
# schema when first asked for (PEP 562 __getattr__), so that importing the model, as every run
# does, never loads the schema.
_DEFINITIONS = {
    "CATEGORIES": "category",
    "SEVERITIES": "severity",
    "BLOCK_KINDS": "blockKind",
    "DIRECTIONS": "direction",
    "WINDOWS": "window",
    "POSITIONS": "position",
}


_VOCABULARY = (
    *_DEFINITIONS,
    "TOKEN_ATTRS",
    "ID_PATTERN",
    "NAME_PATTERN",
    "SENTENCE_BLOCKS_DEFAULT",
)


def _vocabulary(name: str) -> Any:
    if name not in _VOCABULARY:  # import machinery asks for __path__ and the like
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from claimlint.schemas import load_schema

    definitions = load_schema("pack")["definitions"]
    if name in _DEFINITIONS:
        return tuple(definitions[_DEFINITIONS[name]]["enum"])
    if name == "TOKEN_ATTRS":
        return frozenset(definitions["tokenAttribute"]["anyOf"][0]["enum"])
    if name in ("ID_PATTERN", "NAME_PATTERN"):
        return re.compile(definitions["ruleId" if name == "ID_PATTERN" else "name"]["pattern"])
    rule = definitions["rule"]["properties"]  # SENTENCE_BLOCKS_DEFAULT
    return tuple(rule["blocks"]["default"])


def __getattr__(name: str) -> Any:
    value = _vocabulary(name)
    globals()[name] = value
    return value


def _sentence_blocks() -> tuple[str, ...]:
    return _vocabulary("SENTENCE_BLOCKS_DEFAULT")


class PackError(Exception):
    """A rule pack mistake: says which file, which rule or entry, and which field."""

    def __init__(self, path: str, where: str, field_name: str, problem: str) -> None:
        self.path, self.where, self.field_name, self.problem = path, where, field_name, problem
        location = f"{where}, field '{field_name}'" if field_name else where
        super().__init__(f"{path}: {location}: {problem}")


@dataclass(frozen=True)
class Lexicon:
    """A named class of terms: phrases (matched on lower case and inflections), token
    patterns and regexes; all of them label matched spans with the lexicon's name."""

    name: str
    terms: tuple[str, ...] = ()
    lemma: bool = True
    tokens: tuple[Any, ...] = ()
    regex: tuple[str, ...] = ()
    case_sensitive_regex: bool = False
    extends: tuple[str, ...] = ()
    origin: str = ""
    # word slots whose every combination is a phrase: (("this", "our"), ("formula", "blend"))
    sequences: tuple[tuple[tuple[str, ...], ...], ...] = ()
    # a word list rules consult (a gap group), never matched in the text
    lookup: bool = False


@dataclass(frozen=True)
class GapGroup:
    """What the words of one capture group of a gap pattern must (not) be: words of the
    `lookup` lexicons named."""

    within: tuple[str, ...] = ()  # every word is a word of one of these (none: any word)
    not_in: tuple[str, ...] = ()  # no word is a word of one of these


@dataclass(frozen=True)
class Gap:
    """The text between two consecutive `all` hits of a rule: a pattern it matches whole,
    and what the words of the pattern's capture groups must be."""

    pattern: str
    groups: tuple[GapGroup, ...] = ()
    alternatives: tuple[str, ...] = ()  # patterns tried in turn when `pattern` does not hold

    def names(self) -> tuple[str, ...]:
        return tuple(n for g in self.groups for n in g.within + g.not_in)

    def patterns(self) -> tuple[str, ...]:
        return (self.pattern, *self.alternatives)


@dataclass(frozen=True)
class Modifier:
    """A context modifier in the spirit of ConText: a cue with a direction, scope and
    terminators that can silence the rules that name its category in `unless`."""

    name: str
    category: str
    cues: str  # name of the lexicon that holds its cues
    direction: str = "both"
    scope: int = 0  # max tokens between cue and claim; 0 = the whole clause
    terminators: str | None = None  # lexicon of scope terminators
    # lexicon of turns (terminator_regex): each ends the scope of a cue that stands before the
    # claim, when its clause runs on into the claim (no comma between them)
    turns: str | None = None
    # lexicon of closers (closer_regex): each ends the reach of a cue that stands after the
    # claim, in a later clause of its own ("X is safe, and can potentially ease pain")
    closers: str | None = None
    pseudo: str | None = None  # lexicon of phrases that look like cues but are not
    window: str = "sentence"
    confirm: str | None = None  # lexicon that must also appear (dispute after attribution)
    confirm_window: str = "next"
    confirm_apart: bool = False  # a confirm word inside the modifier's own cue does not count
    final: tuple[str, ...] = ()  # sentence endings that are the cue ("?")
    links: tuple[str, ...] = ()  # regexes on link targets that are the cue (a DOI, PubMed)
    cue_lexicons: tuple[str, ...] = ()  # named lexicons whose hits are cues too (lemma-matched)
    position: str = "any"  # "start": the cue must open the sentence (an instruction's verb)
    section: bool = False  # a cue in the heading over the sentence's section governs it too
    series: bool = False  # a comma in a series of single words does not end the scope
    # lexicons one of which must match somewhere on the page (a label's "*" note needs the
    # statement it points to)
    page_confirm: tuple[str, ...] = ()
    origin: str = ""


@dataclass(frozen=True)
class Match:
    """What a sentence must contain: every `all` class, one of `any`, none of `none`."""

    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    clause_none: tuple[str, ...] = ()  # as `none`, but only in the anchor's clause (no ";")
    start: tuple[str, ...] = ()  # one of these classes must open the sentence
    order: bool = False  # the `all` classes appear in the order given
    within: int = 0  # max tokens from the first to the last matched class (0 = no limit)
    clause: bool = False  # every other class in the anchor's clause: no clause break between
    carry: tuple[str, ...] = ()  # classes the previous sentence of the block may supply
    carry_heading: bool = False  # a heading just before the block may supply them too
    carry_previous: tuple[str, ...] = ()  # of `carry`: the previous sentence must hold these
    carry_back: int = 1  # how many sentences of the block before it the others may come from
    carry_unless: tuple[str, ...] = ()  # in the sentence, these stop the carry (its own subject)
    table_header: tuple[str, ...] = ()  # a table cell: each class in two cells of the header row
    section: tuple[str, ...] = ()  # the heading over the sentence's section holds one of these
    min_words: int = 0  # the sentence's fewest words (a one-word label claims nothing)
    mask: tuple[str, ...] = ()  # a hit inside a hit of these classes does not count (span-local)
    gaps: tuple[Gap, ...] = ()  # the text between consecutive `all` hits (with `order`)
    before: Gap | None = None  # the text from the sentence start to the first `all` hit
    after: Gap | None = None  # the text from the last `all` hit to the sentence end
    # lookup lexicons of the verbs that open predicates sharing the first class's hit as their
    # subject: `within` then skips the predicates between (nlp/predicates.py)
    shared_subject: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (
            *self.all,
            *self.any,
            *self.none,
            *self.clause_none,
            *self.start,
            *self.carry,
            *self.carry_previous,
            *self.carry_unless,
            *self.table_header,
            *self.section,
            *self.mask,
        )

    def all_gaps(self) -> tuple[Gap, ...]:
        """Every gap of the match: between, before and after its classes."""
        return self.gaps + tuple(g for g in (self.before, self.after) if g is not None)

    def gap_names(self) -> tuple[str, ...]:
        """The `lookup` lexicons its gaps consult."""
        return tuple(n for gap in self.all_gaps() for n in gap.names()) + self.shared_subject


@dataclass(frozen=True)
class Backoff:
    """A statistical backstop (nlp/backoff.py): the named model scores every sentence that no
    other rule flagged, and the rule fires when the score reaches `threshold` and the model
    reads the sentence as a claim of the rule's category."""

    model: str
    threshold: float


@dataclass(frozen=True)
class PageCondition:
    """What the whole document must (not) contain for a rule to apply: lets a sentence rule
    depend on what the page sells ("a page that sells a compounded drug")."""

    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return self.all + self.any + self.none

    def holds(self, present: set[str] | frozenset[str]) -> bool:
        """Do the labels found anywhere in the document meet the condition?"""
        return (
            all(name in present for name in self.all)
            and (not self.any or any(name in present for name in self.any))
            and not any(name in present for name in self.none)
        )


@dataclass(frozen=True)
class DocumentCheck:
    """A requirement on the whole document: when a trigger appears, a statement must too."""

    when: Match
    when_scope: str  # "sentence": all trigger classes in one sentence; "document": anywhere
    require: tuple[str, ...]  # lexicons; any one present satisfies the requirement
    unless: tuple[str, ...] = ()  # modifier categories that stop a sentence from triggering
    requirement: str = ""  # human name of the missing element, for messages
    # classes naming another product: a statement in a sentence with one of them and none of the
    # `when` classes is about that product and does not meet the requirement
    about_other: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    severity: str
    message: str
    summary: str
    rationale: str = ""
    fix: str = ""
    references: tuple[str, ...] = ()
    match: Match | None = None
    anchor: str | None = None
    unless: tuple[str, ...] = ()
    blocks: tuple[str, ...] = field(default_factory=_sentence_blocks)
    document: DocumentCheck | None = None
    yield_to: tuple[str, ...] = ()  # rule ids that, when they fire on a sentence, silence this one
    page: PageCondition | None = None  # what the whole document must (not) contain
    suggest: tuple[tuple[str, str], ...] = ()
    backoff: Backoff | None = None  # a model rule: no `match`, scored by nlp/backoff.py
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    examples_format: str = "text"  # how the examples are read: text, markdown or html
    origin: str = ""

    @property
    def level(self) -> str:
        return "document" if self.document else "sentence"


class PackFile(NamedTuple):
    """One rule pack as read from disk: where it is, its name for the fingerprint, its bytes."""

    path: Path
    name: str  # relative to the folder it was found in: moving the folder keeps the fingerprint
    data: bytes
