"""Efficacy, onset and approval claims in wording the packs were not written from.

Each group is one capability: claims in several products, conditions and wordings that must be
flagged, and sentences that share their words but claim nothing. All texts are written for this
file (invented brands).
"""

from __future__ import annotations

import pytest
import yaml

from claimlint.api import lint_text
from claimlint.nlp import inflect
from claimlint.packs.bundled import bundled_rules_dir


def categories(text: str) -> set[str]:
    found = lint_text(text.replace("\\n", "\n") + "\n", path="page.md")
    return {d.category for d in found if not d.category.startswith("disclaimer")}


def rules(text: str) -> set[str]:
    return {d.rule for d in lint_text(text.replace("\\n", "\n") + "\n", path="page.md")}


# -- words: prefixed verbs and eponyms ---------------------------------------------------------


def test_a_prefixed_verb_takes_its_base_verbs_irregular_forms() -> None:
    assert {"regrew", "regrown", "regrows", "regrowing"} <= inflect.computed_inflections("regrow")
    assert {"outgrew", "outgrown"} <= inflect.computed_inflections("outgrow")
    # a base with no irregular verb form lends nothing ("lax" -> "laxer" is no verb form)
    assert not any(form.endswith("er") for form in inflect.computed_inflections("relax"))


def _icd_terms() -> set[str]:
    path = bundled_rules_dir() / "lexicons" / "generated" / "conditions-icd10.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    return set(data["lexicons"]["icd-condition"]["terms"])


def test_rare_eponyms_get_their_short_form_and_ordinary_words_do_not() -> None:
    terms = _icd_terms()
    assert {"crohn's", "tourette's", "raynaud's", "meniere's"} <= terms
    # "Still's disease", "Bell's palsy", "Wilson's disease": ordinary words and common names
    assert not {"still's", "bell's", "wilson's", "turner's", "pick's"} & terms


EPONYM_CLAIMS = [
    "Our selenium blend fixes Hashimoto's for good.",
    "Our bone broth powder ends Crohn's flare-ups.",
    "This ginger tonic calms Raynaud's in winter.",
    "Our mushroom tincture stops Parkinson's tremors.",
    "With FolliGrow, hair is regrown on bald patches.",
]
EPONYM_PASSES = [
    "Steve Wilson's clinic has calm waiting rooms.",
    "We still remember Bell's story about the move.",
    "In 1932, Crohn's paper described the disease for the first time.",
    "Shed hair is usually regrown on its own within six months.",
]


# -- figurative outcomes, replacements and prevention ------------------------------------------

FIGURATIVE_CLAIMS = [
    "The end of sleepless nights begins with two Dormiva gummies.",
    "Zentara capsules: the answer to your migraines.",
    "Our nettle tea is the natural solution for stubborn hay fever allergies.",
    "Our valerian drops are a gentle alternative to a sleeping pill.",
    "Our elderberry gummies stop kids from getting sick all winter.",
    "ImmunoShield spray prevents your family from coming down with colds.",
    "Our copper mask keeps viruses away from your lungs.",
    "Our comfrey salve mends torn ligaments.",
    "OsteoFuse knits broken bones back together.",
    "Migraines? Consider them gone with NeuroCalm drops.",
    "Sciatica? Consider it solved: the LumbaBand belt knocks out leg pain.",
]
FIGURATIVE_PASSES = [
    "At the end of your session, the nurse removes the IV.",
    "The end of the day is a good time to take your magnesium.",
    "The answer to your questions is on our FAQ page.",
    "There is no natural replacement for your antidepressant; never stop it without your doctor.",
    "Wash your hands often to keep children from catching the flu.",
    "Keep germs out of your home by cleaning surfaces daily.",
    "Keep the bottle out of your children's reach.",
    "Our knitting class meets on Tuesdays.",
    "Consider it a reminder to book your annual check-up.",
]


# -- onsets said as a plain clause -------------------------------------------------------------

