"""Validation of one pack's parts against the rule-pack schema, into model objects.

A pack is data, never code. Which keys exist, their types, enums, patterns and defaults are
read from the JSON Schema (claimlint/schemas/rule-pack.schema.json, the file editors use too);
claimlint.schemas.check walks it and names the field of the first mistake, and this module adds
the file and the rule (or lexicon/modifier), checks that regexes run on RE2 and that token
patterns are bounded, and builds the frozen dataclasses. docs/rule-packs.md documents the
schema; tests check that all three agree.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from claimlint.packs.bundled import is_bundled
from claimlint.packs.linear_regex import check as linear_problem
from claimlint.packs.linear_regex import python_only
from claimlint.packs.model import (
    Backoff,
    DocumentCheck,
    Gap,
    GapGroup,
    Lexicon,
    Match,
    Modifier,
    PackError,
    PageCondition,
    Rule,
)
from claimlint.packs.templates import template_problem
from claimlint.packs.token_limits import MAX_PATTERNS, pattern_problem
from claimlint.schemas import load_schema
from claimlint.schemas.check import Violation, Walker

# Lexicons, modifiers and rules are checked one by one, each named in its own errors.
ENTRIES = ("#/definitions/lexicon", "#/definitions/modifier", "#/definitions/rule")


def _regex_problem(pattern: str) -> str | None:
    """What is wrong with a pack's regex: it does not compile, or not on RE2, the linear-time
    engine pack regexes run on. A lookaround passes here: claimlint's own packs may use one
    (it runs on `re`), and _python_only() refuses it in any other pack, whose path it knows."""
    problem = linear_problem(pattern)
    return None if problem and python_only(pattern) else problem


def _python_only(check: _Checker, data: dict, *keys: str) -> None:
    """Refuse regexes that only Python's re can run (lookarounds) outside claimlint's packs."""
    if is_bundled(check.path):
        return
    for key in keys:
        for pattern in _strings(data.get(key)):
            if python_only(pattern):
                raise check.fail(key, linear_problem(pattern) or "not supported")


def _bounded_tokens(check: _Checker, data: dict, key: str) -> None:
    """Token patterns the Matcher runs in linear time (packs/token_limits.py)."""
    patterns = data.get(key) or []
    if len(patterns) > MAX_PATTERNS:
        raise check.fail(key, f"has {len(patterns)} patterns; at most {MAX_PATTERNS}")
    for i, pattern in enumerate(patterns):
        problem = pattern_problem(pattern, f"{key}[{i}]")
        if problem:
            raise check.fail(*problem)


@cache
def pack_schema() -> Walker:
    """The rule-pack schema, loaded on first use (a run answered from the cache never is)."""
    formats = {"regex": _regex_problem, "message-template": template_problem}
    return Walker(load_schema("pack"), formats=formats, stop=ENTRIES)


def pack_keys(definition: str = "") -> tuple[str, ...]:
    """The keys the schema allows in a pack (`""`) or in one of its definitions (`rule`...)."""
    schema = pack_schema()
    node = schema.definition(definition) if definition else schema.schema
    return tuple(schema.properties(node))


class _Checker:
    """Checks one entry of one pack against the schema; errors name the file and the entry."""

    def __init__(self, path: str, where: str) -> None:
        self.path, self.where = path, where

    def fail(self, field_name: str, problem: str) -> PackError:
        return PackError(self.path, self.where, field_name, problem)

    def conform(self, definition: str, value: Any) -> dict:
        """Validate `value` as the schema's `definition` (the whole pack if empty)."""
        schema = pack_schema()
        node = schema.definition(definition) if definition else schema.schema
        try:
            schema.check(node, value)
        except Violation as err:
            raise self.fail(err.field, err.problem) from None
        return value


