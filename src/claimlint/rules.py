"""Load and validate rule packs into frozen dataclasses; the only module that reads rule YAML.

A pack is data, never code: YAML is safe-loaded, every key is checked against the schema below,
regexes are compiled and screened for catastrophic backtracking, and every mistake is reported
with the file, the rule (or lexicon/modifier) and the field. docs/rule-packs.md documents this
schema; tests/test_rule_schema.py checks that the page and the code agree.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

CATEGORIES = (
    "efficacy",
    "route-comparison",
    "safety",
    "approval",
    "guarantee",
    "disclaimer-fda",
    "disclaimer-crisis",
)
SEVERITIES = ("error", "warning", "info")
BLOCK_KINDS = ("paragraph", "heading", "list", "cell", "title", "meta", "alt", "footnote", "tags")
SENTENCE_BLOCKS_DEFAULT = tuple(k for k in BLOCK_KINDS if k != "tags")
DIRECTIONS = ("forward", "backward", "both")
WINDOWS = ("sentence", "next", "previous", "adjacent")
TOKEN_ATTRS = frozenset(
    "ORTH TEXT LOWER LEMMA NORM SHAPE PREFIX SUFFIX LENGTH IS_ALPHA IS_ASCII IS_DIGIT IS_LOWER "
    "IS_UPPER IS_TITLE IS_PUNCT IS_SPACE IS_STOP IS_SENT_START LIKE_NUM LIKE_URL LIKE_EMAIL "
    "IS_BRACKET IS_QUOTE IS_LEFT_PUNCT IS_RIGHT_PUNCT IS_CURRENCY OP".split()
)
ID_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")


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
    pseudo: str | None = None  # lexicon of phrases that look like cues but are not
    window: str = "sentence"
    confirm: str | None = None  # lexicon that must also appear (dispute after attribution)
    confirm_window: str = "next"
    final: tuple[str, ...] = ()  # sentence endings that are the cue ("?")
    links: tuple[str, ...] = ()  # regexes on link targets that are the cue (a DOI, PubMed)
    origin: str = ""


@dataclass(frozen=True)
class Match:
    """What a sentence must contain: every `all` class, one of `any`, none of `none`."""

    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    start: tuple[str, ...] = ()  # one of these classes must open the sentence
    order: bool = False  # the `all` classes appear in the order given
    within: int = 0  # max tokens from the first to the last matched class (0 = no limit)
    carry: tuple[str, ...] = ()  # classes the previous sentence of the block may supply

    def names(self) -> tuple[str, ...]:
        return self.all + self.any + self.none + self.start + self.carry


@dataclass(frozen=True)
class DocumentCheck:
    """A requirement on the whole document: when a trigger appears, a statement must too."""

    when: Match
    when_scope: str  # "sentence": all trigger classes in one sentence; "document": anywhere
    require: tuple[str, ...]  # lexicons; any one present satisfies the requirement
    unless: tuple[str, ...] = ()  # modifier categories that stop a sentence from triggering
    requirement: str = ""  # human name of the missing element, for messages


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
    blocks: tuple[str, ...] = SENTENCE_BLOCKS_DEFAULT
    document: DocumentCheck | None = None
    yield_to: tuple[str, ...] = ()  # rule ids that, when they fire on a sentence, silence this one
    suggest: tuple[tuple[str, str], ...] = ()
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    origin: str = ""

    @property
    def level(self) -> str:
        return "document" if self.document else "sentence"


class PackFile(NamedTuple):
    """One rule pack as read from disk: where it is, its name for the fingerprint, its bytes."""

    path: Path
    name: str  # relative to the folder it was found in: moving the folder keeps the fingerprint
    data: bytes


class _Parsed(NamedTuple):
    rules: tuple[Rule, ...]
    lexicons: dict[str, Lexicon]
    modifiers: dict[str, Modifier]


class RuleSet:
    """Everything the engine compiles: rules, lexicons and modifiers from all packs.

    from_packs() (what lazy_rules() and load_rules() use) keeps the packs' bytes, which is
    cheap: the fingerprint (part of every result cache key) hashes them, and the YAML is parsed
    and validated only when rules, lexicons or modifiers are first needed, so a run answered
    from the cache never parses a pack. load() parses up front (PackError).
    """

    def __init__(
        self,
        rules: Sequence[Rule],
        lexicons: dict[str, Lexicon],
        modifiers: dict[str, Modifier],
        files: Sequence[str] = (),
        fingerprint: str = "",
    ) -> None:
        self.files = tuple(files)
        self.fingerprint = fingerprint
        self.packs: tuple[PackFile, ...] = ()
        self._parsed: _Parsed | None = _Parsed(tuple(rules), lexicons, modifiers)

    @classmethod
    def from_packs(cls, packs: Sequence[PackFile]) -> RuleSet:
        """A rule set to be parsed from these packs on first use."""
        ruleset = cls((), {}, {}, [str(pack.path) for pack in packs], pack_fingerprint(packs))
        ruleset.packs, ruleset._parsed = tuple(packs), None
        return ruleset

    def load(self) -> RuleSet:
        """Parse and validate every pack now (once); raises PackError. Returns self."""
        if self._parsed is None:
            self._parsed = _parse_packs(self.packs)
        return self

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self._content().rules

    @property
    def lexicons(self) -> dict[str, Lexicon]:
        return self._content().lexicons

    @property
    def modifiers(self) -> dict[str, Modifier]:
        return self._content().modifiers

    def _content(self) -> _Parsed:
        self.load()
        assert self._parsed is not None
        return self._parsed

    def rule(self, key: str) -> Rule | None:
        key_lower = key.lower()
        for rule in self.rules:
            if rule.id.lower() == key_lower or rule.name == key_lower:
                return rule
        return None

    def __repr__(self) -> str:
        return f"RuleSet({len(self.packs)} packs, fingerprint={self.fingerprint})"


def pack_fingerprint(packs: Sequence[PackFile]) -> str:
    """sha256 over each pack's name and bytes, length-prefixed, in pack order (16 hex digits).

    Hashing bytes rather than parsed data means a comment edit is a cache miss too, which
    costs a lint, never a wrong answer.
    """
    digest = hashlib.sha256()
    for pack in packs:
        for part in (pack.name.encode("utf-8"), pack.data):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# Schema checking helpers


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


def catastrophic_reason(pattern: str) -> str | None:
    """Reject nested unbounded quantifiers ((a+)+, (a*)*...): the classic exponential regexes."""
    from .prefilter import parsed as parse

    parsed = parse(pattern)
    if parsed is None:  # compile() above already reported real errors
        return None
    repeats = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}
    if hasattr(sre_parse, "POSSESSIVE_REPEAT"):
        repeats.add(sre_parse.POSSESSIVE_REPEAT)

    atoms = {sre_parse.LITERAL, sre_parse.NOT_LITERAL, sre_parse.IN, sre_parse.ANY}

    def unbounded(arg) -> bool:
        return arg[1] is sre_parse.MAXREPEAT or arg[1] > 100

    def has_unbounded(items) -> bool:
        for op, arg in items:
            if op in repeats and (unbounded(arg) or has_unbounded(arg[2])):
                return True
            if op is sre_parse.SUBPATTERN and has_unbounded(arg[-1]):
                return True
            if op is sre_parse.BRANCH and any(has_unbounded(b) for b in arg[1]):
                return True
        return False

    def has_mandatory_atom(items) -> bool:
        """A separator that every iteration must consume stops runaway backtracking."""
        for op, arg in items:
            if op in atoms:
                return True
            if op is sre_parse.SUBPATTERN and has_mandatory_atom(arg[-1]):
                return True
        return False

    def walk(items, inside_unbounded: bool = False) -> bool:
        for op, arg in items:
            if op in repeats:
                body = arg[2]
                if unbounded(arg) and has_unbounded(body) and not has_mandatory_atom(body):
                    return True
                if walk(body):
                    return True
            elif op is sre_parse.SUBPATTERN:
                if walk(arg[-1]):
                    return True
            elif op is sre_parse.BRANCH:
                if any(walk(branch) for branch in arg[1]):
                    return True
            elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
                if walk(arg[1]):
                    return True
        return False

    if walk(parsed, False):
        return "nests unbounded quantifiers (catastrophic backtracking); rewrite it"
    return None


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
}
MATCH_KEYS = {"all", "any", "none", "start", "order", "within", "carry"}
DOCUMENT_KEYS = {"when", "scope", "require", "unless", "requirement"}
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
    if cues is None and not final and not links:
        raise check.fail("cues", "a modifier needs cues, cue_tokens, cue_regex, links or final")
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
        message=check.string(data["message"], "message"),
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
        suggest=tuple((str(k).lower(), v) for k, v in suggest.items()),
        flag_examples=check.strings(examples.get("flag", []), "examples.flag"),
        pass_examples=check.strings(examples.get("pass", []), "examples.pass"),
        origin=path,
    )


# ---------------------------------------------------------------------------------------------
# Loading


def bundled_rules_dir() -> Path:
    """The packs shipped with claimlint (top-level rules/, packaged as claimlint.rules)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    import importlib.util

    spec = importlib.util.find_spec("claimlint.rules")
    if spec and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise FileNotFoundError("claimlint's bundled rules/ folder is missing from the installation")


