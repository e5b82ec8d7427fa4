"""RuleSet: the packs' bytes, their fingerprint, and their contents parsed on first use."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from claimlint.packs.model import Lexicon, Match, Modifier, PackError, PackFile, Rule
from claimlint.packs.safe_yaml import YamlProblem, load_yaml
from claimlint.packs.validate import _Checker, _parse_lexicon, _parse_modifier, _parse_rule
from claimlint.schemas.check import kind


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
            self._parsed = _cached_parse(self.packs, self.compiled_key)
        return self

    @property
    def compiled_key(self) -> str:
        """The key of this rule set's entries in the compiled-pack cache ("" for a rule set
        not read from packs): the packs' paths and bytes, and claimlint's own code."""
        if not self.packs:
            return ""
        from claimlint.inputs.user_cache import code_salt, digest

        parts: list[str | bytes] = [code_salt()]
        for pack in self.packs:
            parts += [str(pack.path), pack.name, pack.data]
        return digest(*parts)

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


def _read_pack(pack: PackFile) -> dict:
    """The YAML of one pack, safe-loaded: a pack can never construct objects."""
    path = pack.path
    try:
        raw = pack.data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise PackError(str(path), "pack", "", f"cannot be read: {err}") from None
    try:
        data = load_yaml(raw)
    except YamlProblem as err:
        where = f"line {err.line}" if err.line else "pack"
        raise PackError(str(path), where, "", f"invalid YAML: {err.problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PackError(str(path), "pack", "", f"must be a mapping, not {kind(data)}")
    return data


def _cached_parse(packs: Sequence[PackFile], key: str) -> _Parsed:
    """The packs parsed and validated, from the compiled-pack cache when this user has
    already parsed the same bytes with the same code (only a valid parse is stored)."""
    from claimlint.inputs.user_cache import load_compiled, store_compiled

    found = load_compiled("packs", key) if key else None
    if isinstance(found, _Parsed):
        return found
    parsed = _parse_packs(packs)
    if key:
        store_compiled("packs", key, parsed)
    return parsed


def _parse_packs(packs: Sequence[PackFile]) -> _Parsed:
    """Validate every pack and cross-check the names they use."""
    lexicons: dict[str, Lexicon] = {}
    modifiers: dict[str, Modifier] = {}
    rules: list[Rule] = []
    for pack in packs:
        data = _read_pack(pack)
        path = pack.path
        _Checker(str(path), "pack").conform("", data)  # the keys; entries are checked below
        for name, value in (data.get("lexicons") or {}).items():
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
                    sequences=old.sequences + lexicon.sequences,
                    lookup=old.lookup,
                )
            lexicons[name] = lexicon
        for name, value in (data.get("modifiers") or {}).items():
            if name in modifiers:
                raise PackError(str(path), f"modifier '{name}'", "", "is defined twice")
            modifier, made = _parse_modifier(str(name), value, str(path))
            modifiers[modifier.name] = modifier
            for lexicon in made:
                lexicons[lexicon.name] = lexicon
        for index, value in enumerate(data.get("rules") or []):
            rules.append(_parse_rule(value, str(path), index))
    _cross_check(rules, lexicons, modifiers)
    _check_yield_cycles(rules)
    return _Parsed(tuple(sorted(rules, key=lambda r: r.id)), lexicons, modifiers)


def _check_gaps(
    rule: Rule, where: str, field_name: str, match: Match, lexicons: dict[str, Lexicon]
) -> None:
    """A rule's gaps need `order` and a class on each side; their patterns must compile on
    RE2 with at least as many groups as the gap constrains; they consult `lookup` lexicons."""
    if not match.all_gaps():
        return
    if not match.order or len(match.gaps) >= len(match.all):
        problem = "needs `order` and one `all` class more than it has gaps"
        raise PackError(rule.origin, where, f"{field_name}.gaps", problem)
    from claimlint.packs.linear_regex import RegexError, compile_linear

    places = [f"{field_name}.gaps[{n}]" for n in range(1, len(match.gaps) + 1)]
    places += [f"{field_name}.{k}" for k in ("before", "after") if getattr(match, k) is not None]
    for place, gap in zip(places, match.all_gaps(), strict=True):
        for pattern in gap.patterns():
            try:
                program = compile_linear(pattern)
            except RegexError as err:
                raise PackError(rule.origin, where, place, str(err)) from None
            if len(gap.groups) > program.group_count:
                problem = f"names {len(gap.groups)} groups, its pattern has {program.group_count}"
                raise PackError(rule.origin, where, place, problem)
        for name in gap.names():
            if name not in lexicons:
                raise PackError(rule.origin, where, place, f"unknown lexicon {name!r}")
            if not lexicons[name].lookup:
                raise PackError(rule.origin, where, place, f"{name!r} is not a `lookup` lexicon")


def _check_shared_subject(
    rule: Rule, where: str, field_name: str, match: Match, lexicons: dict[str, Lexicon]
) -> None:
    """A rule's `shared_subject` names `lookup` lexicons (lists of verbs); it needs `within`."""
    place = f"{field_name}.shared_subject"
    if match.shared_subject and not match.within:
        raise PackError(rule.origin, where, place, "needs `within`, the distance it relaxes")
    for name in match.shared_subject:
        if name not in lexicons:
            raise PackError(rule.origin, where, place, f"unknown lexicon {name!r}")
        if not lexicons[name].lookup:
            raise PackError(rule.origin, where, place, f"{name!r} is not a `lookup` lexicon")


