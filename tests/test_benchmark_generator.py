"""Tests for benchmarks/generate.py: deterministic output, realistic mix, bounded page sizes.

The benchmark figures are only comparable across commits if the generated site is identical for
a seed, and only meaningful if the pages look like a real clinic site.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
from script_helpers import load_script_file

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
DOCS = 20
SEED = 7


def load_generator() -> ModuleType:
    """Import the generator by path: benchmarks/ is a folder of scripts, not a package."""
    return load_script_file(GENERATOR, "claimlint_bench_generate_test")


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    return load_generator()


@pytest.fixture(scope="module")
def site(gen: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("site")
    gen.generate_site(out, DOCS, SEED)
    return tree(out)


def test_same_seed_gives_identical_tree_and_bytes(
    gen: ModuleType, site: dict[str, bytes], tmp_path: Path
) -> None:
    gen.generate_site(tmp_path, DOCS, SEED)
    again = tree(tmp_path)
    assert sorted(again) == sorted(site)
    assert again == site


def test_different_seed_gives_different_site(
    gen: ModuleType, site: dict[str, bytes], tmp_path: Path
) -> None:
    gen.generate_site(tmp_path, DOCS, SEED + 1)
    assert tree(tmp_path) != site


def test_writes_the_requested_number_of_files(site: dict[str, bytes]) -> None:
    assert len(site) == DOCS


def test_every_page_has_300_to_2500_words(site: dict[str, bytes]) -> None:
    counts = {path: len(data.decode("utf-8").split()) for path, data in site.items()}
    assert all(300 <= n <= 2500 for n in counts.values()), counts


def test_total_words_scale_near_1000_per_page(gen: ModuleType) -> None:
    total = sum(len(text.split()) for _, text in gen.iter_pages(200, 1))
    assert 170_000 < total < 240_000


def test_mix_of_markdown_html_and_text(site: dict[str, bytes]) -> None:
    suffixes = {Path(path).suffix for path in site}
    assert suffixes == {".md", ".html", ".txt"}


def test_pages_live_in_nested_folders(site: dict[str, bytes]) -> None:
    assert any(path.count("/") >= 2 for path in site)


def test_html_pages_carry_site_boilerplate(site: dict[str, bytes]) -> None:
    pages = [data.decode("utf-8") for path, data in site.items() if path.endswith(".html")]
    assert pages
    for page in pages:
        for tag in ("<head>", "<title>", "<script", "<style>", "<nav", "<footer", "</html>"):
            assert tag in page


def test_markdown_pages_have_front_matter(site: dict[str, bytes]) -> None:
    pages = [data.decode("utf-8") for path, data in site.items() if path.endswith(".md")]
    assert pages
    for page in pages:
        front = re.match(r"---\n(.*?)\n---\n", page, re.S)
        assert front, page[:200]
        assert re.search(r"^title: \".+\"$", front.group(1), re.M)
        assert re.search(r"^description: \".+\"$", front.group(1), re.M)
        assert re.search(r"^tags:", front.group(1), re.M)


def test_pages_contain_every_kind_of_statement(gen: ModuleType) -> None:
    text = "\n".join(text for _, text in gen.iter_pages(100, 1))
    for marker in (
        "call or text 988",  # crisis resource
        "suicid",  # suicide mention
        "et al., ",  # author-year citation
        "https://doi.org/",  # DOI link
        "results vary",  # hedge
        "not FDA-approved",  # correct FDA statement
        "FDA-approved for depression",  # incorrect FDA statement
        "more effective than",  # route comparison
        "completely safe",  # absolute safety claim
        "within hours",  # unsupported efficacy claim
        "“",  # testimonial quotes
    ):
        assert marker in text, marker
    assert re.search(r"\[\d\]", text)  # footnote marker


def test_single_page_is_about_the_requested_length(gen: ModuleType) -> None:
    page = gen.single_page(1, 1000)
    assert 800 <= len(page.split()) <= 1300
    assert page.startswith("---\n")


def test_big_markdown_is_one_document_with_one_front_matter(gen: ModuleType) -> None:
    text = gen.big_markdown(1, 20_000)
    assert len(text.split()) >= 20_000
    assert text.startswith("---\n")
    assert len(re.findall(r"^title: ", text, re.M)) == 1


def test_cli_prints_a_one_line_summary(
    gen: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    assert gen.main(["--docs", "5", "--out", str(out), "--seed", "3"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    assert "5 files" in lines[0] and "words" in lines[0]


def test_cli_refuses_a_non_empty_directory(gen: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    assert gen.main(["--docs", "2", "--out", str(tmp_path)]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]