ONSET_CLAIMS = [
    "Gallstones dissolve overnight with our olive oil flush.",
    "Spray PureBreath once and your asthma evaporates within minutes.",
    "Grandpa was walking without his cane within a week of starting FlexiJoint.",
    "Our greyhounds are running without a limp by the weekend on HipPaw chews.",
    "After a single float session, clients think more clearly.",
    "Plantar fasciitis settles after a single cold plunge.",
    "Strong erections within fifteen minutes with VigoMax.",
    "Drift off in ten minutes with SlumberMist.",
    "Start shedding belly fat in the first week with our keto drops.",
    "Results after your very first session of our light therapy.",
    "Your libido and stamina come back within days of the first ThermaT patch.",
    "Within 24 hours of your first dose of Sinusol spray, the sinus infection is over.",
]
ONSET_PASSES = [
    "Most adults fall asleep within 10 to 20 minutes of going to bed.",
    "Kidney stones often pass on their own within a few weeks; drink plenty of water.",
    "A small kidney stone may pass within days without treatment.",
    "Nausea usually passes within an hour of the infusion.",
    "Your pass to the spa is valid for 24 hours.",
    "The sugar in the tea dissolves in seconds.",
    "Your energy may dip after an infusion and usually comes back within a day.",
    "Test results in 24 hours at our lab.",
    "Rest for an hour after your very first ozone injection.",
]


# -- approval borrowed in other words ----------------------------------------------------------

APPROVAL_CLAIMS = [
    "The FDA has recognized Arnicalm as an official homeopathic medicine.",
    "The FDA officially recognizes our kratom as a legitimate herbal treatment.",
    "Our NeuroPatch passed the FDA's rigorous approval process.",
    "VitaSlim capsules satisfy every FDA approval requirement.",
    "Glucovex meets all FDA approval standards.",
    "The FDA has cleared our hyperbaric chambers for treating autism.",
    "This device is FDA-cleared for the temporary relief of migraines and depression.",
]
APPROVAL_PASSES = [
    "Our sunscreen meets FDA labeling requirements for broad-spectrum protection.",
    "Our pharmacy meets all FDA and state board standards for compounding.",
    "Wegovy passed the FDA approval process in 2021 after large trials.",
    "The FDA has cleared hyperbaric chambers for 14 conditions, and autism is not one of them.",
    "This device is FDA-cleared for the temporary relief of minor muscle pain.",
    "Our TENS unit is cleared for the temporary relief of minor aches from sore muscles.",
    "Finasteride and minoxidil are FDA-approved for hair loss; our serum is a cosmetic.",
]


# -- counts of people served and habits are no claims ------------------------------------------

COUNT_AND_HABIT_CLAIMS = [
    "Our clinic has helped over 2,000 families find relief from migraines.",
    "We have helped 3,000 patients get off opioids.",
    "Better sleep in one week with Dormiva.",
]
COUNT_AND_HABIT_PASSES = [
    "Our clinic has helped over 2,000 families.",
    "We have treated more than 10,000 patients since 2009.",
    "Our team has cared for 1,500 veterans across the state.",
    "Better sleep habits are recommended by sleep specialists.",
    "Healthy eating routines matter more than any single food.",
]


# -- figures, restored measures and felt changes -----------------------------------------------

MORE_CLAIMS = [
    ("## Cholesterol Back in Range, Naturally", "efficacy"),
    ("After a year of CardioOat my LDL is normal and my doctor took me off my statin.", "efficacy"),
    ("Whether you are a nurse or a night owl, our melatonin gummies end insomnia.", "efficacy"),
    ("Nine of ten families say their kids haven't had another sinus infection since.", "efficacy"),
    ("90 percent of women on our program report a higher sex drive.", "efficacy"),
    ("Three in four pupils on FocusBerry showed calmer, more focused behavior.", "efficacy"),
    ("Our members had half as many migraines last spring.", "efficacy"),
    ("PressuRite users average a ten-point drop in their blood pressure.", "efficacy"),
    ("Our testers saw a two-point fall in their A1C.", "efficacy"),
    ("Feel your joint pain fade the same day you start FlexiCream.", "efficacy"),
    ("SinuClear: the doctor-approved remedy for sinus infections.", "approval"),
]
MORE_PASSES = [
    ("Blood sugar levels in the normal range are 70 to 99 mg/dL when fasting.", "efficacy"),
    ("A normal A1C is below 5.7 percent.", "efficacy"),
    ("A two-point drop in your A1C is a realistic goal with diet and exercise.", "efficacy"),
    ("Your doctor may take you off your medications before surgery.", "efficacy"),
    ("Feel the water temperature before you step in.", "efficacy"),
    ("Higher blood pressure is common in older adults.", "efficacy"),
    ("We cannot say whether you're likely to respond to treatment.", "efficacy"),
    ("Our doctor-approved meal plans are built around whole foods.", "approval"),
]


# -- routes said to equal or outdo another, with no ranking word ------------------------------

