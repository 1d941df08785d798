"""Screenshots of slide text (run under Xvfb): `python scripts/screenshot_ocr.py OUT_DIR [PHOTO…]`.

Attaches slide photos (default: two real phone photos from the shared fixtures) to a talk in a
throw-away library, lets the OCR worker read them, and saves:
`1-suggestion.png` (the strip shows the suggested caption apart, the tooltip the slide's text),
`2-accepted.png` (suggestion taken, Insert Slide Text in the note and preview),
`3-search.png` (Ctrl+Shift+F finds the talk by a word on the slide), `4-export.md` (the post an
export writes: the slides' titles as captions).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOG = ROOT.parent / "shared" / "fixtures" / "blogs" / "galexrt+www.edenmal.moe"
REAL = BLOG / "content" / "post" / "2018" / "KubeCon-Copenhagen-2018-Day-2"
DEFAULT = [REAL / "IMG_20180503_093315.jpg", REAL / "IMG_20180503_091557.jpg"]


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    photos = [Path(p) for p in sys.argv[2:]] or [p for p in DEFAULT if p.exists()]
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QCoreApplication, QPoint, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QToolTip

    QCoreApplication.setOrganizationName("Talknotes-screenshot")
    app = QApplication(sys.argv[:1])
    QSettings().clear()
    from desktop.app import build_window
    from desktop.config import sample_schedule_path
    from desktop.services.importing import import_schedule
    from desktop.store.library import open_library
    from desktop.store.talks import list_talks
    from desktop.ui.slide_reading import install

    lib = open_library(tempfile.mkdtemp(prefix="talknotes-ocr-shot-"))
    import_schedule(lib, str(sample_schedule_path()))
    talk = next(t for t in list_talks(lib) if t.title == "Offline First, Always")
    incoming = Path(tempfile.mkdtemp(prefix="incoming-"))
    copies = []
    for photo in photos:
        copies.append(incoming / photo.name)
        shutil.copyfile(photo, copies[-1])
    window = build_window(lib, clock=lambda: datetime(2026, 5, 14, 9, 20, tzinfo=UTC))
    reading = install(window)
    window.resize(1366, 740)
    window.move(0, 0)
    window.show()
    read: list[dict] = []

    def grab(name: str) -> None:
        app.primaryScreen().grabWindow(0).save(str(out / name))
        print(out / name, flush=True)

    def start() -> None:
        window.sidebar.select_talk(talk.id)
        window.when_open(write)  # the note is read off the GUI thread

    def write() -> None:
        window.editor.edit.setPlainText("## Notes\n\nOperators came up in the keynote.\n")
        window.editor.move_to_end()
        reading.start(lib)
        window.photos.attach_paths([str(p) for p in copies])

    def on_read(event: dict) -> None:
        read.append(event)
        if len(read) == len(copies):
            QTimer.singleShot(1500, suggestion)

    def suggestion() -> None:
        strip = window.editor.strip
        item = strip.item(0)
        rect = strip.visualItemRect(item)
        QToolTip.showText(strip.mapToGlobal(rect.center() + QPoint(0, 10)), item.toolTip(), strip)
        QTimer.singleShot(900, lambda: (grab("1-suggestion.png"), accept()))

    def accept() -> None:
        QToolTip.hideText()
        photo = window.editor.strip.photos()[0]
        reading.accept_suggestion(photo)
        window.editor.strip.item(0).setSelected(True)
        window.editor.move_to_end()
        reading.insert_selected()
        QTimer.singleShot(2000, lambda: (grab("2-accepted.png"), search()))

    def search() -> None:
        window.search_notes()
        panel = window.search_panel
        panel.move(380, 140)
        panel.query.setText("sandboxed")
        QTimer.singleShot(1200, lambda: (grab("3-search.png"), export()))

    def export() -> None:
        """The post an export writes: the taken suggestion and the pending one as captions."""
        from desktop.exporters.compose import ExportRequest
        from desktop.exporters.registry import default_profile
        from desktop.services.exporting import export as write_post

        window.autosaver.flush()
        blog = Path(tempfile.mkdtemp(prefix="blog-"))
        write_post(
            lib, ExportRequest("talk", talk_id=talk.id), blog, profile=default_profile("hugo")
        )
        (post,) = blog.rglob("*.md")
        (out / "4-export.md").write_text(post.read_text())
        print(out / "4-export.md", flush=True)
        done()

    def done() -> None:
        reading.stop()
        window.close()
        app.quit()

    reading.photo_read.connect(on_read)
    QTimer.singleShot(800, start)
    QTimer.singleShot(120_000, done)  # never hang
    app.exec()
    return 0 if len(read) == len(copies) else 1


if __name__ == "__main__":
    raise SystemExit(main())
