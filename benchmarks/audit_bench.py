#!/usr/bin/env python3
"""Pages per second of `claimlint audit` over a generated WARC: local pool vs Dask.

Writes a WARC of the benchmark site (warc_generate.py; 1,000 pages by default), then runs, in
turn and `--repeat` times, fresh `claimlint audit` processes with the local engine (2
processes) and with Dask on a LocalCluster of 1 and of 2 single-threaded worker processes.
Two rates per run:

- lint: pages / seconds from the first shard handed to the engine to the last one stored,
  as `claimlint audit` reports it (the pool or cluster is up and every worker has built its
  pipeline by then);
- end to end: pages / wall-clock seconds of the whole process (start-up, scanning the WARC,
  starting the pool or cluster, writing the summary);
- CPU seconds of the process and every child it reaped (the workers): what the machine
  spent on the run, whatever else it was running.

Figures are medians. Every run must produce the same findings. Targets: Dask with 2 workers
at least 1.6x Dask with 1 worker, and within 15% of the local pool (lint rates).

    python benchmarks/audit_bench.py --docs 1000 --repeat 3 --json /tmp/audit-bench.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
RATE = re.compile(r"linted (\d+) pages in ([\d.]+) s")
CONFIGS = {
    "local, 2 processes": ["--engine", "local", "--jobs", "2"],
    "dask, 1 worker": ["--engine", "dask", "--jobs", "1"],
    "dask, 2 workers": ["--engine", "dask", "--jobs", "2"],
}


def load_warc_generator():  # noqa: ANN201 - a module
    import importlib.util

    spec = importlib.util.spec_from_file_location("warc_generate", HERE / "warc_generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def claimlint_env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(HERE.parent / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def findings_digest(out: Path) -> str:
    digest = hashlib.sha256()
    for part in sorted((out / "findings").glob("part-*")):
        digest.update(part.read_bytes())
    return digest.hexdigest()[:16]


def run_once(warc: Path, args: list[str], shard_size: int, work: Path) -> dict:
    out = work / "out"
    command = [
        sys.executable,
        "-m",
        "claimlint",
        "audit",
        "--isolated",
        "--fresh",
        str(warc),
        "-o",
        str(out),
        "--shard-size",
        str(shard_size),
        *args,
    ]
    started = time.perf_counter()
    with tempfile.TemporaryFile(mode="w+") as err:
        proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=err, env=claimlint_env(), cwd=work
        )
        _, status, usage = os.wait4(proc.pid, 0)  # CPU of the process and every reaped child
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read()
    match = RATE.search(stderr)
    if proc.returncode not in (0, 1) or not match:
        raise RuntimeError(f"{' '.join(command)} failed ({proc.returncode}):\n{stderr}")
    pages, seconds = int(match.group(1)), float(match.group(2))
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "pages": pages,
        "lint_s": seconds,
        "wall_s": wall,
        "cpu_s": cpu,
        "findings": findings_digest(out),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shard-size", type=int, default=25)
    parser.add_argument("--warc", type=Path, help="use (or write) this WARC")
    parser.add_argument("--json", type=Path, help="also write every run as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimlint-audit-bench-") as tmp:
        work = Path(tmp)
        warc = args.warc or work / "site.warc.gz"
        if not warc.exists():
            load_warc_generator().write_warc(warc, args.docs, args.seed)
        runs: dict[str, list[dict]] = {name: [] for name in CONFIGS}
        for round_ in range(args.repeat):
            for name, extra in CONFIGS.items():  # interleaved: load drift hits every config
                run = run_once(warc, extra, args.shard_size, work)
                runs[name].append(run)
                print(
                    f"round {round_ + 1} {name}: {run['pages'] / run['lint_s']:.1f} pages/s "
                    f"lint, {run['pages'] / run['wall_s']:.1f} end to end, "
                    f"{run['cpu_s']:.1f} CPU s (load {os.getloadavg()[0]:.1f})",
                    file=sys.stderr,
                )
    digests = {run["findings"] for config in runs.values() for run in config}
    figures = {}
    for name, config in runs.items():
        pages = config[0]["pages"]
        figures[name] = {
            "pages": pages,
            "lint_pages_s": pages / statistics.median(r["lint_s"] for r in config),
            "end_to_end_pages_s": pages / statistics.median(r["wall_s"] for r in config),
            "cpu_s": statistics.median(r["cpu_s"] for r in config),
        }
    d1, d2 = figures["dask, 1 worker"], figures["dask, 2 workers"]
    local = figures["local, 2 processes"]
    scaling = d2["lint_pages_s"] / d1["lint_pages_s"]
    versus_local = d2["lint_pages_s"] / local["lint_pages_s"]
    print(f"\n{'engine':<22}{'lint pages/s':>14}{'end-to-end pages/s':>20}{'CPU s':>8}")
    for name, fig in figures.items():
        print(
            f"{name:<22}{fig['lint_pages_s']:>14.1f}{fig['end_to_end_pages_s']:>20.1f}"
            f"{fig['cpu_s']:>8.1f}"
        )
    print(
        f"\ndask 2 workers / dask 1 worker: {scaling:.2f}x (goal >= 1.6x) "
        f"{'PASS' if scaling >= 1.6 else 'MISS'}"
    )
    print(
        f"dask 2 workers / local pool:    {versus_local:.2f}x (goal >= 0.85x) "
        f"{'PASS' if versus_local >= 0.85 else 'MISS'}"
    )
    print(f"findings identical across all runs: {'yes' if len(digests) == 1 else 'NO'}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "figures": figures,
                    "runs": runs,
                    "scaling": scaling,
                    "versus_local": versus_local,
                    "cpus": os.cpu_count(),
                    "identical": len(digests) == 1,
                },
                indent=2,
            )
        )
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