ROUTE_PARITY_CLAIMS = [
    "The curcumin chews get into your system as completely as a drip does.",
    "Our glutathione mouth spray performs just like an infusion at a fraction of the cost.",
    "A dab of our progesterone cream brings the same relief as the injections.",
    "MelaMist reaches your bloodstream at injection speed.",
    "One puff of our B12 inhaler gives three times the uptake of tablets.",
    "Liquid liposomal iron is the only version your body will really absorb.",
    "Our vitamin C drip puts capsules and powders to shame.",
    "Our hair-growth serum goes straight to the follicle. Biotin pills never get that far.",
    "Chewable magnesium gets flushed away. Our transdermal oil goes straight into the muscle.",
]
ROUTE_PARITY_PASSES = [
    "An iron infusion costs about four times the price of a year of tablets.",
    "Our lozenges come in the same flavors as the syrup.",
    "Our nurse places the IV line straight into a vein. Tablets cannot be given to patients"
    " who are fasting.",
    "Drinking water before your infusion makes the vein easier to find.",
]


# -- superiority with no "than": a rival set aside, the only one that works --------------------

SUPERIORITY_CLAIMS = [
    "Unlike Ambien, our chamomile tincture genuinely helps.",
    "Our knee gel actually gets results, unlike cortisone shots.",
    "Think of it as Adderall, but gentler.",
    "Ours is the one hair serum that finally makes a real difference.",
    "Among sleep aids, RestWell is the only one that truly works.",
    "Our stretching app does more for back pain than any physical therapy course.",
    "Turmeric shots are the safer, smarter choice than ibuprofen for sore joints.",
]
SUPERIORITY_PASSES = [
    "Unlike aspirin, our willow bark tea is not recommended for children.",
    "It tastes like espresso, only milder.",
    "We are the only pharmacy in the county that delivers on Sundays.",
    "Unlike Tylenol, ibuprofen is an anti-inflammatory; ask your pharmacist which suits you.",
]


# -- onsets and figures in everyday words: a wound closed, a function back, medicines gone ------

RETURN_AND_FIGURE_CLAIMS = [
    "Burn blisters that refused to heal seal up within three days under our honey dressing.",
    "Patients tell us their eyesight came back within a day of the first VitaOcula drop.",
    "One MendRx infusion has you back to your old self by lunchtime.",
    "Runners on our cryo program are back on the track in half the time.",
    "Spray twice and breathe freely within seconds.",
    "Fall asleep with a stuffy nose and wake up breathing clear with NasaLite strips.",
    "This acne patch works overnight.",
    "Seven in ten of our arthritis clients are off their painkillers by spring.",
    "95% of our sciatica patients never needed spine surgery.",
    "Users read four more lines on the eye chart after eight weeks of OptiLeaf.",
]
RETURN_AND_FIGURE_PASSES = [
    "Most small blisters seal up within a few days without treatment.",
    "If your eyesight has not come back to normal by evening, call the clinic.",
    "Our physiotherapist decides when each runner is back on the track.",
    "Our overnight pharmacist works overnight on Saturdays.",
    "Half of new patients arrive off their medication after a bad reaction.",
]


# -- hidden cures, infections ruled out, and products no list names -------------------------------

HIDDEN_AND_PREVENTED_CLAIMS = [
    "Colloidal gold is the lupus treatment rheumatologists never tell you about.",
    "Discover the forbidden remedy for heart disease: cayenne tincture.",
    "Sip one cup of ImmuTea each morning and you won't get sick all winter.",
    "Our breathing app calms panic attacks in minutes.",
    "Its botanicals clear brain fog and ease forgetfulness.",
    "These brain-training games cure dyslexia.",
]
HIDDEN_AND_PREVENTED_PASSES = [
    "Ask your doctor about treatments your insurer covers; some are not on our list.",
    "Stay home when you are ill so you won't pass the flu to coworkers.",
    "Our scheduling app tells you when the clinic is quiet.",
    "TMS systems are FDA-cleared for depression, and our psychiatrist explains the evidence.",
]


# -- safety said as another product's risks avoided, pledges after the claim ---------------------

SAFETY_AND_PLEDGE_CLAIMS = [
    ("Plant-based estrogen carries none of the dangers of the pill.", "safety"),
    ("Being drug-free, the NeuroPad couldn't possibly harm your child.", "safety"),
    ("Your tinnitus will fade away. You have our word.", "guarantee"),
    ("Your psoriasis will disappear by summer. Count on it.", "guarantee"),
    (
        "If your walker isn't in the cupboard for good within 60 days, we will refund you.",
        "guarantee",
    ),
]
SAFETY_AND_PLEDGE_PASSES = [
    ("Some risks of the pill also apply to plant-based estrogen; ask us which.", "safety"),
    ("Our nurse can't possibly cover everything in one call, so we send notes.", "safety"),
    ("Every prescription ships within a day. You have our word.", "guarantee"),
    ("If your parcel is not delivered in five days, we refund the shipping.", "guarantee"),
]


