"""Context modifiers through the engine, each in both directions: it silences, and it does not."""

from __future__ import annotations

import pytest

from claimlint.diagnostics import Diagnostic
from claimlint.inputs.sources import Source
from claimlint.nlp.engine import Linter
from claimlint.packs import load_rules

RULESET = load_rules()
LINTER = Linter(RULESET)
FORMATS = {"text": "page.txt", "markdown": "page.md", "html": "page.html"}


def lint(text: str, fmt: str = "text", linter: Linter = LINTER) -> list[Diagnostic]:
    return linter.lint(Source(FORMATS[fmt], text, fmt))


def rules(text: str, fmt: str = "text") -> set[str]:
    return {d.rule for d in lint(text, fmt)}


def efficacy(text: str, fmt: str = "text") -> set[str]:
    """Sentence-level claim rules that fired (the document rules are tested separately).

    The engine reports one finding per sentence and category (CL101 yields to the more specific
    CL103/CL104...), so "the claim is flagged" means some efficacy or guarantee rule fired.
    """
    return {d.rule for d in lint(text, fmt) if d.category in ("efficacy", "guarantee")}


# -- negation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine is not a cure for depression.",
        "Ketamine does not repair damaged neural circuitry.",
        "There is no evidence that ketamine rewires the brain.",
    ],
)
def test_negation_silences(text: str) -> None:
    assert efficacy(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "It is not cheap, but ketamine cures depression.",
        "We are not a hospital; ketamine cures depression.",
        "Ketamine cures depression.",
    ],
)
def test_negation_scope_ends_at_a_terminator(text: str) -> None:
    assert "CL101" in efficacy(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sleepwell gummies are not approved by the FDA to diagnose, treat, cure or prevent "
        "insomnia.",
        "NovaGut is not approved by the U.S. Food and Drug Administration to treat, heal, or "
        "reverse Crohn's disease.",
        "Our elderberry syrup is not a drug and does not treat, cure, or prevent the flu.",
        # a bare "no" governs nouns joined by "or"
        "There is no cure, quick fix or guarantee for tinnitus.",
    ],
)
def test_one_denial_governs_a_series_of_single_words(text: str) -> None:
    assert efficacy(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # a comma before more than one word still ends the denial's scope
        "Our drops are not a drug, relieve pain, and calm nerves.",
        "It is not cheap, it cures migraines.",
        # a bare "no" denies the noun after it, not the verb after the comma
        "Our gel leaves no sticky residue, and heals eczema in days.",
        "The tea has no bitter taste, and cures heartburn.",
    ],
)
def test_a_comma_before_a_longer_item_still_ends_the_denial(text: str) -> None:
    assert efficacy(text)


def test_negation_scope_is_bounded() -> None:
    # "not" is far (more than the modifier's scope) from the claim it would have to deny.
    text = (
        "We do not take walk-ins on weekends or holidays at the downtown office and "
        "ketamine cures depression."
    )
    assert "CL101" in efficacy(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine not only lifts your mood, it also cures depression.",
        "Not only is it quick: ketamine heals the brain.",
    ],
)
def test_pseudo_cues_do_not_negate(text: str) -> None:
    assert efficacy(text) & {"CL101", "CL105", "CL107", "CL108"}


# -- hedge ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine may help some patients with depression.",
        "For some people, ketamine might ease depression; results vary.",
    ],
)
def test_hedge_silences(text: str) -> None:
    assert efficacy(text) == set()


@pytest.mark.parametrize(
    "text",
    ["Ketamine can rewire your brain in hours.", "Ketamine can heal your depression."],
)
def test_lone_can_is_not_a_hedge(text: str) -> None:
    assert efficacy(text) & {"CL101", "CL103"}


# -- evidence ------------------------------------------------------------------------------------

