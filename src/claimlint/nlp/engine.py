"""Document -> sentences and hits -> rule verdicts -> document requirements -> diagnostics."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from claimlint.diagnostics import Diagnostic
from claimlint.inputs.positions import prose_span
from claimlint.inputs.sources import Source
from claimlint.nlp.analysis import document_analysis, sentence_analysis
from claimlint.nlp.candidates import candidate_sentences, possible_test, unmasked
from claimlint.nlp.carry import carry_holds
from claimlint.nlp.clauses import clauses_apart, excused_in_clause
from claimlint.nlp.context import Hit, SentenceHits, governing, section_holds
from claimlint.nlp.documents import document_trigger, requirement_met
from claimlint.nlp.findings import diagnostic, suppress
from claimlint.nlp.limits import set_stage
from claimlint.nlp.openings import openings
from claimlint.nlp.predicates import series_within
from claimlint.nlp.sentences import head_excuses, header_holds, split_sentences
from claimlint.packs import Match, Modifier, Rule, RuleSet

CHUNK_CHARS = 200_000  # texts are matched in block-aligned chunks of about this size
PREPARE_CHARS = 100_000  # documents up to this size are scanned ahead (see Linter.prepare)
# Same-length normalisation before matching, so offsets stay exact: typographic hyphens,
# apostrophes and spaces match the plain forms that lexicons are written with.
NORMALISE = (
    ("\u2011", "-"),
    ("\u2010", "-"),
    ("\u2012", "-"),
    ("\u00ad", "-"),
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u00a0", " "),
    ("\u202f", " "),
    ("\u2009", " "),
    ("\u200b", " "),
)


@dataclass
class Options:
    """What the configuration and command line decide about a run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # selector -> severity
    provided: dict[str, tuple[str, ...]] = field(default_factory=dict)  # glob -> rule/lexicon
    report_unused_suppressions: bool = False


def selector_matches(selector: str, rule: Rule) -> bool:
    """A selector is a rule id, an id prefix (CL1), a rule name, a category or ALL."""
    sel = selector.strip().lower()
    rid = rule.id.lower()
    return (
        sel in ("all", rid, rule.name, rule.category)
        or (sel[:1].isalpha() and any(c.isdigit() for c in sel) and rid.startswith(sel))
        or (sel.isalpha() and len(sel) <= 3 and rid.startswith(sel))
    )


def is_selected(rule: Rule, select: Sequence[str], ignore: Sequence[str]) -> bool:
    if select and not any(selector_matches(s, rule) for s in select):
        return False
    return not any(selector_matches(s, rule) for s in ignore)


