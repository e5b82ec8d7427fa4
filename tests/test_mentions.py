"""A claim quoted to talk about the words is mentioned, not made (nlp/mentions.py): debunking
pages, news and careful sellers discuss marketing language without claiming anything."""

from __future__ import annotations

import pytest

from claimlint.api import lint_text

LINE = {"efficacy", "route-comparison", "safety", "approval", "guarantee"}


def _claims(text: str) -> set[str]:
    return {d.rule for d in lint_text(text + "\n", path="page.md") if d.category in LINE}


@pytest.mark.parametrize(
    "text",
    [
        '"Detoxifies your liver" is a slogan regulators have warned supplement makers about.',
        '"Hypoallergenic" has no legal definition, so a cream that says it may still irritate.',
        '"Doctor formulated" only means a doctor was involved; it does not mean the formula works.',
        'The word "cures" appears nine times on the clinic\'s homepage, with no study behind it.',
        'Be wary of phrases like "melts fat" and "guaranteed results" in diet ads.',
        "You will see 'risk-free' on many supplement bottles; it describes the refund policy.",
        'The company\'s ads promised "instant relief from arthritis," but regulators found no'
        " evidence.",
        '"Remission" means symptoms have fallen to a low level, not that they can never return.',
    ],
)
def test_a_mentioned_phrase_claims_nothing(text: str) -> None:
    assert not _claims(text), text


@pytest.mark.parametrize(
    "text",
    [
        '"This balm cures eczema for good," says Marisol, one of our members.',
        'Our turmeric capsules are "clinically proven" to ease joint pain.',
        'Our patch gives "instant relief from arthritis" to everyone who tries it.',
        # a real claim beside a mention still counts
        '"Natural" is just a word on a label, but our tonic cures insomnia.',
    ],
)
def test_a_quotation_used_as_a_claim_still_counts(text: str) -> None:
    assert _claims(text), text
