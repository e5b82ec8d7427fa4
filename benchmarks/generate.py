#!/usr/bin/env python3
"""Generate a deterministic, realistic clinic website for benchmarking claimlint.

Benchmarks on toy input flatter a linter, so the pages mix every kind of sentence claimlint has
to judge (unsupported, hedged and cited claims, route comparisons, safety and FDA statements,
suicide mentions with and without a crisis line, disclaimers) with the boilerplate real sites
carry (navigation, scripts, styles, footers, front matter). All text comes from the phrase banks
below, combined by one seeded ``random.Random``: the same seed gives byte-identical output.

    python benchmarks/generate.py --docs 2000 --out /tmp/site --seed 1
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

MIN_WORDS = 300
MAX_WORDS = 2500
EXTENSIONS = {"md": ".md", "html": ".html", "txt": ".txt"}

# --------------------------------------------------------------------------------------------
# Vocabulary: who, what and where
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Treatment:
    """A service the clinic sells; names are singular so they can start any template."""

    slug: str
    names: tuple[str, ...]
    session: str
    conditions: tuple[str, ...]
    family: str  # picks the family-specific phrase banks (FDA status, safety, risks)

    @property
    def ketamine(self) -> bool:
        """Ketamine and esketamine pages get route comparisons and the off-label notice."""
        return self.family in ("ketamine", "esketamine")


TREATMENTS: tuple[Treatment, ...] = (
    Treatment(
        "ketamine-infusions",
        ("ketamine", "ketamine therapy", "IV ketamine", "ketamine infusion therapy"),
        "infusion",
        (
            "depression",
            "treatment-resistant depression",
            "anxiety",
            "PTSD",
            "OCD",
            "bipolar depression",
            "postpartum depression",
            "chronic pain",
            "fibromyalgia",
            "CRPS",
            "neuropathic pain",
            "migraine",
        ),
        "ketamine",
    ),
    Treatment(
        "im-ketamine",
        ("intramuscular ketamine", "IM ketamine", "ketamine"),
        "injection visit",
        ("depression", "anxiety", "PTSD", "treatment-resistant depression"),
        "ketamine",
    ),
    Treatment(
        "at-home-ketamine",
        ("at-home ketamine", "oral ketamine", "ketamine troche therapy", "sublingual ketamine"),
        "home session",
        ("depression", "anxiety", "PTSD", "chronic pain", "social anxiety"),
        "ketamine",
    ),
    Treatment(
        "spravato",
        ("Spravato", "esketamine", "esketamine nasal spray"),
        "treatment session",
        ("treatment-resistant depression", "major depression", "depression"),
        "esketamine",
    ),
    Treatment(
        "tms",
        ("TMS", "TMS therapy", "transcranial magnetic stimulation"),
        "TMS session",
        ("depression", "OCD", "anxiety", "smoking cessation"),
        "tms",
    ),
    Treatment(
        "psilocybin",
        ("psilocybin therapy", "psilocybin-assisted therapy"),
        "dosing session",
        ("depression", "end-of-life anxiety", "alcohol use disorder", "PTSD"),
        "psilocybin",
    ),
    Treatment(
        "iv-vitamins",
        ("IV vitamin therapy", "NAD+ therapy", "a Myers' cocktail"),
        "drip",
        ("fatigue", "burnout", "brain fog", "migraine", "long COVID", "fibromyalgia"),
        "vitamins",
    ),
)
TREATMENT_WEIGHTS = (35, 8, 10, 15, 12, 8, 12)

ROUTES = (
    "IV infusions",
    "intramuscular injections",
    "nasal sprays",
    "oral tablets",
    "sublingual troches",
    "at-home lozenges",
    "oral troches",
    "intranasal esketamine doses",
)

CITIES = (
    ("Austin", "TX"),
    ("Denver", "CO"),
    ("Portland", "OR"),
    ("Phoenix", "AZ"),
    ("Raleigh", "NC"),
    ("Tampa", "FL"),
    ("Nashville", "TN"),
    ("Boise", "ID"),
    ("Madison", "WI"),
    ("Columbus", "OH"),
    ("Sacramento", "CA"),
    ("San Diego", "CA"),
    ("Salt Lake City", "UT"),
    ("Richmond", "VA"),
    ("Albuquerque", "NM"),
    ("Minneapolis", "MN"),
    ("Charlotte", "NC"),
    ("Kansas City", "MO"),
    ("Tucson", "AZ"),
    ("Spokane", "WA"),
)
STREETS = ("Oak", "Maple", "Cedar", "Park", "Lake", "Hill", "Mill", "River", "Elm", "Pine", "Main")
STREET_KINDS = ("Street", "Avenue", "Boulevard", "Road", "Drive", "Parkway")
FIRST_NAMES = (
    "Maria",
    "James",
    "Priya",
    "Daniel",
    "Aisha",
    "Tom",
    "Elena",
    "Marcus",
    "Grace",
    "Luis",
    "Hannah",
    "Kevin",
    "Sofia",
    "Omar",
    "Rachel",
    "Ben",
    "Mei",
    "Carlos",
    "Nora",
    "Sam",
)
SURNAMES = (
    "Lee",
    "Patel",
    "Garcia",
    "Nguyen",
    "Okafor",
    "Smith",
    "Kowalski",
    "Hernandez",
    "Chen",
    "Johansson",
    "Murphy",
    "Rossi",
    "Tanaka",
    "Abbott",
    "Friedman",
    "Silva",
    "Novak",
    "Reyes",
    "Walsh",
    "Khan",
)
CLINIC_FIRST = (
    "Clearwater",
    "Northstar",
    "Evergreen",
    "Bright Path",
    "Harbor",
    "Summit",
    "Juniper",
)
CLINIC_LAST = (
    "Ketamine & Wellness",
    "Infusion Center",
    "Mental Health Clinic",
    "Integrative Psychiatry",
    "Ketamine Clinic",
    "Wellness Institute",
)
SPECIALTIES = ("psychiatry", "anesthesiology", "emergency medicine", "family medicine")
TRANSIT = ("light rail", "Main Street bus", "Central Station", "downtown streetcar", "Park Avenue")
TRIALS = ("ELEKT-D", "KARMA-Dep", "SUSTAIN", "TRANSFORM", "ASPIRE", "PRIME-K")
JOURNALS = (
    "J Affect Disord",
    "Am J Psychiatry",
    "JAMA Psychiatry",
    "Lancet Psychiatry",
    "Pain Med",
    "Depress Anxiety",
    "Brain Stimul",
)

# --------------------------------------------------------------------------------------------
# Phrase banks. Every sentence kind claimlint distinguishes has its own bank; {slots} are
# filled per page so sentences stay on the page's treatment and condition.
# --------------------------------------------------------------------------------------------

NEUTRAL = (
    "Your first visit begins with a conversation about your history, your current medicines "
    "and what you hope will change.",
    "We ask new patients to arrive about fifteen minutes early to finish the paperwork.",
    "Please avoid eating for four hours before each {session}, and stop clear liquids two hours "
    "before.",
    "Plan for someone to drive you home, because you should not drive until the following day.",
    "Each {session} lasts about {minutes} minutes, followed by a short rest in the same room.",
    "A nurse checks your blood pressure, pulse and oxygen level throughout the visit.",
    "Many people bring headphones and a playlist, and we supply eye masks and warm blankets.",
    "Our rooms have reclining chairs, dimmable lights and a view of the courtyard.",
    "After the {session}, you rest until the nurse confirms that you are steady on your feet.",
    "We send a short questionnaire before each visit so we can follow how your mood changes.",
    "{dr} trained in {specialty} and has practiced in {city} for more than {years} years.",
    "The front desk can help you check whether your plan covers any part of the consultation.",
    "Most insurance plans do not cover {t}, so we offer package pricing and monthly payments.",
    "A single {session} costs {price}, and a series is billed per visit rather than up front.",
    "We coordinate with your therapist or psychiatrist so everyone involved in your care stays "
    "informed.",
    "Integration sessions give you time to talk through what came up and how to use it day to day.",
    "Street parking is free after six, and there is a covered garage across the road.",
    "The building is wheelchair accessible, and the treatment rooms are on the ground floor.",
    "You can book a screening call online or by phone at {phone}.",
    "Telehealth follow-ups are available for patients who live more than an hour away.",
    "If you take a benzodiazepine or lamotrigine, tell us early, because the timing of doses "
    "may matter.",
    "Pregnancy, uncontrolled high blood pressure and a history of psychosis are reasons we may "
    "advise against this treatment.",
    "Bring a list of your current medicines, including supplements and anything taken as needed.",
    "Wear comfortable clothes with sleeves that roll up easily.",
    "Our team includes board-certified physicians, registered nurses and licensed therapists.",
    "Appointments are usually scheduled twice a week for the first three weeks.",
    "Some patients return for a maintenance visit every few weeks or months; others never "
    "need one.",
    "We keep your records private and never share them without your written permission.",
    "The consultation is the time to raise any worry, no matter how small it seems.",
    "A typical course is six sessions over two to three weeks, though every plan is adjusted "
    "to the person.",
    "During the {session}, colors, sounds and the sense of your own body may feel different.",
    "A staff member stays within sight for the whole visit.",
    "We ask you to rate your mood, sleep and energy on a simple scale before each visit.",
    "The clinic is open on Saturday mornings for follow-up appointments.",
    "If you need to cancel, please give us at least 24 hours' notice so another patient can "
    "use the slot.",
    "Patients under 18 are not treated at this location.",
    "Our {city} office is a short walk from the {transit} stop.",
    "We use a standard depression rating scale so that progress can be discussed in numbers "
    "as well as words.",
    "Family members are welcome in the waiting room but not in the treatment room.",
    "Light snacks and water are available once you feel ready to eat.",
    "You will leave with written aftercare instructions and a number to call that evening.",
    "Referrals from primary care doctors and therapists are welcome but not required.",
    "The intake form takes about twenty minutes to complete.",
    "We accept HSA and FSA cards for most services.",
    "Treatment plans are reviewed after the first three visits and again at the end of the series.",
    "Your provider will explain the difference between the first series and maintenance visits.",
    "We recommend a quiet afternoon after treatment, with no major decisions or commitments.",
    "Keep taking your prescribed medicines unless your provider tells you otherwise.",
    "We may ask for a letter from your psychiatrist before booking the first {session}.",
    "In {year2}, we opened a second treatment suite to shorten waiting times.",
    "Our nurses hold advanced life support certification, and emergency equipment is kept in "
    "every room.",
    "If you feel queasy, tell the nurse; medicine for nausea can be given during the visit.",
    "Some people feel tired for the rest of the day, while others are back to normal by evening.",
    "Questions about billing can be sent through the patient portal.",
    "New patients usually hear back from us within two business days.",
    "The waiting room has a tea station, and we keep the music low.",
    "For patients who travel, we can arrange appointments on consecutive days.",
    "We ask that you avoid alcohol for 24 hours before and after each visit.",
    "Our {clinic} team has answered the questions below many times and is glad to answer yours.",
)
OPENERS = (
    "Before your first appointment,",
    "During the consultation,",
    "On the day of treatment,",
    "After each {session},",
    "Between visits,",
    "At the start of every visit,",
    "If anything changes,",
    "Once you are settled,",
    "Within a day or two,",
    "At the end of the series,",
)
SUBJECTS = (
    "our nurse",
    "a member of the care team",
    "{dr}",
    "the front desk",
    "your provider",
    "our intake coordinator",
    "the clinical team",
    "a care coordinator",
)
ACTIONS = (
    "reviews your medical history",
    "checks your blood pressure and heart rate",
    "explains each step of the process",
    "answers questions about cost and scheduling",
    "asks about the medicines you currently take",
    "prepares a quiet room with soft lighting",
    "goes over what to bring on the day",
    "walks you through the consent form",
    "confirms that someone can drive you home",
    "calls to ask how you are feeling",
    "shares notes with your therapist",
    "records your mood and sleep scores",
    "sets up the monitor and the IV line",
    "adjusts the plan based on your feedback",
    "books your follow-up visit",
)
TAILS = (
    "",
    "",
    "",
    " and notes anything that needs follow-up",
    " to keep your care coordinated",
)
EFFICACY = (
    "{T} rewires the brain and lifts {c} in days.",
    "Most patients feel relief within hours of their first {session}.",
    "{pct}% of our patients respond after just {n} sessions.",
    "{T} resets the neural pathways that keep {c} in place.",
    "A single {session} can break the cycle of {c}.",
    "{T} repairs the synaptic connections worn down by chronic stress.",
    "{T} restores the brain's natural ability to heal.",
    "Our protocol reverses the damage that years of {c} leave behind.",
    "{T} works when antidepressants have failed.",
    "Patients can expect lasting remission from {c} after a full series.",
    "Relief from {c} often arrives before you leave the chair.",
    "Clinically proven to ease {c} faster than any pill.",
    "Studies show that {t} heals {c} at its root.",
    "Research proves that {t} regrows neurons in as little as 24 hours.",
    "{T} eliminates the symptoms of {c} for months at a time.",
    "With {t}, {c} finally loosens its grip.",
    "Nearly {pct}% of people with {c} improve dramatically with {t}.",
    "{T} relieves {c} within {hours}.",
    "Our patients report a {pct}% drop in symptoms after the first week.",
    "{T} gets to the root cause of {c} instead of masking it.",
    "{T} boosts mood, sharpens focus and restores energy.",
    "The fog of {c} lifts quickly with {t}, often after the very first {session}.",
    "{T} is the most effective treatment available for {c}.",
    "{T} can cure {c} when nothing else has worked.",
)
HEDGED = (
    "{T} may help some people with {c}, but results vary and not everyone responds.",
    "Some patients notice a change within a few days; others notice little or no benefit.",
    "In a small study, a minority of participants with {c} reported improvement, and larger "
    "trials are still needed.",
    "We cannot predict who will respond, and {t} is not the right choice for everyone.",
    "Early research is encouraging but limited, and the long-term effects are still being studied.",
    "For some people, {t} might ease symptoms of {c} for a period of weeks.",
    "Response rates in published trials vary widely, so we talk about realistic expectations "
    "at your consultation.",
    "Any improvement may be temporary, and some patients need maintenance visits to keep it.",
    "The evidence for {t} in {c} is still emerging, and it is usually tried after other "
    "treatments.",
    "It is possible that you will feel no different after the first few sessions.",
    "Benefits reported in studies were modest for some participants and absent for others.",
    "Whether {t} will help you depends on many factors, including your history and other "
    "treatments.",
    "Some people with {c} appear to respond, although researchers do not fully understand why.",
    "Results vary, and we will stop treatment if it is not helping.",
)
CITED = (
    "In a randomized trial, roughly half of participants with {c} improved after a course of "
    "{t} {cite}.",
    "Response in that trial was measured with a standard rating scale a week after treatment "
    "{cite}.",
    "According to {author} and {author2} ({year}), the benefit faded for many participants "
    "within a few weeks.",
    "One controlled study of {t} for {c} is available at https://doi.org/{doi}.",
    "A review of {n} trials found that effects differed by dose and by how response was "
    "defined ({author} et al., {year}).",
    "Details of the study design are published at https://pubmed.ncbi.nlm.nih.gov/{pmid}/.",
    "In a trial of {nn} adults, {pct2}% met the study's definition of response at four weeks "
    "{cite}.",
    "A small open-label study suggested benefit for {c}, though it had no control group "
    "({author}, {year}).",
    "Researchers reported relapse in many participants within months of the last {session} {cite}.",
    "Findings from the {trial} trial are summarized in a {year} paper (doi:{doi}).",
)
ROUTE_COMPARISONS = (
    "{Route} are far more effective than {route2}.",
    "Unlike {route2}, our {route} deliver a precise dose every time.",
    "{Route} work faster and last longer than {route2}.",
    "{Route2} are weaker and less reliable than {route}.",
    "Compared with {route2}, {route} give you the full benefit of the medicine.",
    "{Route} are the safest and most precise way to receive ketamine.",
    "{Route} are the gold standard; {route2} simply do not compare.",
    "We only offer {route}, because {route2} cannot match their results.",
)
SAFETY = (
    "{T} is completely safe when given by our team.",
    "There are no side effects to worry about.",
    "Our {session}s carry zero risk.",
    "{T} is a safe, gentle option with no downside.",
    "{T} has no long-term side effects.",
    "It is safe for everyone, including older adults.",
)
RISKS = (
    "Most side effects fade within an hour or two, but some people feel tired for the rest "
    "of the day.",
    "Tell us about any heart condition or seizure history before your first {session}.",
)
FDA_CORRECT = (
    "Your provider will explain which parts of your care are FDA-approved and which are off-label.",
)
FDA_WRONG = ("{T} is an FDA-approved treatment for {c}.",)
GUARANTEES = (
    "Guaranteed results, or your next {session} is free.",
    "A permanent cure for {c} is finally here.",
    "Our 100% success rate speaks for itself.",
    "{T} is a miracle for people with {c}.",
    "We guarantee you will feel better after your first visit.",
    "Say goodbye to {c} forever.",
)
SUICIDE = (
    "If depression has left you thinking about suicide, you are not alone.",
    "Self-harm and thoughts of ending your life are symptoms that deserve urgent care.",
    "Some of our patients first came to us after a suicide attempt.",
)
# Sentences that only make sense for one family of treatments, added to the banks above.
FAMILY_BANKS: dict[str, dict[str, tuple[str, ...]]] = {
    "ketamine": {
        "cited": (
            "A meta-analysis reported a short-term drop in depression scores after intravenous "
            "ketamine ({author} et al., {year}).",
            "Absorption differs by route: oral doses reach the bloodstream less completely than "
            "intravenous ones ({author} et al., {year}).",
        ),
        "safety": (
            "Ketamine is non-addictive at the doses we use.",
            "You can relax: there is no risk of dependence.",
        ),
        "risks": (
            "Common side effects include nausea, dizziness, a rise in blood pressure and a sense "
            "of detachment during the {session}.",
            "Ketamine can be misused, so we never hand out doses without close follow-up.",
            "Frequent high-dose use has been linked to bladder problems, one reason dosing is "
            "kept limited.",
        ),
        "fda_ok": (
            "Ketamine is FDA-approved as an anesthetic; using it for {c} is considered off-label.",
            "Compounded ketamine, including troches and lozenges, is not FDA-approved for any "
            "psychiatric condition.",
            "The FDA has not approved ketamine for {c}, and your provider will explain what "
            "off-label use means.",
        ),
        "fda_wrong": (
            "Ketamine is FDA-approved for depression and anxiety.",
            "Our at-home ketamine troches are FDA-approved and clinically proven.",
            "The FDA has cleared IV ketamine for chronic pain.",
            "FDA-approved ketamine therapy for {c} is now available in {city}.",
            "Our compounded ketamine lozenges are approved by the FDA for home use.",
        ),
        "suicide": (
            "Ketamine has been studied in people experiencing suicidal thoughts.",
            "A rapid drop in suicidal thinking is one reason ketamine drew attention from "
            "researchers.",
        ),
    },
    "esketamine": {
        "cited": (
            "Esketamine was studied together with a newly started oral antidepressant in adults "
            "with treatment-resistant depression {cite}.",
        ),
        "risks": (
            "Spravato can cause dissociation, dizziness, nausea and a rise in blood pressure, so "
            "you stay for at least two hours after each dose.",
        ),
        "fda_ok": (
            "Spravato (esketamine) nasal spray is FDA-approved for treatment-resistant depression "
            "in adults and must be given in a certified healthcare setting.",
            "Spravato is only available through a restricted program, and you cannot take it home.",
        ),
        "fda_wrong": (
            "Spravato is FDA-approved for anxiety and PTSD.",
            "Esketamine is FDA-approved for use at home.",
        ),
        "suicide": (
            "Spravato is also used in adults with depression who have recent suicidal thoughts, "
            "alongside an antidepressant.",
        ),
    },
    "tms": {
        "risks": (
            "TMS can cause scalp discomfort or headache, and there is a small risk of seizure.",
        ),
        "fda_ok": (
            "Some TMS devices have been cleared by the FDA for major depression and for OCD.",
        ),
        "fda_wrong": ("TMS is FDA-approved for PTSD, anxiety and chronic pain.",),
    },
    "psilocybin": {
        "fda_ok": (
            "Psilocybin is not FDA-approved for any use and remains a controlled substance under "
            "federal law.",
        ),
        "fda_wrong": ("Psilocybin therapy is now FDA-approved for depression.",),
        "risks": (
            "Psilocybin can cause anxiety, confusion and raised blood pressure during a session.",
        ),
    },
    "vitamins": {
        "safety": ("IV vitamin drips are 100% natural and totally safe.",),
        "fda_ok": ("IV vitamin drips are not FDA-approved to treat or prevent any disease.",),
        "fda_wrong": ("Our IV vitamin drips are FDA-approved to boost immunity.",),
        "risks": ("Bruising at the IV site and a cool feeling in the arm are common.",),
    },
}
CRISIS = (
    "If you are in crisis or thinking about harming yourself, call or text 988 to reach the "
    "Suicide & Crisis Lifeline, or call 911.",
    "In an emergency, call 911 or go to the nearest emergency room. You can also call or text "
    "988 at any hour.",
    "Our clinic is not an emergency service. If you are in danger, dial 911 or call or text 988.",
    "Help is available around the clock: call or text 988, or chat at 988lifeline.org.",
)
DISCLAIMERS = (
    "This page is for general information and is not medical advice. Talk to a qualified "
    "clinician before starting any treatment.",
    "Individual results vary. Treatment decisions are made with your provider after a full "
    "evaluation.",
    "The content on this site does not replace a consultation with a licensed healthcare "
    "professional.",
)
FDA_NOTICES = (
    "Important: ketamine is not FDA-approved for the treatment of {c} or any other psychiatric "
    "condition; its use for these conditions is off-label.",
    "Ketamine is approved by the FDA only as an anesthetic. Compounded ketamine is not "
    "FDA-approved for depression, anxiety, PTSD or chronic pain.",
    "Off-label notice: the FDA has not approved ketamine for mental health or pain conditions.",
)
TESTIMONIALS = (
    "After years of trying everything, I finally feel like myself again.",
    "My {c} was gone after the third {session}.",
    "The staff made me feel safe and heard from the first phone call.",
    "I wish I had found {clinic} ten years ago.",
    "I was nervous, but the nurse explained every step and stayed with me the whole time.",
    "It wasn't instant for me, but by the second week I was sleeping through the night.",
    "This place saved my life.",
    "I didn't notice much change, but the team was honest with me about that from the start.",
    "Six sessions did what ten years of pills could not.",
    "I can play with my kids again.",
)
CTAS = (
    "Ready to take the next step? Book a free 15-minute phone consultation.",
    "Call {phone} to schedule your first visit.",
    "New patients are seen within a week. Request an appointment online.",
    "Questions? Our care coordinators are available Monday to Friday.",
    "Start your journey to feeling better today.",
)
LIST_ITEMS = (
    "A photo ID and your insurance card",
    "A list of current medicines and doses",
    "Comfortable clothing in layers",
    "Headphones and a favorite playlist",
    "A friend or relative to drive you home",
    "The questions you want to ask",
    "Recent lab results, if you have them",
    "The name of your therapist or psychiatrist",
    "Water and a light snack for afterwards",
    "A journal for notes after the {session}",
    "Your blood pressure readings from home, if you track them",
    "A plan for a quiet evening",
)
CLAIM_ITEMS = (
    "Relief within hours",
    "No side effects",
    "FDA-approved care",
    "Works when medications fail",
    "{pct}% response rate",
    "Lasting results",
    "Safe for all ages",
    "Fast relief from {c}",
)
FAQ_QUESTIONS = (
    "How many sessions will I need?",
    "Does insurance cover {t}?",
    "Can I drive after a {session}?",
    "Is {t} addictive?",
    "How soon will I feel a difference?",
    "What does {t} feel like?",
    "Can I keep taking my antidepressant?",
    "Who should not have {t}?",
    "How much does {t} cost?",
    "Is {t} FDA-approved?",
    "What happens if it does not work for me?",
    "Do I need a referral?",
    "How long does a {session} take?",
    "Can I bring someone with me?",
)
HEADINGS = (
    "What Is {T}?",
    "How Does {T} Work?",
    "Who Is a Good Candidate?",
    "What Happens During Your {session}",
    "After Your {session}",
    "Cost and Insurance",
    "Risks and Side Effects",
    "What the Research Says",
    "Why Choose {clinic}",
    "Getting Started",
    "Questions to Ask Your Provider",
    "What Our Patients Say",
    "Is {T} Right for You?",
    "Preparing for Treatment",
    "How Many Sessions Will I Need?",
    "Combining {T} With Therapy",
    "Understanding {c}",
    "Symptoms of {c}",
    "When Medication Is Not Enough",
    "Our Approach",
    "Aftercare and Integration",
    "Safety Monitoring",
    "A Note on FDA Status",
)
CLAIM_HEADINGS = (
    "How {T} Heals {c}",
    "Fast Relief From {c}",
    "Rewire Your Brain With {T}",
    "Why {T} Works When Pills Fail",
    "Lasting Relief in Days, Not Months",
    "Safe, Proven and Effective",
)
TITLES = {
    "home": ("{clinic}: {T} in {city}", "Feel Like Yourself Again at {clinic}"),
    "service": (
        "{T} in {city}",
        "{T} for {c}",
        "What to Expect From {T}",
        "{T}: Costs, Sessions and Aftercare",
        "Our {T} Program",
    ),
    "condition": (
        "{c} Treatment Options",
        "Living With {c}",
        "New Options for {c}",
        "When {c} Does Not Respond to Medication",
    ),
    "blog": (
        "5 Questions to Ask Before Trying {T}",
        "What the Research Says About {T} and {c}",
        "A Patient's Guide to {T}",
        "Myths and Facts About {T}",
        "How {T} Works",
        "Why We Changed Our {T} Protocol",
        "Preparing for Your First {session}",
        "{T} and {c}: What We Have Learned",
        "One Year of {T} at {clinic}",
    ),
    "location": ("{clinic} in {city}, {state}", "Visit Our {city} Clinic", "{T} Near {city}"),
    "faq": (
        "{T} FAQ",
        "Frequently Asked Questions About {T}",
        "Insurance and Payment FAQ",
        "Your First {session}: Common Questions",
    ),
    "about": ("Meet Our Team", "About {clinic}", "Our Approach to Care", "Careers at {clinic}"),
    "resource": (
        "A Guide to {T} for {c}",
        "Reading the Research on {T}",
        "Patient Handbook: {T}",
        "Caregiver Guide: Supporting Someone Through {T}",
    ),
    "landing": ("Fast Relief From {c}", "Now Accepting New Patients for {T}", "Try {T} Today"),
}
DESCRIPTIONS = (
    "Learn how {t} is used for {c} at {clinic}, what a {session} involves and what it costs.",
    "Fast, lasting relief from {c} with {t}. Book your consultation today.",
    "Answers to common questions about {t}, from preparation to aftercare.",
    "What the research does and does not show about {t} for {c}.",
    "{clinic} offers {t} in {city}, with flexible scheduling and payment plans.",
    "A plain-language guide to {t}, its risks, and who may benefit.",
)
EXTRA_TAGS = ("mental-health", "research", "patient-stories", "insurance", "wellness", "news")
TONES = ("careful", "typical", "aggressive")
TONE_WEIGHTS = (30, 50, 20)
SENTENCE_KINDS = (
    "neutral",
    "hedged",
    "cited",
    "efficacy",
    "route",
    "safety",
    "risks",
    "fda_ok",
    "fda_wrong",
    "guarantee",
)
KIND_WEIGHTS = {
    "careful": (50, 18, 14, 3, 1, 1, 7, 6, 0, 0),
    "typical": (54, 9, 6, 12, 4, 4, 5, 4, 1, 1),
    "aggressive": (44, 2, 2, 22, 8, 8, 1, 1, 5, 7),
}
KIND_BANKS = {
    "hedged": HEDGED,
    "cited": CITED,
    "efficacy": EFFICACY,
    "route": ROUTE_COMPARISONS,
    "safety": SAFETY,
    "risks": RISKS,
    "fda_ok": FDA_CORRECT,
    "fda_wrong": FDA_WRONG,
    "guarantee": GUARANTEES,
}
FAMILIES = ("ketamine", "esketamine", "tms", "psilocybin", "vitamins")
BANKS = {
    (kind, family): bank + FAMILY_BANKS[family].get(kind, ())
    for kind, bank in [*KIND_BANKS.items(), ("suicide", SUICIDE)]
    for family in FAMILIES
}
PAGE_KINDS = ("blog", "service", "condition", "location", "faq", "resource", "about", "landing")
PAGE_KIND_WEIGHTS = (35, 15, 12, 8, 10, 10, 4, 6)
FORMAT_WEIGHTS = {  # md, html, txt
    "home": (0, 1, 0),
    "blog": (70, 20, 10),
    "service": (30, 60, 10),
    "condition": (45, 45, 10),
    "location": (30, 60, 10),
    "faq": (40, 50, 10),
    "resource": (35, 20, 45),
    "about": (40, 50, 10),
    "landing": (10, 90, 0),
}
CSS_RULES = (
    "body { font-family: system-ui, sans-serif; color: #1f2a30; margin: 0; }",
    ".site-header { display: flex; justify-content: space-between; padding: 1rem 2rem; }",
    "nav ul { list-style: none; display: flex; gap: 1.5rem; }",
    ".hero { background: #eef5f3; padding: 4rem 1rem; text-align: center; }",
    ".btn-primary { background: #0f766e; color: #fff; border-radius: 999px; }",
    ".callout { border-left: 4px solid #0f766e; padding: 0.5rem 1rem; }",
    "blockquote { font-style: italic; margin: 2rem 0; }",
    "footer { background: #0b3b3a; color: #d9f0ec; padding: 3rem 2rem; }",
    "table { border-collapse: collapse; width: 100%; }",
    "td, th { border-bottom: 1px solid #ccd; padding: 0.4rem; }",
    "@media (max-width: 640px) { nav ul { display: none; } }",
    ".badge::after { content: 'safe and proven'; }",
)


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def words(text: str) -> int:
    """Count words the way the benchmark does: a whitespace split of the raw file."""
    return len(text.split())


def cap(text: str) -> str:
    """Capitalize the first letter only, so acronyms such as TMS or IV survive."""
    return text[:1].upper() + text[1:]


SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "for", "from", "in", "of", "on", "or"})
SMALL_WORDS |= {"the", "to", "with", "near", "by"}


def title_case(text: str) -> str:
    """Headline-style capitals without touching acronyms ("PTSD", "NAD+")."""
    out = []
    for index, word in enumerate(text.split(" ")):
        keep = index > 0 and word in SMALL_WORDS
        out.append(word if keep else cap(word))
    return " ".join(out)


def slugify(text: str, limit: int = 60) -> str:
    """A URL slug, cut at a word boundary so paths look like a real CMS made them."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