CLAIM = "Ketamine repairs damaged neural circuitry"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (f"{CLAIM} [1].", "text"),
        (f"{CLAIM}.[4]", "text"),
        (f"{CLAIM}.¹", "text"),
        (f"{CLAIM} (Lee et al., 2020).", "text"),
        (f"{CLAIM} (Moreno and Diaz, 2018).", "text"),
        (f"{CLAIM}. A small trial measured this [2].", "text"),
        (f"{CLAIM}. That result is reported by Okafor et al. (2021).", "text"),
        (f"{CLAIM} in rats, [per this paper](https://doi.org/10.1234/abcd.5678).", "markdown"),
        (f"{CLAIM}. [Read the trial](https://pubmed.ncbi.nlm.nih.gov/12345678/).", "markdown"),
        (
            f"<p>{CLAIM}.<sup>3</sup> Details: <a href='https://doi.org/10.1/x'>paper</a>.</p>",
            "html",
        ),
    ],
)
def test_specific_evidence_in_the_sentence_or_the_next_silences(text: str, fmt: str) -> None:
    assert "CL101" not in efficacy(text, fmt)


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (f"Studies show that {CLAIM.lower()}.", "text"),
        (f"Research proves it: {CLAIM.lower()}.", "text"),
        (f"{CLAIM}, as [our blog explains](https://example.com/why-ketamine-works).", "markdown"),
        # The citation is two sentences away: it does not cover the claim.
        (f"{CLAIM}. We open at nine. A trial found changes in mice [2].", "text"),
        # A year alone is not a citation.
        (f"Since 2020, {CLAIM.lower()}.", "text"),
    ],
)
def test_generic_or_distant_evidence_does_not_silence(text: str, fmt: str) -> None:
    assert efficacy(text, fmt) & {"CL101", "CL104"}


def test_a_sup_footnote_after_the_full_stop_ends_its_sentence() -> None:
    """A <sup> note number reads as plain digits after the full stop; it ends the cited sentence,
    so the note neither covers a claim two sentences on nor glues the sentences together."""
    page = (
        "<p>Nausea and dizziness are common after a session.<sup>1,4</sup> "
        "Long-term use has been linked to bladder problems.<sup>4</sup> "
        "At our doses, however, the infusion is completely safe.</p>"
    )
    assert "CL401" in rules(page, "html")
    cited = f"<p>{CLAIM} in one small trial.<sup>3</sup> Parking is free.</p>"
    assert "CL101" not in efficacy(cited, "html")
    assert "CL101" in efficacy("<p>Take 2.5 mg at night. " + CLAIM + ".</p>", "html")


def test_a_sup_footnote_closing_its_paragraph_cites_the_sentence() -> None:
    """A <sup> number at the very end of a paragraph ("in most men.<sup>3</sup></p>") is a note
    of its own, not part of the claim's last word, so it cites the sentence it closes."""
    cited = f"<p>{CLAIM} in most adults.<sup>3</sup></p><p>Parking is free.</p>"
    assert "CL101" not in efficacy(cited, "html")
    assert "CL101" in efficacy(f"<p>{CLAIM} in most adults.</p><p>Parking is free.</p>", "html")
    # a number read on by a lower-case word is no note: a review's star rating
    assert efficacy("Our drops end migraines in minutes.5 stars from our customers", "text")


def test_a_reference_note_at_the_foot_is_not_the_next_sentence() -> None:
    """A note definition printed after the last paragraph cites what points to it, not the claim
    that happens to come just before it."""
    note = "\n\n[^1]: Lee A, et al. Ketamine and mood. J Affect Disord. 2019;12(3):45-50.\n"
    assert "CL101" in efficacy(f"{CLAIM}.{note}", "markdown")
    assert "CL101" not in efficacy(f"{CLAIM}.[^1]{note}", "markdown")


def test_generic_appeal_is_itself_flagged() -> None:
    assert "CL104" in efficacy("Studies show that ketamine relieves chronic pain.")


# -- question ------------------------------------------------------------------------------------


def test_question_silences_and_statement_does_not() -> None:
    assert efficacy("Does ketamine repair damaged neural circuitry?") == set()
    assert efficacy("Can ketamine heal depression for good?") == set()
    assert "CL101" in efficacy("Ketamine repairs damaged neural circuitry!")


# -- attribution ---------------------------------------------------------------------------------


