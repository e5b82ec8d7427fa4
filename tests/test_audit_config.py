"""Configuration applies to audited pages as in `check`: select/ignore, extra packs, and
per-file-ignores / provided-disclaimers globs that match a page's host/path."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from audit_helpers import rows
from click.testing import CliRunner

from claimlint.cli import cli

pytest.importorskip("warcio")

PAGE = (
    "<html><body><h1>Ketamine for depression</h1><p>Ketamine cures depression in days.</p>"
    "<p>Our infusions are completely safe with no side effects.</p>{extra}</body></html>"
)
URLS = (
    "https://clinic-a.example/blog/post.html",
    "https://clinic-a.example/services/ketamine.html",
    "https://clinic-b.example/blog/post.html",
)
PACK = """\
pack: {name: acme}
lexicons:
  zentrova: {terms: [zentrova], lemma: false}
  clarity: {terms: [unfog], lemma: true}
rules:
  - id: ACME101
    name: zentrova-clarity-claim
    category: efficacy
    severity: warning
    summary: Zentrova is said to clear the mind.
    message: 'Zentrova clarity claim: "{excerpt}"'
    match: {all: [zentrova, clarity], within: 10}
    anchor: clarity
    unless: [negation, hedge, question]
    examples:
      flag: ["Zentrova unfogs a tired mind."]
      pass: ["Zentrova may unfog a tired mind for some adults."]
"""


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for url in URLS:
            body = PAGE.format(extra="<p>Zentrova unfogs a tired mind.</p>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )


def found(out: Path) -> set[tuple[str, str]]:
    return {(f["url"], f["rule"]) for f in rows(out, "findings")}


@pytest.fixture(scope="module")
def warc(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cfg") / "pages.warc"
    write_warc(path)
    return path


def audit(*args: str):
    return CliRunner().invoke(cli, ["audit", "-q", "-j", "1", *args])


def test_globs_match_pages_by_site_and_path(warc: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    assert audit(str(warc), "-o", str(plain), "--isolated").exit_code == 1
    config = tmp_path / "audit.yaml"
    config.write_text(
        'per-file-ignores:\n  "clinic-a.example/blog/**": [efficacy]\n'
        'provided-disclaimers:\n  "clinic-a.example/services/**": [disclaimer-fda]\n'
        "ignore: [safety]\n",
        encoding="utf-8",
    )
    out = tmp_path / "configured"
    result = audit(str(warc), "-o", str(out), "--config", str(config))
    assert result.exit_code == 1, result.output
    a_blog, a_services, b_blog = URLS
    before, after = found(plain), found(out)
    assert {(a_blog, "CL103"), (a_services, "CL301"), (b_blog, "CL401")} <= before
    assert (a_blog, "CL103") not in after and (b_blog, "CL103") in after  # only site a's blog
    assert (a_services, "CL301") not in after and (a_blog, "CL301") in after
    assert not any(rule == "CL401" for _, rule in after)  # ignore applies everywhere


def test_select_and_extra_packs_apply(warc: Path, tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "acme.yaml").write_text(PACK, encoding="utf-8")
    out = tmp_path / "out"
    result = audit(
        str(warc), "-o", str(out), "--isolated", "--rules", str(packs), "--select", "ACME101,CL301"
    )
    assert result.exit_code == 1, result.output
    assert {rule for _, rule in found(out)} == {"ACME101", "CL301"}


def test_a_selector_naming_no_rule_is_a_configuration_error(warc: Path, tmp_path: Path) -> None:
    result = audit(str(warc), "-o", str(tmp_path / "out"), "--isolated", "--select", "CL999")
    assert result.exit_code == 2 and "names no rule" in result.output
    assert not (tmp_path / "out").exists()  # nothing started
