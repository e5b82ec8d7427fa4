"""A table row is read as a statement about its first cell: "| IV infusion | Highest |" ranks
the route, "| Side effects | None |" rules the harm out. The readers mark each row's first cell
with text as its head ("row-head"), and a rule's `carry` reads the head for the row's other
cells, as it reads the sentence before in a paragraph."""

from __future__ import annotations

from claimlint.api import lint_text
from claimlint.inputs.readers.html import read_html
from claimlint.inputs.readers.markdown import read_markdown


def _kinds(prose) -> list[tuple[str, str]]:
    return [
        (prose.text[b.start : b.end].strip(), b.kind)
        for b in prose.blocks
        if b.kind in ("cell", "row-head")
    ]


def _lines(diagnostics, rule_prefix: str) -> set[int]:
    return {d.line for d in diagnostics if d.rule.startswith(rule_prefix)}


def test_markdown_rows_have_a_head_cell() -> None:
    table = "| Route | Onset |\n|---|---|\n| Nasal mist | Fast |\n|  | Slow |\n"
    kinds = _kinds(read_markdown(table).prose)
    assert ("Route", "row-head") in kinds and ("Onset", "cell") in kinds
    assert ("Nasal mist", "row-head") in kinds and ("Fast", "cell") in kinds
    # an empty first cell is no head: the first cell with text is
    assert ("Slow", "row-head") in kinds


def test_html_rows_have_a_head_cell_th_or_td() -> None:
    page = (
        "<table><tr><th>Form</th><th>Absorption</th></tr>"
        "<tr><td>Lozenge</td><td>Low</td></tr><tr><th>Patch</th><td>High</td></tr></table>"
    )
    kinds = _kinds(read_html(page).prose)
    assert kinds == [
        ("Form", "row-head"),
        ("Absorption", "cell"),
        ("Lozenge", "row-head"),
        ("Low", "cell"),
        ("Patch", "row-head"),
        ("High", "cell"),
    ]


def test_a_rank_in_a_row_headed_by_a_route_is_a_route_comparison() -> None:
    page = (
        "<html><body>\n<table>\n<tr><th>Form</th><th>Onset</th><th>Strength</th></tr>\n"
        "<tr><td>Sublingual drops</td><td>20 minutes</td><td>Strongest effect</td></tr>\n"
        "<tr><td>Capsules</td><td>2 hours</td><td>Weakest</td></tr>\n</table>\n</body></html>\n"
    )
    found = _lines(lint_text(page, path="forms.html"), "CL2")
    assert found == {4, 5}


def test_the_same_words_outside_a_row_rank_nothing() -> None:
    # the rank stands in a paragraph of its own: no route to carry from another block
    page = "Sublingual drops\n\nStrongest effect\n\nCapsules\n\nWeakest\n"
    assert not _lines(lint_text(page, path="forms.md"), "CL2")
    # a row whose head names no route or form ranks nothing either
    table = "| Plan | Value |\n|---|---|\n| Annual | Strongest value |\n"
    assert not _lines(lint_text(table, path="plans.md"), "CL2")


def test_a_harm_heading_a_row_answered_none_is_a_safety_claim() -> None:
    table = (
        "| | GlowDerm peel | Laser resurfacing |\n|---|---|---|\n"
        "| Downtime | None | One week |\n| Shipping | None | Free |\n"
    )
    found = lint_text(table, path="compare.md")
    assert _lines(found, "CL4") == {3}
    assert [d.excerpt for d in found if d.rule.startswith("CL4")] == ["None"]


def test_a_harm_ending_a_line_of_prose_is_not_answered_by_the_next_paragraph() -> None:
    text = "Ask us about side effects\n\nNone of the staff will rush you.\n"
    assert not _lines(lint_text(text, path="faq.md"), "CL4")


def test_a_claim_in_a_head_cell_is_read_as_in_any_cell() -> None:
    # rules that name `cell` in their blocks see a row's head cell too
    page = (
        "<table>\n<tr><td>Our cryo sessions are completely safe.</td><td>$40</td></tr>\n</table>\n"
    )
    assert _lines(lint_text(page, path="price.html"), "CL4") == {2}


def test_a_cell_is_excused_by_what_its_row_head_names() -> None:
    # a rule's `none` classes are read in the row's head as well: the approved brand named in the
    # head makes "FDA-approved for ..." in its row a true statement, not a badge for the product
    table = (
        "| Option | Setting | FDA status |\n| --- | --- | --- |\n"
        "| Esketamine nasal spray (Spravato) | Certified clinic | FDA-approved for adults with"
        " treatment-resistant depression |\n"
        "| Our MoodMist ketamine spray | At home | FDA-approved for treatment-resistant"
        " depression |\n"
        # a head that names our own product beside the brand excuses nothing
        "| Our at-home ketamine troches, an alternative to Spravato | At home | FDA-approved for"
        " depression |\n"
    )
    approval_lines = _lines(lint_text(table, path="options.md"), "CL5")
    assert approval_lines == {4, 5}


