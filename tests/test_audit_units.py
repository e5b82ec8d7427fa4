"""The audit's pure parts: sitemap parsing, the per-host politeness gate, source planning."""

from __future__ import annotations

import gzip
import threading

import pytest

from claimlint.audit.fetch import HostGate
from claimlint.audit.plan import is_url, read_url_list
from claimlint.audit.sitemaps import SitemapError, looks_like_sitemap, parse_sitemap
from claimlint.audit.units import FILE, Unit, make_shards, url_key

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def test_a_urlset_and_an_index_plain_and_gzipped() -> None:
    urlset = f"<urlset {NS}><url><loc> https://a.example/x </loc></url><url><loc>https://a.example/y</loc></url></urlset>"
    assert parse_sitemap(urlset.encode()).pages == ["https://a.example/x", "https://a.example/y"]
    index = f"<sitemapindex {NS}><sitemap><loc>https://a.example/s1.xml.gz</loc></sitemap></sitemapindex>"
    parsed = parse_sitemap(gzip.compress(index.encode()))
    assert parsed.children == ["https://a.example/s1.xml.gz"] and parsed.pages == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<html><body>not a sitemap</body></html>", "root element <html>"),
        (b"<urlset><url><loc>x</loc>", "not well-formed"),
        (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><urlset>&a;</urlset>', "DOCTYPE"),
        (b"\x1f\x8bnot really gzip", "not valid gzip"),
    ],
)
def test_bad_sitemaps_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(SitemapError, match=reason):
        parse_sitemap(data)


def test_which_urls_are_sitemaps() -> None:
    assert looks_like_sitemap("https://a.example/sitemap.xml")
    assert looks_like_sitemap("https://a.example/s/pages.XML.gz?v=2")
    assert not looks_like_sitemap("https://a.example/page.html")
    assert is_url("ftp://a.example/x") and not is_url("site/page.html")


def test_the_gate_spaces_the_starts_of_requests_to_one_host() -> None:
    now = [100.0]
    waits: list[float] = []
    gate = HostGate(per_host=1, delay=0.5, clock=lambda: now[0], sleep=waits.append)
    assert [gate.reserve() for _ in range(3)] == [0.0, 0.5, 1.0]
    now[0] = 105.0  # long after: no wait
    assert gate.reserve() == 0.0
    with gate:
        pass
    assert waits == [0.5]  # the request right after the last one waits its turn


def test_the_gate_bounds_concurrent_requests() -> None:
    gate = HostGate(per_host=2, delay=0.0)
    entered = threading.Semaphore(0)
    release = threading.Event()
    inside, peak, lock = [0], [0], threading.Lock()

    def request() -> None:
        with gate:
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            entered.release()
            release.wait(10)
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=request) for _ in range(5)]
    for thread in threads:
        thread.start()
    assert entered.acquire(timeout=10) and entered.acquire(timeout=10)
    assert not entered.acquire(timeout=0.2)  # a third request waits for a free slot
    release.set()
    for thread in threads:
        thread.join(10)
    assert peak[0] == 2


def test_url_lists_and_other_text_files(tmp_path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("# pages\nhttps://a.example/x\n\nhttps://a.example/sitemap.xml\n")
    assert read_url_list(str(listing)) == ["https://a.example/x", "https://a.example/sitemap.xml"]
    page = tmp_path / "page.txt"
    page.write_text("Ketamine cures depression.\nhttps://a.example/x\n")
    assert read_url_list(str(page)) is None  # a page to lint, not a list


def test_shards_are_deterministic_and_their_digest_follows_their_pages() -> None:
    units = [Unit("s", FILE, f"p{i}.md") for i in range(7)]
    shards = make_shards(units, 3)
    assert [len(s.units) for s in shards] == [3, 3, 1]
    assert [s.digest for s in make_shards(units, 3)] == [s.digest for s in shards]
    changed = make_shards(units[:5] + [Unit("s", FILE, "other.md")] + units[6:], 3)
    assert [a.digest == b.digest for a, b in zip(shards, changed, strict=True)] == [
        True,
        False,
        True,
    ]
    assert url_key("https://A.example/blog/post/") == "a.example/blog/post"