_RISKY_LINE_START = re.compile(r"^(?:[-+*#>=|]|\d+[.)])")


def wrap(text: str, width: int) -> str:
    """Hard-wrap a paragraph; never start a line with something Markdown reads as a marker."""
    lines: list[str] = []
    line: list[str] = []
    length = 0
    for word in text.split(" "):
        if line and length + 1 + len(word) > width and not _RISKY_LINE_START.match(word):
            lines.append(" ".join(line))
            line, length = [], 0
        length += len(word) + (1 if line else 0)
        line.append(word)
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


def pick(rng: random.Random, options: Sequence[str], weights: Sequence[int]) -> str:
    """One weighted choice (a helper so call sites read as intent)."""
    return rng.choices(options, weights=weights)[0]


# --------------------------------------------------------------------------------------------
# Site and page plans
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    """One clinic address; footers and location pages use it."""

    city: str
    state: str
    address: str
    phone: str


@dataclass(frozen=True)
class Site:
    """What every page of one website shares: clinic name, phone, addresses, doctors."""

    clinic: str
    domain: str
    phone: str
    locations: tuple[Location, ...]
    doctors: tuple[str, ...]
    founded: int


@dataclass(frozen=True)
class Plan:
    """Everything decided about a page before any sentence is written."""

    kind: str
    fmt: str
    treatment: Treatment
    condition: str
    tone: str
    location: Location
    target: int
    suicide: bool
    crisis: str  # "none", "inline" or "end"
    fda_notice: bool
    disclaimer: bool
    year: int
    date: str


