"""The Dask engine: shards as tasks on a cluster (a scheduler address, or a LocalCluster).

Each worker builds the linters once, in the AuditPlugin's setup (and keeps them in the
per-process cache of audit/lint.py); tasks carry shards and return rows, never documents.
A worker that dies mid-task is replaced by its nanny and the scheduler runs its tasks again
elsewhere; `retries` also re-runs a task that raised.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimlint.audit.lint import Settings, ShardResult, ShardTask, lint_shard, prepare
from claimlint.audit.needs import need

need("distributed", "run an audit on Dask")

from distributed import Client, LocalCluster, as_completed  # noqa: E402
from distributed.diagnostics.plugin import WorkerPlugin  # noqa: E402

RETRIES = 3


class AuditPlugin(WorkerPlugin):
    """Builds the audit's linters (spaCy pipeline, rule packs) when a worker starts."""

    name = "claimlint-audit"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker) -> None:  # noqa: ANN001 - a distributed.Worker
        prepare(self.settings)


class DaskEngine:
    """Submit shards to Dask, a bounded number ahead, and yield results as they finish."""

    def __init__(self, settings: Settings, *, workers: int, scheduler: str | None) -> None:
        self.settings = settings
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler, timeout="30s")
        else:
            import dask

            # The workers' statistical profiler samples every thread each 10 ms: CPU that a
            # CPU-bound pure-Python task would rather have. Nannies pass this to their workers.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                self.cluster = self._local_cluster(workers)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        self.client.register_plugin(AuditPlugin(settings))

    @staticmethod
    def _local_cluster(workers: int) -> LocalCluster:
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=40,
        )

    def run(self, tasks: Iterable[ShardTask]) -> Iterator[ShardResult]:
        futures = as_completed()
        ahead = 4 * self.workers + 2
        source = iter(tasks)
        count = 0
        for task in source:
            futures.add(self._submit(task))
            count += 1
            if count >= ahead:
                break
        for future in futures:
            result = future.result()
            future.release()
            yield result
            task = next(source, None)
            if task is not None:
                futures.add(self._submit(task))

    def _submit(self, task: ShardTask):  # noqa: ANN202 - a distributed.Future
        shard = task.shard
        return self.client.submit(
            lint_shard,
            task,
            self.settings,
            key=f"claimlint-shard-{shard.index:05d}-{shard.digest}",
            retries=RETRIES,
            pure=False,
        )

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