# -- approval: uses in a list, a government no one names, a listing, a brand's twin --------------

APPROVAL_SHAPES_CLAIMS = [
    "Our deep TMS helmet is FDA-cleared for OCD, insomnia, and chronic pain.",
    "A nationally approved therapy for autism spectrum disorder.",
    "Our arnica pellets are FDA-listed, so you can trust them for bruises.",
    "# Compounded Semaglutide Plans\n\nThe same medication as Wegovy, without the wait.",
]
APPROVAL_SHAPES_PASSES = [
    "TMS is FDA-cleared for depression and OCD; for insomnia it is still investigational.",
    "Our nurses completed a state-approved course in IV therapy.",
    "All homeopathic products must be listed with the FDA; a listing is not an approval.",
    "# Wegovy at Our Pharmacy\n\nThe same pen as last month, refilled on time.",
]


# -- measures kept in range, bodies as they were, answers that deal with it, no dose limit ---------

KEPT_AND_HANDLED_CLAIMS = [
    ("GlucoBalance keeps blood sugar where it belongs, all day.", "efficacy"),
    ("No more foggy afternoons: BrainBloom keeps you sharp.", "efficacy"),
    ("With OsteoMax, brittle bones get dense again.", "efficacy"),
    ("Kids on our gut protocol stop having meltdowns.", "efficacy"),
    ("The tinnitus stops the day you start EarPeace.", "efficacy"),
    ("Joint pain? Our turmeric shot takes care of it.", "efficacy"),
    ("Our patch outlasts any pill you'll ever swallow.", "route-comparison"),
    ("Forget capsules; our IV gives your cells the real dose.", "route-comparison"),
    ("Nasal NAD+ rivals an IV drip at a fraction of the cost.", "route-comparison"),
    ("Kids can take as many of these gummies as they want.", "safety"),
    ("Nothing in our detox tea can hurt you.", "safety"),
    ("Every single client leaves our clinic lighter.", "guarantee"),
]
KEPT_AND_HANDLED_PASSES = [
    ("Keep the bottle at room temperature and away from sunlight.", "efficacy"),
    ("Billing questions? Our front desk takes care of them.", "efficacy"),
    ("The day you start, a nurse calls to check how you are.", "efficacy"),
    ("Drink as much water as you like after the session.", "safety"),
    ("Every patient leaves with a printed care plan.", "guarantee"),
]


# -- youth and functions back, goodbyes, habits quit, no return, transformations ------------------

RESTORED_AND_ENDED_CLAIMS = [
    (
        "Arthritis sufferers are moving like they did in their twenties thanks to FlexiRoot.",
        "efficacy",
    ),
    ("# Hair Back in 90 Days\n\nOur scalp serum is made with rosemary oil.", "efficacy"),
    ("Grandma's memory came flooding back after two months of NeuroBerry.", "efficacy"),
    ("Each hyperbaric session repairs concussion damage.", "efficacy"),
    ("Bye-bye, brain fog.", "efficacy"),
    ("Smokers quit in one session with our laser therapy.", "efficacy"),
    ("Your child's eczema won't come back once you switch to our oat cream.", "efficacy"),
    ("Our laser cap turns thinning patches into thick, full hair.", "efficacy"),
    ("Finally, a natural fix for restless legs.", "efficacy"),
    ("Pills lose half their power in your stomach; our drops don't.", "route-comparison"),
    ("Results you can count on, every time.", "guarantee"),
]
RESTORED_AND_ENDED_PASSES = [
    ("Pull your hair back before the facial so the mask stays clean.", "efficacy"),
    ("So long, and thanks for reading our newsletter this month.", "efficacy"),
    ("Cold sores often come back when you are run down; ask us about prevention.", "efficacy"),
    ("Our results page is updated every time a new study is published.", "guarantee"),
    ("Nobody can promise weight loss; your results depend on many things.", "guarantee"),
]


# -- body parts made stronger, a dose without a second thought, a results promise, "Period." -------

