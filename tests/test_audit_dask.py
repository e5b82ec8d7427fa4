"""The Dask engine on a real 2-worker LocalCluster: the same rows as the local engine, a worker
killed mid-run changes nothing, and every cluster process is gone afterwards.

The audits run in subprocesses with a timeout, so a cluster that misbehaves fails the test in
bounded time instead of hanging the suite.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from audit_helpers import load_script, rows

distributed = pytest.importorskip("distributed")
pytest.importorskip("warcio")

DOCS = 60
TIMEOUT = 300


class KillOnce(distributed.WorkerPlugin):
    """Kills the worker process that starts executing a given shard, the first time only."""

    name = "test-kill-once"

    def __init__(self, prefix: str, marker: str) -> None:
        self.prefix, self.marker = prefix, marker

    def transition(self, key, start, finish, **kwargs) -> None:  # noqa: ANN001
        if finish == "executing" and str(key).startswith(self.prefix):
            try:
                fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            os._exit(1)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    warc = tmp_path_factory.mktemp("dask") / "site.warc"
    load_script("warc_generate").write_warc(warc, DOCS, 5)
    return warc


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each; closed (and checked gone) after the module."""
    psutil = pytest.importorskip("psutil")
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=50,
        ) as local,
        distributed.Client(local, timeout="60s") as client,
    ):
        client.wait_for_workers(2, timeout=120)
        yield local, client
        pids = set(client.run(os.getpid).values())
    assert not [pid for pid in pids if psutil.pid_exists(pid)], "worker processes outlived it"


def run_audit(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "claimlint", "audit", "--isolated", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)


def without_times(pages: list[dict]) -> list[dict]:
    return [{k: v for k, v in p.items() if k != "fetch_ms"} for p in pages]


@pytest.fixture(scope="module")
def local_rows(archive, tmp_path_factory) -> tuple[list, list]:
    out = tmp_path_factory.mktemp("local") / "out"
    done = run_audit(str(archive), "-o", str(out), "--jobs", "2", "--shard-size", "5")
    assert done.returncode == 1, done.stderr
    return without_times(rows(out, "pages")), rows(out, "findings")


def test_dask_gives_the_same_rows_as_the_local_pool(archive, cluster, local_rows, tmp_path):
    local, _ = cluster
    out = tmp_path / "out"
    done = run_audit(
        str(archive),
        "-o",
        str(out),
        "--engine",
        "dask",
        "--scheduler",
        local.scheduler_address,
        "--shard-size",
        "5",
    )
    assert done.returncode == 1, done.stderr
    assert "engine dask" in done.stderr
    assert local_rows[1], "the archive should have findings"
    assert (without_times(rows(out, "pages")), rows(out, "findings")) == local_rows


def test_a_worker_killed_mid_run_is_replaced_and_the_audit_completes(
    archive, cluster, local_rows, tmp_path
):
    local, client = cluster
    marker = tmp_path / "killed"
    client.register_plugin(KillOnce("claimlint-shard-00004-", str(marker)))
    before = set(client.run(os.getpid).values())
    out = tmp_path / "out"
    try:
        done = run_audit(
            str(archive),
            "-o",
            str(out),
            "--engine",
            "dask",
            "--scheduler",
            local.scheduler_address,
            "--shard-size",
            "5",
        )
    finally:
        client.unregister_worker_plugin("test-kill-once")
    assert marker.exists(), "the plugin should have killed a worker"
    assert int(marker.read_text()) in before
    assert done.returncode == 1, done.stderr
    pages = rows(out, "pages")
    assert len(pages) == DOCS == len({p["url"] for p in pages})  # none lost, none twice
    assert (without_times(pages), rows(out, "findings")) == local_rows
    client.wait_for_workers(2, timeout=120)  # the nanny started a new worker


def test_dask_without_a_scheduler_starts_and_stops_its_own_cluster(archive, local_rows, tmp_path):
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "claimlint",
        "audit",
        "--isolated",
        str(archive),
        "-o",
        str(out),
        "--engine",
        "dask",
        "--jobs",
        "1",
        "--shard-size",
        "20",
    ]
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, text=True)
    try:
        _, stderr = proc.communicate(timeout=TIMEOUT)
    finally:
        leftovers = _group_alive(proc.pid)
        if leftovers:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 1, stderr
    assert not leftovers, "the LocalCluster's processes outlived the audit"
    assert (without_times(rows(out, "pages")), rows(out, "findings")) == local_rows


def _group_alive(pgid: int, grace: float = 20.0) -> bool:
    """Is any process of the audit's session still there after `grace` seconds? (The
    multiprocessing resource tracker takes a moment to notice its parent is gone.)"""
    deadline = time.monotonic() + grace
    while True:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        if time.monotonic() > deadline:
            return True
        time.sleep(0.1)
