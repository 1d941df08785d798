"""Typing: keystroke latency in a 20,000-word note with the live preview on, against a floor.

A virtual typist presses keys at ~60/s (timer-driven QTest key clicks); a key's latency runs
from when it was due to when Qt had processed it, so anything that holds the GUI thread
(painting, highlighting, a render, a save) counts. Typing on without a pause, the preview
renders about once a second (preview.MAX_WAIT_MS), so the run includes renders. The same
typist also types into a bare QPlainTextEdit of the editor's size holding the same text: the
floor, what Qt and this machine cost with none of Talknotes.

Each run is its own process, app and floor alternating, RUNS times. This 2-core VM stalls a
busy process for 5–25 ms dozens of times in 10 s (a bare busy loop sees it), so one run's p99
moves by several ms; the figure is the median over runs, and every run's p99 is printed.
"""

from __future__ import annotations

import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import figure  # noqa: E402

RUNS = 5
KEYS = 600
INTERVAL_MS = 16


def words(n: int) -> str:
    rng = random.Random(1)
    vocab = [
        "conference",
        "talk",
        "speaker",
        "slide",
        "notes",
        "kubernetes",
        "latency",
        "SQLite",
        "**bold**",
        "*emphasis*",
        "`code`",
        "[link](https://example.org)",
        "quote",
    ]
    paragraphs = []
    for p in range(n // 100):
        line = " ".join(rng.choice(vocab) for _ in range(100))
        paragraphs.append((f"## Section {p}\n\n" if p % 10 == 0 else "") + line)
    return "\n\n".join(paragraphs)


def continuous() -> list[float]:
    """When each key is due, in seconds from the start: one long burst."""
    return [n * INTERVAL_MS / 1000 for n in range(KEYS)]


def _cpu_times() -> list[int]:
    """The machine's CPU time so far, by kind (/proc/stat): user nice system idle … steal."""
    with open("/proc/stat") as stat:
        return [int(x) for x in stat.readline().split()[1:]]


def _summary(latencies: list[float], steal: float, **extra: object) -> dict:
    ordered = sorted(latencies)
    return {
        "p50": statistics.median(ordered),
        "p99": ordered[int(len(ordered) * 0.99) - 1],
        "max": ordered[-1],
        "steal": steal,
        **extra,
    }


def _type(app, edit, due: list[float], ready) -> tuple[list[float], float]:
    """Press KEYS keys into `edit` on the `due` schedule, once `ready()` is true. Also
    returns the share of CPU time the VM's host took meanwhile (steal, in %), which stalls
    every thread here alike."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    latencies: list[float] = []
    started = 0.0

    def press() -> None:
        """Key n is pressed at started + due[n]; its latency runs from then until Qt has
        processed it (a busy GUI thread makes keys wait, and that counts)."""
        pressed_at = started + due[len(latencies)]
        if time.perf_counter() < pressed_at:
            return  # not typed yet
        QTest.keyClick(edit, Qt.Key.Key_A if len(latencies) % 7 else Qt.Key.Key_Space)
        latencies.append((time.perf_counter() - pressed_at) * 1000)
        if len(latencies) >= KEYS:
            timer.stop()
            app.quit()

    timer = QTimer(interval=1)  # poll often; keys go out on the typist's schedule
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(press)

    def begin() -> None:
        """Start once ready, then a second later (layout goes on after the first paint).
        Wait inside app.exec: a loop of QTest.qWait would starve the render thread."""
        nonlocal started
        if not ready():
            return
        waiting.stop()
        started = time.perf_counter() + 1.0
        timer.start()

    waiting = QTimer(interval=20)
    waiting.timeout.connect(begin)
    waiting.start()
    before = _cpu_times()
    app.exec()
    spent = [b - a for a, b in zip(before, _cpu_times(), strict=True)]
    return latencies, 100 * spent[7] / max(1, sum(spent))


def _app(due: list[float]) -> dict:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desktop.startup import startup_done
    from desktop.ui.runtime import prepare_qt

    gc.disable()  # as desktop.start.main does
    prepare_qt()  # as the app does
    QCoreApplication.setOrganizationName("Talknotes-bench")
    app = QApplication(sys.argv[:1])
    from desktop.config import sample_schedule_path
    from desktop.store.library import open_library
    from desktop.store.notes import save_talk_note
    from desktop.ui.main_window import MainWindow
    from desktop.workflows.importing import import_schedule

    lib = open_library(tempfile.mkdtemp(prefix="bench-typing-"))
    import_schedule(lib, str(sample_schedule_path()))
    save_talk_note(lib, 2, words(20_000))
    window = MainWindow(lib)
    window.resize(1280, 800)
    window.show()
    window.sidebar.select_talk(2)
    window.editor.move_to_end()
    assert window.preview.isVisible()
    startup_done()
    latencies, steal = _type(app, window.editor.edit, due, lambda: window.preview.renders >= 1)
    window.autosaver.flush()
    size = window.editor.edit.size()
    return _summary(
        latencies,
        steal,
        renders=window.preview.renders - 1,  # while typing
        editor=[size.width(), size.height()],
    )


def _floor(due: list[float], size: tuple[int, int]) -> dict:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from desktop.ui.runtime import prepare_qt

    prepare_qt()
    app = QApplication(sys.argv[:1])
    edit = QPlainTextEdit()
    edit.setPlainText(words(20_000))
    edit.resize(*size)
    edit.show()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    return _summary(*_type(app, edit, due, lambda: True))


def _child(kind: str, size: str = "") -> None:
    due = continuous()
    width, _, height = size.partition("x")
    result = _app(due) if kind == "app" else _floor(due, (int(width), int(height)))
    print(json.dumps(result), flush=True)
    os._exit(0)  # skip Qt's teardown at interpreter exit


def _run(kind: str, size: str = "") -> dict:
    """One run in a process of its own; a floor gets the size of the app's editor."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, size],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _each(runs: list[dict], key: str) -> str:
    return ", ".join(f"{r[key]:.1f}" for r in runs)


def main() -> None:
    apps, floors = [], []
    for _ in range(RUNS):
        apps.append(_run("app"))
        floors.append(_run("floor", "{}x{}".format(*apps[-1]["editor"])))
    p99s = [r["p99"] for r in apps]
    floor_p99s = [r["p99"] for r in floors]
    figure(
        "typing latency p50 (20,000 words, preview on)",
        statistics.median(r["p50"] for r in apps),
        "ms",
        floor=f"floor {statistics.median(r['p50'] for r in floors):.1f} ms",
    )
    figure(
        "typing latency p99 (20,000 words, preview on)",
        statistics.median(p99s),
        "ms",
        target="≤ 8 ms",
        floor=f"floor {statistics.median(floor_p99s):.1f} ms (bare QPlainTextEdit)",
        note=f"median of {RUNS} runs of {KEYS} keys at {1000 // INTERVAL_MS}/s; "
        f"p99 per run {_each(apps, 'p99')} (floor {_each(floors, 'p99')}); "
        f"max {max(r['max'] for r in apps):.1f} ms; "
        f"host steal {_each(apps, 'steal')} % (floor {_each(floors, 'steal')}); "
        f"{'/'.join(str(r['renders']) for r in apps)} previews rendered; "
        f"editor {'×'.join(map(str, apps[0]['editor']))}",
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(*sys.argv[2:4])
    else:
        main()
