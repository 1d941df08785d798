"""Start: process start to the first painted main window with FOSDEM 2024 in the library, vs the
floor; and to the schedule shown in it (the library opens behind the painted window)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import FOSDEM, ROOT, figure  # noqa: E402

RUNS = 7


def start(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start to each event the process printed (first-paint, …)."""
    started = time.monotonic()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    events = {}
    for line in out.stdout.splitlines():
        name, _, stamp = line.partition(" ")
        if name in ("first-paint", "schedule-shown"):
            events[name] = float(stamp) - started
    if "first-paint" not in events:
        raise RuntimeError(f"no first paint: {out.stderr[-1000:]}")
    return events


def main() -> None:
    library = Path(tempfile.mkdtemp(prefix="bench-start-"))
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": "offscreen",
        "TALKNOTES_EXIT_AFTER_FIRST_PAINT": "1",
        "XDG_CONFIG_HOME": str(library / "config"),
    }
    talknotes = [sys.executable, "-m", "desktop", "--library", str(library / "lib")]
    subprocess.run([*talknotes, "import", str(FOSDEM)], env=env, check=True, capture_output=True)
    floor_cmd = [sys.executable, str(ROOT / "bench" / "floor_window.py")]
    app_times, shown_times, floor_times = [], [], []
    start(talknotes, env)
    start(floor_cmd, env)  # warm the file cache, and write bytecode as an install does
    for _ in range(RUNS):  # alternate run by run
        events = start(talknotes, env)
        app_times.append(events["first-paint"])
        shown_times.append(events["schedule-shown"])
        floor_times.append(start(floor_cmd, env)["first-paint"])
    app, floor = statistics.median(app_times), statistics.median(floor_times)
    shown = statistics.median(shown_times)
    figure(
        "start to first paint, FOSDEM loaded",
        app,
        "s",
        target="≤ 1.3× floor",
        floor=f"{floor:.3f} s bare QMainWindow",
        note=f"{app / floor:.2f}× floor, median of {RUNS}",
    )
    figure(
        "start to the FOSDEM schedule shown (876 talks)",
        shown,
        "s",
        floor=f"{floor:.3f} s bare QMainWindow",
        note=f"{shown / floor:.2f}× floor, median of {RUNS}",
    )
    shutil.rmtree(library, ignore_errors=True)


if __name__ == "__main__":
    main()