def pack_files(folder: Path) -> list[Path]:
    """Every *.yaml / *.yml below a folder, in a stable order."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise PackError(str(folder), "rule packs", "", "no such file or folder")
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def read_packs(folder: Path) -> list[PackFile]:
    """The packs of a folder (or a single pack file) with their bytes; PackError if unreadable."""
    packs = []
    for path in pack_files(folder):
        try:
            data = path.read_bytes()
        except OSError as err:
            raise PackError(str(path), "pack", "", f"cannot be read: {err}") from None
        name = path.name if path == folder else path.relative_to(folder).as_posix()
        packs.append(PackFile(path, name, data))
    return packs


def _read_pack(pack: PackFile) -> dict:
    """The YAML of one pack, safe-loaded: a pack can never construct objects."""
    import yaml  # only when a pack is really parsed: cache hits never are

    path = pack.path
    try:
        raw = pack.data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise PackError(str(path), "pack", "", f"cannot be read: {err}") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is 10x faster
    try:
        data = yaml.load(raw, Loader=loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "pack"
        problem = getattr(err, "problem", None) or str(err)
        raise PackError(str(path), where, "", f"invalid YAML: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PackError(str(path), "pack", "", f"must be a mapping, not {_kind(data)}")
    return data


def lazy_rules(folders: Sequence[Path] | None = None, *, bundled: bool = True) -> RuleSet:
    """The bundled packs plus extra folders/files, read but not yet parsed (see RuleSet).

    A missing or unreadable pack is a PackError now; mistakes inside a pack surface when the
    rule set is first used, or at once with load_rules().
    """
    packs: list[PackFile] = []
    if bundled:
        packs += read_packs(bundled_rules_dir())
    for folder in folders or []:
        packs += read_packs(Path(folder))
    return RuleSet.from_packs(packs)


def load_rules(folders: Sequence[Path] | None = None, *, bundled: bool = True) -> RuleSet:
    """Read the bundled packs plus extra folders/files, validate them all, and cross-check."""
    return lazy_rules(folders, bundled=bundled).load()


def _parse_packs(packs: Sequence[PackFile]) -> _Parsed:
    """Validate every pack and cross-check the names they use."""
    lexicons: dict[str, Lexicon] = {}
    modifiers: dict[str, Modifier] = {}
    rules: list[Rule] = []
    for pack in packs:
        data = _read_pack(pack)
        path = pack.path
        check = _Checker(str(path), "pack")
        check.mapping(data, "", PACK_KEYS)
        for name, value in (data.get("lexicons") or {}).items():
            if not isinstance(name, str) or not NAME_PATTERN.match(name):
                raise PackError(str(path), f"lexicon '{name}'", "", "names are lower-case-kebab")
            lexicon = _parse_lexicon(name, value, str(path))
            if name in lexicons:
                old = lexicons[name]
                lexicon = Lexicon(  # a later pack extends a lexicon of the same name
                    name,
                    old.terms + lexicon.terms,
                    old.lemma and lexicon.lemma,
                    old.tokens + lexicon.tokens,
                    old.regex + lexicon.regex,
                    old.case_sensitive_regex,
                    old.extends + lexicon.extends,
                    old.origin,
                )
            lexicons[name] = lexicon
        for name, value in (data.get("modifiers") or {}).items():
            if name in modifiers:
                raise PackError(str(path), f"modifier '{name}'", "", "is defined twice")
            modifier, made = _parse_modifier(str(name), value, str(path))
            modifiers[modifier.name] = modifier
            for lexicon in made:
                lexicons[lexicon.name] = lexicon
        raw_rules = data.get("rules") or []
        if not isinstance(raw_rules, list):
            raise PackError(str(path), "rules", "", "must be a list of rules")
        for index, value in enumerate(raw_rules):
            rules.append(_parse_rule(value, str(path), index))
    _cross_check(rules, lexicons, modifiers)
    return _Parsed(tuple(sorted(rules, key=lambda r: r.id)), lexicons, modifiers)


def _cross_check(rules: list[Rule], lexicons: dict[str, Lexicon], modifiers: dict) -> None:
    """Names that rules use must exist; ids and names must be unique."""
    for lexicon in lexicons.values():
        for name in lexicon.extends:
            if name not in lexicons:
                raise PackError(
                    lexicon.origin,
                    f"lexicon '{lexicon.name}'",
                    "extends",
                    f"unknown lexicon {name!r}",
                )
    categories = {m.category for m in modifiers.values()}
    seen: dict[str, Rule] = {}
    for rule in rules:
        where = f"rule {rule.id}"
        for key in (rule.id, rule.name):
            if key in seen:
                raise PackError(
                    rule.origin,
                    where,
                    "id" if key == rule.id else "name",
                    f"duplicate {key!r} (also in {seen[key].origin})",
                )
            seen[key] = rule
        matches = [("match", rule.match)] if rule.match else []
        if rule.document:
            matches.append(("document.when", rule.document.when))
            for name in rule.document.require:
                if name not in lexicons:
                    raise PackError(
                        rule.origin, where, "document.require", f"unknown lexicon {name!r}"
                    )
        for field_name, match in matches:
            for name in match.names():
                if name not in lexicons:
                    raise PackError(rule.origin, where, field_name, f"unknown lexicon {name!r}")
        ids = {r.id for r in rules}
        for other in rule.yield_to:
            if other not in ids:
                raise PackError(rule.origin, where, "yield_to", f"unknown rule {other!r}")
        if rule.anchor and rule.match and rule.anchor not in rule.match.names():
            raise PackError(rule.origin, where, "anchor", f"{rule.anchor!r} is not in `match`")
        unless = rule.unless + (rule.document.unless if rule.document else ())
        for category in unless:
            if category not in categories:
                raise PackError(
                    rule.origin,
                    where,
                    "unless",
                    f"unknown modifier category {category!r} "
                    f"(known: {', '.join(sorted(categories))})",
                )
