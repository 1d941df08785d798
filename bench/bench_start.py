"""Start: process start to the first painted main window with FOSDEM 2024 in the library, to the
schedule listed in its sidebar (the library opens behind the painted window), and to Ctrl+J
answered (the talk running at a FOSDEM moment opened, pressed as the schedule shows): the
schedule usable. Against the floor, a bare window, run by run alternating."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import FOSDEM, ROOT, figure  # noqa: E402

RUNS = 7
DURING_FOSDEM = "2024-02-03T11:10:00+01:00"  # Saturday morning: dozens of talks running
MOMENTS = ("first-paint", "schedule-shown", "ctrl-j-answered")


def start(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start to each moment the process printed (first-paint, …), and
    the CPU seconds the process had used by then ("cpu first-paint", …)."""
    started = time.monotonic()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    events = {}
    for line in out.stdout.splitlines():
        name, _, rest = line.partition(" ")
        if name in MOMENTS:
            events[name] = float(rest.split()[0]) - started
            events[f"cpu {name}"] = float(rest.split()[1])
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
    # One of the talks running then is starred (as in a planned day): Ctrl+J opens it, rather
    # than asking which of the parallel talks
    listed = subprocess.run(
        [*talknotes, "talks", "--json"], env=env, check=True, capture_output=True, text=True
    )
    at = datetime.fromisoformat(DURING_FOSDEM)
    running = next(
        t["id"]
        for t in json.loads(listed.stdout)
        if t["start"]
        and datetime.fromisoformat(t["start"]) <= at < datetime.fromisoformat(t["end"])
    )
    subprocess.run([*talknotes, "star", str(running)], env=env, check=True, capture_output=True)
    probe = [
        sys.executable,
        str(ROOT / "bench" / "start_probe.py"),
        str(library / "lib"),
        "--at",
        DURING_FOSDEM,
    ]
    floor_cmd = [sys.executable, str(ROOT / "bench" / "floor_window.py")]
    widgets_cmd = [sys.executable, str(ROOT / "bench" / "widgets_window.py")]
    runs: dict[str, list[float]] = {m: [] for m in MOMENTS}
    cpu: dict[str, list[float]] = {m: [] for m in MOMENTS}
    floor_times, floor_cpu = [], []
    widgets_times, widgets_cpu = [], []
    start(probe, env)
    start(floor_cmd, env)  # warm the file cache, and write bytecode as an install does
    start(widgets_cmd, env)
    for _ in range(RUNS):  # alternate run by run
        events = start(probe, env)
        for moment in MOMENTS:
            runs[moment].append(events[moment])
            cpu[moment].append(events[f"cpu {moment}"])
        floor = start(floor_cmd, env)
        floor_times.append(floor["first-paint"])
        floor_cpu.append(floor["cpu first-paint"])
        widgets = start(widgets_cmd, env)
        widgets_times.append(widgets["first-paint"])
        widgets_cpu.append(widgets["cpu first-paint"])
    floor = statistics.median(floor_times)
    floor_note = f"{floor:.3f} s bare QMainWindow ({_spread(floor_times)})"
    bound = statistics.median(widgets_times)
    figure(  # what the first paint could be with no Talknotes code at all
        "first paint of the same Qt widgets, no Talknotes code (reference)",
        bound,
        "s",
        floor=floor_note,
        note=f"{bound / floor:.2f}× floor, median of {RUNS}, {_spread(widgets_times)}; CPU "
        f"{statistics.median(widgets_cpu) / statistics.median(floor_cpu):.2f}× the floor's "
        "(bench/widgets_window.py: the window's widgets, menus and actions in Qt alone)",
    )
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
            + ", ".join(f"{a / f:.2f}" for a, f in zip(runs[moment], floor_times, strict=True))
            + f"; CPU used by then {statistics.median(cpu[moment]):.3f} s = "
            f"{statistics.median(cpu[moment]) / statistics.median(floor_cpu):.2f}× the floor's "
            f"{statistics.median(floor_cpu):.3f} s (less moved by other processes)",
        )
    shutil.rmtree(library, ignore_errors=True)


if __name__ == "__main__":
    main()