def test_a_cell_is_excused_by_the_product_the_cell_before_it_names() -> None:
    # a conditions table names the condition first and the product second: the product's
    # approval in the third cell is its own, while our product in that place excuses nothing
    page = (
        "<table><tr><th>Condition</th><th>Option</th><th>Status</th></tr>"
        "<tr><td>Obsessive-compulsive disorder</td><td>Deep TMS (H7 coil)</td>\n"
        "<td>FDA-cleared as an add-on treatment for adults with OCD.</td></tr>\n"
        "<tr><td>Major depression</td><td>Esketamine (Spravato), with an oral antidepressant</td>\n"
        "<td>FDA-approved for adults with treatment-resistant depression.</td></tr>\n"
        "<tr><td>Anxiety</td><td>Our CalmWave headset</td>\n"
        "<td>FDA-cleared for anxiety in adults.</td></tr>\n"
        "<tr><td>Insomnia</td><td>Drowsa, our sleep gummy</td>\n"
        "<td>FDA-approved for adults with insomnia.</td></tr></table>\n"
    )
    assert _lines(lint_text(page, path="conditions.html"), "CL5") == {6, 8}


def test_a_cell_is_excused_by_what_its_column_header_names() -> None:
    # a comparison's columns: the brand named above the cell makes its "FDA-approved for ..." a
    # true statement, in Markdown (empty corner cell) and in HTML (a head in the corner)
    table = (
        "| | Our LeanPath shots | Wegovy | Zepbound |\n|---|---|---|---|\n"
        "| FDA status | Not FDA-approved (compounded) | FDA-approved: weight management"
        " | FDA-approved: weight management, sleep apnea |\n"
        "| Monthly price | $229 | $1,349 | $1,086 |\n"
    )
    assert not _lines(lint_text(table, path="compare.md"), "CL5")
    page = (
        "<table>\n<tr><th></th><th>SlumberMelt gummies</th><th>Ambien</th></tr>\n"
        "<tr><td>Regulatory status</td><td>Dietary supplement</td>"
        "<td>FDA-approved for short-term treatment of insomnia</td></tr>\n</table>\n"
    )
    assert not _lines(lint_text(page, path="compare.html"), "CL5")
    # under our own product's column the same cell is a badge; a brand named beside our
    # product in its header excuses nothing
    ours = (
        "| | Our LeanPath shots | Wegovy |\n|---|---|---|\n"
        "| FDA status | FDA-approved: weight management | FDA-approved: weight management |\n"
    )
    found = [d for d in lint_text(ours, path="compare.md") if d.rule.startswith("CL5")]
    assert [(d.line, d.column) for d in found] == [(3, 16)]  # our column, not Wegovy's
    beside = (
        "| | LeanPath, our answer to Wegovy | Ozempic |\n|---|---|---|\n"
        "| FDA status | FDA-approved: weight management | FDA-approved: type 2 diabetes |\n"
    )
    found = [d for d in lint_text(beside, path="compare.md") if d.rule.startswith("CL5")]
    assert [(d.line, d.column) for d in found] == [(3, 16)]
    # an empty cell leaves the column unknown: no excuse for the seller's cell beside it
    gap = (
        "| | Our compounded tirzepatide | Zepbound |\n|---|---|---|\n"
        "| FDA status | FDA-approved for weight loss | |\n"
    )
    assert _lines(lint_text(gap, path="compare.md"), "CL5") == {3}
    # a header that names the brand as what the seller's product stands in for excuses nothing
    stand_in = (
        "| | Ozempic | Our Ozempic alternative |\n|---|---|---|\n"
        "| Ingredient | Semaglutide | The same FDA-approved semaglutide |\n"
    )
    found = [d for d in lint_text(stand_in, path="compare.md") if d.rule.startswith("CL5")]
    assert [d.line for d in found] == [3] and found[0].column > 30


def test_a_column_label_ranks_nothing_but_a_cell_still_can() -> None:
    """A "Best for" heading of a column says what each row suits, not that a route is best; the
    same words with a route and a result in one cell still rank."""
    menu = (
        "| Drip | What is in it | Best for | Price |\n|---|---|---|---|\n"
        "| Revive | B12 | Flights | $150 |\n"
    )
    assert _lines(lint_text(menu, fmt="md"), "CL2") == set()
    ranked = (
        "| | Notes |\n|---|---|\n| IV drip | Best for the fastest relief, far better than pills |\n"
    )
    assert _lines(lint_text(ranked, fmt="md"), "CL2") == {3}