def phone(rng: random.Random) -> str:
    """A fictional 555 number."""
    return f"({rng.randint(200, 989)}) 555-{rng.randint(100, 199):04d}"


def make_site(rng: random.Random) -> Site:
    """Pick the clinic identity that the whole site shares."""
    first, last = rng.choice(CLINIC_FIRST), rng.choice(CLINIC_LAST)
    clinic = f"{first} {last}"
    cities = rng.sample(CITIES, rng.randint(3, 8))
    locations = tuple(
        Location(
            city,
            state,
            f"{rng.randint(100, 9800)} {rng.choice(STREETS)} {rng.choice(STREET_KINDS)}, "
            f"Suite {rng.randint(100, 450)}, {city}, {state} {rng.randint(10000, 99950)}",
            phone(rng),
        )
        for city, state in cities
    )
    doctors = tuple(
        f"Dr. {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(3, 6))
    )
    domain = slugify(first).replace("-", "") + "clinic.example"
    return Site(clinic, domain, locations[0].phone, locations, doctors, rng.randint(2012, 2020))


def target_words(rng: random.Random) -> int:
    """Page length: many short pages, a long tail of long ones, mean near 1,000 words."""
    return int(rng.triangular(MIN_WORDS, MAX_WORDS - 250, MIN_WORDS))


