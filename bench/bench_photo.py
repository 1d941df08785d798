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

from bench.common import figure  # noqa: E402


def make_24mp(path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (6000, 4000), "#1f5fbf")
    draw = ImageDraw.Draw(image)
    for x in range(0, 6000, 97):
        draw.line((x, 0, 6000 - x, 4000), fill="#f29d38", width=5)
    image.save(path, "JPEG", quality=92)
    return path


def main() -> None:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Talknotes-bench")
    app = QApplication(sys.argv[:1])
    from desktop.config import sample_schedule_path
    from desktop.store.library import open_library
    from desktop.ui.main_window import MainWindow
    from desktop.workflows.importing import import_schedule

    folder = Path(tempfile.mkdtemp(prefix="bench-photo-"))
    photo = make_24mp(folder / "IMG_24MP.jpg")
    lib = open_library(folder / "lib")
    import_schedule(lib, str(sample_schedule_path()))
    window = MainWindow(lib)
    window.photos.quiet = True
    window.show()
    window.sidebar.select_talk(2)
    QTest.qWait(300)

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:  # a 1 ms heartbeat: the longest gap is the longest block
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer(interval=1)
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    QTest.qWait(50)
    gaps.clear()
    started = time.perf_counter()
    last[0] = started
    window.photos.attach_paths([str(photo)])
    while window.editor.strip.count() == 0 and time.perf_counter() - started < 30:
        QTest.qWait(1)
    ready = time.perf_counter() - started
    heartbeat.stop()
    figure(
        "photo attach: GUI thread blocked (24 MP)",
        max(gaps) * 1000,
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
    _ = app


if __name__ == "__main__":
    main()