def _cross_check(rules: list[Rule], lexicons: dict[str, Lexicon], modifiers: dict) -> None:
    """Names that rules use must exist; ids and names must be unique."""
    named = [(lx, f"lexicon '{lx.name}'", "extends", lx.extends) for lx in lexicons.values()]
    for key in ("cue_lexicons", "page_confirm"):
        named += [(m, f"modifier '{m.name}'", key, getattr(m, key)) for m in modifiers.values()]
    for owner, where, field_name, names in named:
        for name in names:
            if name not in lexicons:
                raise PackError(owner.origin, where, field_name, f"unknown lexicon {name!r}")
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
            for key, names in (
                ("document.require", rule.document.require),
                ("document.about_other", rule.document.about_other),
            ):
                for name in names:
                    if name not in lexicons:
                        raise PackError(rule.origin, where, key, f"unknown lexicon {name!r}")
        if rule.page:
            matches.append(("page", rule.page))
        for field_name, match in matches:
            for name in match.names():
                if name not in lexicons:
                    raise PackError(rule.origin, where, field_name, f"unknown lexicon {name!r}")
            if isinstance(match, Match):
                _check_gaps(rule, where, field_name, match, lexicons)
                _check_shared_subject(rule, where, field_name, match, lexicons)
        if rule.backoff and not _model_file(rule.backoff.model).is_file():
            raise PackError(
                rule.origin, where, "backoff.model", f"unknown model {rule.backoff.model!r}"
            )
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


def _check_yield_cycles(rules: list[Rule]) -> None:
    """yield_to must not loop back (CL514 -> CL513 -> CL531 -> CL514): in a loop no rule is
    the most specific, so one of them would be evaluated too early to silence the others and
    a sentence would be reported twice."""
    by_id = {r.id: r for r in rules}
    for rule in rules:
        path, pending, seen = {rule.id: rule.id}, [rule.id], {rule.id}
        while pending:
            current = pending.pop()
            for other in by_id[current].yield_to:
                if other == rule.id:
                    chain = [*path[current].split(" -> "), rule.id]
                    where = f"rule {rule.id}"
                    problem = f"a cycle: {' -> '.join(chain)}"
                    raise PackError(rule.origin, where, "yield_to", problem)
                if other in by_id and other not in seen:
                    seen.add(other)
                    path[other] = f"{path[current]} -> {other}"
                    pending.append(other)


def _model_file(name: str) -> Path:
    """Where nlp/backoff.py reads a model rule's weights (packs never import nlp)."""
    return Path(__file__).resolve().parents[1] / "nlp" / f"backoff_{name}.json"