EMPHATIC_CLAIMS = [
    ("Stronger knees, zero surgery.", "efficacy"),
    (
        "Unlike oral pills, our transdermal cream skips the liver and works twice as hard.",
        "route-comparison",
    ),
    ("Pregnant women can use it without a second thought.", "safety"),
    ("Your pain ends here. Period.", "guarantee"),
    ("Backed by our lifetime results promise.", "guarantee"),
]
EMPHATIC_PASSES = [
    ("Stronger knees start with a warm-up; ask our trainer for one.", "efficacy"),
    ("Our pharmacist works twice as many hours in winter, so call early.", "route-comparison"),
    ("Track your period. Our app reminds you when your next one is due.", "guarantee"),
    ("Our service promise: a nurse answers within the hour.", "guarantee"),
]


# -- every group above, flagged and passing ----------------------------------------------------

# group -> (the category a text of the group must or must not draw, its texts); MORE_* name
# their category per text. The group names are the case ids.

# -- superiority without "than", onsets in everyday words, guarantees without the word ---------

RANKED_CLAIMS = [
    "The most successful knee-pain protocol in Arizona.",
    "Ours is the most effective acne treatment anywhere in the Pacific Northwest.",
    "The only hair-loss serum that truly reaches the follicle root.",
    "Ours is the only sinus rinse that actually clears the infection at its source.",
    "Our blue-light mask rivals $900 dermatologist devices.",
    "These earbuds perform as well as pricey audiologist models for tinnitus.",
    "Why keep taking Ambien when our Sleep+ gummies work faster?",
    "Better, longer-lasting relief than any other chiropractor in town.",
    "Why Peak Ortho?\n- Faster results than any other knee clinic in Ohio",
    "Clients of the Ridgeway plan drop an average of 9 kg by their third month.",
    "Voted the most effective migraine clinic in Denver three years running.",
    "Our $49 hearing aids hold their own against $5,000 audiologist models.",
    "Outperforms every other joint supplement on the shelf.",
    "America's most powerful hair regrowth system.",
    "Hands down the best neuropathy treatment in Florida.",
    "No other practice in Ohio gets results like ours.",
]
RANKED_PASSES = [
    "Dr. Lee was voted the most popular family doctor in Austin.",
    "Ours is the only clinic in town that actually answers the phone on Sundays.",
    "Our monthly plan costs less than $300 models sold elsewhere.",
    "Is this the most effective acne treatment in Oregon? Ask a dermatologist.",
    "In one trial, the serum beat $900 dermatologist devices on redness (Kim et al., 2020).",
    "Why settle for a waiting list when you can book online today?",
    "Our dumbbells range from 5 lbs to 50 lbs.",
    "We were voted the most effective communicators in Denver's health system by patients.",
    "Outlasts every other water bottle we have tested, even after a year in the dishwasher.",
    "Our nurses keep pace with your schedule, with evening and weekend slots.",
    "Voted the best clinic in Austin for customer service.",
    "America's most trusted pharmacy chain now delivers on Sundays.",
    "Ohio's number one children's hospital is ten minutes away.",
    "The best treatment in Florida for you depends on your nerve tests, so see a neurologist.",
]
EVERYDAY_ONSET_CLAIMS = [
    "Our melatonin spray kicks in before your tea goes cold.",
    "Spritz NasoClear and the congestion is gone before you finish your coffee.",
    "Our migraine patch starts working the moment you put it on.",
    "The heartburn fades after dose one of our chewable tablets.",
    "One soak and your eczema itch is on its way out.",
    "A single session, and the swelling in your knee is on its way down.",
    "With Tinnira drops, the buzzing in your ears falls silent.",
    "Apply ArthroBalm and the stiffness in your knees fades out within the hour.",
    "Most of our members describe the overnight regrowth as life-changing.",
    "Feel the immediate calm that every Serenix user talks about.",
    "Since starting JointRx, my hips stopped aching on the stairs.",
    "Our tinnitus drops turn the ringing down to a whisper.",
    "Take SinusAway and the pressure lets up.",
    "From the very first spray, your sinuses open up.",
    "Within one song on your playlist, the migraine starts to fade.",
    "By the time your toast pops, the headache has settled.",
    "You'll feel it working before you've left the parking lot.",
    "The itch is gone before the lotion dries.",
    "Migraine gone before the second episode of your show.",
    "Pop it in and the ringing stops mid-sentence.",
]
EVERYDAY_ONSET_PASSES = [
    "Our nurse checks in before your drip is ready.",
    "Please arrive before your appointment time so the nurse can check your blood pressure.",
    "Tinnitus can go quiet on its own for some people; see an audiologist if it lasts.",
    "One parent and the child should attend the first visit together.",
    "The moment you arrive, a nurse will take your blood pressure.",
    "After dose one, your doctor reviews side effects before raising the dose.",
    "One call and your appointment is booked.",
    "Don't expect instant results: regrowth takes three to six months.",
    "Instant messaging with your care team is included.",
    "If your knee stops locking up after rest, you may not need surgery.",
    "Morning fog usually burns off by noon, so our outdoor classes start at one.",
    "Take the tablet by the time your coffee is ready, with a full glass of water.",
    "Wait until the lotion dries before you get dressed.",
    "Your sinuses may open up a little after a warm shower.",
    "If your airways don't open up after two puffs, call 911.",
    "Keep your phone on silent mid-session.",
]
UNWORDED_GUARANTEE_CLAIMS = [
    "If your snoring hasn't stopped after 30 nights, we'll pay you back in full.",
    "If your eyesight doesn't sharpen, we'll refund every cent.",
    "No regrowth, no charge.",
    "There is no patient with back pain our doctors can't help.",
    "We have never met a case of eczema we couldn't clear.",
    "No case of plantar fasciitis is too stubborn for our shockwave protocol.",
    "Sleep through the night. That's the Dormiva guarantee.",
    "Walk out pain-free. That's the Kestrel Spine promise.",
    "Every Lumen member gets their confidence back after eight sessions.",
    "Everyone who finishes the Thrive detox gets their health back.",
    "We don't stop until every patient is pain-free.",
    "Nobody leaves our program still depressed.",
    "Your skin will clear. If it doesn't, you don't pay.",
    "Every single one of our patients has walked out without a cane.",
    "Your hearing restored, or we pay for your next hearing test and refund every visit.",
    "Every client walks out with a smile and without their back pain.",
]
UNWORDED_GUARANTEE_PASSES = [
    "If you're not happy with your visit for any reason, we'll refund your copay.",
    "If the package is damaged in transit, we'll refund you in full.",
    "If we can't find a slot for you this week, we'll refund your booking fee.",
    "If your order doesn't arrive within five days, we'll refund every penny.",
    "Honest answers, no pressure. That's the Maple Clinic promise.",
    "There is no appointment we can't reschedule.",
    "Every member gets their deposit back if they cancel within 14 days.",
    "No case is too complex for our team to review.",
    "Is there a patient we can't help? Yes, and we will tell you so at the first visit.",
    "If your pain doesn't improve, call us; we may adjust the plan or refer you to a specialist.",
    "We won't stop until you get an answer from a real person.",
    "Nobody leaves the intake session still unsure of the plan.",
    "Your order ships today. If it doesn't, you don't pay for shipping.",
    "Every one of our patients left without a bill they didn't expect.",
    "Grandpa left the clinic without his cane by mistake, so we mailed it to him.",
    "Finish the course of antibiotics, or we can't refill your prescription.",
    "Every patient leaves without a bill on the day of the visit.",
]

