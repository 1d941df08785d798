"""Photo attach: how long the GUI thread is blocked, and time until the thumbnail shows,
for a 24-megapixel JPEG attached through the real window."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import figure, settle  # noqa: E402


def make_24mp(path: Path, shift: int = 0) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (6000, 4000), "#1f5fbf")
    draw = ImageDraw.Draw(image)
    for x in range(0, 6000, 97):
        draw.line((x + shift, 0, 6000 - x, 4000), fill="#f29d38", width=5)
    image.save(path, "JPEG", quality=92)
    return path


def attach_once(app, window, photo: Path, heartbeat_ms: int | None) -> tuple[float, float]:
    """Attach under a real event loop; returns (longest GUI gap in s, seconds to thumbnail).

    A Python loop of QTest.qWait would starve the worker threads and inflate the second figure,
    so both runs wait inside app.exec()."""
    from PySide6.QtCore import Qt, QTimer

    gaps: list[float] = []
    started = time.perf_counter()
    last = [started]
    done: list[float] = []

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        if window.editor.strip.count() and not done:
            done.append(now - started)
        if done or now - started > 30:
            app.quit()

    timer = QTimer(interval=heartbeat_ms or 10)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    timer.start()
    window.photos.attach_paths([str(photo)])
    app.exec()
    timer.stop()
    return max(gaps), (done[0] if done else float("nan"))


def main() -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desktop.ui.runtime import prepare_qt

    prepare_qt()  # as the app does
    QCoreApplication.setOrganizationName("Talknotes-bench")
    app = QApplication(sys.argv[:1])
    from desktop.app import build_window
    from desktop.config import sample_schedule_path
    from desktop.services.importing import import_schedule
    from desktop.store.library import open_library
    from desktop.ui.notifier import Notifier

    class Silent(Notifier):  # a message box would wait for a click
        def warn(self, parent, title: str, text: str) -> None:
            print(f"{title}: {text}", file=sys.stderr)

    folder = Path(tempfile.mkdtemp(prefix="bench-photo-"))
    photos = [make_24mp(folder / f"IMG_24MP_{n}.jpg", shift=n * 31) for n in range(2)]
    lib = open_library(folder / "lib")
    import_schedule(lib, str(sample_schedule_path()))
    window = build_window(lib, notifier=Silent())
    window.show()
    settle(window)
    window.sidebar.select_talk(2)
    settle(window)  # its note open (300 ms was not always enough: the photo went elsewhere)
    blocked, _ = attach_once(app, window, photos[0], heartbeat_ms=1)
    window.sidebar.select_talk(3)
    settle(window)
    _, ready = attach_once(app, window, photos[1], heartbeat_ms=None)
    figure(
        "photo attach: GUI thread blocked (24 MP)",
        blocked * 1000,
        "ms",
        target="≤ 16 ms",
        note="longest gap of a 1 ms heartbeat",
    )
    figure(
        "photo attach: until thumbnail shown (24 MP)",
        ready,
        "s",
        target="≤ 0.5 s",
        note="hash, copy, EXIF, thumbnail (draft decode), strip",
    )
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