def test_attributed_and_disputed_claim_is_silent() -> None:
    assert efficacy("Some clinics promise a permanent cure; that is false.") == set()
    assert efficacy("You may have heard that ketamine cures depression. That is not true.") == set()


def test_own_claim_with_attribution_words_is_flagged() -> None:
    found = efficacy("Our clinic promises a permanent cure.")
    assert "CL601" in found


@pytest.mark.parametrize(
    "text",
    [
        # the speaker and the verb of saying open the claim's own words
        "Clinics promise reversed aging.",
        # the report holds the claim word, in scare quotes
        'Tabloids run stories about arthritis "cures" every spring.',
    ],
)
def test_a_report_that_opens_or_holds_the_claim_attributes_it(text: str) -> None:
    assert efficacy(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Our clinics promise reversed aging.",
        # the report ends where the writer's own claim begins
        'Tabloids run stories about arthritis "cures"; our tea cures arthritis.',
    ],
)
def test_the_writers_own_claim_beside_a_report_is_flagged(text: str) -> None:
    assert efficacy(text) != set()


# -- implied subject -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Soft lighting.\nRelieves feelings of depression.",
        "Soft lighting.\nEffective for mild to moderate anxiety.",  # CL105 (`start` match)
        "Soft lighting.\nLasting relief from migraines.",
    ],
)
def test_implied_subject_claim_is_flagged_at_the_fragment_start(text: str) -> None:
    found = [d for d in lint(text) if d.category == "efficacy"]
    assert len(found) == 1, found
    fragment = text.splitlines()[1]
    assert (found[0].line, found[0].column) == (2, 1), found[0]
    assert found[0].excerpt.split()[0] == fragment.split()[0], found[0].excerpt


def test_hedged_fragment_is_not_flagged() -> None:
    assert efficacy("May relieve feelings of depression for some people.") == set()
    assert efficacy("Possibly effective for mild anxiety in some people.") == set()


# -- document-level rules ------------------------------------------------------------------------

SUICIDE = "Ketamine may reduce suicidal thoughts in some patients."


def test_crisis_resource_missing_is_reported_at_the_trigger() -> None:
    text = f"Welcome.\n\n{SUICIDE}\n"
    diag = next(d for d in lint(text) if d.rule == "CL302")
    assert diag.line == 3
    assert text.splitlines()[2][diag.column - 1 :].startswith("suicidal")
    assert diag.excerpt and diag.excerpt in text


def test_crisis_resource_in_a_footer_satisfies_the_rule() -> None:
    page = (
        f"<html><body><main><p>{SUICIDE}</p></main>\n"
        "<footer><p>In a crisis? Call or text 988, any time.</p></footer></body></html>\n"
    )
    assert "CL302" not in rules(page, "html")


def test_crisis_resource_in_an_html_comment_does_not_count() -> None:
    page = (
        f"<html><body><main><p>{SUICIDE}</p></main>\n"
        "<!-- <footer>In a crisis? Call or text 988.</footer> -->\n"
        "</body></html>\n"
    )
    assert "CL302" in rules(page, "html")
    markdown = f"{SUICIDE}\n\n<!-- Call or text 988 if you are in crisis. -->\n"
    assert "CL302" in rules(markdown, "markdown")


def test_document_rule_message_names_the_trigger() -> None:
    text = "We offer ketamine infusions for depression and chronic pain."
    diag = next(d for d in lint(text) if d.rule == "CL301")
    assert diag.excerpt, diag
    assert '""' not in diag.message, diag.message
    assert "Ketamine is not FDA-approved for depression." not in text
    assert "CL301" not in rules(text + " Ketamine is not FDA-approved for depression.")


# -- yield_to ------------------------------------------------------------------------------------

ROUTE_CLAIM = "IV ketamine relieves depression far better than a nasal spray."
SPEED_CLAIM = "Ketamine relieves depression within hours."


def categories(text: str) -> set[str]:
    return {d.category for d in lint(text)}


