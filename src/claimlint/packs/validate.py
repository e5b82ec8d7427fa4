"""Field-by-field validation of one pack's parts into model objects, with precise errors.

A pack is data, never code: every key is checked against the schema, regexes are compiled and
screened, and every mistake names the file, the rule (or lexicon/modifier) and the field.
docs/rule-packs.md documents this schema; tests/test_rule_schema.py checks that they agree.
"""

from __future__ import annotations

import re
from typing import Any

from claimlint.packs.model import (
    BLOCK_KINDS,
    CATEGORIES,
    DIRECTIONS,
    ID_PATTERN,
    NAME_PATTERN,
    POSITIONS,
    SENTENCE_BLOCKS_DEFAULT,
    SEVERITIES,
    TOKEN_ATTRS,
    WINDOWS,
    DocumentCheck,
    Lexicon,
    Match,
    Modifier,
    PackError,
    PageCondition,
    Rule,
)
from claimlint.packs.regex_safety import catastrophic_reason
from claimlint.packs.templates import template_problem


class _Checker:
    """Field-by-field validation with precise error locations."""

    def __init__(self, path: str, where: str) -> None:
        self.path, self.where = path, where

    def fail(self, field_name: str, problem: str) -> PackError:
        return PackError(self.path, self.where, field_name, problem)

    def mapping(self, value: Any, field_name: str, allowed: set[str], required=()) -> dict:
        if not isinstance(value, dict):
            raise self.fail(field_name, f"must be a mapping, not {_kind(value)}")
        for key in value:
            if not isinstance(key, str) or key not in allowed:
                raise self.fail(
                    f"{field_name}.{key}" if field_name else str(key),
                    f"unknown key (allowed: {', '.join(sorted(allowed))})",
                )
        for key in required:
            if key not in value:
                raise self.fail(f"{field_name}.{key}" if field_name else key, "is required")
        return value

    def string(self, value: Any, field_name: str, *, choices=None, pattern=None) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field_name, f"must be a non-empty string, not {_kind(value)}")
        if choices and value not in choices:
            raise self.fail(field_name, f"{value!r} is not one of {', '.join(choices)}")
        if pattern and not pattern.match(value):
            raise self.fail(field_name, f"{value!r} does not match {pattern.pattern}")
        return value

    def template(self, value: Any, field_name: str) -> str:
        problem = template_problem(self.string(value, field_name))
        if problem:
            raise self.fail(field_name, problem)
        return value

    def strings(self, value: Any, field_name: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(field_name, "must be a list of non-empty strings")
        return tuple(value)

    def boolean(self, value: Any, field_name: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(field_name, f"must be true or false, not {_kind(value)}")
        return value

    def integer(self, value: Any, field_name: str, minimum: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(field_name, f"must be a whole number >= {minimum}")
        return value

    def regexes(self, value: Any, field_name: str, flags: int = 0) -> tuple[str, ...]:
        patterns = self.strings(value, field_name)
        for pattern in patterns:
            try:
                re.compile(pattern, flags)
            except re.error as err:
                raise self.fail(field_name, f"invalid regex {pattern!r}: {err}") from None
            risky = catastrophic_reason(pattern)
            if risky:
                raise self.fail(field_name, f"regex {pattern!r} {risky}")
        return patterns

    def token_patterns(self, value: Any, field_name: str) -> tuple[Any, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(field_name, "must be a list of token patterns (lists of dicts)")
        for i, pattern in enumerate(value):
            where = f"{field_name}[{i}]"
            if not isinstance(pattern, list) or not pattern:
                raise self.fail(where, "a token pattern is a non-empty list of token dicts")
            for j, token in enumerate(pattern):
                if not isinstance(token, dict):
                    raise self.fail(f"{where}[{j}]", f"must be a mapping, not {_kind(token)}")
                for attr in token:
                    if str(attr).upper() not in TOKEN_ATTRS and not str(attr).startswith("_"):
                        raise self.fail(f"{where}[{j}].{attr}", "unknown token attribute")
                op = token.get("OP", token.get("op"))
                if op is not None and op not in ("!", "?", "+", "*", "1"):
                    raise self.fail(f"{where}[{j}].OP", f"invalid operator {op!r}")
        return tuple(_freeze(p) for p in value)


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )


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
# Parsing the parts of a pack

LEXICON_KEYS = {"terms", "lemma", "tokens", "regex", "case_sensitive", "extends", "description"}
MODIFIER_KEYS = {
    "category",
    "cues",
    "cue_tokens",
    "cue_regex",
    "direction",
    "scope",
    "terminators",
    "pseudo",
    "window",
    "confirm",
    "confirm_window",
    "final",
    "links",
    "cue_lexicons",
    "position",
    "description",
}
RULE_KEYS = {
    "id",
    "name",
    "category",
    "severity",
    "message",
    "summary",
    "rationale",
    "fix",
    "references",
    "match",
    "anchor",
    "unless",
    "blocks",
    "document",
    "suggest",
    "examples",
    "yield_to",
    "page",
}
MATCH_KEYS = {"all", "any", "none", "start", "order", "within", "carry"}
DOCUMENT_KEYS = {"when", "scope", "require", "unless", "requirement"}
PAGE_KEYS = {"all", "any", "none"}
PACK_KEYS = {"pack", "lexicons", "modifiers", "rules"}


def _parse_lexicon(name: str, value: Any, path: str) -> Lexicon:
    check = _Checker(path, f"lexicon '{name}'")
    if isinstance(value, (list, str)):
        return Lexicon(name, terms=check.strings(value, "terms"), origin=path)
    data = check.mapping(value, "", LEXICON_KEYS)
    if not any(k in data for k in ("terms", "tokens", "regex", "extends")):
        raise check.fail("terms", "a lexicon needs terms, tokens, regex or extends")
    case = check.boolean(data.get("case_sensitive", False), "case_sensitive")
    return Lexicon(
        name,
        terms=check.strings(data["terms"], "terms") if "terms" in data else (),
        lemma=check.boolean(data.get("lemma", True), "lemma"),
        tokens=check.token_patterns(data["tokens"], "tokens") if "tokens" in data else (),
        regex=check.regexes(data["regex"], "regex", 0 if case else re.I) if "regex" in data else (),
        case_sensitive_regex=case,
        extends=check.strings(data["extends"], "extends") if "extends" in data else (),
        origin=path,
    )


def _inline_lexicon(
    check: _Checker,
    owner: str,
    part: str,
    data: dict,
    terms_key: str,
    tokens_key=None,
    regex_key=None,
) -> Lexicon | None:
    """Modifier cues and terminators may be written inline; they become hidden lexicons."""
    terms = data.get(terms_key)
    tokens = data.get(tokens_key) if tokens_key else None
    regex = data.get(regex_key) if regex_key else None
    if terms is None and tokens is None and regex is None:
        return None
    return Lexicon(
        f"@{owner}:{part}",
        lemma=False,  # cues are exact phrases: "could" must not match "can"
        terms=check.strings(terms, terms_key) if terms is not None else (),
        tokens=check.token_patterns(tokens, tokens_key) if tokens is not None else (),
        regex=check.regexes(regex, regex_key, re.I) if regex is not None else (),
        origin=check.path,
    )


def _parse_modifier(name: str, value: Any, path: str) -> tuple[Modifier, list[Lexicon]]:
    check = _Checker(path, f"modifier '{name}'")
    data = check.mapping(value, "", MODIFIER_KEYS, required=("category",))
    made: list[Lexicon] = []
    cues = _inline_lexicon(check, name, "cues", data, "cues", "cue_tokens", "cue_regex")
    final = check.strings(data["final"], "final") if "final" in data else ()
    links = check.regexes(data["links"], "links", re.I) if "links" in data else ()
    cue_lexicons = check.strings(data.get("cue_lexicons", []), "cue_lexicons")
    if cues is None and not final and not links and not cue_lexicons:
        raise check.fail(
            "cues", "a modifier needs cues, cue_tokens, cue_regex, cue_lexicons, links or final"
        )
    if cues:
        made.append(cues)
    extra = {}
    for part in ("terminators", "pseudo", "confirm"):
        lex = _inline_lexicon(check, name, part, data, part)
        if lex:
            made.append(lex)
            extra[part] = lex.name
    modifier = Modifier(
        name=name,
        category=check.string(data["category"], "category", pattern=NAME_PATTERN),
        cues=cues.name if cues else "",
        direction=check.string(data.get("direction", "both"), "direction", choices=DIRECTIONS),
        scope=check.integer(data.get("scope", 0), "scope"),
        terminators=extra.get("terminators"),
        pseudo=extra.get("pseudo"),
        window=check.string(data.get("window", "sentence"), "window", choices=WINDOWS),
        confirm=extra.get("confirm"),
        confirm_window=check.string(
            data.get("confirm_window", "next"), "confirm_window", choices=WINDOWS
        ),
        final=final,
        links=links,
        cue_lexicons=cue_lexicons,
        position=check.string(data.get("position", "any"), "position", choices=POSITIONS),
        origin=path,
    )
    return modifier, made


def _parse_match(check: _Checker, value: Any, field_name: str) -> Match:
    data = check.mapping(value, field_name, MATCH_KEYS)
    names = {
        k: check.strings(data[k], f"{field_name}.{k}")
        for k in ("all", "any", "none", "start", "carry")
        if k in data
    }
    if not names.get("all") and not names.get("any") and not names.get("start"):
        raise check.fail(field_name, "needs at least one of all, any, start")
    return Match(
        all=names.get("all", ()),
        any=names.get("any", ()),
        none=names.get("none", ()),
        start=names.get("start", ()),
        order=check.boolean(data.get("order", False), f"{field_name}.order"),
        within=check.integer(data.get("within", 0), f"{field_name}.within"),
        carry=names.get("carry", ()),
    )


def _parse_page(check: _Checker, value: Any) -> PageCondition:
    data = check.mapping(value, "page", PAGE_KEYS)
    names = {k: check.strings(data[k], f"page.{k}") for k in PAGE_KEYS if k in data}
    if not any(names.values()):
        raise check.fail("page", "needs at least one of all, any, none")
    return PageCondition(
        all=names.get("all", ()), any=names.get("any", ()), none=names.get("none", ())
    )


def _parse_rule(value: Any, path: str, index: int) -> Rule:
    where = f"rule #{index + 1}"
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        where = f"rule {value['id']}"
    check = _Checker(path, where)
    data = check.mapping(value, "", RULE_KEYS, required=("id", "name", "category", "message"))
    rule_id = check.string(data["id"], "id", pattern=ID_PATTERN)
    if ("match" in data) == ("document" in data):
        raise check.fail("match", "a rule has either `match` (sentence) or `document`, not both")
    document = None
    if "document" in data:
        doc = check.mapping(
            data["document"], "document", DOCUMENT_KEYS, required=("when", "require")
        )
        document = DocumentCheck(
            when=_parse_match(check, doc["when"], "document.when"),
            when_scope=check.string(
                doc.get("scope", "sentence"), "document.scope", choices=("sentence", "document")
            ),
            require=check.strings(doc["require"], "document.require"),
            unless=check.strings(doc.get("unless", []), "document.unless"),
            requirement=check.string(
                doc.get("requirement", "required statement"), "document.requirement"
            ),
        )
    examples = check.mapping(data.get("examples", {}), "examples", {"flag", "pass"})
    suggest = data.get("suggest", {})
    check.mapping(suggest, "suggest", set(suggest) if isinstance(suggest, dict) else set())
    for key, replacement in suggest.items():
        check.string(replacement, f"suggest.{key}")
    blocks = check.strings(data.get("blocks", list(SENTENCE_BLOCKS_DEFAULT)), "blocks")
    for kind in blocks:
        if kind not in BLOCK_KINDS:
            raise check.fail("blocks", f"{kind!r} is not one of {', '.join(BLOCK_KINDS)}")
    return Rule(
        id=rule_id,
        name=check.string(data["name"], "name", pattern=NAME_PATTERN),
        category=check.string(data["category"], "category", choices=CATEGORIES),
        severity=check.string(data.get("severity", "error"), "severity", choices=SEVERITIES),
        message=check.template(data["message"], "message"),
        summary=check.string(data.get("summary", data["message"]), "summary"),
        rationale=check.string(data["rationale"], "rationale") if "rationale" in data else "",
        fix=check.string(data["fix"], "fix") if "fix" in data else "",
        references=check.strings(data.get("references", []), "references"),
        match=_parse_match(check, data["match"], "match") if "match" in data else None,
        anchor=check.string(data["anchor"], "anchor") if "anchor" in data else None,
        unless=check.strings(data.get("unless", []), "unless"),
        blocks=blocks,
        document=document,
        yield_to=check.strings(data.get("yield_to", []), "yield_to"),
        page=_parse_page(check, data["page"]) if "page" in data else None,
        suggest=tuple((str(k).lower(), v) for k, v in suggest.items()),
        flag_examples=check.strings(examples.get("flag", []), "examples.flag"),
        pass_examples=check.strings(examples.get("pass", []), "examples.pass"),
        origin=path,
    )
