"""Start: process start to first painted main window with FOSDEM 2024 loaded, vs the floor."""

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


def first_paint(command: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    line = next((x for x in out.stdout.splitlines() if x.startswith("first-paint")), None)
    if line is None:
        raise RuntimeError(f"no first paint: {out.stderr[-1000:]}")
    return float(line.split()[1]) - started


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
    app_times, floor_times = [], []
    first_paint(talknotes, env)
    first_paint(floor_cmd, env)  # warm the file cache, and write bytecode as an install does
    for _ in range(RUNS):  # alternate run by run
        app_times.append(first_paint(talknotes, env))
        floor_times.append(first_paint(floor_cmd, env))
    app, floor = statistics.median(app_times), statistics.median(floor_times)
    figure(
        "start to first paint, FOSDEM loaded",
        app,
        "s",
        target="≤ 1.3× floor",
        floor=f"{floor:.3f} s bare QMainWindow",
        note=f"{app / floor:.2f}× floor, median of {RUNS}",
    )
    shutil.rmtree(library, ignore_errors=True)


if __name__ == "__main__":
    main()
