#!/usr/bin/env python3
"""Benchmark claimlint on a generated clinic website and report medians against targets.

Every figure is a median over --repeat runs of a fresh process, timed from spawn to exit, so it
includes interpreter start-up and imports just as a user or CI job sees them. Peak memory is the
largest resident set of any single process in the measured process tree (from ``os.wait4``).

    python benchmarks/run.py --docs 2000 --seed 1 --repeat 3 --json results.json
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LINT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")
SKIP_DIRS = ("node_modules",)
OK_EXIT = (0, 1)  # 1 means "findings", which a linter run over marketing copy should have
CRASH_MARKERS = ("Traceback (most recent call last)", "No module named", "Error while finding")
SPACY_IMPORT = "import spacy; spacy.blank('en')"


# --------------------------------------------------------------------------------------------
# Running one process and measuring it
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    """One finished process: wall time, peak RSS of its largest process, exit status, output."""

    seconds: float
    peak_mb: float | None
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False


def _rss_mb(maxrss: int) -> float:
    """ru_maxrss is in kilobytes on Linux and in bytes on macOS."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def _kill_group(proc: subprocess.Popen[bytes], fired: threading.Event) -> None:
    """Timeout: end the measured process and any workers it started (its process group)."""
    fired.set()
    if proc.returncode is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, AttributeError):
            proc.kill()


def run_measured(
    cmd: Sequence[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 1800.0,
) -> Run:
    """Run a command, timing it and reading the peak RSS of exactly this child's tree.

    ``os.wait4`` returns the rusage of the reaped child, which on Linux folds in the children
    it waited for (e.g. ``--jobs`` workers) as a maximum, not a sum. That is precise where
    ``getrusage(RUSAGE_CHILDREN)`` is not: the latter is a maximum over every child so far.
    The command is started by peak.py, a small launcher, because a child forked straight from
    this (large) process would inherit its resident size as a floor. Output goes to temporary
    files so a chatty process can never block on a full pipe.
    """
    launched = list(cmd)
    report = None
    if hasattr(os, "fork") and hasattr(os, "wait4"):  # measure through the small launcher
        handle, report = tempfile.mkstemp(prefix="peak-", suffix=".json")
        os.close(handle)
        launched = [sys.executable, "-S", str(HERE / "peak.py"), report, *launched]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            launched,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,  # its own process group, so a timeout ends workers too
        )
        fired = threading.Event()
        killer = threading.Timer(timeout, _kill_group, (proc, fired))
        killer.start()
        peak: float | None = None
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            peak = _rss_mb(usage.ru_maxrss)
        else:  # pragma: no cover - Windows has no wait4; time only
            proc.wait()
        seconds = time.perf_counter() - start
        killer.cancel()
        if report is not None:
            seconds, peak = _launcher_report(report, seconds, peak)
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            peak,
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            fired.is_set(),
        )


