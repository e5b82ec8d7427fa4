"""Spread files over worker processes forked once the parent has compiled what they need.

The parent parses the rule sets, checks them and builds their pipelines, then forks: workers
inherit the linters with their compiled lexicons, receive only paths, and send back only
diagnostics and errors, never documents. Where fork is unavailable (Windows, macOS default)
the caller lints in process instead: results are identical either way, only the speed differs.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimlint.diagnostics import Diagnostic, FileError
from claimlint.inputs import files as file_io
from claimlint.inputs.decoding import DecodeError
from claimlint.inputs.sources import Source, format_of, source_from_bytes
from claimlint.run.cache import ResultCache, entry_key, linter_key
from claimlint.run.heap import batch_collector

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.nlp.engine import Linter

# Spawning a worker costs about a second (it imports spaCy and compiles the rules), so small
# runs are linted in process: fewer files than this, or fewer bytes than this to lint.
MIN_FILES = 8
MIN_BYTES = 256 * 1024
JOBS_PER_CORE, MAX_JOBS = 4, 64
PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCHDOG_SECONDS = 1.0  # how often a worker checks that its parent is alive
# Documents read ahead of linting, so that the scans their chunks need from the pack regexes'
# RE2 Sets run together (Linter.prepare): at most this many, holding at most this much text.
# Each Set's DFA is cold again after the pages between two batches are linted: 64 pages a
# batch instead of 16 cut the Set scans of 300 generated pages from 0.90 s to 0.74 s.
LOOKAHEAD_FILES, LOOKAHEAD_CHARS = 64, 2_000_000

# (path, diagnostics, error): exactly one of diagnostics/error is not None
Outcome = tuple[str, "list[Diagnostic] | None", "FileError | None"]
LintMany = Callable[[Sequence[str]], Iterator[Outcome]]  # outcomes in the order of the paths

_WORKER_LINT: LintMany | None = None


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def job_limit() -> int:
    """The most workers --jobs may ask for: 4 per core, never more than 64."""
    return min(MAX_JOBS, JOBS_PER_CORE * default_jobs())


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def worth_a_pool(jobs: int, paths: Sequence[str], sizes: Sequence[int]) -> bool:
    """Workers pay off only for several files and enough text to amortise their start-up.
    (can_fork() comes last: it imports multiprocessing, which a small run does without.)"""
    return jobs > 1 and len(paths) >= MIN_FILES and sum(sizes) >= MIN_BYTES and can_fork()


def _init_worker(lint_many: LintMany, parent: int) -> None:
    """Set up a forked worker so that it never outlives the run: it dies with its parent
    (SIGTERM, SIGHUP or SIGKILL of the parent included), does not hold the parent's stdout
    open for a reader waiting for end of file, and leaves Ctrl-C to the parent."""
    global _WORKER_LINT
    _WORKER_LINT = lint_many
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool
    _die_with_parent(parent)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):  # the output pipe is the parent's alone (stderr stays for crashes)
        os.dup2(devnull, fd)
    os.close(devnull)


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel sends SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG). Any
    platform: a daemon thread that exits as soon as the parent is no longer the parent."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog remains
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    import threading

    def watch() -> None:
        while True:
            time.sleep(WATCHDOG_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="claimlint-watchdog", daemon=True).start()


def _run_chunk(paths: list[str]) -> list[Outcome]:
    assert _WORKER_LINT is not None, "worker used before its initializer ran"
    return list(_WORKER_LINT(paths))


def chunked(paths: Sequence[str], sizes: Sequence[int], jobs: int) -> list[list[str]]:
    """Chunks of about equal bytes, several per worker so a slow chunk does not leave the
    others idle; the order of paths inside the result does not matter to the caller."""
    target_chunks = max(1, min(len(paths), jobs * 8))
    total = max(1, sum(sizes))
    budget = total / target_chunks
    chunks: list[list[str]] = []
    current: list[str] = []
    weight = 0
    for path, size in sorted(zip(paths, sizes, strict=True), key=lambda ps: -ps[1]):
        current.append(path)
        weight += size
        if weight >= budget:
            chunks.append(current)
            current, weight = [], 0
    if current:
        chunks.append(current)
    return chunks


def lint_in_pool(
    lint_many: LintMany,
    paths: Sequence[str],
    sizes: Sequence[int],
    jobs: int,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Outcome]:
    """Lint paths in `jobs` forked workers; outcomes by path (the caller restores order).

    `lint_many` travels to the workers by fork, not by pickling, so it may close over the
    parent's linters and resolver.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = chunked(paths, sizes, jobs)
    context = multiprocessing.get_context("fork")
    outcomes: dict[str, Outcome] = {}
    workers = min(jobs, len(chunks), job_limit())
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(lint_many, os.getpid()),
    )
    try:
        for result in pool.map(_run_chunk, chunks):
            for outcome in result:
                outcomes[outcome[0]] = outcome
            if progress is not None:
                progress(len(result))
    except BaseException:  # Ctrl-C, SIGTERM turned into SystemExit...: stop the workers now
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return outcomes


