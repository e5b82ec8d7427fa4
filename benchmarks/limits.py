"""Time and peak memory of one `claimlint check` on one big document: prose of 1, 5, 20 and
50 MB, and runs of 10k/20k/40k end-punctuation characters. Shows whether time grows linearly
with the input and whether memory stays bounded.

    python benchmarks/limits.py [--sizes 1,5,20,50] [--runs 10000,20000,40000]
                                [--formats json,text,sarif,html,github,junit,gitlab]
                                [--html-sizes 20] [--html-formats json,html]
                                [--unicode-sizes 64] [--out FILE]

Each document is linted by a fresh `claimlint check --no-cache --format FORMAT` process (the
report written to a file), started through peak.py (see run.py), so the peak memory is that
process's own. Punctuation runs use the first format only; the HTML rows lint one big page
made of the generated site's HTML pages (the first format unless --html-formats says).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import claimlint, claimlint_env, run_measured  # noqa: E402

PUNCTUATION = {".": "full stops", "!?": "'!?' pairs", "…": "ellipses"}


def prose(megabytes: int, work: Path) -> Path:
    """A Markdown document of about `megabytes` MB made of a generated site's pages."""
    site = work / "site"
    if not site.exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--docs", "60", "--out", str(site)],
            check=True,
            capture_output=True,
        )
    pages = [p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.md"))]
    body = "\n\n".join(page.split("---", 2)[-1] for page in pages)
    path = work / f"prose-{megabytes}mb.md"
    target = megabytes << 20
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < target:
            out.write(body + "\n\n")
            written += len(body.encode()) + 2
    return path


def unicode_prose(megabytes: int, work: Path) -> Path:
    """The prose of `prose`, at most `megabytes` MB (64: the largest file claimlint reads),
    with text Python cannot store at one byte a character: curly quotes for straight ones,
    and after every paragraph a few CJK words and an emoji (above U+FFFF, so a decoded str of
    this document takes 4 bytes a character)."""
    site = work / "site"
    if not site.exists():
        prose(1, work)  # generates the site
    pages = [p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.md"))]
    body = "\n\n".join(page.split("---", 2)[-1] for page in pages)
    paragraphs = []
    for paragraph in body.split("\n\n"):
        if paragraph[:1].isalpha():
            quoted = paragraph.replace(' "', " \u201c").replace('" ', "\u201d ")
            paragraph = quoted + " \u6771\u4eac\u306e\u8a3a\u7642\u6240 \U0001f600"
        paragraphs.append(paragraph)
    data = ("\n\n".join(paragraphs) + "\n\n").encode("utf-8")
    path = work / f"unicode-{megabytes}mb.md"
    target = megabytes << 20
    with path.open("wb") as out:
        written = 0
        while written + len(data) <= target:
            out.write(data)
            written += len(data)
        out.write(data[: data.rfind(b"\n\n", 0, target - written) + 2])
    return path


def html_page(megabytes: int, work: Path) -> Path:
    """One HTML page of about `megabytes` MB: the bodies of a generated site's HTML pages, one
    after the other inside one <html> (head, scripts and styles of each page kept in its body
    part), as a long single-page site would be."""
    site = work / "site"
    if not site.exists():
        prose(1, work)  # generates the site
    bodies = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        start = text.find("<body")
        end = text.rfind("</body>")
        bodies.append(text[text.find(">", start) + 1 : end] if start >= 0 and end > start else text)
    body = "\n".join(bodies)
    path = work / f"page-{megabytes}mb.html"
    target = megabytes << 20
    with path.open("w", encoding="utf-8") as out:
        head = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>One long page</title>\n</head>\n'
        out.write(head + "<body>\n")
        written = len(head)
        while written < target:
            out.write(body + "\n")
            written += len(body.encode()) + 1
        out.write("</body>\n</html>\n")
    return path


def punctuation(unit: str, count: int, work: Path) -> Path:
    path = work / f"run-{count}-{len(unit)}-{ord(unit[0])}.md"
    path.write_text(f"Ketamine cures depression. {unit * count} Next sentence.\n", "utf-8")
    return path


def measure(path: Path, env: dict[str, str], fmt: str = "json") -> tuple[float, float | None, int]:
    report = path.with_suffix(f".{fmt}.out")
    command = claimlint("--no-cache", "--format", fmt, "--output-file", str(report), str(path))
    run = run_measured(command, env=env)
    report.unlink(missing_ok=True)
    return run.seconds, run.peak_mb, run.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,20,50", help="prose sizes in MB")
    parser.add_argument("--runs", default="10000,20000,40000", help="punctuation run lengths")
    parser.add_argument(
        "--formats", default="json", help="output formats, e.g. json,text,sarif,html"
    )
    parser.add_argument(
        "--html-sizes", default="20", help="sizes in MB of one big HTML page (first format)"
    )
    parser.add_argument(
        "--html-formats", default="", help="formats for the HTML page (default: the first)"
    )
    parser.add_argument(
        "--unicode-sizes",
        default="",
        help="sizes in MB of prose with curly quotes, CJK words and an emoji a paragraph "
        "(64: the input limit), in every format",
    )
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    env, _ = claimlint_env()
    formats = [f for f in args.formats.split(",") if f]
    rows = [
        "| input | format | size | seconds | s per MB | peak MB | exit |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for unit, name in PUNCTUATION.items():
            for count in (int(n) for n in args.runs.split(",") if n):
                path = punctuation(unit, count, work)
                seconds, peak, code = measure(path, env, formats[0])
                size = path.stat().st_size / (1 << 20)
                rows.append(
                    f"| {count:,} {name} | {formats[0]} | {size:.2f} MB | {seconds:.2f} "
                    f"| {seconds / size:.1f} | {peak or 0:.0f} | {code} |"
                )
                print(rows[-1], flush=True)
        for megabytes in (int(n) for n in args.sizes.split(",") if n):
            path = prose(megabytes, work)
            size = path.stat().st_size / (1 << 20)
            for fmt in formats:
                seconds, peak, code = measure(path, env, fmt)
                rows.append(
                    f"| prose | {fmt} | {size:.1f} MB | {seconds:.1f} | {seconds / size:.1f} "
                    f"| {peak or 0:.0f} | {code} |"
                )
                print(rows[-1], flush=True)
        for megabytes in (int(n) for n in args.unicode_sizes.split(",") if n):
            path = unicode_prose(megabytes, work)
            size = path.stat().st_size / (1 << 20)
            for fmt in formats:
                seconds, peak, code = measure(path, env, fmt)
                rows.append(
                    f"| non-ASCII prose | {fmt} | {size:.1f} MB | {seconds:.1f} "
                    f"| {seconds / size:.1f} | {peak or 0:.0f} | {code} |"
                )
                print(rows[-1], flush=True)
        html_formats = [f for f in args.html_formats.split(",") if f] or formats[:1]
        for megabytes in (int(n) for n in args.html_sizes.split(",") if n):
            path = html_page(megabytes, work)
            size = path.stat().st_size / (1 << 20)
            for fmt in html_formats:
                seconds, peak, code = measure(path, env, fmt)
                rows.append(
                    f"| HTML page | {fmt} | {size:.1f} MB | {seconds:.1f} | {seconds / size:.1f} "
                    f"| {peak or 0:.0f} | {code} |"
                )
                print(rows[-1], flush=True)
    table = "\n".join(rows)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