def _launcher_report(path: str, seconds: float, peak: float | None) -> tuple[float, float | None]:
    """The command's own time and peak memory from peak.py (the launcher's if it is missing,
    e.g. after a timeout)."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        return float(data["seconds"]), data["maxrss_kb"] / 1024
    except (OSError, ValueError, KeyError, TypeError):
        return seconds, peak
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)


@dataclass
class Figure:
    """A measured figure: median seconds over the runs, throughput, peak memory, or an error."""

    key: str
    label: str
    seconds: float | None = None
    runs: list[float] = field(default_factory=list)
    peak_mb: float | None = None
    words: int | None = None
    files: int | None = None
    error: str | None = None
    note: str = ""

    @property
    def words_per_s(self) -> float | None:
        """Words per second, if both figures are known."""
        return self.words / self.seconds if self.words and self.seconds else None

    @property
    def files_per_s(self) -> float | None:
        """Files per second, if both figures are known."""
        return self.files / self.seconds if self.files and self.seconds else None

    def to_json(self) -> dict[str, object]:
        """A plain dict including the derived rates."""
        data = asdict(self)
        data["words_per_s"] = self.words_per_s
        data["files_per_s"] = self.files_per_s
        return data


@dataclass
class Bench:
    """Settings shared by every measurement."""

    repeat: int
    env: dict[str, str]
    verbose: bool = True
    figures: list[Figure] = field(default_factory=list)

    def measure(
        self,
        fig: Figure,
        cmd: Sequence[str],
        cwd: Path | None = None,
        warmup: bool = False,
        check: Callable[[Run], str] | None = None,
    ) -> Figure:
        """Run ``cmd`` --repeat times (after an uncounted warm-up if asked) and keep the median.

        The warm-up fills the OS file cache, so that "cold" means a new process with no
        claimlint cache, not a first run after installation.
        """
        self.figures.append(fig)
        self.log(f"measuring: {fig.label} ...")
        runs: list[Run] = []
        for attempt in range(self.repeat + int(warmup)):
            run = run_measured(cmd, cwd=cwd, env=self.env)
            try:
                if not succeeded(run):
                    raise ValueError(failure(run))
                note = check(run) if check else ""
            except ValueError as err:
                return self.fail(fig, str(err))
            if attempt >= int(warmup):
                runs.append(run)
        fig.runs = [round(r.seconds, 4) for r in runs]
        fig.seconds = statistics.median(r.seconds for r in runs)
        peaks = [r.peak_mb for r in runs if r.peak_mb is not None]
        fig.peak_mb = max(peaks) if peaks else None
        fig.note = note
        return fig

    def measure_interleaved(
        self, entries: Sequence[tuple[Figure, Sequence[str], Path | None]], runs: int
    ) -> None:
        """Measure short commands in turn (A, B, A, B...), `runs` times each after one
        uncounted round: a ratio of two latencies is then not skewed by the machine getting
        busier or quieter between the two measurements."""
        results: list[list[Run]] = [[] for _ in entries]
        failed: set[int] = set()
        for fig, _, _ in entries:
            self.figures.append(fig)
            self.log(f"measuring: {fig.label} (interleaved) ...")
        for attempt in range(runs + 1):
            for index, (fig, cmd, cwd) in enumerate(entries):
                if index in failed:
                    continue
                run = run_measured(cmd, cwd=cwd, env=self.env)
                if not succeeded(run):
                    failed.add(index)
                    self.fail(fig, failure(run))
                elif attempt:
                    results[index].append(run)
        for index, (fig, _, _) in enumerate(entries):
            if index not in failed:
                fig.runs = [round(r.seconds, 4) for r in results[index]]
                fig.seconds = statistics.median(r.seconds for r in results[index])
                peaks = [r.peak_mb for r in results[index] if r.peak_mb is not None]
                fig.peak_mb = max(peaks) if peaks else None

    def fail(self, fig: Figure, error: str) -> Figure:
        """Mark a figure unavailable and show why on stderr."""
        fig.error = error
        if fig not in self.figures:
            self.figures.append(fig)
        print(f"  ! {fig.label} unavailable: {error}", file=sys.stderr, flush=True)
        return fig

    def log(self, message: str) -> None:
        """Progress on stderr, so stdout stays the report."""
        if self.verbose:
            print(message, file=sys.stderr, flush=True)


def succeeded(run: Run) -> bool:
    """Exit 0 or 1 and no sign of a crash (Python also exits 1 on an uncaught exception)."""
    return run.returncode in OK_EXIT and not any(m in run.stderr for m in CRASH_MARKERS)


def failure(run: Run) -> str:
    """A short description of a failed run, with the tail of its stderr."""
    if run.timed_out:
        return "timed out"
    tail = run.stderr.strip()[-1500:] or run.stdout.strip()[-500:] or "(no output)"
    return f"exit status {run.returncode}: {tail}"


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def load_generator() -> ModuleType:
    """Import benchmarks/generate.py by path; benchmarks/ is not a package."""
    spec = importlib.util.spec_from_file_location("claimlint_bench_generate", HERE / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building classes
    spec.loader.exec_module(module)
    return module


def lintable_files(root: Path) -> list[Path]:
    """The files claimlint walks in a folder: prose suffixes, no hidden or vendored folders."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        found += [Path(folder, f) for f in sorted(files) if f.lower().endswith(LINT_SUFFIXES)]
    return found


def count_words(paths: Sequence[Path]) -> int:
    """Words as the benchmark defines them: a whitespace split of the raw file."""
    return sum(len(p.read_text("utf-8", "replace").split()) for p in paths)


def claimlint_env() -> tuple[dict[str, str], str]:
    """Environment for ``python -m claimlint``; falls back to the working tree's src/.

    claimlint's bytecode is compiled first, as ``pip install`` of a wheel does: an editable
    install under PYTHONDONTWRITEBYTECODE=1 (set on some CI images and on this machine) would
    otherwise recompile its ~5,000 lines in every measured process, about 0.1 s, while the
    spaCy it is compared with was compiled when it was installed.
    """
    env = dict(os.environ)
    spec = importlib.util.find_spec("claimlint")
    if spec and spec.origin:
        package = Path(spec.origin).parent
        compile_bytecode(package)
        return env, f"installed ({package})"
    src = REPO / "src"
    compile_bytecode(src / "claimlint")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    return env, f"working tree ({src}, not installed)"


