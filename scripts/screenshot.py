"""Screenshot the real app (run under Xvfb): `python scripts/screenshot.py OUT.png [WxH]`.

Uses a throw-away library with the sample conference and a note, selects a talk, shows the
preview, and grabs the whole screen, window decorations and all.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime

NOTE = """## Key points

- SQLite in **WAL mode**: readers never block the writer
- Autosave within a second; `fsync` on switch
- Crash tests kill the app *at random*

> "If you can't kill -9 it safely, it isn't done."
> \\- Bram Okafor

[12:34] Demo: pulling the power cord mid-sentence. Nothing lost.

| Approach | Data lost |
|---|---|
| Save button | minutes |
| Autosave | < 1 s |
"""


def main() -> int:
    out = sys.argv[1]
    width, height = (int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "1280x800").split("x"))
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Talknotes-screenshot")
    app = QApplication(sys.argv[:1])
    from PySide6.QtCore import QSettings

    QSettings().clear()  # the default layout, not the one a previous run left
    from desktop.app import build_window
    from desktop.config import sample_schedule_path
    from desktop.services.importing import import_schedule
    from desktop.store.library import open_library
    from desktop.store.notes import save_talk_note
    from desktop.store.talks import list_talks, set_starred

    lib = open_library(tempfile.mkdtemp(prefix="talknotes-shot-"))
    import_schedule(lib, str(sample_schedule_path()))
    talks = {t.title: t for t in list_talks(lib)}
    offline = talks["Offline First, Always"]
    save_talk_note(lib, offline.id, NOTE)
    save_talk_note(lib, talks["Opening Keynote: Notes That Outlive the Conference"].id, "x")
    set_starred(lib, offline.id, True)
    from pathlib import Path

    from PIL import Image, ImageDraw

    from desktop.services.photos import attach_to_talk

    slides = []
    for n, (title, color) in enumerate((("WAL mode", "#1f5fbf"), ("fsync or lose", "#2d7a3a"))):
        slide = Image.new("RGB", (1600, 900), color)
        draw = ImageDraw.Draw(slide)
        draw.rectangle((80, 80, 1520, 820), outline="white", width=12)
        draw.text((140, 380), title, fill="white", font_size=140)
        path = Path(lib.path) / f"IMG_20260514_10{n}0.jpg"
        slide.save(path, "JPEG")
        slides.append(path)
    attach_to_talk(lib, offline.id, slides)
    window = build_window(lib, clock=lambda: datetime(2026, 5, 14, 9, 20, tzinfo=UTC))
    window.resize(width, height)
    window.move(0, 0)
    window.show()

    def shoot() -> None:
        window.sidebar.select_talk(offline.id)
        window.editor.abstract_button.setChecked(True)
        QTimer.singleShot(1200, grab)

    def grab() -> None:
        app.primaryScreen().grabWindow(0).save(out)
        window.close()
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