def test_a_ranking_of_two_forms_is_reported_once_as_a_route_comparison() -> None:
    # Two forms named and one ranked: the efficacy rules yield to the route rule, so the
    # sentence is one route comparison, not also a separate efficacy claim.
    found = lint(ROUTE_CLAIM)
    assert "CL201" in {d.rule for d in found}
    assert "efficacy" not in {d.category for d in found}
    assert categories("Our B12 lozenge restores energy twice as fast as a monthly shot.") == {
        "route-comparison"
    }


def test_a_form_ranked_alone_keeps_its_efficacy_finding() -> None:
    # One form, no rival form: a route hit there may be spurious, and it never silences the
    # efficacy claim (CL212 does not take the sentence from the efficacy rules).
    assert "efficacy" in categories("Our magnesium spray puts you to sleep three times faster.")
    assert "efficacy" in categories("The recovery drip gets you back to full strength in an hour.")


def test_a_form_ranked_against_a_medicine_is_a_claim_of_superiority() -> None:
    # "Better than Botox, no needles": the rival is a medicine, not a route.
    found = categories("Our peptide serum smooths wrinkles better than Botox, no needles needed.")
    assert "efficacy" in found
    assert "route-comparison" not in found


def test_within_a_category_the_most_specific_rule_reports() -> None:
    efficacy_rules = {d.rule for d in lint(SPEED_CLAIM) if d.category == "efficacy"}
    assert efficacy_rules == {"CL103"}  # CL101 matches too, but yields to the speed rule


# -- carry ---------------------------------------------------------------------------------------


def test_route_ranking_carries_the_route_from_the_previous_sentence() -> None:
    # CL212 ranks one form; here the form comes from the sentence before
    assert "CL212" in rules("We offer IV ketamine and troches. The first is far superior.")


def test_carry_needs_a_route_in_the_previous_sentence_of_the_same_block() -> None:
    assert "CL212" not in rules("We offer ketamine. The first is far superior.")
    assert "CL212" not in rules("We offer IV ketamine and troches.\n\nThe first is far superior.")
    # Carry reaches one sentence back, not two.
    assert "CL212" not in rules(
        "We offer IV ketamine and troches. Parking is free. The first is far superior."
    )


def test_carry_unless_keeps_a_sentence_with_its_own_subject_from_borrowing() -> None:
    # the ranking is about the care the sentence names, not the previous sentence's route
    assert "CL212" not in rules(
        "Hip injections are not FDA-approved for this. Physiotherapy is the safer first step."
    )
    assert "CL212" in rules(
        "Hip injections are not FDA-approved for this. It is far less reliable."
    )


def test_carry_previous_needs_the_row_before_to_hold_its_own_figure() -> None:
    # CL214 reads two rows of a list written as sentences: each a form, a colon and a figure
    found = rules("Time to absorb a tablet: 2 hours. Our oral mist: 90 seconds.")
    assert "CL214" in found
    # one row alone ranks nothing, though the sentence holds a route, a figure and a dimension
    assert "CL214" not in rules("Parking is free. Our oral mist: absorbed in 90 seconds.")
    # the row before has a dimension but no figure of its own
    assert "CL214" not in rules("Tablets take time to absorb. Our oral mist: 90 seconds.")


def test_carry_back_reads_a_lists_lead_two_sentences_before_the_row() -> None:
    # CL214 (carry_back: 2): the lead names what the rows measure
    assert "CL214" in rules("Time to absorb. Capsules: 2 hours. Our spray: 90 seconds.")
    # three sentences back is too far, and another block never leads
    assert "CL214" not in rules(
        "Time to absorb. Parking is free. Capsules: 2 hours. Our spray: 90 seconds."
    )
    assert "CL214" not in rules("Time to absorb.\n\nCapsules: 2 hours. Our spray: 90 seconds.")
    # a lead that measures a visit, not an effect
    assert "CL214" not in rules("Appointment length. IV drip: 45 minutes. Injection: 5 minutes.")


# -- `extends` parents, added when a rule asks --------------------------------------------------