def compile_bytecode(package: Path) -> None:
    """Write __pycache__ for a package if its folder is writable (best effort)."""
    import compileall

    try:
        compileall.compile_dir(str(package), quiet=2)
    except OSError:
        pass


def claimlint(*args: str) -> list[str]:
    """A claimlint command line run with this interpreter."""
    return [sys.executable, "-m", "claimlint", "check", *args]


# --------------------------------------------------------------------------------------------
# The measurements
# --------------------------------------------------------------------------------------------


def json_findings(run: Run) -> str:
    """Count diagnostics in --format json output; anything but a JSON list is a failure."""
    try:
        data = json.loads(run.stdout)
    except json.JSONDecodeError:
        raise ValueError(f"stdout is not JSON: {run.stdout[:200]!r} {run.stderr[-500:]}") from None
    if not isinstance(data, list):
        raise ValueError("JSON output is not a list of diagnostics")
    return f"{len(data):,} findings"


def measure_site(bench: Bench, site: Path, files: int, words: int) -> None:
    """Whole-site throughput of claimlint with one and two processes (same output expected)."""
    outputs: list[str] = []

    def check(run: Run) -> str:
        outputs.append(run.stdout)
        same = len(outputs) < 2 or outputs[0] == outputs[1]
        return json_findings(run) + ("" if same else "; output differs from --jobs 1")

    for jobs in ("1", "2"):
        fig = Figure(
            f"site_jobs{jobs}", f"claimlint --jobs {jobs} (site)", words=words, files=files
        )
        cmd = claimlint("--no-cache", "--format", "json", "--jobs", jobs, str(site))
        bench.measure(fig, cmd, check=check)


def measure_tokenizer(bench: Bench, site: Path, files: int, words: int) -> None:
    """The floor: spaCy's bare tokenizer over the same raw files, in one process."""
    fig = Figure("tokenizer", "spaCy tokenizer (site, 1 process)", words=words, files=files)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--tokenizer-floor", str(site)]
    inner: list[float] = []

    def record(run: Run) -> str:
        inner.append(json.loads(run.stdout)["seconds"])
        return "end to end, incl. import"

    bench.measure(fig, cmd, check=record)
    if inner and fig.error is None:
        pipe = Figure("tokenizer_pipe", "  of which tokenizer.pipe only", words=words, files=files)
        pipe.seconds = inner[0]
        pipe.note = "last run, in-process timer"
        bench.figures.append(pipe)


def tokenizer_floor(site: Path) -> int:
    """Internal mode: tokenize every lintable file with spacy.blank('en') and print timings."""
    import spacy

    nlp = spacy.blank("en")
    texts = [p.read_text("utf-8", "replace") for p in lintable_files(site)]
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - start
    print(json.dumps({"tokens": tokens, "seconds": seconds, "files": len(texts)}))
    return 0


def proselint_command(site: Path) -> list[str] | None:
    """How the installed proselint lints a folder: 0.16+ has a ``check`` subcommand."""
    if importlib.util.find_spec("proselint") is None:
        return None
    from importlib.metadata import version

    parts = tuple(int(p) for p in version("proselint").split(".")[:2] if p.isdigit())
    if parts >= (0, 16):
        return [sys.executable, "-m", "proselint", "check", "--output-format", "json", str(site)]
    return [sys.executable, "-m", "proselint", "--json", str(site)]


def measure_proselint(bench: Bench, site: Path, files: int, words: int) -> None:
    """proselint over the same site in one process, the comparison the issue asks for."""
    cmd = proselint_command(site)
    fig = Figure("proselint", "proselint (site, 1 process)", words=words, files=files)
    if cmd is None:
        bench.fail(fig, "proselint is not installed (pip install proselint); skipped")
        return
    from importlib.metadata import version

    bench.measure(fig, cmd)
    fig.note = f"proselint {version('proselint')}"


