"""Typing: keystroke latency in a 20,000-word note with the live preview on.

Keys are fed by a timer at ~60 keys/s; a key's latency runs from when it was due to when Qt had
processed it (so a preview render or a save that blocks the GUI thread shows up).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import figure  # noqa: E402

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


def with_pauses(seed: int = 7) -> list[float]:
    """Bursts of 30–80 keys with 0.3–2 s pauses between them (previews render in pauses)."""
    rng = random.Random(seed)
    due, at = [], 0.0
    while len(due) < KEYS:
        for _ in range(rng.randint(30, 80)):
            due.append(at)
            at += INTERVAL_MS / 1000
        at += rng.uniform(0.3, 2.0)
    return due[:KEYS]


def main(schedule: list[float] | None = None, label: str = "") -> None:
    due = schedule or continuous()
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Talknotes-bench")
    app = QApplication(sys.argv[:1])
    from desktop.config import sample_schedule_path
    from desktop.store.library import open_library
    from desktop.store.notes import save_talk_note
    from desktop.ui.main_window import MainWindow
    from desktop.workflows.importing import import_schedule

    lib = open_library(tempfile.mkdtemp(prefix="bench-typing-"))
    import_schedule(lib, str(sample_schedule_path()))
    text = words(20_000)
    save_talk_note(lib, 2, text)
    window = MainWindow(lib)
    window.resize(1280, 800)
    window.show()
    window.sidebar.select_talk(2)
    window.editor.move_to_end()
    assert window.preview.isVisible()
    latencies: list[float] = []
    started = 0.0

    def press() -> None:
        """A virtual typist presses key n at started + n × INTERVAL; its latency runs from then
        until Qt has processed it (a busy GUI thread makes keys wait, and that counts)."""
        pressed_at = started + due[len(latencies)]
        if time.perf_counter() < pressed_at:
            return  # not typed yet
        QTest.keyClick(window.editor.edit, Qt.Key.Key_A if len(latencies) % 7 else Qt.Key.Key_Space)
        latencies.append((time.perf_counter() - pressed_at) * 1000)
        if len(latencies) >= KEYS:
            timer.stop()
            app.quit()

    timer = QTimer(interval=1)  # poll often; keys go out on the typist's schedule
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(press)

    def begin() -> None:
        """Start typing once the long note's first preview is shown. (Waiting in a loop of
        QTest.qWait would starve the render thread: wait inside app.exec.)"""
        nonlocal started
        if window.preview.renders < 1:
            return
        waiting.stop()
        started = time.perf_counter() + 1.0  # its layout goes on ~0.1 s after it shows
        timer.start()

    waiting = QTimer(interval=20)
    waiting.timeout.connect(begin)
    waiting.start()
    app.exec()
    window.autosaver.flush()
    renders = window.preview.renders - 1  # during typing
    latencies.sort()
    p50 = statistics.median(latencies)
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    figure(f"typing latency p50 (20,000 words, preview on{label})", p50, "ms")
    figure(
        f"typing latency p99 (20,000 words, preview on{label})",
        p99,
        "ms",
        target="≤ 8 ms",
        note=f"{KEYS} keys at {1000 // INTERVAL_MS}/s{label}; {renders} previews rendered; "
        f"max {latencies[-1]:.1f} ms",
    )
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown at interpreter exit


if __name__ == "__main__":
    main()
