"""The HTML report in a real browser (Debian's chromium through playwright).

The DOM must agree with `--format json` on the same files: one highlight per finding with its
rule, category, severity and line, and summary counts that match. A script inside a linted page
must not run in the report. Skips only when no browser can be launched.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli

CHROMIUM = os.environ.get("CLAIMLINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

PAGES = {
    "clinic.md": (
        "# Harbor Light infusions\n\n"
        "We provide ketamine infusions for depression and chronic pain.\n"
        "Every session is completely safe, with results guaranteed.\n\n"
        "Patients who struggle with suicidal thoughts are welcome here.\n"
    ),
    "routes.html": (
        "<!doctype html>\n<html><head><title>Ketamine options</title></head>\n<body><main>\n"
        "<h1>IV ketamine outperforms oral lozenges</h1>\n"
        "<p>Our ketamine infusion cures anxiety \u2014 naïve patients too."
        '<script>window.pwned = 1; document.title = "pwned";</script></p>\n'
        "<p>Example of markup in text: &lt;script&gt;window.pwned = 2&lt;/script&gt;</p>\n"
        "</main></body></html>\n"
    ),
    "note.txt": "Stellate ganglion block repairs the stress response permanently.\r\n"
    "Call us to book.\r\n",
}


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -e '.[test]')")
    manager = sync_playwright().start()
    try:
        launched = manager.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    except Exception as err:  # noqa: BLE001 - any launch failure means: no browser here
        manager.stop()
        pytest.skip(f"chromium could not be launched: {str(err).splitlines()[0]}")
    yield launched
    launched.close()
    manager.stop()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    for name, text in PAGES.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    runner = CliRunner()
    names = sorted(PAGES)
    old = os.getcwd()
    os.chdir(folder)
    try:
        as_json = runner.invoke(cli, ["check", *names, "--format", "json", "--no-cache"])
        as_html = runner.invoke(cli, ["check", *names, "--format", "html", "--no-cache"])
    finally:
        os.chdir(old)
    assert as_json.exit_code == 1, as_json.output
    assert as_html.exit_code == 1, as_html.output
    report = folder / "report.html"
    report.write_text(as_html.stdout, encoding="utf-8")
    return json.loads(as_json.stdout), report


def test_report_dom_matches_json(browser, outputs):
    findings, report = outputs
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(report.as_uri())

    # The page's own script did not run, and the report's script had no errors.
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.title().startswith("claimlint report")
    assert errors == []
    assert requests == [report.as_uri()]  # nothing fetched besides the file itself

    # Every finding has exactly one highlight start, with the JSON's attributes.
    marks = page.eval_on_selector_all(
        "section.doc",
        """docs => docs.flatMap(doc => [...doc.querySelectorAll('pre.source mark.hl-start')]
            .map(m => ({
            path: doc.dataset.path, rule: m.dataset.rule, category: m.dataset.category,
            severity: m.dataset.severity, line: +m.dataset.line, column: +m.dataset.column,
            colour: getComputedStyle(m).backgroundColor,
            text: [...doc.querySelectorAll('pre.source mark[data-diag="' + m.dataset.diag + '"]')]
                  .map(f => f.textContent).join('')})))""",
    )
    key = ("path", "rule", "category", "severity", "line", "column")
    assert sorted(tuple(m[k] for k in key) for m in marks) == sorted(
        tuple(f[k] for k in key) for f in findings
    )
    assert {m["path"] for m in marks} == set(PAGES)
    categories = {f["category"] for f in findings}
    assert len(categories) >= 5, categories  # the pages exercise most categories
    # Category colours are visible (not transparent) and differ between categories.
    colour_of = {m["category"]: m["colour"] for m in marks}
    assert all(c not in ("rgba(0, 0, 0, 0)", "transparent") for c in colour_of.values())
    assert len(set(colour_of.values())) == len(colour_of)
    # A single-line highlight shows exactly the source characters between its columns.
    for m in marks:
        finding = next(f for f in findings if all(f[k] == m[k] for k in key))
        if finding["end_line"] == finding["line"]:
            source_line = PAGES[m["path"]].splitlines()[m["line"] - 1]
            assert m["text"] == source_line[finding["column"] - 1 : finding["end_column"] - 1]

    # Missing disclaimers: one marker per document-level finding.
    missing = page.eval_on_selector_all(
        ".missing-marker",
        "els => els.map(e => [e.closest('section').dataset.path, e.dataset.rule])",
    )
    expected = [(f["path"], f["rule"]) for f in findings if f["category"].startswith("disclaimer-")]
    assert sorted(map(tuple, missing)) == sorted(expected)

    # Summary counts.
    def table(key: str) -> dict[str, int]:
        return page.eval_on_selector_all(
            f"#by-{key} tbody tr",
            f"rows => Object.fromEntries(rows.map(r => [r.dataset['{key}'], +r.dataset.count]))",
        )

    assert {k: v for k, v in table("category").items() if v} == dict(
        Counter(f["category"] for f in findings)
    )
    assert table("rule") == dict(Counter(f["rule"] for f in findings))
    assert table("path") == dict(Counter(f["path"] for f in findings))
    assert page.get_attribute("#total", "data-count") == str(len(findings))

    # Clicking a highlight shows its message, rationale and references.
    first_safety = page.locator('mark.hl-start[data-category="safety"]').first
    first_safety.click()
    panel = page.locator("#popover")
    assert panel.is_visible()
    text = panel.inner_text()
    safety = next(f for f in findings if f["category"] == "safety")
    assert safety["message"] in text and "Why:" in text and "Regulatory basis:" in text
    if safety.get("suggestion"):
        assert "Suggestion:" in text

    # The category filter hides that category's findings and un-highlights its spans.
    page.locator('input[data-filter="cat-safety"]').uncheck()
    assert not page.locator('li.finding[data-category="safety"]').first.is_visible()
    hidden = page.eval_on_selector(
        'mark.hl-start[data-category="safety"]', "m => getComputedStyle(m).backgroundColor"
    )
    assert hidden in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator('li.finding[data-category="efficacy"]').first.is_visible()
    page.locator('input[data-filter="cat-safety"]').check()

    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    page.close()


def test_html_page_reads_as_prose_with_the_source_one_click_away(browser, outputs):
    findings, report = outputs
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(report.as_uri())
    doc = page.locator('section.doc[data-path="routes.html"]')
    view = doc.locator(".page-view")
    assert view.is_visible()
    text = view.inner_text()
    assert "IV ketamine outperforms oral lozenges" in text
    assert "doctype" not in text.lower() and "<html" not in text and "pwned = 1" not in text
    assert doc.locator(".page-view h3").first.inner_text().startswith("IV ketamine")
    assert "<script>window.pwned = 2</script>" in text  # escaped text stays text
    # Each finding of the page is highlighted in the prose, with exactly its words.
    source = PAGES["routes.html"]
    mine = [f for f in findings if f["path"] == "routes.html" and f["line"] == f["end_line"]]
    starts = doc.locator(".page-view mark.hl-start")
    assert starts.count() == len([f for f in findings if f["path"] == "routes.html"])
    for f in mine:
        wanted = source.splitlines()[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
        diag = page.eval_on_selector_all(
            ".page-view mark.hl-start",
            f"""ms => ms.filter(m => m.dataset.rule === "{f["rule"]}" &&
                +m.dataset.line === {f["line"]} && +m.dataset.column === {f["column"]})
                .map(m => m.dataset.diag)""",
        )
        assert len(diag) == 1
        shown = page.eval_on_selector_all(
            f'.page-view mark[data-diag="{diag[0]}"]', "ms => ms.map(m => m.textContent).join('')"
        )
        assert shown == wanted
    # The raw markup is one click away.
    raw = doc.locator("pre.source")
    assert not raw.is_visible()
    doc.locator("details.source-view summary").click()
    assert raw.is_visible() and "<!doctype html>" in raw.inner_text()
    page.close()


def test_counts_follow_filters_and_search(browser, outputs):
    findings, report = outputs
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(report.as_uri())
    total = len(findings)
    safety = [f for f in findings if f["category"] == "safety"]
    assert safety and page.inner_text("#total") == f"{total} findings"
    page.locator('input[data-filter="cat-safety"]').uncheck()
    assert page.inner_text("#total") == f"{total - len(safety)} findings"
    rule = safety[0]["rule"]
    assert page.inner_text(f'#by-rule tr[data-rule="{rule}"] td.num') == "0"
    assert page.inner_text('#by-category tr[data-category="safety"] td.num') == "0"
    page.locator('input[data-filter="cat-safety"]').check()
    assert page.inner_text("#total") == f"{total} findings"

    # The search box keeps the findings whose text, rule or file matches.
    page.fill("#search", "note.txt")
    in_note = [f for f in findings if f["path"] == "note.txt"]
    assert page.inner_text("#total") == f"{len(in_note)} finding" + (
        "s" if len(in_note) != 1 else ""
    )
    visible = page.eval_on_selector_all(
        "li.finding", "ls => ls.filter(l => l.offsetParent !== null).length"
    )
    assert visible == len(in_note)
    assert page.inner_text('#by-path tr[data-path="clinic.md"] td.num') == "0"
    page.fill("#search", "")
    assert page.inner_text("#total") == f"{total} findings"

    # Regulatory references that have an address are links.
    links = page.eval_on_selector_all(".references a", "as => as.map(a => a.href)")
    assert any(h.startswith("https://www.ecfr.gov/current/title-21/") for h in links), links
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-page-view.png"), full_page=True)
    page.close()


def test_report_prints(browser, outputs):
    _, report = outputs
    page = browser.new_page()
    page.goto(report.as_uri())
    page.emulate_media(media="print")
    assert not page.locator("nav.filters").is_visible()
    assert page.locator("mark.hl-start").first.is_visible()
    assert page.pdf()[:4] == b"%PDF"
    page.close()
