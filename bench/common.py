"""Helpers for benchmark scripts: each prints figures as JSON lines for bench/run.py."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "fixtures"
FOSDEM = SHARED / "schedules" / "xml" / "fosdem-2024-schedule.xml"


def figure(
    name: str,
    value: float,
    unit: str,
    target: str = "",
    floor: str = "",
    note: str = "",
    before: str = "",
) -> None:
    """One figure. `before`: its value before the work under way (issue 22's start), kept
    beside the target so that a regression shows."""
    print(
        json.dumps(
            {
                "name": name,
                "value": value,
                "unit": unit,
                "target": target,
                "floor": floor,
                "note": note,
                "before": before,
            }
        ),
        flush=True,
    )


def median_time(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def settle(window, timeout_ms: int = 30_000) -> None:
    """Wait in a real event loop until the window has no library read or write under way
    (it reads off the GUI thread; a Python loop of waits would starve those threads)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, check = QEventLoop(), QTimer(interval=2)
    check.timeout.connect(lambda: window.settled() and loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    check.start()
    if not window.settled():
        loop.exec()
    check.stop()
