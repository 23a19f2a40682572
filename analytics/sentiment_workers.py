"""Worker processes for the CPU-bound parts of sentiment work (VADER scoring, language identification).

Both are pure Python, so threads would not help: large batches are cut into chunks and mapped over one process per
core. Workers come from a ``forkserver`` preloaded with the modules they need, because forking a process that is
running DuckDB's and Streamlit's threads can deadlock the child; where there is no forkserver (Windows, macOS
defaults aside) they are spawned.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import types
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN_ITEMS = 20_000  # below this, worker start-up (about a second) costs more than the extra cores save
CHUNK_ITEMS = 4_000          # items per task: small enough for a smooth progress bar, big enough to amortise pickling
PRELOAD = ["analytics.sentiment_kernel"]  # light: what scoring workers run (language workers import their own)


def worker_count() -> int:
    """Processes to use: every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not available on macOS and Windows
        return max(1, os.cpu_count() or 1)


def pool(workers: int) -> ProcessPoolExecutor:
    """A process pool from a preloaded forkserver (see the module docstring), else from spawned interpreters."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
    else:
        ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx)


def map_chunks(func: Callable[[Sequence[T]], R], items: Sequence[T],
               parallel: bool | None = None) -> Iterator[tuple[int, R]]:
    """Yield ``(start, func(items[start:start + CHUNK_ITEMS]))`` for every chunk, in order.

    ``func`` must be a module-level function (it is pickled by reference). ``parallel=None`` uses worker processes
    when the batch is at least ``PARALLEL_MIN_ITEMS`` long and there is more than one core.
    """
    workers = worker_count()
    if parallel is None:
        parallel = len(items) >= PARALLEL_MIN_ITEMS and workers > 1
    starts = range(0, len(items), CHUNK_ITEMS)
    if not parallel:
        for start in starts:
            yield start, func(items[start:start + CHUNK_ITEMS])
        return
    with pool(workers) as executor:
        with _main_script_hidden():  # workers start during submit
            futures = [(start, executor.submit(func, list(items[start:start + CHUNK_ITEMS]))) for start in starts]
        for start, future in futures:
            yield start, future.result()


@contextmanager
def _main_script_hidden() -> Iterator[None]:
    """Start workers without re-running the parent's ``__main__`` script in them.

    A new worker re-imports the parent's main script by path (multiprocessing's "fix up main"). Under Streamlit (and
    its AppTest) ``__main__`` is the page being run, which has no ``if __name__ == "__main__"`` guard: the worker
    would run the page, open the workspace the parent holds locked, and die, breaking the pool. Workers only need
    ``analytics``, so while they start ``__main__`` is an empty module.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main
