"""Where shards are linted: in this process, in a local pool of forked processes, or on Dask.

Every engine takes an iterator of ShardTasks (consumed lazily, so live pages are fetched
just ahead of the linting) and yields ShardResults as they finish, in any order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from claimlint.audit.lint import Settings, ShardResult, ShardTask, lint_shard, prepare

_WORKER_SETTINGS: Settings | None = None


class Engine(Protocol):
    workers: int

    def run(self, tasks: Iterable[ShardTask]) -> Iterator[ShardResult]: ...

    def close(self) -> None: ...


class InProcess:
    """One process, no pool: small audits, and where fork is not available."""

    workers = 1

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        prepare(settings)

    def run(self, tasks: Iterable[ShardTask]) -> Iterator[ShardResult]:
        for task in tasks:
            yield lint_shard(task, self.settings)

    def close(self) -> None:
        pass


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _pool_lint(task: ShardTask) -> ShardResult:
    assert _WORKER_SETTINGS is not None, "worker used before its initializer ran"
    return lint_shard(task, _WORKER_SETTINGS)


def _ready(_: int) -> int:
    import os

    return os.getpid()


class LocalPool:
    """Forked worker processes (run/parallel.py's approach): the parent builds the pipeline
    once and the workers inherit it; they receive shards and send back rows."""

    def __init__(self, settings: Settings, jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.settings = settings
        self.workers = jobs
        prepare(settings)  # before forking: workers inherit the compiled pipeline
        self.pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_worker,
            initargs=(settings,),
        )
        # Start every worker now, before the fetcher's threads exist: forking a process that
        # runs threads can copy a lock some thread holds.
        list(self.pool.map(_ready, range(jobs)))

    def run(self, tasks: Iterable[ShardTask]) -> Iterator[ShardResult]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        pending: dict = {}
        source = iter(tasks)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < 2 * self.workers + 2:
                task = next(source, None)
                if task is None:
                    exhausted = True
                else:
                    pending[self.pool.submit(_pool_lint, task)] = task
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                task = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:  # a worker died (killed, out of memory): lint here
                    yield lint_shard(task, self.settings)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def make_engine(
    name: str, settings: Settings, *, jobs: int, scheduler: str | None = None
) -> Engine:
    """The engine the command line asked for."""
    if name == "dask":
        from claimlint.audit.dask_engine import DaskEngine

        return DaskEngine(settings, workers=jobs, scheduler=scheduler)
    from claimlint.run.parallel import can_fork

    if jobs > 1 and can_fork():
        return LocalPool(settings, jobs)
    return InProcess(settings)