def test_parent_hits_are_the_childrens_hits_relabelled_in_order() -> None:
    from claimlint.nlp.context import Extends, Hit, SentenceHits
    from claimlint.nlp.sentences import Sentence

    extends = Extends.of({"drug": ("treatment", "subject"), "device": ("treatment",)})
    text = "Zeta and the coil help. Nothing here. The coil."
    sentences = [Sentence(0, 23, 0, "paragraph"), Sentence(24, 37, 1, "paragraph")]
    sentences.append(Sentence(38, 47, 2, "paragraph"))
    hits = [
        Hit("device", 13, 17, 3, 4),
        Hit("drug", 0, 4, 0, 1),
        Hit("treatment", 9, 12, 2, 3),
        Hit("device", 42, 46, 11, 12),
    ]
    sh = SentenceHits(text, sentences, hits, [], extends)
    assert sh.hits(0, "treatment") == [
        Hit("treatment", 0, 4, 0, 1),
        Hit("treatment", 9, 12, 2, 3),
        Hit("treatment", 13, 17, 3, 4),
    ]
    assert sh.hits(0, "subject") == [Hit("subject", 0, 4, 0, 1)]
    assert sh.hits(0, "drug") == [Hit("drug", 0, 4, 0, 1)]
    assert sh.hits(1, "treatment") == [] and sh.hits(5, "treatment") == []
    assert sh.where("treatment") == [0, 2] and sh.where("subject") == [0]
    assert sh.present[2] == {"device", "treatment"}
    assert sh.labels_by_span(0)[(0, 4)] == {"drug", "treatment", "subject"}
    assert sh.labels_by_span(0, {(13, 17)}) == {(13, 17): {"device", "treatment"}}


def test_cue_sentences_are_where_a_modifier_can_find_a_cue() -> None:
    """The index test that spares governs() its walk: the sentences holding a cue of the
    modifier (its `extends` children included), and those whose window reaches one."""
    from claimlint.nlp.context import Extends, Hit, SentenceHits
    from claimlint.nlp.sentences import Sentence
    from claimlint.packs import Modifier

    extends = Extends.of({"maybe": ("hedge-cues",)})
    text = "One. Two may. Three. Four."
    sentences = [Sentence(a, b, 0, "paragraph") for a, b in ((0, 4), (5, 13), (14, 20), (21, 26))]
    sh = SentenceHits(text, sentences, [Hit("maybe", 9, 12, 3, 4)], [], extends)
    hedge = Modifier("hedge", "hedge", "hedge-cues", window="next")
    assert sh.cue_sentences(hedge) == ({1}, {0, 1})
    adjacent = Modifier("near", "hedge", "", cue_lexicons=("maybe",), window="adjacent")
    assert sh.cue_sentences(adjacent) == ({1}, {0, 1, 2})
    assert sh.cue_sentences(Modifier("none", "hedge", "other")) == (set(), set())


def test_a_page_subject_counts_for_every_lexicon_that_extends_it() -> None:
    """An unlisted product named in the title is a `treatment` for the efficacy rules, though
    the matcher labels it `page-subject` only."""
    found = rules("# Zorvexal drops\n\nZorvexal cures insomnia for good.", "markdown")
    assert "CL101" in found


def test_a_topic_lead_in_does_not_exempt_the_claims_it_introduces() -> None:
    """ "What the kit does:" opens with a topic word, but its list items are claims; a hedged
    lead-in still governs its items."""
    page = "# Calm Kit\n\nWhat the kit does:\n\n- melts away anxiety\n- ends insomnia\n"
    assert {d.line for d in lint(page, "markdown") if d.category == "efficacy"} == {5, 6}
    hedged = "# Calm Kit\n\nIn a small study, the kit may:\n\n- melt away anxiety\n- end insomnia\n"
    assert not [d for d in lint(hedged, "markdown") if d.category == "efficacy"]


def test_a_list_run_into_one_line_has_its_lead_in_too() -> None:
    """Text pages and copied web pages write a list on one line ("include: • a • b"): its items
    are items, so a side-effect lead-in governs them and a claim lead-in does not excuse them."""
    effects = (
        "Common side effects of the nasal spray include: • feeling detached • dizziness "
        "• decreased sensation (numbness) • nausea\n"
    )
    assert not [d for d in lint(effects, "text") if d.category == "efficacy"]
    claims = "What our gummies do: • melt away anxiety • end insomnia in a week\n"
    assert [d for d in lint(claims, "text") if d.category == "efficacy"]


