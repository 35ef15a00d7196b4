"""Process isolation for PDF extraction: timeouts, memory caps, crash containment.

pypdf can hang, exhaust memory or (rarely) segfault on hostile input, and none of that can be
stopped from inside the process (reliability.md §0.1, §4.1). So extraction runs in long-lived
worker processes, each handling many files (pypdf is imported once per worker, never in the
parent). The parent hands a worker one file at a time over a Pipe and keeps its deadline;
an overdue worker is SIGKILLed and replaced, a dead one is reported and replaced, and the run
goes on. Workers are started with "spawn" so they inherit no threads, locks or open index
files from the parent, and behave the same on every OS.

The workers are driven from a thread of the parent, not from the caller's loop: the caller
(the indexer) spends most of its time in Whoosh (adding pages, committing), and a worker
that could only get its next file when the caller came back for a result sat idle for up to
a commit per file. The thread hands out the next file the moment a result arrives and keeps
the deadlines, while the caller takes results from a bounded queue (at most one waiting
result per worker, so memory stays bounded when the caller is the slower side).
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing as mp
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from indexer.models import Extraction, Failure, FailureReason

Extractor = Callable[[Path], Extraction]
Result = Extraction | Failure

_EXIT_MEMORY = 86  # a worker exits with this when it runs out of memory outside a file
_CONTEXT = mp.get_context("spawn")

log = logging.getLogger(__name__)


def extract_many(
    jobs: Iterable[tuple[Path, str]],
    *,
    workers: int | None = None,
    file_timeout: float = 120.0,
    memory_mb: int = 2048,
    extractor: Extractor | str | None = None,
) -> Iterator[tuple[str, Result]]:
    """Extract every (absolute path, display name) job; yield (name, result) as they finish.

    `extractor` must be a module-level function (it is pickled by reference into the
    workers) or its "module:function" name, imported only in the workers; None means
    `indexer.extract:extract_pdf`.
    Closing the generator (or an exception, or Ctrl-C) kills every worker it started.
    """
    pool = _Pool(max(1, workers or os.cpu_count() or 1), file_timeout, memory_mb, extractor)
    try:
        yield from _drive_in_thread(pool, iter(jobs))
    finally:
        pool.close()


_DONE = object()


def _drive_in_thread(pool: _Pool, jobs: Iterator[tuple[Path, str]]) -> Iterator[tuple[str, Result]]:
    """Run `pool.run` in a thread; yield its results here, in the caller's thread.

    A job holds one of `2 * pool.size` credits from dispatch until the caller takes its
    result, so at most one finished result per worker waits in the queue. The thread stops
    (and the pool may be closed) as soon as this generator is closed or raises.
    """
    results: queue.SimpleQueue[object] = queue.SimpleQueue()
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    credits = threading.Semaphore(2 * pool.size)
    stop = threading.Event()

    def drive() -> None:
        try:
            for item in pool.run(jobs, credits=credits, stop=stop, wake=wake_r):
                results.put(item)
            results.put(_DONE)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            results.put(exc)

    thread = threading.Thread(target=drive, name="reportsearch-workers", daemon=True)
    thread.start()
    try:
        while True:
            try:
                item = results.get(timeout=0.5)  # a timeout keeps Ctrl-C responsive
            except queue.Empty:
                continue
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            credits.release()
            _poke(wake_w)
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        _poke(wake_w)
        thread.join()
        os.close(wake_r)
        os.close(wake_w)


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    name: str | None = None  # display name of the job in progress
    path: Path | None = None
    deadline: float = 0.0


class _Pool:
    """The parent side: at most `size` workers, one job each, deadlines kept here."""

    def __init__(
        self, size: int, timeout: float, memory_mb: int, extractor: Extractor | str | None
    ) -> None:
        self.size, self.timeout = size, timeout
        self.memory_mb, self.extractor = memory_mb, extractor
        self.workers: list[_Worker] = []
        self._exhausted = False

    def run(
        self,
        jobs: Iterator[tuple[Path, str]],
        *,
        credits: threading.Semaphore | None = None,
        stop: threading.Event | None = None,
        wake: int | None = None,
    ) -> Iterator[tuple[str, Result]]:
        """Dispatch, collect and yield until every job has a result (or `stop` is set).

        A job is dispatched only with one of `credits` (released by whoever takes its
        result); a byte on the `wake` file descriptor interrupts the wait (a credit came
        back, or `stop` was set).
        """
        self._exhausted = False
        while stop is None or not stop.is_set():
            self._fill(jobs, credits)
            busy = [w for w in self.workers if w.name is not None]
            if not busy and self._exhausted:
                return
            remaining = None
            if busy:
                remaining = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            waitables: list = [w.conn for w in busy] + [w.process.sentinel for w in busy]
            if wake is not None:
                waitables.append(wake)
            elif not busy:
                return  # no credits to wait for without a wake-up descriptor
            wait(waitables, remaining)
            if wake is not None:
                _drain(wake)
            # Collect everything ready before judging deadlines: time spent by our caller
            # between two results must not turn a finished file into a timeout.
            ready = [o for o in (self._collect(w) for w in busy) if o is not None]
            # Give idle workers their next file before handing results over.
            self._fill(jobs, credits)
            yield from ready

    def _fill(self, jobs: Iterator[tuple[Path, str]], credits: threading.Semaphore | None) -> None:
        while not self._exhausted and self._idle_or_room():
            if credits is not None and not credits.acquire(blocking=False):
                return
            job = next(jobs, None)
            if job is None:
                self._exhausted = True
                if credits is not None:
                    credits.release()
            else:
                self._dispatch(Path(job[0]), job[1])

    def _idle_or_room(self) -> bool:
        return len(self.workers) < self.size or any(w.name is None for w in self.workers)

    def _dispatch(self, path: Path, name: str) -> None:
        worker = next((w for w in self.workers if w.name is None), None)
        for _attempt in range(2):
            if worker is None or not worker.process.is_alive():
                if worker is not None:
                    self._discard(worker)
                worker = self._start()
            try:
                worker.conn.send((str(path), name))
            except (BrokenPipeError, ConnectionError, EOFError, OSError):
                self._discard(worker)  # died while idle: retry once on a fresh worker
                worker = None
                continue
            worker.name, worker.path = name, path
            worker.deadline = time.monotonic() + self.timeout
            return
        raise RuntimeError("could not start an extraction worker")

    def _collect(self, worker: _Worker) -> tuple[str, Result] | None:
        """The outcome of a busy worker if it has one (result, crash or timeout), else None."""
        name = worker.name
        assert name is not None
        try:
            if worker.conn.poll():
                got_name, result = worker.conn.recv()
                worker.name, worker.path = None, None
                return got_name, result
        except (EOFError, OSError, ConnectionError):
            pass  # the worker died; fall through to the exit code
        if worker.process.is_alive() and time.monotonic() < worker.deadline:
            return None
        if worker.process.is_alive():
            self._discard(worker)
            return name, Failure(name, FailureReason.TIMEOUT, f"no result after {self.timeout:g} s")
        worker.process.join(1.0)
        code = worker.process.exitcode
        self._discard(worker)
        return name, _death_failure(name, code)

    def _start(self) -> _Worker:
        parent_end, child_end = _CONTEXT.Pipe(duplex=True)
        process = _CONTEXT.Process(
            target=_worker_main,
            args=(child_end, self.extractor, self.memory_mb),
            name="reportsearch-extract",
            daemon=True,
        )
        process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        self.workers.append(worker)
        return worker

    def _discard(self, worker: _Worker) -> None:
        _kill(worker)
        if worker in self.workers:
            self.workers.remove(worker)

    def close(self) -> None:
        """Stop idle workers politely, kill busy ones; never leave a process behind."""
        for worker in self.workers:
            if worker.name is None and worker.process.is_alive():
                try:
                    worker.conn.send(None)
                except (OSError, ConnectionError, EOFError):
                    pass
        end = time.monotonic() + 2.0
        for worker in self.workers:
            if worker.name is None:
                worker.process.join(max(0.0, end - time.monotonic()))
            _kill(worker)
        self.workers.clear()


def _poke(fd: int) -> None:
    try:
        os.write(fd, b"x")
    except BlockingIOError:
        pass  # the pipe is full of wake-ups already


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass


def _kill(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()  # SIGKILL: a hung pypdf loop ignores anything gentler
    worker.process.join(5.0)
    worker.conn.close()
    if worker.process.exitcode is not None:
        worker.process.close()


def _death_failure(name: str, code: int | None) -> Failure:
    """Explain why a worker died while holding a file."""
    if code == _EXIT_MEMORY:
        return Failure(name, FailureReason.MEMORY, "worker ran out of memory")
    if code == -signal.SIGKILL:
        return Failure(
            name, FailureReason.MEMORY,
            "worker was killed (SIGKILL), most likely by the out-of-memory killer",
        )  # fmt: skip
    if code is not None and code < 0:
        try:
            what = signal.Signals(-code).name
        except ValueError:
            what = f"signal {-code}"
        return Failure(name, FailureReason.CRASHED, f"worker crashed ({what})")
    return Failure(name, FailureReason.CRASHED, f"worker exited unexpectedly (exit code {code})")


def _worker_main(conn: Connection, extractor: Extractor | str | None, memory_mb: int) -> None:
    """Child loop: receive (path, name), send (name, Extraction | Failure); None ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's job to handle
    _limit_memory(memory_mb)
    if extractor is None:
        extractor = "indexer.extract:extract_pdf"
    if isinstance(extractor, str):  # imported here: pypdf never enters the parent
        module, _, name = extractor.partition(":")
        extractor = getattr(importlib.import_module(module), name)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the parent went away
        if job is None:
            # Leave at once: tearing down the interpreter (langdetect's profiles and the
            # rest) took ~0.15 s, which the parent spent waiting in close().
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
        path, name = job
        try:
            result = _run_one(extractor, Path(path), name)
            try:
                conn.send((name, result))
            except (OSError, EOFError, MemoryError):
                raise
            except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable result
                conn.send(
                    (name, Failure(name, FailureReason.CRASHED, f"result not sendable: {exc}"))
                )
        except MemoryError:
            os._exit(_EXIT_MEMORY)
        except (OSError, EOFError):
            return


def _run_one(extractor: Extractor, path: Path, name: str) -> Result:
    """The per-file boundary: every exception becomes a Failure with a reason."""
    try:
        result = extractor(path)
    except MemoryError:
        return Failure(name, FailureReason.MEMORY, "ran out of memory (worker memory limit)")
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - the documented per-file boundary
        reason = getattr(exc, "reason", None)
        if isinstance(reason, FailureReason):
            return Failure(name, reason, str(getattr(exc, "message", exc)))
        # Not classified by the extractor: an internal error, not evidence of a broken PDF.
        # The traceback goes to the log (stderr of the run) so the bug can be found.
        log.exception("extracting %s failed unexpectedly", name)
        message = f"unexpected {type(exc).__name__}: {exc}"[:1000]
        return Failure(name, FailureReason.CRASHED, message)
    if not isinstance(result, Extraction):
        return Failure(name, FailureReason.CRASHED, f"extractor returned {type(result).__name__}")
    return result


def _limit_memory(memory_mb: int) -> None:
    """Cap the worker's address space so a bomb raises MemoryError instead of swapping."""
    try:
        import resource
    except ImportError:  # Windows: only the wall-clock timeout applies
        return
    limit = memory_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