def _strings(value: Any) -> tuple[str, ...]:
    """A validated list of strings (one string stands for a list of one)."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _default(definition: str, key: str) -> Any:
    schema = pack_schema()
    return schema.default(schema.definition(definition), key)


def _get(data: dict, definition: str, key: str) -> Any:
    """A field's value, or the schema's default for it."""
    return data[key] if key in data else _default(definition, key)


def _freeze(value: Any) -> Any:
    """Token patterns stay plain lists/dicts for spaCy; wrap them so the dataclass is hashable."""
    return _Frozen(value)


class _Frozen:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return repr(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Frozen) and other.value == self.value

    def __hash__(self) -> int:
        return hash(repr(self.value))


# ---------------------------------------------------------------------------------------------
# Building the parts of a pack (already validated against the schema)


def _parse_lexicon(name: str, value: Any, path: str) -> Lexicon:
    check = _Checker(path, f"lexicon '{name}'")
    check.conform("lexicon", value)
    if isinstance(value, (list, str)):
        return Lexicon(name, terms=_strings(value), origin=path)
    _python_only(check, value, "regex")
    _bounded_tokens(check, value, "tokens")
    return Lexicon(
        name,
        terms=_strings(value.get("terms")),
        lemma=_get(value, "lexiconEntry", "lemma"),
        tokens=tuple(_freeze(p) for p in value.get("tokens", ())),
        regex=_strings(value.get("regex")),
        case_sensitive_regex=_get(value, "lexiconEntry", "case_sensitive"),
        extends=_strings(value.get("extends")),
        origin=path,
        sequences=_sequences(_Checker(path, f"lexicon '{name}'"), value.get("sequences") or []),
        lookup=_get(value, "lexiconEntry", "lookup"),
    )


MAX_SEQUENCE_PHRASES = 20_000  # phrases one sequence may expand to at compile time


def _sequences(check: _Checker, value: list) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Word slots (schema-checked); each sequence is bounded, since it expands to every
    combination of one word per slot."""
    found = []
    for number, sequence in enumerate(value, 1):
        slots = tuple(tuple(slot) for slot in sequence)
        if any(not any(slot) for slot in slots):
            raise check.fail(f"sequences[{number}]", 'a slot needs a word besides ""')
        size = 1
        for slot in slots:
            size *= len(slot)
        if size > MAX_SEQUENCE_PHRASES:
            problem = f"expands to {size} phrases (at most {MAX_SEQUENCE_PHRASES})"
            raise check.fail(f"sequences[{number}]", problem)
        found.append(slots)
    return tuple(found)


def _inline_lexicon(
    owner: str, part: str, data: dict, path: str, terms_key="", tokens_key="", regex_key=""
):
    """Modifier cues and terminators are written inline; they become hidden lexicons. The keys
    name the modifier's fields that hold terms, token patterns and regexes ("" = none)."""
    terms = data.get(terms_key) if terms_key else None
    tokens = data.get(tokens_key) if tokens_key else None
    regex = data.get(regex_key) if regex_key else None
    if terms is None and tokens is None and regex is None:
        return None
    return Lexicon(
        f"@{owner}:{part}",
        lemma=False,  # cues are exact phrases: "could" must not match "can"
        terms=_strings(terms),
        tokens=tuple(_freeze(p) for p in tokens or ()),
        regex=_strings(regex),
        origin=path,
    )


# A modifier's other inline lexicons: its part, and the keys that hold its terms and regexes
# (turns are regexes only: terminator_regex ends a scope only ahead of the claim, see turns.py;
# closers likewise, closer_regex ending it only behind the claim).
_MODIFIER_PARTS = (
    ("terminators", "terminators", ""),
    ("turns", "", "terminator_regex"),
    ("closers", "", "closer_regex"),
    ("pseudo", "pseudo", "pseudo_regex"),
    ("confirm", "confirm", "confirm_regex"),
)


