"""Start: process start to the first painted main window with FOSDEM 2024 in the library, to the
schedule listed in its sidebar (the library opens behind the painted window), and to Ctrl+J
answered (the talk running at a FOSDEM moment opened, pressed as the schedule shows): the
schedule usable. Against the floor, a bare window, run by run alternating."""

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
DURING_FOSDEM = "2024-02-03T11:10:00+01:00"  # Saturday morning: dozens of talks running
MOMENTS = ("first-paint", "schedule-shown", "ctrl-j-answered")


def start(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start to each moment the process printed (first-paint, …)."""
    started = time.monotonic()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    events = {}
    for line in out.stdout.splitlines():
        name, _, rest = line.partition(" ")
        if name in MOMENTS:
            events[name] = float(rest.split()[0]) - started
        elif name == "ctrl-j-talk" and rest == "None":
            raise RuntimeError("Ctrl+J opened no talk")
    if "first-paint" not in events:
        raise RuntimeError(f"no first paint: {out.stderr[-1000:]}")
    return events


def _spread(values: list[float]) -> str:
    return f"range {min(values):.3f}–{max(values):.3f} s"


def main() -> None:
    library = Path(tempfile.mkdtemp(prefix="bench-start-"))
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(library / "config"),
    }
    talknotes = [sys.executable, "-m", "desktop", "--library", str(library / "lib")]
    subprocess.run([*talknotes, "import", str(FOSDEM)], env=env, check=True, capture_output=True)
    probe = [
        sys.executable,
        str(ROOT / "bench" / "start_probe.py"),
        str(library / "lib"),
        "--at",
        DURING_FOSDEM,
    ]
    floor_cmd = [sys.executable, str(ROOT / "bench" / "floor_window.py")]
    runs: dict[str, list[float]] = {m: [] for m in MOMENTS}
    floor_times = []
    start(probe, env)
    start(floor_cmd, env)  # warm the file cache, and write bytecode as an install does
    for _ in range(RUNS):  # alternate run by run
        events = start(probe, env)
        for moment in MOMENTS:
            runs[moment].append(events[moment])
        floor_times.append(start(floor_cmd, env)["first-paint"])
    floor = statistics.median(floor_times)
    floor_note = f"{floor:.3f} s bare QMainWindow ({_spread(floor_times)})"
    for moment, name, target, before in (
        ("first-paint", "start to first paint, FOSDEM loaded", "≤ 1.3× floor", "0.206 s, 1.77×"),
        (
            "schedule-shown",
            "start to the FOSDEM schedule listed (876 talks)",
            "",
            "0.634 s, 5.44×",
        ),
        (
            "ctrl-j-answered",
            "start to schedule usable (listed, Ctrl+J answered)",
            "≤ 2× floor",
            "(not measured)",
        ),
    ):
        value = statistics.median(runs[moment])
        figure(
            name,
            value,
            "s",
            target=target,
            floor=floor_note,
            before=before,
            note=f"{value / floor:.2f}× floor, median of {RUNS}, "
            f"{_spread(runs[moment])}; ratios per run "
            + ", ".join(f"{a / f:.2f}" for a, f in zip(runs[moment], floor_times, strict=True)),
        )
    shutil.rmtree(library, ignore_errors=True)


if __name__ == "__main__":
    main()