class Linter:
    """Lints Sources with a RuleSet; builds the spaCy pipeline only when first needed."""

    def __init__(self, ruleset: RuleSet, options: Options | None = None) -> None:
        self.ruleset = ruleset
        self.options = options or Options()
        self._nlp = None
        self._rules: list[Rule] | None = None
        self._evaluated: list[Rule] | None = None
        self._by_category: dict[str, list[Modifier]] | None = None
        self._modifier_lists: dict[tuple[str, ...], list[Modifier]] = {}
        self._subjects: list[str] = []
        self._gaps = None  # a GapChecker, made when a rule with gaps first needs one

    @property
    def rules(self) -> list[Rule]:
        """The selected rules, worked out on first use: a Linter whose files are all answered
        from the result cache never makes its rule set parse the packs."""
        if self._rules is None:
            select, ignore = self.options.select, self.options.ignore
            self._rules = [r for r in self.ruleset.rules if is_selected(r, select, ignore)]
        return self._rules

    @property
    def evaluated(self) -> list[Rule]:
        """The selected rules and every rule they yield to, directly or not, in yield order.

        yield_to is resolved over the whole rule set before selection filters the findings:
        ignoring the more specific rule must remove its finding, not hand the sentence to the
        rule that yielded to it. So selection only ever removes findings."""
        if self._evaluated is None:
            from claimlint.nlp.yielding import with_yielded_to

            rules = self.rules
            if any(r.backoff for r in rules):  # a backstop yields to every sentence rule
                chosen = {r.id for r in rules}
                rules = [*rules, *(r for r in self.ruleset.rules if r.match and r.id not in chosen)]
            self._evaluated = with_yielded_to(rules, self.ruleset.rules)
        return self._evaluated

    @property
    def _modifiers(self) -> dict[str, list[Modifier]]:
        """The rule set's modifiers by category (on first use, like `rules`)."""
        if self._by_category is None:
            by_category: dict[str, list[Modifier]] = {}
            for modifier in self.ruleset.modifiers.values():
                by_category.setdefault(modifier.category, []).append(modifier)
            self._by_category = by_category
        return self._by_category

    @property
    def nlp(self):
        if self._nlp is None or self._nlp.outgrown():  # bounded memory: see Pipeline.outgrown
            from claimlint.nlp.matcher import build_pipeline

            self._nlp = build_pipeline(self.ruleset)
        return self._nlp

    # -- matching ------------------------------------------------------------------------------

    def _hits(self, text: str, blocks) -> list[Hit]:
        """Run the pipeline over block-aligned chunks and return hits in prose offsets."""
        from claimlint.nlp.mentions import drop_in_mentions, drop_other_senses
        from claimlint.nlp.names import drop_in_names

        chunks, texts, bounds = self._match_inputs(text, blocks)
        hits: list[Hit] = []
        new = tuple.__new__  # a Hit from a tuple in C: a page has thousands of hits
        for (offset, _), found in zip(chunks, self.nlp.match(texts, bounds), strict=True):
            if offset:
                found = [(label, offset + a, offset + b, c, d) for label, a, b, c, d in found]
            hits.extend([new(Hit, raw) for raw in found])
        extends = self.nlp.compiled.extends
        hits = drop_in_mentions(drop_in_names(text, blocks, hits, extends), extends)
        return drop_other_senses(hits, extends)

    def _match_inputs(
        self, text: str, blocks
    ) -> tuple[list[tuple[int, int]], list[str], list[list[int]]]:
        """The chunks of a prose text, the texts the pipeline matches and their block bounds."""
        from claimlint.nlp.limits import replace_chars, segment_starts, tame_for_tokenizer

        chunks = self._chunks(text, blocks)
        texts = [tame_for_tokenizer(replace_chars(text[a:b], NORMALISE)) for a, b in chunks]
        return chunks, texts, segment_starts(blocks, chunks)

    def prepare(self, sources: Sequence[Source]) -> None:
        """Before linting several documents in a row, scan their chunks with the pack
        regexes' RE2 Sets one Set at a time (RegexHits.scan_ahead): the same answers
        as scanning each document when it is linted, at a fraction of the cost. Documents
        over PREPARE_CHARS are left to be scanned when linted, so reading a big file never
        runs outside its time budget (and the caller leaves out those it lints in pieces,
        whose chunks differ)."""
        inputs: list[tuple[str, list[int]]] = []
        for source in sources:
            if len(source.text) > PREPARE_CHARS:
                continue
            prose = source.reading.prose
            if prose.text.strip():
                _, texts, bounds = self._match_inputs(prose.text, prose.blocks)
                inputs.extend(zip(texts, bounds, strict=True))
        self.nlp.compiled.regex_hits.scan_ahead(inputs)

    def _chunks(self, text: str, blocks) -> list[tuple[int, int]]:
        """Block-aligned spans matched one at a time, none over the limit (the language server
        cuts finer, to re-match only the part of a page that an edit touched)."""
        from claimlint.nlp.limits import chunk_spans

        return chunk_spans(text, blocks, CHUNK_CHARS)

    # -- rules -----------------------------------------------------------------------------------

    def _modifiers_for(self, categories: Sequence[str]) -> list[Modifier]:
        key = tuple(categories)
        found = self._modifier_lists.get(key)
        if found is None:  # once per rule and linter: rules ask on every page
            found = self._modifier_lists[key] = [m for c in key for m in self._modifiers.get(c, ())]
        return found

    def match_sentence(
        self, sh: SentenceHits, index: int, match: Match, anchor: str | None, unless: list[Modifier]
    ) -> list[Hit] | None:
        """The hits that make a claim in this sentence (anchor first), or None."""
        get = unmasked(sh, match.mask) if match.mask else sh.hits
        # `none` reads every hit: a mask takes claim words out, never an exclusion (a class
        # has hits in a sentence exactly when the sentence's present labels hold it)
        none = match.none
        if (none and not sh.present[index].isdisjoint(none)) or head_excuses(sh, index, none):
            return None
        if match.carry and not carry_holds(sh, index, match, get):
            return None
        if match.section and not section_holds(sh, index, match.section):
            return None
        if match.table_header and not header_holds(
            sh.sentences, sh.table_header(index), match.table_header, get
        ):
            return None
        sentence = sh.sentences[index]
        if (
            match.min_words
            and len(sh.text[sentence.start : sentence.end].split()) < match.min_words
        ):
            return None
        if any(not get(index, name) for name in match.all):
            return None
        any_hits = [h for name in match.any for h in get(index, name)]
        if match.any and not any_hits:
            return None
        if match.start:
            sentence = sh.sentences[index]
            opens = openings(sh.text, sentence.start, sentence.end, certainty=True)
            openers = [h for name in match.start for h in get(index, name) if h.start in opens]
            if not openers:
                return None
        anchor_name = anchor or (match.all[0] if match.all else None)
        candidates = (
            get(index, anchor_name)
            if anchor_name
            else (any_hits or [h for name in match.start for h in get(index, name)])
        )
        verbs = self._checker().word_test(match.shared_subject) if match.shared_subject else None
        for claim in candidates:
            placed = None  # the classes the gaps chose, if the rule has gaps
            if match.gaps or match.before or match.after:
                placed = self._checker().arrange(get, index, match, anchor_name, claim, sh)
                if placed is None:
                    continue
            chosen = self._arrange(
                get, index, match, anchor_name, claim, any_hits, sh.text, placed, verbs
            )
            if chosen is None:
                continue
            if match.clause_none and excused_in_clause(sh, index, match.clause_none, claim):
                continue
            if unless and governing(sh, unless, index, claim, max(h.end for h in chosen)):
                continue
            return chosen + openers[:1] if match.start else chosen  # the span opens the fragment
        return None

    @staticmethod
    def _arrange(
        get: Callable[[int, str], list[Hit]],
        index: int,
        match: Match,
        anchor_name: str | None,
        claim: Hit,
        any_hits: list[Hit],
        text: str,
        placed: dict[int, Hit] | None = None,
        verbs: Callable[[str], bool] | None = None,
    ) -> list[Hit] | None:
        """Pick, for each required class, the hit nearest the claim that respects order/within
        (`placed`: the classes already chosen, by position in `all`, when gaps chose them)."""
        chosen = [claim]
        picked = [anchor_name]  # the class each chosen hit was picked for
        position = match.all.index(anchor_name) if anchor_name in match.all else -1
        for i, name in enumerate(match.all):
            if name == anchor_name:
                continue
            if placed is not None and i in placed:
                chosen.append(placed[i])
                picked.append(name)
                continue
            options = [h for h in get(index, name) if h is not claim]
            if match.clause:
                options = [h for h in options if not clauses_apart(text, claim, h)]
            if match.all.count(name) > 1:  # listed twice: two separate hits ("two routes")
                # separate from each other, with a word between ("nasal spray" is one form, not
                # two); one may lie inside another class's hit ("tablets" in "where tablets
                # fail" is a route as well as part of the ranking)
                # ... and two different words: "the dose released from a pellet" after "hormone
                # pellets" names one form twice, not two forms
                same = [c for k, c in enumerate(chosen) if picked[k] == name]
                options = [h for h in options if all(_apart(text, h, c) for c in same)]
                if not same:  # the first of the two: one that leaves a second to pick
                    # ("IV bypasses the gut": not "bypasses the gut", which leaves no form
                    # apart from it, but "IV" and "the gut")
                    options = [h for h in options if any(_apart(text, h, o) for o in options)]
            if match.order and position >= 0:
                options = [
                    h
                    for h in options
                    if (h.end <= claim.start if i < position else h.start >= claim.end)
                ]
            if not options:
                return None
            chosen.append(min(options, key=lambda h: abs(h.token_start - claim.token_start)))
            picked.append(name)
        if any_hits and match.clause:
            any_hits = [h for h in any_hits if not clauses_apart(text, claim, h)]
            if not any_hits:
                return None
        if any_hits and not any(h in chosen for h in any_hits):
            chosen.append(min(any_hits, key=lambda h: abs(h.token_start - claim.token_start)))
        if match.within:
            first = min(h.token_start for h in chosen)
            last = max(h.token_end for h in chosen)
            if last - first > match.within and not (
                verbs and series_within(text, chosen, picked, match, verbs)
            ):
                return None
        return chosen

    def _checker(self):  # noqa: ANN202 - a GapChecker, imported only when a rule needs one
        """The gaps' checker and word lists (also a `shared_subject` rule's verbs), made when a
        rule first needs them."""
        if self._gaps is None:
            from claimlint.nlp.gaps import GapChecker

            self._gaps = GapChecker(self.ruleset.lexicons)
        return self._gaps

    # -- documents -------------------------------------------------------------------------------

    def lint(self, source: Source) -> list[Diagnostic]:
        set_stage(f"the {source.format} reader")
        reading = source.reading
        prose = reading.prose
        set_stage("the sentence splitter")
        sentences = split_sentences(prose.text, prose.blocks)
        hits = self._hits(prose.text, prose.blocks) if prose.text.strip() else []
        hits, subjects = self._page_subjects(prose.text, sentences, hits)
        links = [(*prose_span(prose, link.start, link.end), link.href) for link in reading.links]
        sh = SentenceHits(prose.text, sentences, hits, links, self.nlp.compiled.extends)
        self._subjects = subjects
        diagnostics: list[Diagnostic] = []
        self._fired: dict[str, set[int]] = {}
        present = sh.page_present = self._present(hits)  # `page` conditions, `page_confirm`
        selected = {r.id for r in self.rules}
        for rule in self.evaluated:
            if rule.page and not rule.page.holds(present):
                continue
            set_stage(f"rule {rule.id}")
            if rule.match:
                found_in_sentences = self._sentence_rule(source, sh, rule)
                if rule.id in selected:  # the others run only to silence the rules yielding
                    diagnostics.extend(found_in_sentences)
            elif rule.document and rule.id in selected:
                found = self._document_rule(source, sh, rule)
                if found:
                    diagnostics.append(found)
        if any(r.backoff for r in self.rules):  # after every other rule: a backstop
            diagnostics += self._backoff(sh, set().union(*self._fired.values()), source)
        set_stage("the suppression comments")
        return self._suppress(source, sorted(diagnostics))

    # Page-level facts, methods so that run/chunked.py can give a piece of a big document the
    # facts of the whole page.
    def _page_subjects(self, text: str, sentences, hits: list[Hit]) -> tuple[list[Hit], list[str]]:
        if hits and self.nlp.compiled.common is not None:
            from claimlint.nlp.subjects import page_subjects

            return page_subjects(text, sentences, hits, self.nlp.compiled.extends)
        return hits, []

    def _present(self, hits: list[Hit]) -> frozenset[str]:
        return frozenset(self.nlp.compiled.extends.closure({hit.label for hit in hits}))

    def _sentence_rule(self, source: Source, sh: SentenceHits, rule: Rule) -> list[Diagnostic]:
        match = rule.match
        assert match is not None
        anchor = rule.anchor or (match.all[0] if match.all else None)
        fired = self._fired.setdefault(rule.id, set())
        candidates = candidate_sentences(sh, match, anchor)
        if not candidates:  # most rules on most pages: nothing more to work out
            return []
        unless = self._modifiers_for(rule.unless)
        silenced = set().union(*(self._fired.get(r, set()) for r in rule.yield_to))
        out = []
        possible, present = possible_test(match), sh.present
        for index in candidates:
            if sh.sentences[index].kind not in rule.blocks or index in silenced:
                continue
            if not possible(present[index]):
                continue
            chosen = self.match_sentence(sh, index, match, rule.anchor, unless)
            if chosen:
                fired.add(index)
                start = min(h.start for h in chosen)
                end = max(h.end for h in chosen)
                labels_of = sh.labels_by_span(index, {(h.start, h.end) for h in chosen})
                analysis = sentence_analysis(
                    rule, sh.text, chosen, labels_of, self._subjects, bool(match.start)
                )
                out.append(self._diagnostic(source, rule, start, end, analysis))
        return out

    def _document_rule(self, source: Source, sh: SentenceHits, rule: Rule) -> Diagnostic | None:
        check = rule.document
        assert check is not None
        if self._provided(source.path, rule, check.require):
            return None
        if requirement_met(sh, check):
            return None
        trigger: tuple[int, int] | None = None
        if check.when_scope == "document":
            trigger = document_trigger(sh, check.when)
        else:
            unless = self._modifiers_for(check.unless)
            when = check.when
            # Only the sentences that hold the `when` classes can match, in order (as for rules).
            for index in candidate_sentences(sh, when, when.all[0] if when.all else None):
                chosen = self.match_sentence(sh, index, when, None, unless)
                if chosen:
                    trigger = (min(h.start for h in chosen), max(h.end for h in chosen))
                    break
        if trigger is None:
            return None
        words = " ".join(sh.text[trigger[0] : trigger[1]].split())
        analysis = document_analysis(rule, words)
        return self._diagnostic(source, rule, trigger[0], trigger[1], analysis)

    def _backoff(self, sh: SentenceHits, flagged: set[int], source: Source) -> list[Diagnostic]:
        from claimlint.nlp.backoff_rules import backoff_findings

        def finding(rule: Rule, start: int, end: int, analysis) -> Diagnostic:
            return self._diagnostic(source, rule, start, end, analysis)

        rules = [r for r in self.rules if r.backoff]
        return backoff_findings(sh, rules, flagged, self._modifiers_for, self._subjects, finding)

    def _provided(self, path: str, rule: Rule, require: tuple[str, ...]) -> bool:
        """Does the configuration say the site layout provides this statement for the path?"""
        for pattern, names in self.options.provided.items():
            if _glob_match(path, pattern) and any(
                n in (rule.id, rule.name, rule.category, *require) for n in names
            ):
                return True
        return False

    # -- output ----------------------------------------------------------------------------------

    def _diagnostic(
        self,
        source: Source,
        rule: Rule,
        start: int,
        end: int,
        analysis: tuple[tuple[str, str], ...] | None = None,
    ) -> Diagnostic:
        return diagnostic(source, rule, start, end, self._severity(rule), analysis)

    def _severity(self, rule: Rule) -> str:
        for selector, severity in self.options.severity.items():
            if selector_matches(selector, rule):
                return severity
        return rule.severity

    def _suppress(self, source: Source, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        return suppress(
            source,
            diagnostics,
            lambda: self.ruleset.rules,
            lambda: self.rules,
            self.options.report_unused_suppressions,
        )


def _apart(text: str, one: Hit, other: Hit) -> bool:
    """Two hits of a class a rule lists twice that name two things: a word between them, and
    different words ("the dose released from a pellet" after "hormone pellets" names one)."""
    touching = one.token_start <= other.token_end and other.token_start <= one.token_end
    return not touching and _word(text, one) != _word(text, other)


def _word(text: str, hit: Hit) -> str:
    """A hit's words, lower-cased and without a plural ending: "Pellets" and "pellet" agree."""
    words = " ".join(text[hit.start : hit.end].lower().split())
    return words[:-1] if words.endswith("s") and not words.endswith("ss") else words


def _glob_match(path: str, pattern: str) -> bool:
    path = path.replace("\\", "/")
    return fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, "*/" + pattern.lstrip("/"))


__all__ = ["Linter", "Options", "is_selected", "selector_matches"]
