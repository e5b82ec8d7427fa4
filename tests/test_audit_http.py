"""claimlint audit against a real HTTP server on 127.0.0.1: sitemaps (index, gzip), robots.txt,
the reasons a page is not linted, and findings equal to `claimlint check` on the same pages."""

from __future__ import annotations

import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from audit_helpers import check_keys, finding_keys, load_script, rows
from click.testing import CliRunner

from claimlint.cli import cli

pytest.importorskip("httpx")

TYPES = {".html": "text/html; charset=utf-8", ".md": "text/markdown", ".txt": "text/plain"}
LATIN1 = "<html><body><p>Notre kétamine guérit la dépression. Ketamine cures depression.</p>"


class Site:
    """Routes -> (status, headers, body); every request is logged."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.log: list[str] = []
        self.release = threading.Event()  # lets the slow page finish at teardown
        self.base = ""


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            site.log.append(self.path)
            if self.path == "/slow.html":
                site.release.wait(30)  # bounded: the client gives up long before
            if self.path == "/huge-streamed.html":  # no Content-Length: the client must stop
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                try:
                    for _ in range(100):
                        self.wfile.write(b"<p>padding text that goes on and on</p>\n" * 250)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            status, headers, body = site.routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                port = site.base.rsplit(":", 1)[1]
                self.send_header(name, value.replace("{base}", site.base).replace("{port}", port))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def urlset(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    ).encode()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A ~50-page site: 42 generated pages plus every kind of trouble, and the same pages as
    files for comparison."""
    gen = load_script("generate")
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    files = tmp_path_factory.mktemp("files")
    good = []
    for rel, text in gen.iter_pages(42, 7):
        suffix = Path(rel).suffix
        site.routes["/" + rel] = (200, {"Content-Type": TYPES[suffix]}, text.encode())
        (files / rel).parent.mkdir(parents=True, exist_ok=True)
        (files / rel).write_text(text, encoding="utf-8")
        good.append(site.base + "/" + rel)
    trouble = {
        "/missing.html": "HTTP 404",
        "/brochure.pdf": "not HTML or text (content type application/pdf)",
        "/loop-a": "redirect loop",
        "/huge.html": "too large",
        "/huge-streamed.html": "too large (more than 200000 bytes)",
        "/slow.html": "timeout",
        "/private/secret.html": "disallowed by robots.txt",
        "/elsewhere": "redirects to another host",
        "/error.html": "HTTP 500",
    }
    site.routes["/brochure.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 x")
    site.routes["/loop-a"] = (302, {"Location": "/loop-b"}, b"")
    site.routes["/loop-b"] = (301, {"Location": "{base}/loop-a"}, b"")
    site.routes["/huge.html"] = (200, {"Content-Type": "text/html"}, b"<p>x</p>" * 40_000)
    site.routes["/private/secret.html"] = (200, {"Content-Type": "text/html"}, b"<p>secret</p>")
    site.routes["/elsewhere"] = (302, {"Location": "http://localhost:{port}/x"}, b"")
    site.routes["/error.html"] = (500, {"Content-Type": "text/html"}, b"oops")
    site.routes["/latin1.html"] = (
        200,
        {"Content-Type": "text/html; charset=ISO-8859-1"},
        LATIN1.encode("latin-1"),
    )
    site.routes["/robots.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nDisallow: /private/\n",
    )
    special = [site.base + path for path in trouble] + [site.base + "/latin1.html"]
    half = len(good) // 2
    site.routes["/sitemap-a.xml"] = (200, {"Content-Type": "application/xml"}, urlset(good[:half]))
    site.routes["/sitemap-b.xml.gz"] = (
        200,
        {"Content-Type": "application/gzip"},
        gzip.compress(urlset(good[half:] + special)),
    )
    index = "".join(
        f"<sitemap><loc>{site.base}/{name}</loc></sitemap>"
        for name in ("sitemap-a.xml", "sitemap-b.xml.gz", "sitemap-gone.xml")
    )
    site.routes["/sitemap_index.xml"] = (
        200,
        {"Content-Type": "application/xml"},
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>'.encode(),
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, files, good, trouble
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
        thread.join(10)


def audit(*args: str):
    return CliRunner().invoke(cli, ["audit", "--isolated", "--delay", "0", *args])


@pytest.fixture(scope="module")
def site_audit(served, tmp_path_factory):
    site, files, good, trouble = served
    out = tmp_path_factory.mktemp("audit") / "out"
    result = audit(
        site.base + "/sitemap_index.xml",
        "-o",
        str(out),
        "--jobs",
        "1",
        "--timeout",
        "2",
        "--max-bytes",
        "200000",
        "--shard-size",
        "8",
    )
    return result, out


def test_every_url_is_accounted_for_with_its_reason(served, site_audit) -> None:
    site, _, good, trouble = served
    result, out = site_audit
    assert result.exit_code == 1, result.output  # findings
    pages = {row["url"]: row for row in rows(out, "pages")}
    assert len(pages) == len(good) + len(trouble) + 1 == 52
    for url in good + [site.base + "/latin1.html"]:
        assert pages[url]["outcome"] == "linted", pages[url]
        assert pages[url]["status"] == 200 and len(pages[url]["sha256"]) == 64
    for path, reason in trouble.items():
        row = pages[site.base + path]
        assert row["outcome"] == "skipped" and row["reason"].startswith(reason), row
    assert pages[site.base + "/missing.html"]["status"] == 404
    assert "sitemap-gone.xml: HTTP 404" in result.output


def test_it_requests_only_what_it_was_given(served, site_audit) -> None:
    site, _, good, trouble = served
    requested = set(site.log)
    assert "/private/secret.html" not in requested  # robots.txt said no
    assert "/x" not in requested  # the other host's address was never requested
    given = {u.removeprefix(site.base) for u in good} | set(trouble) | {"/latin1.html"}
    sitemaps = {"/sitemap_index.xml", "/sitemap-a.xml", "/sitemap-b.xml.gz", "/sitemap-gone.xml"}
    assert requested <= given | sitemaps | {"/robots.txt", "/loop-b"}
    assert site.log.count("/robots.txt") == 1


def test_findings_equal_check_on_the_same_pages_as_files(served, site_audit) -> None:
    site, files, _, _ = served
    _, out = site_audit
    findings = [f for f in rows(out, "findings") if not f["url"].endswith("/latin1.html")]
    assert findings
    assert finding_keys(findings, site.base + "/") == check_keys(files)


def test_the_declared_charset_decodes_the_page(served, site_audit) -> None:
    site, _, _, _ = served
    _, out = site_audit
    excerpts = [f["excerpt"] for f in rows(out, "findings") if f["url"].endswith("/latin1.html")]
    assert any("guérit" in e for e in excerpts) or any("cures" in e for e in excerpts)
    assert not any("\ufffd" in e or "Ã" in e for e in excerpts)


def test_the_summary_is_self_contained_and_complete(site_audit) -> None:
    _, out = site_audit
    report = (out / "summary.html").read_text(encoding="utf-8")
    for caption in ("Findings by site", "Findings by rule", "Findings by category", "Worst pages"):
        assert caption in report
    assert "127.0.0.1" in report and "redirect loop" in report
    assert "<script" not in report and "http-equiv" not in report and "<link" not in report


def test_a_url_list_file_and_an_unsupported_scheme(served, tmp_path) -> None:
    site, _, good, _ = served
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# two pages\n{good[0]}\n\nftp://127.0.0.1/file.html\n{good[0]}\n")
    out = tmp_path / "out"
    result = audit(str(listing), "-o", str(out), "--jobs", "1")
    assert result.exit_code in (0, 1), result.output
    pages = rows(out, "pages")
    assert [p["url"] for p in pages] == [good[0], "ftp://127.0.0.1/file.html"]
    assert pages[1]["reason"].startswith("unsupported scheme 'ftp'")
