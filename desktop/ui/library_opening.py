"""Opening the library behind the painted window: off the GUI thread, with the sample on first
run, and recovery when the database is damaged.

The window paints first: importing SQLAlchemy and sqlmodel takes ~0.4 s here, half of the
start. The opening begins once the window has painted (or after FALLBACK_MS if it is not
shown), so the import does not compete with the first paint for the interpreter.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal

from desktop import config
from desktop.core.errors import TalknotesError, plain_reason
from desktop.startup import startup_done
from desktop.ui.main_window import WELCOME, MainWindow, read_schedule

if TYPE_CHECKING:
    from desktop.services.library import Library
    from desktop.ui.recovery_box import RecoveryBox

FALLBACK_MS = 300


def first_run_sample(lib: Library, settings: QSettings) -> bool:
    """Load the bundled sample conference into a new, empty library (once per library)."""
    from desktop.services.library import list_conferences

    key = f"sample-offered/{lib.path}"
    if list_conferences(lib) or settings.value(key, False) in (True, "true"):
        return False
    from desktop.services.importing import import_schedule

    settings.setValue(key, True)
    import_schedule(lib, str(config.sample_schedule_path()))
    return True


def open_and_read(folder: Path) -> tuple[Library, bool, tuple]:
    """Runs off the GUI thread: the open library, whether the sample was loaded, the schedule.
    It reads in plain SQL; SQLAlchemy, for writing, is imported after (ui.runtime.warm_up)."""
    from desktop.services.library import open_library

    lib = open_library(folder)
    try:
        return lib, first_run_sample(lib, QSettings()), read_schedule(lib)
    except BaseException:
        lib.close()
        raise


class LibraryOpening(QObject):
    """Opens `folder` for `window`; on failure tells the user, closes the window and keeps
    the exit status in `failed_code`. A damaged library gets the RecoveryBox; a locked, full
    or read-only one only a plain message: it is not damaged, and nothing replaces it."""

    opened = Signal()
    recovery_offered = Signal(object)  # the RecoveryBox, shown

    def __init__(self, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.window, self.folder = window, folder
        self.failed_code: int | None = None
        self._started = False
        self.recovery_box: RecoveryBox | None = None
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
        self.window.backend.write(  # the writer thread: saves come after the opening
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
            self.window.statusBar().showMessage(WELCOME, 30_000)
        self.opened.emit()

    def _error(self, exc: BaseException) -> None:
        from desktop.services import maintenance

        startup_done()
        if isinstance(exc, maintenance.LibraryDamaged):
            self.window.backend.read(
                maintenance.recovery_facts,  # both sides, shown before anything is replaced
                self.folder / config.DATABASE_NAME,
                on_done=lambda facts: self._offer_recovery(exc, facts),
                on_error=self._error,
            )
        elif isinstance(exc, TalknotesError):  # locked, read-only, disk full, newer: no damage
            self._fail(f"Cannot open the library.\n\n{exc.what}\n{exc.why}")
        else:
            traceback.print_exception(exc, file=sys.stderr)
            self._fail(f"Cannot open the library in {self.folder}.\n\n{plain_reason(exc)}")

    def _offer_recovery(self, exc: TalknotesError, facts: tuple) -> None:
        damaged, good, good_holds = facts
        from desktop.ui.recovery_box import RecoveryBox  # (only for a damaged library)

        box = RecoveryBox(self.window, exc.why, damaged, good, good_holds)
        box.finished.connect(lambda _code: self._recover(box.chosen(), good))
        self.recovery_box = box
        self.recovery_offered.emit(box)
        box.open()

    def _recover(self, choice: str, good) -> None:
        from desktop.services import maintenance
        from desktop.ui.recovery_box import RESTORE, SALVAGE

        database = self.folder / config.DATABASE_NAME
        work: Callable[[], object]
        if choice == RESTORE:
            work, failed = (lambda: maintenance.restore_backup(database, good.path)), "restored"
        elif choice == SALVAGE:
            work, failed = (lambda: maintenance.salvage(database)), "salvaged"
        else:
            self._quit()
            return
        self.window.backend.write(
            work,
            on_done=lambda _r: self._open(),
            on_error=lambda error: self._fail(
                f"The library could not be {failed}; it was left as it was.\n\n"
                f"{plain_reason(error)}"
            ),
        )

    def _fail(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.window, "Talknotes", message)
        self._quit()

    def _quit(self) -> None:
        self.failed_code = 2
        self.window.close()
