"""Composition root: builds the QApplication, opens the library, makes the window, wires them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop import config


def first_run_sample(lib, settings) -> bool:
    """Load the bundled sample conference into a new, empty library (once per library)."""
    from desktop.store.conferences import list_conferences

    key = f"sample-offered/{lib.path}"
    if list_conferences(lib) or settings.value(key, False) in (True, "true"):
        return False
    from desktop.workflows.importing import import_schedule

    settings.setValue(key, True)
    import_schedule(lib, str(config.sample_schedule_path()))
    return True


def main(library: str | Path | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.start import startup_done
    from desktop.store.lock import LibraryBusy, acquire
    from desktop.ui.main_window import MainWindow
    from desktop.ui.runtime import prepare_qt

    prepare_qt()
    QCoreApplication.setOrganizationName(config.ORGANIZATION)
    QCoreApplication.setApplicationName(config.APP_NAME)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setDesktopFileName(config.APP_ID)
    icon = config.resources_dir() / "icons" / "talknotes.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))

    folder = Path(library).expanduser() if library else config.default_library_dir()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        lock = acquire(folder, 0.5, "window or command")
    except LibraryBusy:
        QMessageBox.information(
            None,
            "Talknotes",
            f"Talknotes is already open with this library ({folder}).\n\nSwitch to that window.",
        )
        return 2
    try:
        lib = open_or_recover(folder)
        if lib is None:
            return 2
        sample_loaded = first_run_sample(lib, QSettings())
        window = MainWindow(lib, load_now=False)
        if os.environ.get("TALKNOTES_EXIT_AFTER_FIRST_PAINT"):
            _exit_after_first_paint(window)  # benchmarks and smoke tests
        window.show()
        window.reload_in_background()
        if sample_loaded:
            window.statusBar().showMessage(
                "Welcome! This is a sample conference. Import your own schedule with File → "
                "Import Schedule… (Ctrl+O).",
                30_000,
            )
        startup_done()
        code = app.exec()
        lib.close()
        return code
    finally:
        lock.release()


def _exit_after_first_paint(window) -> None:
    """Print the monotonic time of the window's first paint, then quit."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                print(f"first-paint {time.monotonic():.6f}", flush=True)
                window.removeEventFilter(self)
                QTimer.singleShot(0, window.close)
            return False

    window._first_paint = FirstPaint(window)  # kept alive with the window
    window.installEventFilter(window._first_paint)


def open_or_recover(folder: Path):
    """Open the library; if it is damaged, say so and offer the newest good backup."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.core.errors import TalknotesError
    from desktop.store import backup
    from desktop.store.library import open_library

    try:
        return open_library(folder)
    except backup.LibraryDamaged as exc:
        good = backup.newest_good_backup(folder)
        if good is None:
            QMessageBox.critical(
                None,
                "Talknotes",
                f"{exc.why}\n\nNo good backup was found in "
                f"{backup.backup_dir(folder)}. The damaged file was left as it is.",
            )
            return None
        answer = QMessageBox.question(
            None,
            "Talknotes — library damaged",
            f"The library database is damaged:\n{exc.why}\n\nRestore the newest good backup, "
            f"from {good.created:%A %d %B %Y, %H:%M}? The damaged file is kept beside it.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        backup.restore_backup(folder / config.DATABASE_NAME, good.path)
        return open_library(folder)
    except TalknotesError as exc:
        QMessageBox.critical(
            None, "Talknotes", f"Cannot open the library.\n\n{exc.what}\n{exc.why}"
        )
        return None
