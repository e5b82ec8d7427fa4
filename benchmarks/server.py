"""Latency of `claimlint server`: one-line edit -> updated diagnostics, on a warm server.

    python benchmarks/server.py [--edits 30] [--json OUT]

Starts `claimlint server --debounce-ms 0` (so the figure is the lint and the protocol, not the
editor's typing pause), opens a generated 1,000-word and a 10,000-word Markdown page, makes a
few warm-up edits, then times `--edits` one-line edits on each: from sending didChange (an
incremental edit, as editors send) to the publishDiagnostics of that version. Medians are
compared with the targets of issue 17 (50 ms and 200 ms).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

from claimlint.server.client import LspClient

HERE = Path(__file__).resolve().parent
TARGETS_MS = {1000: 50.0, 10000: 200.0}


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claimlint_bench_generate", HERE / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def page(gen: ModuleType, words: int, seed: int) -> str:
    return gen.single_page(seed, words) if words <= 2000 else gen.big_markdown(seed, words)


def prose_lines(text: str) -> list[int]:
    """0-based lines that hold running text (not front matter, headings, fences or tables)."""
    lines = text.split("\n")
    body = text.split("\n---\n", 1)[0].count("\n") + 2 if text.startswith("---") else 0
    return [
        i
        for i, line in enumerate(lines)
        if i >= body and len(line) > 40 and line[0].isalpha() and "|" not in line
    ]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    client: LspClient, uri: str, text: str, edits: int, warmup: int
) -> tuple[list[float], float]:
    """Milliseconds from each edit (a sentence typed at the end of a line) to its diagnostics,
    and the server's mean CPU milliseconds per timed edit (what an idle machine would wait)."""
    candidates = prose_lines(text)
    lines = text.split("\n")
    version, times = 1, []
    cpu = 0.0
    for n in range(warmup + edits):
        if n == warmup:
            cpu = cpu_seconds(client.proc.pid)
        line = candidates[(n * 7) % len(candidates)]
        end = len(lines[line].encode("utf-16-le")) // 2
        typed = f" Call us on day {n}."  # every edit makes a text the server has not seen
        span = {"start": {"line": line, "character": end}, "end": {"line": line, "character": end}}
        change = {"range": span, "text": typed}
        lines[line] += typed
        version += 1
        since = client.mark()
        sent = time.perf_counter()
        client.change(uri, version, [change])
        index, _ = client.wait_for(
            "textDocument/publishDiagnostics",
            lambda p, v=version: p.get("uri") == uri and p.get("version") == v,
            since=since,
            timeout=60,
        )
        if n >= warmup:
            times.append((client.arrivals[index] - sent) * 1000)
    return times, (cpu_seconds(client.proc.pid) - cpu) * 1000 / max(edits, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=30, help="timed edits per page")
    parser.add_argument("--warmup", type=int, default=4, help="untimed edits first")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="also write settings and every timing here")
    args = parser.parse_args(argv)
    gen = load_generator()
    client = LspClient([sys.executable, "-m", "claimlint", "server", "--debounce-ms", "0"])
    results = {}
    try:
        started = time.perf_counter()
        client.initialize(Path.cwd())
        ready = time.perf_counter() - started
        for words in TARGETS_MS:
            text = page(gen, words, args.seed)
            uri = f"file:///bench/page-{words}.md"
            since = client.mark()
            client.open(uri, text, "markdown")
            found = client.diagnostics(uri, version=1, since=since, timeout=120)
            times, cpu_ms = measure(client, uri, text, args.edits, args.warmup)
            results[words] = {
                "words": len(text.split()),
                "findings": len(found),
                "median_ms": statistics.median(times),
                "p90_ms": sorted(times)[int(len(times) * 0.9) - 1],
                "server_cpu_ms_per_edit": cpu_ms,
                "runs_ms": times,
            }
    finally:
        client.close()
    print(
        f"claimlint server latency, one-line edit -> diagnostics (debounce 0, {args.edits} edits)"
    )
    print(f"server start + initialize (pipeline built): {ready:.2f} s")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} CPUs, load average {load:.1f} (wall times grow with the load)")
    print(
        f"{'page':>22} {'findings':>9} {'median':>10} {'p90':>10} {'server CPU':>11} "
        f"{'target':>8}  result"
    )
    missed = 0
    for words, row in results.items():
        ok = row["median_ms"] <= TARGETS_MS[words]
        missed += not ok
        print(
            f"{row['words']:>11,}-word page {row['findings']:>9} {row['median_ms']:>7.1f} ms "
            f"{row['p90_ms']:>7.1f} ms {row['server_cpu_ms_per_edit']:>8.1f} ms "
            f"{TARGETS_MS[words]:>5.0f} ms  {'PASS' if ok else 'MISS'}"
        )
    if args.json:
        meta = {"python": platform.python_version(), "edits": args.edits, "seed": args.seed}
        Path(args.json).write_text(json.dumps({"settings": meta, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
