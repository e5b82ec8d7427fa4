#!/usr/bin/env python3
"""Write the benchmark site (generate.py's pages) as a WARC file of HTTP response records.

Each page becomes a `response` record for https://clinic.example/<its path>, served as
text/html, text/markdown or text/plain with charset=utf-8, so `claimlint audit` on the WARC
must find exactly what `claimlint check` finds on the same pages written as files.

    python benchmarks/warc_generate.py --docs 1000 --out /tmp/site.warc.gz --seed 1
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

BASE = "https://clinic.example/"
TYPES = {".html": "text/html", ".md": "text/markdown", ".txt": "text/plain"}


def load_generator() -> ModuleType:
    """generate.py, beside this file (the benchmarks are scripts, not a package)."""
    path = Path(__file__).with_name("generate.py")
    spec = importlib.util.spec_from_file_location("claimlint_bench_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def url_of(rel: str) -> str:
    return BASE + rel


def write_warc(out: Path, docs: int, seed: int, *, files: Path | None = None) -> int:
    """Write `docs` pages to the WARC at `out` (gzip when it ends in .gz); with `files`, also
    write each page there as a file (the reference for comparisons). Returns the page count."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = load_generator().iter_pages(docs, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as handle:
        writer = WARCWriter(handle, gzip=out.name.endswith(".gz"))
        for rel, text in pages:
            body = text.encode("utf-8")
            kind = TYPES.get(Path(rel).suffix, "text/plain")
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", f"{kind}; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url_of(rel), "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
            if files is not None:
                path = files / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(body)
    return len(pages)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="number of pages (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="the WARC file (.warc or .warc.gz)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--files", type=Path, help="also write the pages as files here")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    start = time.perf_counter()
    count = write_warc(args.out, args.docs, args.seed, files=args.files)
    size = args.out.stat().st_size
    print(
        f"wrote {count} records ({size:,} bytes) to {args.out} in "
        f"{time.perf_counter() - start:.1f} s (seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
