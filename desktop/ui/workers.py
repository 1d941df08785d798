"""Run plain functions off the GUI thread and get the result back through a signal."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Job:
    """Calls `fn(*args)` in a pool thread. The function gets plain data, never widgets.

    Not a QRunnable: the pool is handed the bound `run`, which it lets go once run. Given a
    QRunnable, PySide keeps it as the pool's child, and a job done before `start` returned
    (a word count of known paragraphs) stayed the pool's forever, with its arguments."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        self.fn, self.args = fn, args
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except BaseException as exc:  # noqa: BLE001 (reported to the GUI thread)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_in_flight: set[Job] = set()  # keeps jobs (and their signal objects) alive until they report


def _release(job: Job) -> None:
    """The job reported (its callbacks ran before this one): let it go. Its signals object
    holds the connected callbacks, and they hold the job and its arguments; Python's
    collector cannot see references held by Qt, so only deleting that object (later, out
    of the delivery of its own signal) frees them. Without it every job lived on with its
    arguments: each autosave kept its note's text (~1 MB for a 100,000-word note, 4 MB of
    memory a second while typing into it)."""
    _in_flight.discard(job)
    job.signals.deleteLater()


def submit(
    pool: QThreadPool,
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Job:
    job = Job(fn, *args)
    _in_flight.add(job)
    if on_done:
        job.signals.finished.connect(on_done)
    if on_error:
        job.signals.failed.connect(on_error)
    release = partial(_release, job)  # connected last: runs after the callbacks
    job.signals.finished.connect(lambda _r: release())
    job.signals.failed.connect(lambda _e: release())
    pool.start(job.run)
    return job


def drain(pool: QThreadPool, timeout_ms: int) -> bool:
    """Wait until every job handed to `pool` (of one thread) so far has run; False on timeout.
    Not QThreadPool.waitForDone, which also ends the pool's threads: the next job then ran on a
    new thread, which opened a library connection of its own while the old one stayed open."""
    if pool.maxThreadCount() != 1:
        raise ValueError("drain() waits behind earlier jobs on a pool of one thread only")
    done = threading.Event()
    pool.start(done.set)  # runs after every job started before it
    return done.wait(timeout_ms / 1000)