def test_a_sentence_also_opens_after_one_leading_word_and_a_comma() -> None:
    from claimlint.nlp.openings import openings

    text = "Fast, lasting relief from sciatica."
    assert openings(text, 0, len(text)) == [0, text.index("lasting")]
    text = "Two tablets, twice a day."  # two words before the comma: no second opening
    assert openings(text, 0, len(text)) == [0]
    text = "Relief: fast, lasting."
    assert openings(text, 0, len(text)) == [0, text.index("fast")]


def test_a_fragment_also_opens_after_a_short_label_and_a_spaced_dash() -> None:
    """A device's preset list ("528 Hz – clears sinus infections") states its result after the
    label; a hyphen inside a word is no dash, and a long lead before a dash is no label."""
    from claimlint.nlp.openings import openings

    text = "528 Hz – clears sinus infections"
    assert openings(text, 0, len(text)) == [0, text.index("clears")]
    text = "Anti-inflammatory tea for evenings"
    assert openings(text, 0, len(text)) == [0]
    text = "Our clinic in the old mill by the river - open late on Fridays"
    assert openings(text, 0, len(text)) == [0]
    assert [d.rule for d in lint("Programs • 528 Hz – clears sinus infections", "text")]
    assert not [d for d in lint("Programs • 528 Hz – relaxing background tone", "text")]


def test_a_fragment_opens_after_a_star_rating_and_a_leading_moment() -> None:
    """A review's title after its stars, and the result after "Finally": each opens the
    fragment for a rule's `start` (certainty); a modifier's opening cue is not moved."""
    from claimlint.nlp.openings import openings

    text = "4.5 out of 5 stars Finally sleeping again"
    assert openings(text, 0, len(text), certainty=True) == [
        0,
        text.index("Finally"),
        text.index("sleeping"),
    ]
    assert openings(text, 0, len(text)) == [0, text.index("Finally")]
    text = "Already down two dress sizes"
    assert openings(text, 0, len(text), certainty=True) == [0, text.index("down")]
    assert openings(text, 0, len(text)) == [0]


# -- typicality ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"Two weeks on the drops and my hay fever was gone." - Rosa, 33. Individual results vary.',
        'Results may vary. "I sleep through the night now with Dormia." - Ken, 44',
        "One client says her migraines came less often on the protocol; your results may differ.",
        "A reader wrote that his reflux calmed down on our tea. Experiences differ.",
        # the account set against others' results
        "One member told us her back pain eased on the mat. Her result is well above average.",
        "A reviewer wrote that the spray cleared his sinus headaches. Others noticed no change.",
        "My eczema faded in a month on the balm, though some people see little or no benefit.",
    ],
)
def test_a_personal_account_beside_a_typicality_note_is_silent(text: str) -> None:
    assert efficacy(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # a seller's own claim is not made typical-safe by "results may vary"
        "Our turmeric capsules relieve arthritis pain. Results may vary.",
        "Our lozenges end sore throats overnight. Other customers noticed no difference.",
        # the story without the note
        '"Two weeks on the drops and my hay fever was gone." - Rosa, 33',
    ],
)
def test_typicality_note_needs_a_personal_account(text: str) -> None:
    assert efficacy(text)


def test_a_note_before_a_heading_does_not_qualify_the_heading() -> None:
    page = "Stories from our patients. Individual results vary.\n\n## Dana: my migraines are gone\n"
    assert efficacy(page, "markdown")


def test_a_byline_after_a_quotation_stays_in_its_sentence() -> None:
    from claimlint.nlp.sentences import split_block

    text = '"My knees stopped aching." - Priya, 61. Results vary.'
    spans = [text[a:b] for a, b in split_block(text, 0, len(text))]
    assert spans == ['"My knees stopped aching." - Priya, 61.', "Results vary."]


# -- structure/function statements ---------------------------------------------------------------

DSHEA = "*These statements have not been evaluated by the Food and Drug Administration."