def plan_page(rng: random.Random, site: Site, index: int, target: int | None = None) -> Plan:
    """Decide kind, format, topic and tone; the first three pages guarantee the format mix."""
    kind = "home" if index == 0 else pick(rng, PAGE_KINDS, PAGE_KIND_WEIGHTS)
    forced = {1: "md", 2: "txt"}
    fmt = forced.get(index) or pick(rng, ("md", "html", "txt"), FORMAT_WEIGHTS[kind])
    treatment = rng.choices(TREATMENTS, weights=TREATMENT_WEIGHTS)[0]
    tone = pick(rng, TONES, TONE_WEIGHTS)
    suicide = (treatment.ketamine and rng.random() < 0.2) or rng.random() < 0.04
    crisis = pick(rng, ("none", "inline", "end"), (40, 30, 30)) if suicide else "none"
    notice_odds = {"careful": 0.8, "typical": 0.4, "aggressive": 0.1}[tone]
    year = rng.randint(2019, 2025)
    return Plan(
        kind=kind,
        fmt=fmt,
        treatment=treatment,
        condition=rng.choice(treatment.conditions),
        tone=tone,
        location=rng.choice(site.locations),
        target=target if target is not None else target_words(rng),
        suicide=suicide,
        crisis=crisis,
        fda_notice=treatment.ketamine and rng.random() < notice_odds,
        disclaimer=rng.random() < 0.5,
        year=year,
        date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    )


# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------


class _Slots(dict[str, str]):
    """Fills template slots lazily, so only the slots a template uses consume randomness."""

    def __init__(self, writer: Writer) -> None:
        super().__init__()
        self.writer = writer

    def __missing__(self, key: str) -> str:
        if key in ("route", "Route", "route2", "Route2"):
            first, second = self.writer.rng.sample(ROUTES, 2)
            self.update(route=first, Route=cap(first), route2=second, Route2=cap(second))
            return self[key]
        value = self.writer.slot(key)
        self[key] = value
        return value


@dataclass
class Writer:
    """Writes the sentences of one page, keeping them on its treatment and condition."""

    rng: random.Random
    site: Site
    plan: Plan
    superscript: bool = False
    references: list[str] = field(default_factory=list)

    def fill(self, template: str) -> str:
        """Fill one template (superscript markers sit on the word, bracketed ones after a space)."""
        if self.superscript:
            template = template.replace(" {cite}", "{cite}")
        return template.format_map(_Slots(self))

    def slot(self, key: str) -> str:
        """The value of one slot; the page's topic wins most of the time, for coherence."""
        rng, plan = self.rng, self.plan
        match key:
            case "t":
                return rng.choice(plan.treatment.names)
            case "T":
                return cap(rng.choice(plan.treatment.names))
            case "c":
                if rng.random() < 0.85:
                    return plan.condition
                return rng.choice(plan.treatment.conditions)
            case "session":
                return plan.treatment.session
            case "pct" | "pct2":
                return str(rng.choice((52, 58, 62, 65, 70, 72, 75, 80, 83, 85, 90)))
            case "n":
                return str(rng.randint(2, 8))
            case "nn":
                return str(rng.randint(24, 420))
            case "hours":
                return rng.choice(("hours", "24 hours", "a day", "one session", "minutes"))
            case "cite":
                return self.cite()
            case "author" | "author2":
                return rng.choice(SURNAMES)
            case "year":
                return str(rng.randint(2006, 2024))
            case "year2":
                return str(rng.randint(self.site.founded + 1, 2024))
            case "doi":
                prefix, year = rng.randint(1000, 9999), rng.randint(2006, 2024)
                return f"10.{prefix}/j.{year}.{rng.randint(1, 99999):05d}"
            case "pmid":
                return str(rng.randint(20000000, 39999999))
            case "trial":
                return rng.choice(TRIALS)
            case "clinic":
                return self.site.clinic
            case "city":
                return plan.location.city
            case "state":
                return plan.location.state
            case "phone":
                return plan.location.phone
            case "dr":
                return rng.choice(self.site.doctors)
            case "minutes":
                return str(rng.choice((40, 45, 50, 60, 90)))
            case "price":
                return f"${rng.randrange(350, 800, 25)}"
            case "specialty":
                return rng.choice(SPECIALTIES)
            case "years":
                return str(rng.randint(5, 25))
            case "transit":
                return rng.choice(TRANSIT)
        raise KeyError(key)

    def cite(self) -> str:
        """A footnote marker; a new reference each time, as real articles number them."""
        if len(self.references) < 9:
            self.references.append(self.reference())
            number = len(self.references)
        else:
            number = self.rng.randint(1, len(self.references))
        if self.superscript:
            return str(number).translate(SUPERSCRIPTS)
        return f"[{number}]"

    def reference(self) -> str:
        """A plausible bibliography entry (fictional authors and identifiers)."""
        rng = self.rng
        authors = ", ".join(f"{rng.choice(SURNAMES)} {rng.choice('ABCDEHJKMR')}" for _ in range(3))
        design = rng.choice(("a randomized controlled trial", "an open-label study", "a review"))
        name = rng.choice(self.plan.treatment.names)
        year = rng.randint(2006, 2024)
        return (
            f"{authors}, et al. {cap(name)} for {self.plan.condition}: {design}. "
            f"{rng.choice(JOURNALS)}. {year};{rng.randint(10, 300)}:{rng.randint(1, 900)}. "
            f"doi:10.{rng.randint(1000, 9999)}/{rng.randint(100000, 999999)}"
        )

    def neutral(self) -> str:
        """Plain informational prose, half stock sentences and half assembled ones."""
        rng = self.rng
        if rng.random() < 0.5:
            return self.fill(rng.choice(NEUTRAL))
        subject, action = rng.choice(SUBJECTS), rng.choice(ACTIONS)
        tail = rng.choice(TAILS)
        if rng.random() < 0.6:
            return self.fill(f"{rng.choice(OPENERS)} {subject} {action}{tail}.")
        return self.fill(f"{cap(subject)} {action}{tail}.")

    def sentence(self) -> str:
        """One sentence whose kind follows the page's tone."""
        kind = self.rng.choices(SENTENCE_KINDS, cum_weights=CUM_WEIGHTS[self.plan.tone])[0]
        if kind == "route" and not self.plan.treatment.ketamine:
            kind = "efficacy"
        if kind == "neutral":
            return self.neutral()
        return self.fill(self.rng.choice(BANKS[kind, self.plan.treatment.family]))

    def sentences(self, low: int, high: int) -> list[str]:
        """A paragraph's worth of sentences, without the same sentence twice in a row."""
        out: list[str] = []
        for _ in range(self.rng.randint(low, high)):
            sentence = self.sentence()
            if out and sentence == out[-1]:
                sentence = self.neutral()
            out.append(sentence)
        return out