DISPARAGED_ROUTE_CLAIMS = [
    "At-home lozenges are a watered-down version of what you get in our infusion suite.",
    "Vitamin D tablets are a pale imitation of our monthly injection.",
    "Drugstore patches are a fraction of what you get from our testosterone pellets.",
    "Oral NAD+ capsules are nowhere near what an IV drip delivers.",
    "Forget the chalky tablets. Our liquid iron drops work far better.",
    "Melatonin gummies are a weak copy of our sublingual spray.",
    "You never feel a melatonin gummy; our sublingual spray goes straight in.",
    "Gummies get stuck in digestion. Our patch delivers straight through the skin all day.",
    "Sprays are a shortcut that never quite gets there; our infusions finish the job.",
    "Patches are the budget option. Injections are the real deal.",
    "Think of our nasal spray as the infusion experience, minus the needle and the half-day.",
    "Capsules are basically expensive urine compared to our drip.",
    "Our troches deliver what pills only promise.",
]
DISPARAGED_ROUTE_PASSES = [
    "Our tablets are a cheaper version of the same tablet sold under a brand name.",
    "Most people never feel the needle; our IV nurses are gentle and quick.",
    "Our infusion suite has reclining chairs and blankets, a world away from a hospital ward.",
    "The spray works far better when you prime the pump before the first use.",
    "Tablets and shots both raise B12 levels; neither route has been shown to work better.",
    "Why choose lozenges over an IV drip? Some people prefer to avoid needles.",
    "Patches are the budget option, and injections cost more; both raise testosterone.",
    "Our nasal spray means no needle and no half-day at the clinic.",
    "Our IV nurses are the real deal: every one is a registered nurse with ICU experience.",
    "If a pill falls short of your goals, your doctor may suggest an injection instead.",
    "Our infusion nurses finish the job by checking your blood pressure before you leave.",
    "Is an IV drip the real deal or just expensive urine? The evidence for healthy people is thin.",
]
RISKS_DENIED_CLAIMS = [
    "Our red yeast rice doesn't share the side effects of statins.",
    "Being plant-based, our sleep tincture doesn't come with the dangers of sleeping pills.",
    "Herbal weight-loss teas do not pose the health risks that prescription diet pills do.",
    "Our kratom capsules don't have any of the side effects of opioids.",
    "Being natural, turmeric doesn't carry the same risks as NSAIDs.",
    "Our peptides are identical to what your body already makes, so there's nothing to react to.",
    "It's all-natural, so you can take as much as your body needs.",
    "Herbs have been used for thousands of years, so there's no reason to fear side effects.",
    "Unlike prescription sleep aids, our valerian tea won't leave you groggy or hooked.",
    "Our CBD is pure plant, so it plays nicely with any medication you take.",
]
RISKS_DENIED_PASSES = [
    "Natural doesn't mean safe: bioidentical hormones can carry the same risks as synthetic HRT.",
    "Do bioidentical hormones carry the risks of synthetic HRT? Many experts think they do.",
    "Compounded hormones do not carry the same FDA warnings, but the risks are similar.",
    "We cannot say that herbal teas don't carry the risks of diet pills; ask your doctor.",
    "Use as much as you need to cover the rash, twice a day.",
    "Tell us about every medicine you take; some herbs do not mix well with prescription drugs.",
    "Sleep aids can leave you groggy or hooked, and ours can too; use it for a few nights only.",
]
NEW_FORM_CLAIMS = [
    "Try Vigorex, our FDA-approved sublingual version of Viagra.",
    "Meet SlimDrop, our FDA-approved semaglutide drops, a custom version of Ozempic.",
    "Our nasal spray version of Zofran is fully FDA-approved.",
    "Our FDA-cleared gummy version of Adderall helps you focus.",
    "Same medicine. Same results. Without the brand-name markup.",
    "Same active ingredient. Same weekly shot. Half the brand price.",
    "The exact same peptide. At a fraction of the brand price.",
    "It's the Ozempic molecule, just without the Ozempic name.",
    "Our tirzepatide is Mounjaro in everything but the label.",
    "Our compounded semaglutide: Ozempic's twin sister.",
]
NEW_FORM_PASSES = [
    "Our FDA-approved generic version of Lipitor costs $9 a month.",
    "Our chewable version of Cialis is compounded and is not FDA-approved.",
    "Is our sublingual version of Viagra FDA-approved? No: compounded drugs are not.",
    "Our pharmacy stocks FDA-approved Cialis tablets and a chewable vitamin for kids.",
    "Same-day shipping. No more brand-name markup on your vitamins.",
    "Same price every month. No more brand-name markup on your refills.",
    "It's the same recipe, just without the sugar.",
    "Our clinic is a chain in everything but the name: every location follows the same protocol.",
    "Identical twins often share the same thyroid condition.",
    "All the benefits of exercise apply to people on GLP-1 medicines too.",
]

