"""declutter.parallel.ordered_map: results in input order, nothing lost, a bounded number
of items read ahead, the workers stopped when the caller leaves early."""

from __future__ import annotations

import multiprocessing
import time
import os
from concurrent.futures.process import BrokenProcessPool

import pytest

from declutter import parallel


def square(n: int) -> int:
    return n * n


def die(n: int) -> int:
    os._exit(9)


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_in_input_order_and_none_lost(jobs):
    with parallel.ordered_map(square, range(200), jobs) as results:
        assert list(results) == [n * n for n in range(200)]


def test_items_read_ahead_are_bounded():
    jobs = 2
    window = jobs * parallel.IN_FLIGHT_PER_JOB
    pulled = []

    def items():
        for n in range(100):
            pulled.append(n)
            yield n

    with parallel.ordered_map(square, items(), jobs) as results:
        for got, value in enumerate(results, start=1):
            assert value == (got - 1) ** 2
            assert len(pulled) - got <= window  # never more than the window in flight
    assert len(pulled) == 100


def test_a_dead_worker_raises_broken_pool():
    with pytest.raises(BrokenProcessPool):
        with parallel.ordered_map(die, range(10), 2) as results:
            list(results)


def test_leaving_early_stops_the_workers():
    before = set(multiprocessing.active_children())  # other tests' pools, if any
    with pytest.raises(RuntimeError):
        with parallel.ordered_map(square, range(1000), 2) as results:
            next(results)
            raise RuntimeError("the caller gives up")
    deadline = time.monotonic() + 30  # a loaded machine may take a while to reap them
    while set(multiprocessing.active_children()) - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert set(multiprocessing.active_children()) - before == set()


def test_one_item_or_one_job_runs_here():
    with parallel.ordered_map(square, [], 2) as results:
        assert list(results) == []
    with parallel.ordered_map(square, [3], 4) as results:
        assert list(results) == [9]