CUM_WEIGHTS = {
    tone: tuple(sum(weights[: i + 1]) for i in range(len(weights)))
    for tone, weights in KIND_WEIGHTS.items()
}
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


# --------------------------------------------------------------------------------------------
# Rendering: the same blocks written as Markdown, HTML or plain text
# --------------------------------------------------------------------------------------------


@dataclass
class Page:
    """Metadata a renderer needs for the page head."""

    title: str
    description: str
    tags: list[str]
    author: str
    plan: Plan


class Renderer:
    """Plain text: every line is prose and blank lines separate paragraphs."""

    sep = "\n\n"

    def __init__(self, rng: random.Random, site: Site, page: Page) -> None:
        self.rng, self.site, self.page = rng, site, page
        self.width = rng.choice((0, 72, 76, 80)) if rng.random() < 0.8 else 0

    def text(self, sentence: str) -> str:
        """Inline text; subclasses escape and decorate it."""
        return sentence

    def para(self, sentences: list[str]) -> str:
        """A paragraph, hard-wrapped if this page wraps."""
        body = " ".join(self.text(s) for s in sentences)
        return wrap(body, self.width) if self.width else body

    def heading(self, level: int, text: str) -> str:
        """A heading line, underlined for the top levels as plain-text authors do."""
        if level <= 2:
            return f"{text}\n{('=' if level == 1 else '-') * len(text)}"
        return text

    def bullets(self, items: list[str], ordered: bool) -> str:
        """A list of short items."""
        return "\n".join(
            f"{f'{i}.' if ordered else '*'} {self.text(item)}" for i, item in enumerate(items, 1)
        )

    def quote(self, text: str, who: str) -> str:
        """A testimonial with curly quotes and an em dash."""
        return f"“{self.text(text)}” — {who}"

    def table(self, header: list[str], rows: list[list[str]]) -> str:
        """Plain text has no tables; write one row per line."""
        return "\n".join(": ".join(row) for row in rows)

    def image(self, alt: str, src: str) -> str:
        """Plain text has no images."""
        return ""

    def cta(self, text: str, href: str) -> str:
        """A call to action with the URL spelled out."""
        return f"{self.text(text)} https://{self.site.domain}{href}"

    def comment(self, text: str) -> str:
        """Plain text has no comments."""
        return ""

    def references(self, items: list[str]) -> str:
        """A numbered bibliography."""
        lines = [f"{i}. {item}" for i, item in enumerate(items, 1)]
        return "References\n\n" + "\n".join(lines)

    def head(self) -> str:
        """Title block."""
        return self.heading(1, self.page.title)

    def foot(self) -> str:
        """Contact block, the plain-text version of a footer."""
        loc = self.page.plan.location
        return f"{self.site.clinic}\n{loc.address}\nPhone: {loc.phone}\n"

    def document(self, head: str, blocks: list[str], foot: str) -> str:
        """The whole file."""
        return self.sep.join([head, *blocks, foot])


class MarkdownRenderer(Renderer):
    """Markdown with YAML front matter, as static-site generators expect."""

    def text(self, sentence: str) -> str:
        """Now and then link the treatment or bold a sentence, as CMS editors do."""
        roll = self.rng.random()
        plan = self.page.plan
        if roll < 0.06:
            name = plan.treatment.names[0]
            if name in sentence:
                return sentence.replace(name, f"[{name}](/services/{plan.treatment.slug}/)", 1)
        elif roll < 0.09:
            return f"**{sentence}**"
        return sentence

    def heading(self, level: int, text: str) -> str:
        """An ATX heading."""
        return f"{'#' * level} {text}"

    def bullets(self, items: list[str], ordered: bool) -> str:
        """A Markdown list."""
        return "\n".join(
            f"{f'{i}.' if ordered else '-'} {self.text(item)}" for i, item in enumerate(items, 1)
        )

    def quote(self, text: str, who: str) -> str:
        """A block quote."""
        return f"> “{text}”\n>\n> — {who}"

    def table(self, header: list[str], rows: list[list[str]]) -> str:
        """A pipe table."""
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)

    def image(self, alt: str, src: str) -> str:
        """An image with alt text (alt text is prose)."""
        return f"![{alt}]({src})"

    def cta(self, text: str, href: str) -> str:
        """Raw HTML inside Markdown, as many themes require for buttons."""
        return f'<div class="cta">\n  <a class="btn-primary" href="{href}">{text}</a>\n</div>'

    def comment(self, text: str) -> str:
        """An editor's note that readers never see."""
        return f"<!-- {text} -->"

    def references(self, items: list[str]) -> str:
        """A numbered bibliography under a heading."""
        lines = [f"{i}. {item}" for i, item in enumerate(items, 1)]
        return "## References\n\n" + "\n".join(lines)

    def head(self) -> str:
        """YAML front matter, plus an H1 on about half the pages."""
        page = self.page
        if self.rng.random() < 0.5:
            tags = "tags: [" + ", ".join(page.tags) + "]"
        else:
            tags = "tags:\n" + "\n".join(f"  - {tag}" for tag in page.tags)
        lines = [
            "---",
            f"title: {json.dumps(page.title, ensure_ascii=False)}",
            f"description: {json.dumps(page.description, ensure_ascii=False)}",
            tags,
            f"date: {page.plan.date}",
            f"author: {json.dumps(page.author, ensure_ascii=False)}",
            f"layout: {page.plan.kind}",
            "---",
        ]
        front = "\n".join(lines)
        return f"{front}\n\n# {page.title}" if self.rng.random() < 0.5 else front

    def foot(self) -> str:
        """Markdown pages get their footer from the theme; some end with a short sign-off."""
        if self.rng.random() < 0.5:
            return f"*{self.site.clinic} · {self.page.plan.location.city}*\n"
        return "<!-- end of content -->\n"