def measure_single_file(bench: Bench, gen: ModuleType, seed: int, work: Path) -> None:
    """Latency of one ~1,000-word page in a new process: cold, then with a warm cache."""
    page = gen.single_page(seed, 1000)
    words = len(page.split())
    cold_dir, warm_dir = work / "cold", work / "warm"
    for folder in (cold_dir, warm_dir):
        folder.mkdir()
        (folder / "page.md").write_bytes(page.encode("utf-8"))
    hit = Figure("cache_hit", "claimlint cache hit, same file", words=words, files=1)
    fill = run_measured(claimlint("page.md"), cwd=warm_dir, env=bench.env)
    entries: list[tuple[Figure, Sequence[str], Path | None]] = [
        (Figure("python", "python -c pass (start-up)"), [sys.executable, "-c", "pass"], None),
        (Figure("spacy_import", SPACY_IMPORT), [sys.executable, "-c", SPACY_IMPORT], None),
        (
            Figure("cold", f"claimlint cold, {words:,}-word file", words=words, files=1),
            claimlint("--no-cache", "page.md"),
            cold_dir,
        ),
        (  # the first run after installing or editing a pack: packs parsed and compiled
            Figure("cold_first", "  same, no compiled-pack cache", words=words, files=1),
            ["env", "CLAIMLINT_NO_PACK_CACHE=1", *claimlint("--no-cache", "page.md")],
            cold_dir,
        ),
    ]
    if succeeded(fill):
        entries.append((hit, claimlint("page.md"), warm_dir))
    # Latencies are short and noisy: more runs than the site figures, taken in turn.
    bench.measure_interleaved(entries, runs=latency_runs(bench.repeat))
    if not succeeded(fill):
        bench.fail(hit, "filling the cache failed: " + failure(fill))
    elif not (warm_dir / ".claimlint_cache").exists():
        hit.note = "no .claimlint_cache/ in the working dir"


def latency_runs(repeat: int) -> int:
    """Runs per single-file latency: they are short and noisy, so more than the site's."""
    return max(5, 3 * repeat)


def measure_big_file(bench: Bench, gen: ModuleType, seed: int, work: Path) -> None:
    """One ~200,000-word Markdown file: worst case for per-document algorithms."""
    text = gen.big_markdown(seed, 200_000)
    path = work / "big.md"
    path.write_bytes(text.encode("utf-8"))
    words = len(text.split())
    fig = Figure("big_file", f"claimlint {words:,}-word file", words=words, files=1)
    bench.measure(fig, claimlint("--no-cache", "--format", "json", str(path)), check=json_findings)


# --------------------------------------------------------------------------------------------
# Targets and report
# --------------------------------------------------------------------------------------------


@dataclass
class Target:
    """A goal from the issue and whether the measured figure meets it."""

    label: str
    measured: float | None
    unit: str
    limit: float
    higher_is_better: bool

    @property
    def result(self) -> str:
        """PASS, MISS, or N/A when a figure it depends on is unavailable."""
        if self.measured is None:
            return "N/A"
        ok = self.measured >= self.limit if self.higher_is_better else self.measured <= self.limit
        return "PASS" if ok else "MISS"

    def to_json(self) -> dict[str, object]:
        """A plain dict including the result."""
        return {**asdict(self), "result": self.result}


def ratio(a: float | None, b: float | None) -> float | None:
    """a / b, or None when either is unavailable."""
    return a / b if a is not None and b else None


def targets(figs: dict[str, Figure]) -> list[Target]:
    """The issue's targets, computed from the figures."""

    def wps(key: str) -> float | None:
        return figs[key].words_per_s if key in figs else None

    def secs(key: str) -> float | None:
        return figs[key].seconds if key in figs else None

    claimlint_keys = ("site_jobs1", "site_jobs2", "cold", "cold_first", "cache_hit", "big_file")
    peaks = [figs[k].peak_mb for k in claimlint_keys if k in figs and figs[k].peak_mb]
    return [
        Target(
            "site --jobs 2 vs proselint (words/s)",
            ratio(wps("site_jobs2"), wps("proselint")),
            "x",
            2.0,
            True,
        ),
        Target(
            "site --jobs 1 vs tokenizer floor (words/s)",
            ratio(wps("site_jobs1"), wps("tokenizer")),
            "x",
            1.0,  # issue 14: at least as fast as the bare tokenizer (round 2 asked 0.5)
            True,
        ),
        Target(
            "cold 1k-word file vs spaCy import (time)",
            ratio(secs("cold"), secs("spacy_import")),
            "x",
            1.3,
            False,
        ),
        Target(
            "cache hit vs spaCy import (time)",
            ratio(secs("cache_hit"), secs("spacy_import")),
            "x",
            0.2,
            False,
        ),
        Target("200k-word file (seconds)", secs("big_file"), "s", 8.0, False),
        Target(
            "peak memory of any claimlint process (MB)",
            max(peaks) if peaks else None,
            "MB",
            300.0,
            False,
        ),
    ]


