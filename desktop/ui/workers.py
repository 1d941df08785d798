"""Run plain functions off the GUI thread and get the result back through a signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Calls `fn(*args)` in a pool thread. The function gets plain data, never widgets."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
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


def submit(
    pool: QThreadPool,
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Job:
    job = Job(fn, *args)
    job.setAutoDelete(False)
    _in_flight.add(job)
    job.signals.finished.connect(lambda _r: _in_flight.discard(job))
    job.signals.failed.connect(lambda _e: _in_flight.discard(job))
    if on_done:
        job.signals.finished.connect(on_done)
    if on_error:
        job.signals.failed.connect(on_error)
    pool.start(job)
    return job