class HtmlRenderer(Renderer):
    """A full HTML page with head, scripts, styles, navigation and footer."""

    sep = "\n"

    def __init__(self, rng: random.Random, site: Site, page: Page) -> None:
        super().__init__(rng, site, page)
        self.entities = rng.random() < 0.4

    def text(self, sentence: str) -> str:
        """Escape, use typographic entities on some sites, and mark up citations and links."""
        out = html.escape(sentence, quote=False)
        if self.entities:
            out = out.replace("'", "&rsquo;").replace("—", "&mdash;").replace("Dr. ", "Dr.&nbsp;")
        out = re.sub(r"\[(\d)\]", r'<sup><a href="#ref-\1">[\1]</a></sup>', out)
        roll = self.rng.random()
        plan = self.page.plan
        name = plan.treatment.names[0]
        if roll < 0.06:
            link = f'<a href="/services/{plan.treatment.slug}/">{name}</a>'
            return out.replace(name, link, 1)
        if roll < 0.08:
            return f"<strong>{out}</strong>"
        if roll < 0.09:
            return f'<span class="highlight">{out}</span>'
        return out

    def para(self, sentences: list[str]) -> str:
        """A paragraph element."""
        return "<p>" + " ".join(self.text(s) for s in sentences) + "</p>"

    def heading(self, level: int, text: str) -> str:
        """A heading element."""
        return f"<h{level}>{self.text(text)}</h{level}>"

    def bullets(self, items: list[str], ordered: bool) -> str:
        """A list element."""
        tag = "ol" if ordered else "ul"
        lis = "\n".join(f"  <li>{self.text(item)}</li>" for item in items)
        return f"<{tag}>\n{lis}\n</{tag}>"

    def quote(self, text: str, who: str) -> str:
        """A testimonial block quote."""
        return (
            f'<blockquote class="testimonial">\n  <p>&ldquo;{self.text(text)}&rdquo;</p>\n'
            f"  <cite>{html.escape(who)}</cite>\n</blockquote>"
        )

    def table(self, header: list[str], rows: list[list[str]]) -> str:
        """A table element."""
        head = "".join(f"<th>{cell}</th>" for cell in header)
        body = "\n".join(
            "    <tr>" + "".join(f"<td>{self.text(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        return f"<table>\n  <thead><tr>{head}</tr></thead>\n  <tbody>\n{body}\n  </tbody>\n</table>"

    def image(self, alt: str, src: str) -> str:
        """An image whose alt text is prose."""
        return f'<img src="{src}" alt="{html.escape(alt)}" loading="lazy" width="640">'

    def cta(self, text: str, href: str) -> str:
        """A call-to-action box."""
        return (
            f'<div class="callout">\n  <p>{self.text(text)}</p>\n'
            f'  <a class="btn-primary" href="{href}">Book now</a>\n</div>'
        )

    def comment(self, text: str) -> str:
        """An HTML comment."""
        return f"<!-- {html.escape(text)} -->"

    def references(self, items: list[str]) -> str:
        """A numbered bibliography with anchors for the footnote links."""
        lis = "\n".join(
            f'  <li id="ref-{i}">{html.escape(item)}</li>' for i, item in enumerate(items, 1)
        )
        return f"<h2>References</h2>\n<ol>\n{lis}\n</ol>"

    def head(self) -> str:
        """Doctype, head with styles and scripts, site header with navigation, and the H1."""
        page, site = self.page, self.site
        css = "\n".join(f"  {rule}" for rule in self.rng.sample(CSS_RULES, self.rng.randint(3, 8)))
        parts = [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
            '<meta name="viewport" content="initial-scale=1, width=device-width">',
            f"<title>{html.escape(page.title)} | {html.escape(site.clinic)}</title>",
            f'<meta name="description" content="{html.escape(page.description)}">',
            '<link rel="stylesheet" href="/assets/css/site.css">',
            f"<style>\n{css}\n</style>",
            ANALYTICS.replace("SITE_ID", f"G-{self.rng.randint(10**6, 10**7 - 1)}"),
        ]
        if self.rng.random() < 0.5:
            parts.append(self.json_ld())
        parts += ["</head>", f'<body class="page-{page.plan.kind}">', self.nav()]
        parts += ['<main id="content">', "<article>", f"<h1>{self.text(page.title)}</h1>"]
        return "\n".join(parts)

    def json_ld(self) -> str:
        """Structured data whose description makes claims that are not visible prose."""
        loc = self.page.plan.location
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalClinic",
            "name": self.site.clinic,
            "description": f"Fast, safe and proven {self.page.plan.treatment.names[0]} "
            f"for {self.page.plan.condition}.",
            "telephone": loc.phone,
            "address": loc.address,
        }
        return f'<script type="application/ld+json">\n{json.dumps(data, indent=2)}\n</script>'

    def nav(self) -> str:
        """The site header and navigation, identical on every HTML page."""
        links = "\n".join(f'      <li><a href="{href}">{label}</a></li>' for label, href in NAV)
        return (
            '<header class="site-header">\n'
            f'  <a class="logo" href="/"><img src="/assets/img/logo.svg" '
            f'alt="{html.escape(self.site.clinic)} logo"></a>\n'
            f'  <nav aria-label="Main">\n    <ul>\n{links}\n    </ul>\n  </nav>\n</header>'
        )

    def foot(self) -> str:
        """Closing tags, footer with addresses and hours, and trailing scripts."""
        site = self.site
        addresses = "\n".join(
            f"    <p>{html.escape(loc.address)}<br>\n    Phone: "
            f'<a href="tel:{re.sub(r"[^0-9]", "", loc.phone)}">{loc.phone}</a></p>'
            for loc in site.locations[:3]
        )
        noscript = (
            '<noscript><img src="/pixel.gif" alt="" width="1" height="1"></noscript>\n'
            if self.rng.random() < 0.3
            else ""
        )
        return (
            "</article>\n</main>\n"
            '<footer class="site-footer">\n  <div class="footer-col">\n    <h4>Visit us</h4>\n'
            f"{addresses}\n  </div>\n"
            '  <div class="footer-col">\n    <h4>Hours</h4>\n'
            "    <p>Monday to Friday, 8:00 am to 6:00 pm<br>Saturday, 9:00 am to 1:00 pm</p>\n"
            "  </div>\n"
            f'  <p class="legal">&copy; {self.page.plan.year} {html.escape(site.clinic)}. '
            'All rights reserved. <a href="/privacy/">Privacy</a> · <a href="/terms/">Terms</a> '
            '· <a href="/accessibility/">Accessibility</a></p>\n</footer>\n'
            f"{noscript}"
            '<script src="/assets/js/site.js" defer></script>\n'
            f"<script>\n{CHAT_WIDGET}\n</script>\n</body>\n</html>\n"
        )


NAV = (
    ("Home", "/"),
    ("Ketamine Infusions", "/services/ketamine-infusions/"),
    ("Spravato", "/services/spravato/"),
    ("TMS", "/services/tms/"),
    ("IV Vitamins", "/services/iv-vitamins/"),
    ("Conditions", "/conditions/"),
    ("Locations", "/locations/"),
    ("Blog", "/blog/"),
    ("FAQ", "/faq/"),
    ("Book a Consultation", "/contact/"),
)
ANALYTICS = """<script async src="https://www.googletagmanager.com/gtag/js?id=SITE_ID"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'SITE_ID', { anonymize_ip: true });
</script>"""
CHAT_WIDGET = """  document.addEventListener('DOMContentLoaded', function () {
    var greeting = 'Hi! Ask us how ketamine can relieve depression fast and safely.';
    var bubble = document.querySelector('.chat-bubble');
    if (bubble && window.innerWidth > 640) { bubble.dataset.greeting = greeting; }
  });"""
RENDERERS: dict[str, type[Renderer]] = {
    "md": MarkdownRenderer,
    "html": HtmlRenderer,
    "txt": Renderer,
}


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------


def page_meta(rng: random.Random, site: Site, plan: Plan, writer: Writer) -> Page:
    """Title, description, tags and author."""
    title = title_case(writer.fill(rng.choice(TITLES[plan.kind])))
    description = writer.fill(rng.choice(DESCRIPTIONS))
    tags = [plan.treatment.slug, slugify(plan.condition)]
    tags += rng.sample(EXTRA_TAGS, rng.randint(0, 2))
    if (plan.suicide and rng.random() < 0.4) or rng.random() < 0.03:
        tags.append("suicide-prevention")
    author = rng.choice(site.doctors) if rng.random() < 0.6 else f"The {site.clinic} Team"
    return Page(title, description, list(dict.fromkeys(tags)), author, plan)


@dataclass
class Body:
    """Rendered blocks and a running word count, so length targets are cheap to hit."""

    blocks: list[str] = field(default_factory=list)
    count: int = 0
    paragraphs: int = 0

    def add(self, block: str) -> None:
        """Append a rendered block (empty blocks, e.g. images in plain text, are skipped)."""
        if block:
            self.blocks.append(block)
            self.count += words(block)


def section_heading(rng: random.Random, plan: Plan, writer: Writer) -> str:
    """A section heading; pushy pages often assert a benefit in the heading itself."""
    if plan.kind == "faq":
        return writer.fill(rng.choice(FAQ_QUESTIONS))
    claim_odds = {"careful": 0.0, "typical": 0.08, "aggressive": 0.3}[plan.tone]
    bank = CLAIM_HEADINGS if rng.random() < claim_odds else HEADINGS
    return title_case(writer.fill(rng.choice(bank)))


def paragraph(rng: random.Random, plan: Plan, writer: Writer, body: Body) -> list[str]:
    """Sentences of one paragraph, with the page's suicide mention and crisis line placed in."""
    short = plan.kind == "faq"
    sentences = writer.sentences(2, 4) if short else writer.sentences(3, 7)
    body.paragraphs += 1
    if plan.suicide and body.paragraphs == 2:
        sentences.insert(
            rng.randint(0, len(sentences)),
            writer.fill(rng.choice(BANKS["suicide", plan.treatment.family])),
        )
        if plan.crisis == "inline":
            sentences.append(rng.choice(CRISIS))
    return sentences


def extra_block(rng: random.Random, plan: Plan, writer: Writer, out: Renderer) -> str:
    """Lists, testimonials, tables, images, calls to action and editor comments."""
    roll = rng.random()
    if roll < 0.18:
        bank = CLAIM_ITEMS if plan.tone == "aggressive" and rng.random() < 0.5 else LIST_ITEMS
        items = [writer.fill(item) for item in rng.sample(bank, rng.randint(3, 6))]
        return out.bullets(items, ordered=rng.random() < 0.3)
    if roll < 0.28:
        who = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)[0]}., {plan.location.city}"
        return out.quote(writer.fill(rng.choice(TESTIMONIALS)), who)
    if roll < 0.32:
        return out.table(*price_table(rng, writer))
    if roll < 0.39:
        alt = f"{cap(plan.treatment.names[0])} treatment room at {writer.site.clinic}"
        return out.image(alt, f"/assets/img/{plan.treatment.slug}-{rng.randint(1, 9)}.jpg")
    if roll < 0.46:
        return out.cta(writer.fill(rng.choice(CTAS)), "/contact/")
    if roll < 0.5:
        return out.comment(rng.choice(("TODO: update pricing", "legal reviewed", "hero image")))
    return ""