# --------------------------------------------------------------------------------------------
# Running a set of files: cache first, then the misses in process or in a pool


def _prepare(loaded: list[tuple[str, Source]], linter_of: Callable[[str], Linter]) -> None:
    """Let each linter scan ahead the documents it is about to lint whole (Linter.prepare).
    Only a speed-up: if it fails, linting the documents does the same work and reports why."""
    from claimlint.run.chunked import piece_chars

    limit = piece_chars()
    by_linter: dict[int, tuple[Linter, list[Source]]] = {}
    for path, source in loaded:
        if len(source.text) <= limit:
            linter = linter_of(path)
            by_linter.setdefault(id(linter), (linter, []))[1].append(source)
    for linter, sources in by_linter.values():
        try:
            linter.prepare(sources)
        except Exception:  # noqa: BLE001, S110 - the lint that follows meets and reports it
            pass


@dataclass
class FileOutcome:
    """What became of one file: its diagnostics, or the reason it could not be linted."""

    display: str
    diagnostics: Sequence[Diagnostic] | None = None  # a list, or spilled (run/spill.py)
    error: FileError | None = None
    text: str | None = None  # or a StoredText (inputs/stored.py): read by slices


def lint_files(
    files: Sequence[str],
    linter_of: Callable[[str], Linter],
    *,
    encoding: str | None = None,
    stdin_filename: str | None = None,
    stdin_data: bytes | None = None,
    keep_texts: bool = False,
    jobs: int = 1,
    cache: ResultCache | None = None,
    ready: Callable[[], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[FileOutcome]:
    """Lint files in order: cache hits without spaCy, misses in process or in `jobs` workers.

    The outcome list is in the order of `files`, and identical whatever `jobs` is. `ready`
    runs (and may raise) after the cache is consulted and before anything is linted; it is
    skipped only when the cache answered every file that could be read, so a run with
    nothing to lint still reports what `ready` checks. `progress` hears of files done, n at a
    time (a progress bar).
    """
    advance = progress or (lambda count: None)

    slots = [FileOutcome((stdin_filename or "-") if p == "-" else p) for p in files]
    pending: list[int] = []
    data_of: dict[int, bytes] = {}
    keys: dict[int, str] = {}
    linter_keys: dict[int, str] = {}
    answered = 0
    for index, path in enumerate(files):
        if cache is None and path != "-" and not keep_texts:
            pending.append(index)  # read where it is linted
            continue
        try:
            name, data = file_io.read_bytes(
                path, stdin_filename=stdin_filename, stdin_data=stdin_data
            )
        except (DecodeError, OSError) as err:
            slots[index].error = _file_error(slots[index].display, err)
            continue
        data_of[index] = data
        if cache is not None:
            linter = linter_of(path)
            if id(linter) not in linter_keys:
                linter_keys[id(linter)] = linter_key(linter.ruleset.fingerprint, linter.options)
            key = entry_key(linter_keys[id(linter)], name, format_of(name), encoding, data)
            found = cache.get(key, name, data)
            if found is not None:
                slots[index].diagnostics = found
                answered += 1
                advance(1)
                if keep_texts:
                    _decode_into(slots[index], name, data, encoding)
                continue
            keys[index] = key
        pending.append(index)
    data = b""  # the last file's bytes live in data_of only, which lets them go once decoded
    if pending:
        from claimlint.run.compile_apart import compile_apart

        compile_apart(linter_of(files[i]) for i in pending)
    if ready is not None and (pending or not answered):
        ready()

    # With a cache, the bytes that were hashed are the bytes that get linted, in process or in
    # a worker (which inherits this map by fork): a file edited during the run can never leave
    # findings of its new text under the key of its old one. When the texts are kept (for
    # excerpts), they are read once, here, so the report shows the very bytes that were linted.
    # In process, the bytes are dropped once decoded and the decoded text is what the report
    # shows: a big document is held once, never as bytes and text at the same time.
    hashed = {files[index]: data for index, data in data_of.items()}
    linted_texts: dict[str, str] = {}

    def load(path: str) -> Source | Outcome:
        """The file as a Source, or its outcome if it cannot be read."""
        display = (stdin_filename or "-") if path == "-" else path
        data = hashed.pop(path, None)
        try:
            if data is None:
                source = file_io.read_source(
                    path,
                    encoding=encoding,
                    stdin_filename=stdin_filename,
                    stdin_data=stdin_data,
                    stored=True,
                )
            else:  # a big UTF-8 document keeps its bytes, decoded a piece at a time
                source = source_from_bytes(display, data, encoding=encoding, stored=True)
        except (DecodeError, OSError) as err:
            return (path, None, _file_error(display, err))
        del data
        if keep_texts:
            linted_texts[path] = source.text
        return source

    def lint_loaded(path: str, source: Source) -> Outcome:
        from claimlint.nlp.limits import TimeBudgetExceeded, lint_within_budget
        from claimlint.run.chunked import Chunked

        try:
            return (path, lint_within_budget(Chunked(linter_of(path)), source), None)
        except TimeBudgetExceeded as err:  # a slow rule pack costs this document, not the run
            return (path, None, FileError(source.path, str(err)))

    def lint_many(paths: Sequence[str]) -> Iterator[Outcome]:
        """Lint paths in order, reading a few ahead so that their Set scans run together."""
        at = 0
        while at < len(paths):
            window: list[tuple[str, Source | Outcome]] = []
            held = 0
            while at < len(paths) and len(window) < LOOKAHEAD_FILES and held < LOOKAHEAD_CHARS:
                item = load(paths[at])
                window.append((paths[at], item))
                held += len(item.text) if isinstance(item, Source) else 0
                at += 1
            _prepare([(p, s) for p, s in window if isinstance(s, Source)], linter_of)
            for path, item in window:
                yield item if not isinstance(item, Source) else lint_loaded(path, item)

    def record(index: int, outcome: Outcome) -> None:
        slots[index].diagnostics, slots[index].error = outcome[1], outcome[2]

    with batch_collector() if len(pending) > 1 else nullcontext():
        pooled = [i for i in pending if files[i] != "-"]
        sizes = [len(data_of[i]) if i in data_of else _size(files[i]) for i in pooled]
        if worth_a_pool(jobs, [files[i] for i in pooled], sizes):
            from concurrent.futures.process import BrokenProcessPool

            # Build each pipeline here: the workers inherit it by fork instead of each importing
            # spaCy and compiling the packs again, and a token pattern spaCy rejects is a
            # PackError in this process, not a crash in a worker.
            for linter in {id(lx): lx for lx in (linter_of(files[i]) for i in pooled)}.values():
                _ = linter.nlp

            try:
                by_path = lint_in_pool(lint_many, [files[i] for i in pooled], sizes, jobs, advance)
            except BrokenProcessPool:  # a worker died (killed, out of memory): finish in process
                by_path = {}
            for index in pooled:
                if files[index] in by_path:
                    record(index, by_path[files[index]])
            left = [slots[i].diagnostics is None and slots[i].error is None for i in pending]
            pending = [i for i, todo in zip(pending, left, strict=True) if todo]
        for index in pending:
            data_of.pop(index, None)  # load() takes the bytes from `hashed` and lets them go
        for index, outcome in zip(pending, lint_many([files[i] for i in pending]), strict=True):
            record(index, outcome)
            if files[index] in linted_texts:
                slots[index].text = linted_texts.pop(files[index])
            advance(1)

    for index, slot in enumerate(slots):
        if slot.diagnostics is None:
            continue
        if index in keys and not _too_big_to_cache(slot.diagnostics):
            cache.put(keys[index], slot.diagnostics)  # type: ignore[union-attr]
        if keep_texts and slot.text is None:
            if index in data_of:
                _decode_into(slot, slot.display, data_of.pop(index), encoding)
            else:
                try:
                    source = file_io.read_source(files[index], encoding=encoding, stored=True)
                    slot.text = source.text
                except (DecodeError, OSError) as err:
                    slot.diagnostics, slot.error = None, _file_error(slot.display, err)
    if cache is not None and cache.written:
        cache.prune_if_due()  # only runs that write sweep, at most once a day
    return slots


def _too_big_to_cache(diagnostics: Sequence[Diagnostic]) -> bool:
    """A big document's spilled findings are cached only when few: an entry is written whole."""
    from claimlint.run.spill import CACHE_LIMIT, SpilledFindings

    return isinstance(diagnostics, SpilledFindings) and len(diagnostics) > CACHE_LIMIT


def _decode_into(slot: FileOutcome, name: str, data: bytes, encoding: str | None) -> None:
    try:
        slot.text = source_from_bytes(name, data, encoding=encoding, stored=True).text
    except DecodeError as err:
        slot.diagnostics, slot.error = None, FileError(slot.display, str(err))


def _file_error(display: str, err: Exception) -> FileError:

    if isinstance(err, OSError):
        return FileError(display, file_io.describe_os_error(err))
    return FileError(display, str(err))


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


__all__ = [
    "MIN_BYTES",
    "MIN_FILES",
    "FileOutcome",
    "default_jobs",
    "job_limit",
    "lint_files",
    "lint_in_pool",
    "worth_a_pool",
]