def _parse_modifier(name: str, value: Any, path: str) -> tuple[Modifier, list[Lexicon]]:
    check = _Checker(path, f"modifier '{name}'")
    data = check.conform("modifier", value)
    _python_only(
        check,
        data,
        "cue_regex",
        "pseudo_regex",
        "confirm_regex",
        "terminator_regex",
        "closer_regex",
        "links",
    )
    _bounded_tokens(check, data, "cue_tokens")
    made: list[Lexicon] = []
    cues = _inline_lexicon(name, "cues", data, path, "cues", "cue_tokens", "cue_regex")
    if cues:
        made.append(cues)
    extra = {}
    for part, terms, regex in _MODIFIER_PARTS:
        lex = _inline_lexicon(name, part, data, path, terms, "", regex)
        if lex:
            made.append(lex)
            extra[part] = lex.name
    modifier = Modifier(
        name=name,
        category=data["category"],
        cues=cues.name if cues else "",
        direction=_get(data, "modifier", "direction"),
        scope=_get(data, "modifier", "scope"),
        terminators=extra.get("terminators"),
        turns=extra.get("turns"),
        closers=extra.get("closers"),
        pseudo=extra.get("pseudo"),
        window=_get(data, "modifier", "window"),
        confirm=extra.get("confirm"),
        confirm_window=_get(data, "modifier", "confirm_window"),
        confirm_apart=_get(data, "modifier", "confirm_apart"),
        final=_strings(data.get("final")),
        links=_strings(data.get("links")),
        cue_lexicons=_strings(data.get("cue_lexicons")),
        position=_get(data, "modifier", "position"),
        section=_get(data, "modifier", "section"),
        series=_get(data, "modifier", "series"),
        page_confirm=_strings(data.get("page_confirm")),
        origin=path,
    )
    return modifier, made


def _match(data: dict) -> Match:
    return Match(
        all=_strings(data.get("all")),
        any=_strings(data.get("any")),
        none=_strings(data.get("none")),
        clause_none=_strings(data.get("clause_none")),
        start=_strings(data.get("start")),
        order=_get(data, "match", "order"),
        within=_get(data, "match", "within"),
        clause=_get(data, "match", "clause"),
        carry=_strings(data.get("carry")),
        carry_heading=_get(data, "match", "carry_heading"),
        carry_previous=_strings(data.get("carry_previous")),
        carry_back=_get(data, "match", "carry_back"),
        carry_unless=_strings(data.get("carry_unless")),
        table_header=_strings(data.get("table_header")),
        section=_strings(data.get("section")),
        min_words=int(data.get("min_words") or 0),
        mask=_strings(data.get("mask")),
        gaps=tuple(_gap(gap) for gap in data.get("gaps") or ()),
        before=_gap(data["before"]) if data.get("before") else None,
        after=_gap(data["after"]) if data.get("after") else None,
        shared_subject=_strings(data.get("shared_subject")),
    )


def _gap(data: dict) -> Gap:
    return Gap(
        str(data["pattern"]),
        tuple(
            GapGroup(_strings(group.get("in")), _strings(group.get("not")))
            for group in data.get("groups") or ()
        ),
        _strings(data.get("alternatives")),
    )


def _backoff(data: dict) -> Backoff:
    return Backoff(model=data["model"], threshold=float(data["threshold"]))


def _page(data: dict) -> PageCondition:
    return PageCondition(
        all=_strings(data.get("all")),
        any=_strings(data.get("any")),
        none=_strings(data.get("none")),
    )


def _parse_rule(value: Any, path: str, index: int) -> Rule:
    where = f"rule #{index + 1}"
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        where = f"rule {value['id']}"
    data = _Checker(path, where).conform("rule", value)
    document = None
    if "document" in data:
        doc = data["document"]
        document = DocumentCheck(
            when=_match(doc["when"]),
            when_scope=_get(doc, "document", "scope"),
            require=_strings(doc["require"]),
            unless=_strings(doc.get("unless")),
            requirement=_get(doc, "document", "requirement"),
            about_other=_strings(doc.get("about_other")),
        )
    examples = data.get("examples", {})
    return Rule(
        id=data["id"],
        name=data["name"],
        category=data["category"],
        severity=_get(data, "rule", "severity"),
        message=data["message"],
        summary=data.get("summary", data["message"]),
        rationale=data.get("rationale", ""),
        fix=data.get("fix", ""),
        references=_strings(data.get("references")),
        match=_match(data["match"]) if "match" in data else None,
        anchor=data.get("anchor"),
        unless=_strings(data.get("unless")),
        blocks=_strings(_get(data, "rule", "blocks")),
        document=document,
        yield_to=_strings(data.get("yield_to")),
        page=_page(data["page"]) if "page" in data else None,
        backoff=_backoff(data["backoff"]) if "backoff" in data else None,
        suggest=tuple((str(k).lower(), v) for k, v in data.get("suggest", {}).items()),
        flag_examples=_strings(examples.get("flag")),
        pass_examples=_strings(examples.get("pass")),
        examples_format=str(examples.get("format") or "text"),
        origin=path,
    )
