"""Export dialog: how long the GUI thread is held when a blog folder of 500 posts is chosen.

The blogs are the two real fixture blogs, each post copied 100 times (500 posts). A 2 ms
heartbeat timer runs on the GUI thread; the figure is the longest gap between two of its
ticks from the moment the folder is chosen until the dialog shows the learned profile (and
the preview composed with it): what a user would feel as a frozen window. The time until the
profile is shown is printed beside it.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import SHARED, figure  # noqa: E402

COPIES = 100  # 5 posts in each fixture blog: 500 posts


def many_posts(fixture: str, dest: Path, copies: int = COPIES) -> Path:
    """The fixture blog with each of its posts copied `copies` times (config kept, photos
    left out: learning reads only the Markdown)."""
    source = SHARED / "blogs" / fixture
    dest.mkdir(parents=True)
    for item in source.iterdir():
        if item.is_file():
            shutil.copy(item, dest / item.name)
    for post in sorted(source.rglob("*.md")):
        relative = post.relative_to(source)
        (dest / relative.parent).mkdir(parents=True, exist_ok=True)
        for n in range(copies):
            shutil.copy(post, dest / relative.parent / f"{post.stem}-{n:03d}{post.suffix}")
    return dest


def held_while_choosing(blog: Path) -> tuple[float, float, float]:
    """(longest gap between event-loop turns, seconds until the profile is shown, longest gap
    as long again with nothing to do)."""
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.config import sample_schedule_path
    from desktop.services.importing import import_schedule
    from desktop.store.library import open_library
    from desktop.ui.backend import Backend
    from desktop.ui.export.dialog import ExportDialog

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-dialog-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "qs"))
    lib = open_library(folder / "lib")
    import_schedule(lib, str(sample_schedule_path()))
    dialog = ExportDialog(lib, Backend(), conference_id=1)
    dialog.show()
    loop = QEventLoop()

    def wait_settled() -> None:
        check = QTimer(interval=2)
        check.timeout.connect(lambda: dialog.settled() and loop.quit())
        check.start()
        loop.exec()
        check.stop()

    wait_settled()
    ticks: list[float] = []
    beat = QTimer(interval=2)
    beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    beat.start()
    started = 0.0

    def choose() -> None:  # as choose_blog does once the folder dialog returns
        nonlocal started
        started = time.perf_counter()
        ticks.append(started)
        dialog.post.blog.setText(str(blog))
        dialog.load_profile()

    QTimer.singleShot(50, choose)
    app.processEvents()
    while not started:
        app.processEvents()
    wait_settled()
    shown = time.perf_counter() - started
    ticks.append(time.perf_counter())
    beat.stop()
    assert dialog.profile is not None and dialog.profile.learned_from >= COPIES
    after = [t for t in ticks if t >= started]
    gap = max(b - a for a, b in zip(after, after[1:], strict=False))
    # the floor: the same heartbeat as long again with nothing asked (this VM's own stalls)
    idle: list[float] = [time.perf_counter()]
    beat.timeout.disconnect()
    beat.timeout.connect(lambda: idle.append(time.perf_counter()))
    beat.start()
    QTimer.singleShot(max(int(shown * 1000), 200), loop.quit)
    loop.exec()
    beat.stop()
    floor = max(b - a for a, b in zip(idle, idle[1:], strict=False))
    dialog.close()
    return gap, shown, floor


def main() -> None:
    # before: the profile was learned on the GUI thread (three runs each on this machine)
    before = {"Hugo": "0.47–0.81 s", "Jekyll": "0.12–0.44 s"}
    which = sys.argv[1:] or ["galexrt+www.edenmal.moe", "jaxxstorm+leebriggs.co.uk"]
    for fixture in which:
        engine = "Hugo" if fixture.startswith("galexrt") else "Jekyll"
        blog = many_posts(fixture, Path(tempfile.mkdtemp(prefix="bench-blog-")) / "blog")
        gap, shown, floor = held_while_choosing(blog)
        figure(
            f"export dialog: GUI held choosing a {engine} blog of 500 posts",
            gap,
            "s",
            target="< 0.050 s",
            floor=f"{floor:.3f} s idle",
            note=f"profile shown after {shown:.2f} s",
            before=before[engine],
        )


if __name__ == "__main__":
    main()
