"""Detection on wording and products the packs never list: each capability, flag and pass.

Every sentence here is written for this file (invented brands, several product families),
so a rule that passes only because it memorised a corpus sentence cannot pass these.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimlint.api import lint_text
from claimlint.cli import cli


def categories(text: str, fmt: str = "text") -> set[str]:
    path = {"text": "page.txt", "markdown": "page.md", "html": "page.html"}[fmt]
    found = lint_text(text, path=path)
    return {d.category for d in found if not d.category.startswith("disclaimer")}


FLAG = [
    # products no lexicon names: the page subject and the structure carry the claim
    ("Zentrofax reduces obesity.", "efficacy"),
    ("Normalizes restless sleep.", "efficacy"),
    ("This blend soothes an overactive mind.", "efficacy"),
    ("Vireluma sharpens memory and supports immune function.", "efficacy"),
    ("Our capsules help you lose weight.", "efficacy"),
    ("Halvora is remarkably effective.", "efficacy"),
    ("Kelptra Immunity Boosters", "efficacy"),
    # safety by derivation and paraphrase
    ("This tincture is not in the least bit addictive.", "safety"),
    ("Side effects are minimal with our patches.", "safety"),
    ("Thousands of procedures are safely carried out here each year.", "safety"),
    ("You will be back to normal activities right after the session.", "safety"),
    ("Our peptide stack is the safest choice for recovery.", "safety"),
    # routes contrasted by structure, and dosage forms as routes
    ("Injection doses can be titrated during the visit; a patch cannot.", "route-comparison"),
    ("A gummy's trip through the gut versus direct delivery under the tongue.", "route-comparison"),
    ("Our lozenges work just as well as an infusion.", "route-comparison"),
    # testimonials, however they are set
    ('"My knees stopped aching after two weeks," Rhea explains.', "efficacy"),
    ("Tomas's Recovery from Chronic Migraines", "efficacy"),
]

PASS = [
    # instructions, conditionals, embedded questions
    "Arrange a ride home after your infusion, since you should not drive.",
    "Bring a safe, comfortable set of clothes.",
    "Contact us at once if joint pain gets worse.",
    "Find out whether ketamine eases chronic pain.",
    # hedged by belief or appearance verbs, matched on their lemma
    "Vireluma seemed to ease joint pain in some users.",
    "Kavastra is thought to calm nerves.",
    # animals and the lab
    "In rats, the peptide reversed nerve damage within days.",
    # specific evidence in its common forms
    "In a double-blind trial of 120 veterans, the device reduced PTSD symptoms.",
    "The drink lowers blood pressure (Okafor et al., Hypertension Research).",
    "Our drops relieve migraines.(3) Ask your doctor.",
    "Zinc shortened colds in adults (Cochrane Database Syst Rev. 2015;4:CD001364).",
    # idioms, timelines of a condition, uses described, side effects resolving
    "Clinics are busy, and with good reason.",
    "Postpartum blues often fade within two weeks.",
    "Semaglutide is used to treat type 2 diabetes.",
    "If nausea occurs, it usually goes away the same day.",
    # ordinary uses of words that are outcome verbs elsewhere
    "Our support team answers within a day.",
    "The waiting room is calm and quiet.",
    "Sirtuins take part in DNA repair.",
    "Infusion doses are adjusted by the nurse when needed.",
    # a crisis service is never the product a page promotes
    "The new 988 lifeline is a real improvement for callers; the lifeline answers every day.",
]


@pytest.mark.parametrize(("text", "category"), FLAG)
def test_claims_in_unseen_wording_are_flagged(text: str, category: str) -> None:
    assert category in categories(text), text


@pytest.mark.parametrize("text", PASS)
def test_non_claims_pass(text: str) -> None:
    assert categories(text) == set(), text


def test_a_heading_names_the_page_subject() -> None:
    page = "# Lumacort drops\n\nEvery bottle is made in Vermont.\n\nLumacort eases joint pain.\n"
    found = [d for d in lint_text(page, path="page.md") if d.category == "efficacy"]
    assert [d.line for d in found] == [5]
    assert dict(found[0].analysis or ())["subject"] == "Lumacort"


def test_a_lead_in_sentence_governs_its_list_items() -> None:
    hedged = "In mice, the compound was shown to:\n\n- reverse memory loss\n- restore nerves\n"
    assert categories(hedged, "markdown") == set()
    promised = "Our compound will:\n\n- reverse memory loss\n- restore nerves\n"
    assert categories(promised, "markdown") == {"efficacy"}


def test_a_ranking_of_routes_is_one_route_comparison() -> None:
    # two forms set against each other: reported once, in its own category
    found = categories("IV ketamine relieves depression far better than a nasal spray.")
    assert found == {"route-comparison"}


def test_a_one_form_route_hit_never_hides_an_efficacy_claim() -> None:
    found = categories("The menthol patch ends tension headaches twice as fast.")
    assert "efficacy" in found


def _json_findings(tmp_path, text: str, category: str) -> tuple[list[dict], str]:
    """The JSON findings of one category for a page of `text`, and the raw output."""
    page = tmp_path / "page.md"
    page.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", str(page)])
    return [d for d in json.loads(result.output) if d["category"] == category], result.output


def test_json_findings_carry_the_claim_analysis(tmp_path) -> None:
    text = "# Zentrofax\n\nZentrofax calms an anxious mind within hours.\n"
    claims, output = _json_findings(tmp_path, text, "efficacy")
    assert claims, output
    analysis = claims[0]["analysis"]
    assert set(analysis) == {"claim", "subject", "asserted"}
    assert analysis["subject"] == "Zentrofax"
    assert (
        "hedged" in analysis["asserted"] and "backed by a specific citation" in analysis["asserted"]
    )


def test_every_exemption_reads_as_one_item_of_the_not_list() -> None:
    # "asserted" lists the exemptions as "not A, not B": a comma inside one would read as two
    # ("not one person's account, with a note that results vary" said the opposite).
    from claimlint.nlp.analysis import EXEMPTIONS
    from claimlint.packs import load_rules

    modifiers = {c for rule in load_rules().rules for c in rule.unless}
    assert modifiers <= set(EXEMPTIONS), modifiers - set(EXEMPTIONS)
    for category, phrase in EXEMPTIONS.items():
        assert "," not in phrase and " not " not in f" {phrase}", (category, phrase)


def test_bulleted_lines_inherit_their_lead_in() -> None:
    hedged = "In lab work the peptide may help to:\n\n  • heal torn tendons\n  • end joint pain\n"
    assert categories(hedged) == set()
    asserted = "Our peptide will:\n\n  • heal torn tendons\n  • end joint pain\n"
    assert categories(asserted) == {"efficacy"}


@pytest.mark.parametrize(
    "text",
    [
        "How Zentrofax Eases Joint Pain: The Science",
        "If dizziness appears, it usually fades within an hour.",
        "Psychotherapy has long been relied on to treat depression.",
    ],
)
def test_topics_side_effects_and_descriptions_pass(text: str) -> None:
    assert categories(text) == set(), text


def test_show_reasons_prints_the_analysis_and_explain_documents_it(tmp_path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Zentrofax\n\nZentrofax calms an anxious mind.\n", "utf-8")
    plain = CliRunner().invoke(cli, ["check", "--no-cache", str(page)])
    assert "= subject:" not in plain.output
    shown = CliRunner().invoke(cli, ["check", "--no-cache", "--show-reasons", str(page)])
    assert "      = subject: Zentrofax" in shown.output
    assert '      = claim: a health outcome ("calms")' in shown.output
    explained = CliRunner().invoke(cli, ["explain", "CL107"]).output
    assert "asserted  the exemptions this rule looked for" in explained
    assert "limited to animals or the lab" in explained  # CL107 checks the nonhuman context


# Claims in the style that FDA and FTC warning letters quote, written for this file across
# supplements, devices, peptides, hormones, drips and GLP-1s; and careful sentences that must pass.
WARNING_STYLE = [
    "Our infrared sauna blanket sweats out cellulite and chronic fatigue.",
    "With NeuroVive, your child's speech delays fade within weeks.",
    "Quercetin drops are your best defense against respiratory viruses.",
    "The Vagus Reset collar switches off panic attacks in seconds.",
    "Our bone broth protein heals ulcerative colitis naturally.",
    "Taking our ginkgo tablets every morning brings back your memory.",
    "Sermorelin therapy turns back the clock on aging skin and sagging muscles.",
    "Cold plasma treatment destroys MRSA on contact.",
    "Our CBD pet chews are proven to relieve arthritis in senior dogs.",
    "This hormone cream eliminates menopause symptoms entirely.",
    "Hydrogen water neutralizes cancer-causing free radicals.",
    "Our scalp serum regrows hair in just 8 weeks.",
    "NMN supplements extend lifespan by repairing DNA.",
    "The cryotherapy chamber speeds recovery from sports injuries by 50%.",
    "Monolaurin wipes out herpes outbreaks.",
    "Our keto pills block carbs and torch fat while you sleep.",
    "Acupressure mats cure insomnia and back pain.",
    "Liposomal vitamin C prevents sepsis.",
    "Saffron extract works as well as prescription antidepressants.",
    "Ivermectin paste clears parasites that cause chronic illness.",
    "Our lymphatic drainage massage detoxes the body and shrinks fibroids.",
    "MCT oil reverses early Alzheimer's.",
    "The ear seeds program stops cravings so you quit smoking for good.",
    "Our IV NAD+ protocol resets addiction pathways in 10 days.",
    "Our CBD tincture cures anxiety and insomnia.",
    "This mushroom extract destroys cancer cells.",
    "Kratom capsules treat opioid withdrawal symptoms.",
    "Stem cell therapy reverses Parkinson's disease.",
    "Ozone therapy kills viruses in the blood.",
    "Our herbal tea shrinks tumors naturally.",
    "Elderberry syrup protects your family against the flu.",
    "NAD+ infusions reverse the aging process.",
    "The peptide BPC-157 heals leaky gut and torn ligaments.",
    "Colloidal silver fights infections that antibiotics cannot.",
    "Our red light device eliminates chronic back pain.",
    "Zinc lozenges prevent COVID-19.",
    "This supplement lowers blood sugar in diabetics.",
    "Ashwagandha gummies melt away stress and anxiety.",
    "Hyperbaric oxygen heals autism.",
    "Chlorine dioxide drops detoxify the body of heavy metals.",
    "Our nootropic stack sharpens focus and ends brain fog.",
    "Vitamin IV drips boost your immune system against infections.",
    "Testosterone pellets restore energy, libido and muscle mass.",
    "Methylene blue protects the brain from dementia.",
    "Lose 20 pounds in 30 days with our drops.",
    "Semaglutide melts belly fat fast.",
    "Tirzepatide injections help patients lose up to 22% of their body weight.",
    "Ketamine lozenges stop suicidal thoughts within hours.",
    "Psilocybin microdosing cures depression for good.",
    "Our neurofeedback program eliminates ADHD without medication.",
    "Prolotherapy regenerates worn-out cartilage.",
    "Exosome therapy rebuilds damaged nerves.",
    "Glutathione injections clear toxins and brighten skin.",
    "Our probiotic heals IBS in two weeks.",
    "Black seed oil treats asthma and allergies.",
    "Sea moss gel supports thyroid function and fights inflammation.",
    "Turmeric capsules relieve arthritis pain as well as ibuprofen.",
    "CBD gummies are a natural alternative to antidepressants that works.",
    "Our stem cell injections allow you to avoid knee replacement surgery.",
    "The frequency device restores hearing loss.",
    "Our detox foot pads draw out toxins overnight.",
    "Magnetic bracelets relieve migraines.",
    "This formula reverses type 2 diabetes.",
    "Reishi extract strengthens immunity and prevents cancer.",
    "Our marine collagen powder rebuilds joint cartilage and ends stiffness.",
    "Bee propolis spray knocks out sore throats overnight.",
    "The Lumora light mask clears acne and erases fine lines.",
    "Daily apple cider vinegar shots dissolve kidney stones.",
    "This liver cleanse flushes fatty liver disease in 21 days.",
    "Our hemp balm stops sciatica flare-ups for good.",
    "Nightly magnesium spray cures restless legs.",
    "Our IV hangover drip gets you back on your feet in 45 minutes.",
    "The PEMF mat regenerates nerves damaged by neuropathy.",
    "Kids' focus gummies calm ADHD without prescriptions.",
    "Fenugreek tea doubles breast milk supply.",
    "This eye formula restores 20/20 vision.",
    "Colostrum shields your gut from leaky gut syndrome.",
    "Our frequency patches relieve long COVID fatigue.",
    "Cordyceps boosts lung capacity in people with COPD.",
    "Peptide nasal spray rebuilds memory in dementia patients.",
    "Oregano oil wipes out candida.",
    "Tinnitus drops silence ringing in the ears.",
    "Deer antler velvet rejuvenates aging joints.",
]
CAREFUL = [
    "Saffron has been compared with antidepressants in small trials; the evidence is weak.",
    "Schedule your cryotherapy session online or call the front desk.",
    "Infrared saunas raise your heart rate: talk to your doctor first if you have heart disease.",
    "Hair regrowth results differ from person to person, and some people see no change.",
    "Our chews are made in a facility that also processes peanuts.",
    "NMN is being studied in people, but it has not been shown to extend human lifespan.",
    "Wear loose clothing to your lymphatic massage appointment.",
    "If your dog's arthritis worsens, see your veterinarian.",
    "Is hydrogen water worth it? Here is what the research says and does not say.",
    "Vitamin C does not prevent sepsis; hospitals use it only in clinical trials.",
    "Some studies suggest CBD may help some people with anxiety; results vary.",
    "There is no good evidence that kratom treats opioid withdrawal.",
    "Stem cell therapy for Parkinson's disease is experimental and not FDA-approved.",
    "In a 2021 trial of 200 adults, zinc did not prevent colds (Lee et al., 2021).",
    "Talk to your doctor before taking any supplement.",
    "Ask your pharmacist whether the tincture interacts with your medicines.",
    "Tirzepatide is FDA-approved for chronic weight management as Zepbound.",
    "Red light therapy is being studied for back pain; evidence is limited.",
    "If symptoms worsen, stop using the product and call your doctor.",
    "Does turmeric relieve arthritis pain? The evidence is mixed.",
    "Collagen supplements have not been shown to rebuild cartilage in adults.",
    "Please contact our pharmacist with questions about magnesium spray.",
    "Berberine is not the same as semaglutide and is not FDA-approved for weight loss.",
    "In a 2022 pilot study of 24 adults, the mat was tested for nerve pain (Reyes et al., 2022).",
    "Hemp balm is a topical product; ask your doctor before use if you take blood thinners.",
]


@pytest.mark.parametrize("text", WARNING_STYLE)
def test_warning_letter_style_claims_are_flagged(text: str) -> None:
    assert categories(text), text


@pytest.mark.parametrize("text", CAREFUL)
def test_careful_sentences_pass(text: str) -> None:
    assert categories(text) == set(), text


# Products named by a code of letters and digits, which no dictionary lists and no lexicon of
# ours names: the page's own name for what it sells is still the claim's subject.
CODE_NAMED = [
    "# Recovery peptides\n\nVX-310 heals torn tendons twice as fast as rest alone.",
    "# Our stack\n\nKLP-77 repairs damaged cartilage.",
    "# Weight care\n\nOur RTA-9 melts stubborn belly fat.",
]
CODE_NOT_A_PRODUCT = [
    "# Winter care\n\nCOVID-19 spreads quickly in crowded rooms.",
    "# Our hours\n\nCall us at ext. 4410 for bookings.",
]


@pytest.mark.parametrize("text", CODE_NAMED)
def test_a_product_code_is_a_subject(text: str) -> None:
    assert "efficacy" in categories(text, "markdown"), text


@pytest.mark.parametrize("text", CODE_NOT_A_PRODUCT)
def test_a_code_that_makes_no_claim_passes(text: str) -> None:
    assert categories(text, "markdown") == set(), lint_text(text, path="page.md")


# A treatment named by three initials no lexicon lists ("RLT" for red light therapy): in
# capitals it is a candidate name, as a coined word is; initials of an agency, a measure or a
# degree, initials in brackets after the name they abbreviate and Roman numerals are not.
INITIALS_NAMED = [
    "QVT reduces inflammation in sore knees.",
    "ZLT eases sciatica.",
    "Most of our knee patients choose PXR, and it improves circulation in cold feet.",
]
INITIALS_NOT_A_PRODUCT = [
    "Generic versions are FDA-approved and must prove they act the same as the brand medicine.",
    "Your BMI helps your doctor decide whether a weight-loss medicine is right for you.",
    "Any prescriber with a Schedule III registration may prescribe it for opioid use disorder.",
    "Hormone replacement therapy (HRT) is approved to treat hot flashes of menopause.",
]


@pytest.mark.parametrize("text", INITIALS_NAMED)
def test_three_initials_in_capitals_name_a_subject(text: str) -> None:
    assert "efficacy" in categories(text), lint_text(text, path="page.txt")


@pytest.mark.parametrize("text", INITIALS_NOT_A_PRODUCT)
def test_initials_of_agencies_measures_and_abbreviations_pass(text: str) -> None:
    assert categories(text) == set(), lint_text(text, path="page.txt")


# Medicines compared with, replaced or made unnecessary: every drug-comparison regex that
# names medicines names the same ones, so a medicine added to one form is caught in all.
MEDICINE_FORMS = [
    "Our mushroom tea works as well as gabapentin.",
    "Our mushroom tea is stronger than gabapentin.",
    "Our mushroom tea is a natural alternative to gabapentin.",
    "Replace your gabapentin with our mushroom tea.",
    "With our mushroom tea you will never need gabapentin again.",
]


def _medicine_lists() -> list[str]:
    import yaml

    from claimlint.packs.bundled import bundled_rules_dir

    path = bundled_rules_dir() / "lexicons" / "outcomes.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    lists = []
    for pattern in data["lexicons"]["drug-comparison"]["regex"]:
        # the determiners, then the medicines; a story's binned medicine ("my blood-pressure
        # pills went in the bin") has its own short list of what people keep at home
        if "){0,2}?(?:antidepressants?" in pattern:
            lists.append(pattern.split("){0,2}", 1)[1].rsplit(")", 1)[0])
    return lists


def test_the_medicine_comparisons_share_one_list() -> None:
    lists = _medicine_lists()
    assert len(lists) == 5 and len(set(lists)) == 1


@pytest.mark.parametrize("text", MEDICINE_FORMS)
def test_each_comparison_form_knows_each_medicine(text: str) -> None:
    assert "efficacy" in categories(text, "markdown"), text


# Approval claimed for whatever the page sells, named or not; approved medicines by any name pass.
APPROVAL_CLAIMS = [
    "Somnexa is FDA-approved to end insomnia.",
    "# Lumbar Ease Belt\nThe belt wraps your back.\nIt is an FDA-cleared treatment for sciatica.",
    "# Bright Mind Drops\nThe drops have been approved by the FDA to lift low mood.",
    "Veltrin is approved by Health Canada and the FDA for joint pain.",
    "# Glowderm Serum\nThis is an FDA-approved remedy for rosacea.",
    "Dormelle contains exactly the same medicine as Zepbound.",
]
APPROVED_MEDICINES = [
    "Zurzuvae is FDA-approved for postpartum depression in adults.",
    "Approved by the FDA in 2022, Auvelity treats major depressive disorder.",
    "Exxua is an FDA-approved medicine for depression.",
    "# Sleep care\nBelsomra is FDA-approved for trouble falling or staying asleep.",
    "Varenicline is FDA-approved to help adults stop smoking.",
    "Harbor Clinic prescribes FDA-approved medicines for opioid use disorder.",
]


@pytest.mark.parametrize("text", APPROVAL_CLAIMS)
def test_approval_of_the_product_on_sale_is_flagged(text: str) -> None:
    assert "approval" in categories(text.replace("\\n", "\n"), "markdown"), text


@pytest.mark.parametrize("text", APPROVED_MEDICINES)
def test_approved_medicines_by_any_name_pass(text: str) -> None:
    assert "approval" not in categories(text.replace("\\n", "\n"), "markdown"), text


# Onsets in looser words: counted from the first dose, a calendar date, a loose bound, the visit;
# a condition the product is sold against (withdrawal) is not one of its side effects.
SPEED_CLAIMS = [
    "Alcohol withdrawal symptoms ease within a day of the first capsule.",
    "Your cough is gone before the drip bag is empty.",
    "Lose a pant size by next weekend on our shake plan.",
    "Expect new hair growth in as little as ten days with this serum.",
    "Hay fever clears up that same afternoon.",
    "# Sleep Melts\n## Insomnia Solved From Night One",
    "After a cold plunge, regulars walk out headache-free in under an hour.",
]
SPEED_PASSES = [
    "Nausea from the infusion usually settles within hours of the first dose.",
    "Your results arrive by the end of day three.",
    "Most shipments arrive by next weekend.",
]


@pytest.mark.parametrize("text", SPEED_CLAIMS)
def test_onset_claims_in_loose_wording_are_flagged(text: str) -> None:
    assert "efficacy" in categories(text, "markdown"), text


@pytest.mark.parametrize("text", SPEED_PASSES)
def test_onsets_of_side_effects_and_shipping_pass(text: str) -> None:
    assert "efficacy" not in categories(text, "markdown"), text


# Structure: a rhetorical "why X when Y does better" ranks Y above X; a passive verb with the
# product as its agent claims what the active sentence would.
STRUCTURE_CLAIMS = [
    ("Why keep paying for Zyrtec when our nettle tea calms hay fever better?", "efficacy"),
    ("Why take tablets when our spray delivers twice the dose to your blood?", "route-comparison"),
    ("Why inject when a patch works three times better?", "route-comparison"),
    ("Plaque psoriasis is cleared up by our coal-tar cream.", "efficacy"),
    ("Seasonal allergies are knocked out by these local honey chews.", "efficacy"),
]
STRUCTURE_PASSES = [
    "Why take probiotics at bedtime? Many people find it easier to remember.",
    "Depression is treated by our psychiatrists with medication and therapy.",
    "Knee pain is sometimes caused by the way you walk.",
    "Eczema was not cleared by the cream in a small pilot.",
]


@pytest.mark.parametrize(("text", "category"), STRUCTURE_CLAIMS)
def test_claims_made_by_structure_are_flagged(text: str, category: str) -> None:
    assert category in categories(text, "markdown"), text


@pytest.mark.parametrize("text", STRUCTURE_PASSES)
def test_questions_causes_and_care_by_people_pass(text: str) -> None:
    assert not categories(text, "markdown"), text


# Ranking words about something else: advice on where a benefit comes from, the amenities of an
# infusion lounge, and "the only" in a clause about another treatment are no claims.
NOT_RANKINGS = [
    "Clearer skin begins with a gentle cleanser and sunscreen.",
    "Our drip lounge has faster Wi-Fi and comfier recliners than the old one.",
    "Pills will not remove gallstones; surgery is the only reliable treatment.",
]


@pytest.mark.parametrize("text", NOT_RANKINGS)
def test_advice_amenities_and_other_treatments_pass(text: str) -> None:
    assert not categories(text, "markdown"), text


def test_a_form_singled_out_as_the_only_one_that_works_is_a_route_claim() -> None:
    text = "Tablets are wasted in the gut, so our spray is the only form that gets in."
    assert "route-comparison" in categories(text, "markdown")


# Guarantees in other words: the result or the money, free care if it fails, every time,
# whatever the reader has tried.
GUARANTEES = [
    "If your knees aren't stronger in 8 weeks, we'll refund every cent.",
    "Read fine print without glasses in 60 days or get a full refund.",
    "Lose the baby weight or your next two months of coaching are free.",
    "If the migraines come back, your follow-up visits are free.",
    "This patch stops cravings 100% of the time.",
    "Whatever you have tried already, this elixir will work for you.",
]
NOT_GUARANTEES = [
    "Return unopened bottles within 30 days for a full refund.",
    "If you are not satisfied with the taste, contact us for a refund.",
    "Cancellations are free if you call a day ahead.",
]


@pytest.mark.parametrize("text", GUARANTEES)
def test_guarantees_in_other_words_are_flagged(text: str) -> None:
    assert "guarantee" in categories(text, "markdown"), text


@pytest.mark.parametrize("text", NOT_GUARANTEES)
def test_return_policies_are_no_guarantees(text: str) -> None:
    assert "guarantee" not in categories(text, "markdown"), text


# Delivery forms and where a dose goes: liposomes, pens, "under your tongue", "into every cell".
ROUTE_CONTRASTS = [
    "Tablets lose potency in the gut, but a liposomal shot carries NAD+ intact into every cell.",
    "Forget capsules: our drops go in under your tongue, where stomach acid can't destroy them.",
    "Our oil gives 100% absorption, compared with gummies.",
]


@pytest.mark.parametrize("text", ROUTE_CONTRASTS)
def test_delivery_forms_set_against_each_other_are_route_claims(text: str) -> None:
    assert "route-comparison" in categories(text, "markdown"), text


def test_a_definition_of_full_bioavailability_is_no_ranking() -> None:
    text = "By convention, a drug given into a vein is 100% bioavailable."
    assert "route-comparison" not in categories(text, "markdown")


# The product named again by a pronoun after a dash or "but"; a condition named by a damaged
# body part ("torn ligaments", "receding gums", "blocked tubes").
PRONOUN_AND_PART_CLAIMS = [
    "Keep a tin in your bag — it calms hot flashes in the middle of a meeting.",
    "It is not an antibiotic, but it blocks the flu virus at the door.",
    "Mends herniated discs without surgery.",
    "Regrows receding gums in weeks.",
    "Torn rotator cuffs are knit back together by our peptide blend.",
]
PRONOUN_PASSES = [
    "Depression is common — it affects one in six adults at some point.",
    "Our tea is caffeine-free, but it tastes rich and smoky.",
    "Suicide is a crisis, but it can be prevented.",
]


@pytest.mark.parametrize("text", PRONOUN_AND_PART_CLAIMS)
def test_pronouns_and_damaged_parts_carry_claims(text: str) -> None:
    assert "efficacy" in categories(text, "markdown"), text


@pytest.mark.parametrize("text", PRONOUN_PASSES)
def test_pronouns_that_claim_nothing_pass(text: str) -> None:
    assert not categories(text, "markdown"), text


# A product name made of ordinary capitalised words, opening a sentence.
@pytest.mark.parametrize(
    "text",
    [
        "Liver Detox Max flushes fatty liver in weeks.",
        "Calm Mind Complete quiets racing thoughts.",
        "- Knee Hero Gel soothes arthritis flare-ups",
    ],
)
def test_a_name_of_ordinary_words_is_a_subject(text: str) -> None:
    assert "efficacy" in categories(text, "markdown"), text


@pytest.mark.parametrize(
    "text",
    [
        "Blue Ridge Pharmacy is open on weekends for flu shots.",
        "Compounded Semaglutide is a custom formulation prescribed to people seeking help with"
        " weight.",
    ],
)
def test_a_capitalised_opening_without_a_claim_passes(text: str) -> None:
    assert "efficacy" not in categories(text, "markdown"), text


# "can be" is a lone "can" (the lemma table had made "could be" match it); measures a product
# is said to move; harm pulled out of the body; what was lost grown back; a drug given up; a
# product that "succeeds where" medicines failed; a name of ordinary words called approved.
MORE_CLAIMS = [
    ("Fatty liver can be reversed for good with our 30-day reset.", "efficacy"),
    ("Members cut their resting heart rate by 12 points with our breathing trainer.", "efficacy"),
    ("Our foot pads draw heavy metals out of your body overnight.", "efficacy"),
    ("Stress thins your hair; our serum grows it back.", "efficacy"),
    ("Our kava blend helps people off benzodiazepines.", "efficacy"),
    ("Our program works where Suboxone failed.", "efficacy"),
    ("Prostate Shield Plus is FDA approved for an enlarged prostate.", "approval"),
]


@pytest.mark.parametrize(("text", "category"), MORE_CLAIMS)
def test_more_claims_in_unseen_wording(text: str, category: str) -> None:
    assert category in categories(text, "markdown"), text


def test_could_be_still_hedges() -> None:
    assert not categories("Our chamomile tea could be helpful for mild stress.", "markdown")


# Subjects and objects left to the reader: an opening pronoun, a condition asked about and then
# answered ("Cold sores? Our balm clears them up."), a short answer that ends it.
@pytest.mark.parametrize(
    "text",
    [
        "It gets heavy drinkers off alcohol within a month.",
        "Brain fog? Our mushroom coffee clears it away.",
        "Hay fever? Not anymore.",
        "Sleepless nights? A distant memory.",
    ],
)
def test_subjects_and_objects_left_to_the_reader(text: str) -> None:
    assert "efficacy" in categories(text, "markdown"), text


@pytest.mark.parametrize(
    "text",
    [
        "It helps to write down your symptoms before the visit.",
        "Parking fees? Not anymore.",
        "If you still have the old spray at home, please stop using it.",
    ],
)
def test_pronouns_and_answers_without_a_claim_pass(text: str) -> None:
    assert "efficacy" not in categories(text, "markdown"), text


# Written after round 6 as a fresh check: cell-level disease words, deposits as conditions,
# endorsements ranked as number one, the reader promised a result, years younger.
FRESH_CLAIMS = [
    "Green tea catechins inhibit tumor growth in the prostate.",
    "Our enzyme blend dissolves kidney stones naturally.",
    "The number one joint formula recommended by chiropractors.",
    "You'll never need blood pressure pills again.",
    "You will finally be free of eczema.",
    "Look ten years younger after one session of our facial.",
]


def test_without_medication_is_still_a_claim() -> None:
    text = "Our neck adjustments end migraines without medication."
    assert "efficacy" in categories(text, "markdown")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Couples who add our fertility tea are twice as likely to conceive.", "efficacy"),
        ("Our drips are simple vitamins, so nothing in them can hurt you.", "safety"),
        ("Our BPC-157 injections are FDA-registered.", "approval"),
    ],
)
def test_odds_harmlessness_and_registration(text: str, category: str) -> None:
    assert category in categories(text, "markdown"), text


@pytest.mark.parametrize(
    "text",
    [
        "Find out whether you're a good candidate for ketamine.",
        "You are more likely to have side effects at higher doses.",
        "Nothing can replace a conversation with your doctor.",
    ],
)
def test_questions_risks_and_advice_still_pass(text: str) -> None:
    assert not categories(text, "markdown"), text


# Efficacy by behaviour: each group says what it shows, and each of its texts is a case.
FLAGGED = {
    "fresh_claims_are_flagged": FRESH_CLAIMS,
    "symptoms_named_by_their_episodes_are_conditions": [
        "Dizzy spells stop within minutes of the first spray.",
        "Coughing fits ease overnight.",
    ],
    "drug_actions_remedies_and_abilities_are_claims": [
        "Thyme oil has potent antiviral properties.",
        "Turmeric paste is a time-tested remedy for gum disease.",
        "Teens with ADHD focus better within a week of starting our fish oil.",
    ],
    "odds_and_abilities_reported_as_figures": [
        "Couples on our fertility program are three times as likely to bring home a baby.",
        "Nine in ten testers could read small print without their glasses.",
    ],
}
PASSING = {
    "mechanisms_and_what_to_expect_pass": [
        "Ketamine inhibits NMDA receptors in the brain.",
        "You will feel some pressure as the needle goes in.",
        "You'll meet your nurse at the first visit to talk about anxiety.",
    ],
    "a_natural_course_is_no_claim": [
        "Most sore throats get better within a week without treatment.",
        "Hair shed after a fever usually grows back on its own within months.",
    ],
    "no_cure_and_antioxidants_pass": [
        "There is no cure for Alzheimer's disease yet.",
        "Researchers are still searching for a cure for ALS.",
        "Berries are known for their antioxidant properties.",
    ],
    "could_still_hedges_a_possibility": [
        "Patients could feel dizzy after the infusion.",
        "Some patients could benefit.",
    ],
}


def _cases(groups: dict[str, list[str]]) -> list:
    return [
        pytest.param(text, id=f"{group}-{i}")
        for group, texts in groups.items()
        for i, text in enumerate(texts)
    ]


@pytest.mark.parametrize("text", _cases(FLAGGED))
def test_efficacy_claims_are_flagged(text: str) -> None:
    assert "efficacy" in categories(text, "markdown"), text


@pytest.mark.parametrize("text", _cases(PASSING))
def test_efficacy_lookalikes_pass(text: str) -> None:
    assert "efficacy" not in categories(text, "markdown"), text


def test_an_approval_finding_names_the_product_called_approved(tmp_path) -> None:
    text = "Our hemp gummies are FDA-approved for panic attacks.\n"
    found, output = _json_findings(tmp_path, text, "approval")
    assert found, output
    assert "gummies" in found[0]["analysis"]["subject"]