@pytest.mark.parametrize(
    "text",
    ["Supports normal energy metabolism.*", "Helps maintain healthy blood sugar levels.*"],
)
def test_normal_function_beside_the_label_statement_is_silent(text: str) -> None:
    assert efficacy(f"{text} {DSHEA}") == set()
    assert efficacy(text)  # the same words without the statement still claim


def test_a_disease_claim_is_not_excused_by_the_label_statement() -> None:
    assert efficacy(f"Reverses type 2 diabetes in eight weeks.* {DSHEA}")


# -- a cue that shares its last word with the claim ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ozempic is FDA-approved to lower blood sugar in adults with type 2 diabetes.",
        "Trulicity is approved to improve blood sugar control in type 2 diabetes.",
    ],
)
def test_a_label_described_through_its_shared_to_is_not_a_claim(text: str) -> None:
    """'approved to' and 'to lower' meet on 'to': the description governs the claim after it."""
    assert efficacy(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Ozempic lowers blood sugar in adults with type 2 diabetes.",
        "Our drops are designed and proven to lower blood sugar in type 2 diabetes.",
    ],
)
def test_the_same_outcome_without_the_label_is_still_a_claim(text: str) -> None:
    assert efficacy(text)


def test_an_overlap_other_than_to_or_for_stays_part_of_the_claim() -> None:
    """'are no' overlaps 'no side effects' on 'no': the denial is what is claimed."""
    assert "CL401" in rules("There are no side effects with our ketamine troches.")


def test_an_unnamed_university_is_no_citation_and_a_named_one_is() -> None:
    """Institution names are read case-sensitively: 'a leading university' names none."""
    unnamed = (
        "Scientists at a leading university found that chromium shuts off sugar cravings in days."
    )
    named = "Researchers at the University of Oslo found that the balm eased itching within days."
    assert efficacy(unnamed)
    assert efficacy(named) == set()


def test_no_is_an_answer_unless_a_number_follows() -> None:
    """'No.' before a sentence is the answer to a question, not the abbreviation of 'number'."""
    from claimlint.nlp.sentences import split_block

    text = "No. The balm is non-addictive. See item No. 4 on the label."
    spans = [text[a:b] for a, b in split_block(text, 0, len(text))]
    assert spans == ["No.", "The balm is non-addictive.", "See item No. 4 on the label."]
    assert "CL401" in rules("Is the balm addictive? No. The balm is non-addictive.")


def test_an_agency_initialism_with_full_stops_does_not_end_a_sentence() -> None:
    """'F.D.A.' and 'U.S.A.' are abbreviations, so 'F.D.A. APPROVED ...' stays one claim."""
    from claimlint.nlp.sentences import split_block

    text = "F.D.A. APPROVED elderberry syrup. Made in the U.S.A. Shipped fast."
    spans = [text[a:b] for a, b in split_block(text, 0, len(text))]
    assert spans[0] == "F.D.A. APPROVED elderberry syrup."
    assert "CL502" in rules("F.D.A. APPROVED elderberry syrup, shipped same day.")


def test_a_unit_after_a_figure_ends_its_row_when_a_capital_follows() -> None:
    """'2 min. Gummies: 45 min.' is two rows; 'min.' after a figure runs on before lower case."""
    from claimlint.nlp.sentences import split_block

    text = "Mist: 2 min. Gummies: 45 min. Rest for 15 min. after the drip. Wait 2 hrs. Then eat."
    spans = [text[a:b] for a, b in split_block(text, 0, len(text))]
    assert spans == [
        "Mist: 2 min.",
        "Gummies: 45 min.",
        "Rest for 15 min. after the drip.",
        "Wait 2 hrs.",
        "Then eat.",
    ]
    # a dose leads into what follows it on a label's line
    text = "Magnesium, 250 mg. In a trial of 60 adults, sleep improved."
    assert len(split_block(text, 0, len(text))) == 1
    # without a figure before it the word is still an abbreviation
    text = "Dr. Lee prescribes it. Min. Order: two boxes."
    spans = [text[a:b] for a, b in split_block(text, 0, len(text))]
    assert spans == ["Dr. Lee prescribes it.", "Min. Order: two boxes."]
