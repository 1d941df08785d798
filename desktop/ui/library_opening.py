"""Opening the library behind the painted window: off the GUI thread, with the sample on first
run, and recovery when the database is damaged.

The window paints first: importing SQLAlchemy and sqlmodel takes ~0.4 s here, half of the
start. The opening begins once the window has painted (or after FALLBACK_MS if it is not
shown), so the import does not compete with the first paint for the interpreter.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from desktop import config
from desktop.core.errors import TalknotesError
from desktop.startup import startup_done
from desktop.ui.main_window import MainWindow, read_schedule
from desktop.ui.workers import submit

if TYPE_CHECKING:
    from desktop.store.library import Library

FALLBACK_MS = 300


def first_run_sample(lib: Library, settings: QSettings) -> bool:
    """Load the bundled sample conference into a new, empty library (once per library)."""
    from desktop.store.reading import list_conferences

    key = f"sample-offered/{lib.path}"
    if list_conferences(lib) or settings.value(key, False) in (True, "true"):
        return False
    from desktop.workflows.importing import import_schedule

    settings.setValue(key, True)
    import_schedule(lib, str(config.sample_schedule_path()))
    return True


def open_and_read(folder: Path) -> tuple[Library, bool, tuple]:
    """Runs off the GUI thread: the open library, whether the sample was loaded, the schedule.
    It reads in plain SQL; SQLAlchemy, for writing, is imported after (ui.runtime.warm_up)."""
    from desktop.store.library import open_library

    lib = open_library(folder)
    try:
        return lib, first_run_sample(lib, QSettings()), read_schedule(lib)
    except BaseException:
        lib.close()
        raise


class LibraryOpening(QObject):
    """Opens `folder` for `window`; on failure tells the user, closes the window and keeps
    the exit status in `failed_code`."""

    opened = Signal()

    def __init__(self, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.window, self.folder = window, folder
        self.failed_code: int | None = None
        self._started = False
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self._start)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._start)  # after this paint and its flush
        return False

    def _start(self) -> None:
        if self._started or not self.window.isVisible():  # closed before it began: no opening
            return
        self._started = True
        self.window.removeEventFilter(self)
        self._open()

    def _open(self) -> None:
        submit(
            self.window.autosaver.pool,  # the writer thread: saves come after the opening
            open_and_read,
            self.folder,
            on_done=self._done,
            on_error=self._error,
        )

    def _done(self, result: tuple[Library, bool, tuple]) -> None:
        startup_done()
        lib, sample_loaded, schedule = result
        self.window.attach(lib, schedule)
        if sample_loaded:
            self.window.statusBar().showMessage(
                "Welcome! This is a sample conference. Import your own schedule with File → "
                "Import Schedule… (Ctrl+O).",
                30_000,
            )
        self.opened.emit()

    def _error(self, exc: BaseException) -> None:
        from desktop.store import backup

        startup_done()
        if isinstance(exc, backup.LibraryDamaged):
            self._offer_backup(exc)
        elif isinstance(exc, TalknotesError):
            self._fail(f"Cannot open the library.\n\n{exc.what}\n{exc.why}")
        else:
            traceback.print_exception(exc, file=sys.stderr)
            self._fail(f"Cannot open the library in {self.folder}.\n\n{exc!r}")

    def _offer_backup(self, exc) -> None:
        from desktop.store import backup

        good = backup.newest_good_backup(self.folder)
        if good is None:
            self._fail(
                f"{exc.why}\n\nNo good backup was found in {backup.backup_dir(self.folder)}. "
                "The damaged file was left as it is."
            )
            return
        answer = QMessageBox.question(
            self.window,
            "Talknotes — library damaged",
            f"The library database is damaged:\n{exc.why}\n\nRestore the newest good backup, "
            f"from {good.created:%A %d %B %Y, %H:%M}? The damaged file is kept beside it.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._quit()
            return
        try:
            backup.restore_backup(self.folder / config.DATABASE_NAME, good.path)
        except TalknotesError as error:
            self._fail(f"The backup could not be restored.\n\n{error.what}\n{error.why}")
            return
        self._open()

    def _fail(self, message: str) -> None:
        QMessageBox.critical(self.window, "Talknotes", message)
        self._quit()

    def _quit(self) -> None:
        self.failed_code = 2
        self.window.close()