def fmt(value: float | None, spec: str, suffix: str = "") -> str:
    """Format a number or show a dash for an unavailable figure."""
    return "-" if value is None else f"{value:{spec}}{suffix}"


def short_error(error: str) -> str:
    """The most telling line of an error (usually the last), short enough for the table."""
    lines = [line.strip() for line in error.splitlines() if line.strip()]
    return "unavailable: " + lines[-1][:70]


def report(figures: list[Figure], goals: list[Target], header: list[str]) -> str:
    """The readable tables printed on stdout."""
    lines = [*header, ""]
    row = "{:<40} {:>10} {:>12} {:>9} {:>9}  {}"
    lines.append(row.format("figure", "median", "words/s", "files/s", "peak MB", "note"))
    for f in figures:
        time_s = "n/a" if f.error else fmt(f.seconds, ".3f", " s")
        lines.append(
            row.format(
                f.label,
                time_s,
                fmt(f.words_per_s, ",.0f"),
                fmt(f.files_per_s, ",.1f"),
                fmt(f.peak_mb, ".0f"),
                short_error(f.error) if f.error else f.note,
            )
        )
    lines.append("")
    row = "{:<44} {:>10} {:>10}  {}"
    lines.append(row.format("target", "measured", "goal", "result"))
    for t in goals:
        goal = f"{'>=' if t.higher_is_better else '<='} {t.limit:g}{t.unit}"
        spec = ".2f" if t.unit != "MB" else ".0f"
        lines.append(row.format(t.label, fmt(t.measured, spec, t.unit), goal, t.result))
    return "\n".join(lines)


def environment(origin: str) -> dict[str, object]:
    """Where the numbers come from: machine, interpreter, library versions."""
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for name in ("spacy", "proselint", "claimlint"):
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "versions": versions,
        "claimlint_from": origin,
    }


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="pages to generate (2000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; medians (3)")
    parser.add_argument("--site", type=Path, help="generate into DIR, or reuse it if not empty")
    parser.add_argument("--skip-proselint", action="store_true", help="skip the comparison")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write results as JSON")
    parser.add_argument("--fail-on-miss", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--quiet", action="store_true", help="no progress messages on stderr")
    parser.add_argument("--tokenizer-floor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.docs < 1:
        parser.error("--repeat and --docs must be at least 1")
    return args


def prepare_site(args: argparse.Namespace, gen: ModuleType, work: Path, bench: Bench) -> Path:
    """Generate the site, or reuse a non-empty --site folder as it is."""
    site = args.site or work / "site"
    if site.is_dir() and any(site.iterdir()):
        bench.log(f"using the existing site in {site}")
        return site
    start = time.perf_counter()
    summary = gen.generate_site(site, args.docs, args.seed)
    bench.log(
        f"generated {summary.files} files, {summary.words:,} words in "
        f"{time.perf_counter() - start:.1f} s -> {site}"
    )
    return site


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement, print the tables, optionally write JSON."""
    args = parse_args(argv)
    if args.tokenizer_floor:
        return tokenizer_floor(args.tokenizer_floor)
    gen = load_generator()
    env, origin = claimlint_env()
    bench = Bench(args.repeat, env, verbose=not args.quiet)
    work = Path(tempfile.mkdtemp(prefix="claimlint-bench-"))
    try:
        site = prepare_site(args, gen, work, bench)
        paths = lintable_files(site)
        files, words = len(paths), count_words(paths)
        measure_site(bench, site, files, words)
        measure_tokenizer(bench, site, files, words)
        if not args.skip_proselint:
            measure_proselint(bench, site, files, words)
        measure_single_file(bench, gen, args.seed, work)
        measure_big_file(bench, gen, args.seed, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figs = {f.key: f for f in bench.figures}
    goals = targets(figs)
    header = [
        f"claimlint benchmark: {files:,} files, {words:,} words (seed {args.seed}); "
        f"median of {args.repeat} run(s) per figure, {latency_runs(args.repeat)} for the "
        "interleaved single-file latencies",
        f"site: {site if args.site else '(temporary)'}; claimlint: {origin}; "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs",
    ]
    sys.stderr.flush()
    print(report(bench.figures, goals, header), flush=True)
    if args.json:
        data = {
            "settings": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
            "environment": environment(origin),
            "site": {"files": files, "words": words},
            "figures": [f.to_json() for f in bench.figures],
            "targets": [t.to_json() for t in goals],
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    missed = any(t.result == "MISS" for t in goals)
    return 1 if args.fail_on_miss and missed else 0


if __name__ == "__main__":
    sys.exit(main())