def price_table(rng: random.Random, writer: Writer) -> tuple[list[str], list[list[str]]]:
    """A services table: session length and price per treatment."""
    rows = [
        [
            cap(t.names[0]),
            f"{rng.choice((40, 45, 60, 90))} minutes",
            f"${rng.randrange(150, 900, 25)}",
        ]
        for t in rng.sample(TREATMENTS, rng.randint(2, 5))
    ]
    return ["Service", "Session length", "Price per visit"], rows


def end_blocks(rng: random.Random, plan: Plan, writer: Writer, out: Renderer) -> list[str]:
    """Document-level notices: crisis line, FDA off-label notice, medical disclaimer."""
    blocks = []
    if plan.crisis == "end":
        blocks.append(out.para([rng.choice(CRISIS)]))
    if plan.fda_notice:
        blocks.append(out.para([writer.fill(rng.choice(FDA_NOTICES))]))
    if plan.disclaimer:
        blocks.append(out.para([rng.choice(DISCLAIMERS)]))
    return blocks


def write_body(rng: random.Random, plan: Plan, writer: Writer, out: Renderer, budget: int) -> Body:
    """Sections of headings, paragraphs and extras until the word budget is spent."""
    body = Body()
    while body.count < budget:
        body.add(out.heading(2 if rng.random() < 0.8 else 3, section_heading(rng, plan, writer)))
        for _ in range(rng.randint(1, 3)):
            body.add(out.para(paragraph(rng, plan, writer, body)))
            if body.count >= budget:
                break
        else:
            body.add(extra_block(rng, plan, writer, out))
    return body


def render_page(rng: random.Random, site: Site, plan: Plan) -> tuple[str, str]:
    """One complete page (text, title) whose raw word count lies within MIN_WORDS..MAX_WORDS."""
    writer = Writer(rng, site, plan, superscript=plan.fmt != "html" and rng.random() < 0.2)
    page = page_meta(rng, site, plan, writer)
    out = RENDERERS[plan.fmt](rng, site, page)
    head, foot = out.head(), out.foot()
    ends = end_blocks(rng, plan, writer, out)
    fixed = words(head) + words(foot) + sum(words(b) for b in ends)
    body = write_body(rng, plan, writer, out, max(plan.target - fixed, 40))
    if writer.references:
        ends.append(out.references(writer.references))
        fixed += words(ends[-1])
    total = fixed + body.count
    while total > MAX_WORDS and len(body.blocks) > 1:  # overshoot: drop trailing blocks
        total -= words(body.blocks.pop())
    while total < MIN_WORDS:  # short page after trimming: top up with plain prose
        block = out.para(writer.sentences(4, 6))
        body.blocks.append(block)
        total += words(block)
    return out.document(head, body.blocks + ends, foot), page.title


def page_path(rng: random.Random, plan: Plan, title: str, used: set[str]) -> str:
    """A CMS-like path in nested folders, unique within the site."""
    slug = slugify(title)
    folders = {
        "home": "",
        "blog": f"blog/{plan.year}/",
        "service": f"services/{plan.treatment.slug}/",
        "condition": "conditions/",
        "location": f"locations/{plan.location.state.lower()}/",
        "faq": "faq/",
        "resource": f"resources/{rng.choice(('guides', 'research', 'patient-forms'))}/",
        "about": "about/",
        "landing": "landing/",
    }
    stem = "index" if plan.kind == "home" else folders[plan.kind] + slug
    path, n = stem + EXTENSIONS[plan.fmt], 2
    while path in used:
        path, n = f"{stem}-{n}{EXTENSIONS[plan.fmt]}", n + 1
    used.add(path)
    return path


# --------------------------------------------------------------------------------------------
# Public API used by run.py and the tests
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """What was written: file count, words, and files per extension."""

    files: int
    words: int
    by_ext: dict[str, int]


def iter_pages(docs: int, seed: int) -> list[tuple[str, str]]:
    """(relative path, text) for every page of the site, in generation order."""
    rng = random.Random(seed)
    site = make_site(rng)
    used: set[str] = set()
    pages = []
    for index in range(docs):
        plan = plan_page(rng, site, index)
        text, title = render_page(rng, site, plan)
        pages.append((page_path(rng, plan, title, used), text))
    return pages


def generate_site(out: Path, docs: int, seed: int) -> Summary:
    """Write the site under ``out`` (which must be empty or missing)."""
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty; choose an empty or new directory")
    by_ext: dict[str, int] = {}
    total = 0
    for rel, text in iter_pages(docs, seed):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        total += words(text)
        by_ext[path.suffix] = by_ext.get(path.suffix, 0) + 1
    return Summary(docs, total, dict(sorted(by_ext.items())))


def single_page(seed: int, target: int = 1000) -> str:
    """One Markdown page of about ``target`` words (for single-file latency)."""
    rng = random.Random(seed)
    site = make_site(rng)
    plan = plan_page(rng, site, 1, target=min(target, MAX_WORDS - 120))
    return render_page(rng, site, plan)[0]


def big_markdown(seed: int, target: int = 200_000) -> str:
    """One long Markdown file made of many pages (front matter kept only at the top)."""
    rng = random.Random(seed)
    site = make_site(rng)
    parts: list[str] = []
    total = 0
    while total < target:
        plan = plan_page(rng, site, 1)
        text = render_page(rng, site, plan)[0]
        if parts:
            text = text.split("\n---\n", 1)[1].lstrip("\n")
        parts.append(text)
        total += words(text)
    return "\n\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the site and print a one-line summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="number of pages (default 2000)")
    parser.add_argument("--out", type=Path, required=True, help="empty or new output directory")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    start = time.perf_counter()
    try:
        summary = generate_site(args.out, args.docs, args.seed)
    except FileExistsError as err:
        print(f"generate.py: {err}", file=sys.stderr)
        return 2
    mix = ", ".join(f"{n} {ext}" for ext, n in summary.by_ext.items())
    print(
        f"wrote {summary.files} files ({mix}), {summary.words:,} words to {args.out} "
        f"in {time.perf_counter() - start:.1f} s (seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
