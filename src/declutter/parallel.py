"""An ordered parallel map with bounded work in flight, on the standard library's
:class:`concurrent.futures.ProcessPoolExecutor`.

Why not ``executor.map`` or ``multiprocessing.Pool.imap``: both take items from the
input as fast as they can (``Executor.map`` submits every item before yielding the first
result; ``Pool.imap``'s feeder thread runs ahead of the consumer), so a corpus larger
than memory would be read into memory. :func:`ordered_map` submits at most ``window``
items before it waits for the oldest result, so memory stays bounded; results come back
in input order; leaving it early (an exception, Ctrl-C, a closed pipe) stops the
workers at once.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import chain, islice
from typing import Callable, Iterable, Iterator, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Items submitted per worker process before the oldest result is awaited.
IN_FLIGHT_PER_JOB = 2
#: Seconds to wait for a terminated worker process to go away.
WORKER_JOIN_SECONDS = 5.0


def default_jobs() -> int:
    """The CPUs this process may run on (all cores when that is unknown)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _ignore_sigint() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (it stops the workers).

    The worker was started with SIGINT blocked (see :func:`_sigint_blocked`), so a Ctrl-C
    that came before this point is dropped instead of raising in the worker.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold SIGINT back while worker processes may be started (they inherit the mask);
    a Ctrl-C in the meantime reaches this process right after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop_pool(executor: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the worker processes now."""
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()  # shuts down, cancels and terminates in one step
        return
    # Before 3.14 there is no public way to stop running workers; shutdown() forgets
    # the processes, so take them first.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(WORKER_JOIN_SECONDS)


def _ordered_results(executor: ProcessPoolExecutor, function: Callable[[Item], Result],
                     items: Iterator[Item], window: int) -> Iterator[Result]:
    pending: deque[Future[Result]] = deque()
    for item in items:
        with _sigint_blocked():  # submit() starts the worker processes
            pending.append(executor.submit(function, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@contextmanager
def ordered_map(function: Callable[[Item], Result], items: Iterable[Item],
                jobs: int) -> Iterator[Iterator[Result]]:
    """``function(item)`` for every item, in input order, from ``jobs`` processes.

    With ``jobs == 1``, or when there is only one item, the items are handled in this
    process. Otherwise at most ``jobs * IN_FLIGHT_PER_JOB`` items are in flight (read
    from ``items`` and not yet handed back); leaving the ``with`` block by an exception
    stops the workers at once. ``function`` and the items must be picklable.

    :raises concurrent.futures.process.BrokenProcessPool: when a worker process died.
    """
    items = iter(items)
    head = list(islice(items, jobs)) if jobs > 1 else []
    if len(head) <= 1:
        yield (function(item) for item in chain(head, items))
        return
    executor = ProcessPoolExecutor(max_workers=min(jobs, len(head)), initializer=_ignore_sigint)
    try:
        yield _ordered_results(executor, function, chain(head, items), jobs * IN_FLIGHT_PER_JOB)
    except BaseException:
        _stop_pool(executor)
        raise
    executor.shutdown(wait=True)