FLAGGED = {
    "eponyms_and_prefixed_verbs_carry_claims": ("efficacy", EPONYM_CLAIMS),
    "figurative_outcomes_and_prevention_are_claims": ("efficacy", FIGURATIVE_CLAIMS),
    "onsets_said_as_a_plain_clause_are_claims": ("efficacy", ONSET_CLAIMS),
    "approval_in_other_words_is_flagged": ("approval", APPROVAL_CLAIMS),
    "counts_with_results_and_benefits_are_claims": ("efficacy", COUNT_AND_HABIT_CLAIMS),
    "figures_restored_measures_and_felt_changes_are_claims": (None, MORE_CLAIMS),
    "routes_said_to_equal_or_outdo_another_are_ranked": ("route-comparison", ROUTE_PARITY_CLAIMS),
    "superiority_with_no_than_is_a_claim": ("efficacy", SUPERIORITY_CLAIMS),
    "functions_back_wounds_closed_and_medicines_gone_are_claims": (
        "efficacy",
        RETURN_AND_FIGURE_CLAIMS,
    ),
    "hidden_cures_and_infections_ruled_out_are_claims": ("efficacy", HIDDEN_AND_PREVENTED_CLAIMS),
    "risks_avoided_and_pledges_after_the_claim_are_flagged": (None, SAFETY_AND_PLEDGE_CLAIMS),
    "approval_in_lists_listings_and_brand_twins_is_flagged": ("approval", APPROVAL_SHAPES_CLAIMS),
    "measures_kept_bodies_restored_and_no_dose_limit_are_flagged": (None, KEPT_AND_HANDLED_CLAIMS),
    "youth_back_goodbyes_and_no_return_are_flagged": (None, RESTORED_AND_ENDED_CLAIMS),
    "emphatic_fragments_and_promises_are_flagged": (None, EMPHATIC_CLAIMS),
    "rankings_without_than_are_flagged": ("efficacy", RANKED_CLAIMS),
    "onsets_in_everyday_words_are_flagged": ("efficacy", EVERYDAY_ONSET_CLAIMS),
    "guarantees_without_the_word_are_flagged": ("guarantee", UNWORDED_GUARANTEE_CLAIMS),
    "routes_disparaged_as_lesser_copies_are_flagged": ("route-comparison", DISPARAGED_ROUTE_CLAIMS),
    "another_products_risks_denied_are_flagged": ("safety", RISKS_DENIED_CLAIMS),
    "new_forms_of_brands_called_approved_are_flagged": ("approval", NEW_FORM_CLAIMS),
}
PASSING = {
    "names_and_natural_regrowth_pass": ("efficacy", EPONYM_PASSES),
    "ends_answers_and_hygiene_advice_pass": ("efficacy", FIGURATIVE_PASSES),
    "natural_courses_and_logistics_pass": ("efficacy", ONSET_PASSES),
    "standards_labels_and_approved_medicines_pass": ("approval", APPROVAL_PASSES),
    "counts_of_people_served_and_habits_pass": ("efficacy", COUNT_AND_HABIT_PASSES),
    "ranges_goals_and_ordinary_care_pass": (None, MORE_PASSES),
    "prices_flavors_and_care_steps_rank_no_route": ("route-comparison", ROUTE_PARITY_PASSES),
    "facts_about_rivals_and_opening_hours_pass": ("efficacy", SUPERIORITY_PASSES),
    "natural_courses_shifts_and_reviews_pass": ("efficacy", RETURN_AND_FIGURE_PASSES),
    "advice_hygiene_and_clearances_pass": ("efficacy", HIDDEN_AND_PREVENTED_PASSES),
    "risks_explained_and_service_pledges_pass": (None, SAFETY_AND_PLEDGE_PASSES),
    "labels_courses_and_refills_pass": ("approval", APPROVAL_SHAPES_PASSES),
    "storage_billing_and_aftercare_pass": (None, KEPT_AND_HANDLED_PASSES),
    "hair_ties_farewells_and_recurrence_advice_pass": (None, RESTORED_AND_ENDED_PASSES),
    "warm_ups_shifts_and_service_promises_pass": (None, EMPHATIC_PASSES),
    "awards_service_and_prices_rank_nothing": ("efficacy", RANKED_PASSES),
    "arrivals_schedules_and_natural_courses_pass": ("efficacy", EVERYDAY_ONSET_PASSES),
    "refunds_for_orders_and_service_pledges_pass": ("guarantee", UNWORDED_GUARANTEE_PASSES),
    "comfort_needles_and_usage_tips_rank_no_route": ("route-comparison", DISPARAGED_ROUTE_PASSES),
    "risks_affirmed_or_asked_pass": ("safety", RISKS_DENIED_PASSES),
    "generics_and_disclosed_compounding_pass": ("approval", NEW_FORM_PASSES),
}


def _cases(table: dict) -> list:
    cases = []
    for group, (category, texts) in table.items():
        for i, item in enumerate(texts):
            text, cat = (item, category) if category else item
            cases.append(pytest.param(text, cat, id=f"{group}-{i}"))
    return cases


@pytest.mark.parametrize(("text", "category"), _cases(FLAGGED))
def test_claims_in_other_words_are_flagged(text: str, category: str) -> None:
    assert category in categories(text), text


@pytest.mark.parametrize(("text", "category"), _cases(PASSING))
def test_sentences_that_share_their_words_pass(text: str, category: str) -> None:
    assert category not in categories(text), text


def test_a_full_stop_after_a_code_is_its_own_token() -> None:
    from claimlint.nlp.tokenizer import english

    words = [t.text for t in english()("It lowers your A1C. Dr. Lee agrees.")]
    assert words[:5] == ["It", "lowers", "your", "A1C", "."] and "Dr." in words


def test_an_at_home_version_of_a_clinic_device_borrows_no_clearance() -> None:
    assert "CL516" in rules("The SereneBand at-home TMS headset is FDA-cleared to treat anxiety.")
    assert "approval" not in categories("BrainsWay deep TMS is FDA-cleared for OCD in our clinic.")
