"""The killable worker pool: a call past its time limit loses its process, nothing else does."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest

from saidwhat.errors import AnalysisError, AnalysisTimeoutError, BinaryInputError
from saidwhat.sanitize import refuse_binary
from saidwhat.workers import KillablePool, WorkerBusy


@pytest.fixture
def pool() -> Iterator[KillablePool]:
    p = KillablePool(1, warm=None)
    yield p
    p.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a killed child not yet reaped is a zombie: it holds no memory and runs nothing
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().split()[2] != "Z"


def test_a_call_returns_its_value_from_another_process(pool: KillablePool) -> None:
    pid = pool.run(os.getpid, timeout=30)
    assert pid != os.getpid()
    assert pool.run(os.getpid, timeout=30) == pid  # the worker is kept for the next call


def test_errors_come_back_with_their_class_and_input(pool: KillablePool) -> None:
    with pytest.raises(BinaryInputError) as err:
        pool.run(refuse_binary, "\x00 binary", "some.bin", timeout=30)
    assert err.value.input == "some.bin" and err.value.code == "SW103"
    with pytest.raises(AnalysisError, match="unexpected ValueError"):
        pool.run(int, "not a number", timeout=30, name="doc")


def test_a_call_past_its_limit_kills_its_worker(pool: KillablePool) -> None:
    pid = pool.run(os.getpid, timeout=30)
    with pytest.raises(AnalysisTimeoutError, match="not done within 0.5 s") as err:
        pool.run(time.sleep, 60, timeout=0.5, name="slow.html")
    assert err.value.input == "slow.html"
    assert not _alive(pid), "the worker of the timed-out call must be gone"
    assert pool.run(os.getpid, timeout=30) != pid  # a fresh worker for the next call


def test_a_dead_worker_fails_its_call_instead_of_hanging(pool: KillablePool) -> None:
    with pytest.raises(AnalysisError, match="died"):
        pool.run(os._exit, 3, timeout=30)
    assert pool.run(os.getpid, timeout=30) > 0


def test_busy_pool_refuses_without_waiting(pool: KillablePool) -> None:
    started = threading.Event()

    def hold() -> None:
        started.set()
        pool.run(time.sleep, 3, timeout=30)

    holder = threading.Thread(target=hold)
    holder.start()
    started.wait()
    time.sleep(0.2)
    with pytest.raises(WorkerBusy):
        pool.run(os.getpid, timeout=30, wait=False)
    holder.join()


def test_memory_is_capped_per_worker() -> None:
    """A worker that tries to hold more than its limit fails its call; the machine is untouched."""
    pool = KillablePool(1, warm=None, memory=256 * 1024 * 1024)
    try:
        with pytest.raises(AnalysisError, match="out of memory|died"):
            pool.run(bytearray, 512 * 1024 * 1024, timeout=60)
        assert pool.run(os.getpid, timeout=30) > 0
    finally:
        pool.close()
