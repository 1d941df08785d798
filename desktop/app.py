"""Composition root: builds the QApplication, paints the window, opens the library behind it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import config

if TYPE_CHECKING:
    from datetime import datetime

    from desktop.services.library import Library
    from desktop.ui.backend import Backend
    from desktop.ui.library_opening import LibraryOpening
    from desktop.ui.main_window import MainWindow
    from desktop.ui.notifier import Notifier

# Given the window and its library opening before the window shows (benchmarks, smoke tests:
# they watch its paints and the opening's `opened` signal).
Observer = Callable[["MainWindow", "LibraryOpening"], None]


def build_window(
    lib: Library | None,
    *,
    clock: Callable[[], datetime] | None = None,
    notifier: Notifier | None = None,
    backend: Backend | None = None,
    load_now: bool = True,
) -> MainWindow:
    """The composition root: the window, its controllers (the autosave on the backend's
    writer, imports, photos), how they are wired, and its actions. `lib` None: the library
    opens later (LibraryOpening gives it with window.attach)."""
    from desktop.ui import main_window
    from desktop.ui.autosave import Autosaver
    from desktop.ui.backend import Backend
    from desktop.ui.capture import CaptureCommands
    from desktop.ui.import_flow import ImportFlow
    from desktop.ui.menus import ask_to_remove, build_actions
    from desktop.ui.notifier import Notifier
    from desktop.ui.photo_actions import PhotoActions, preview_src

    backend = backend or Backend()
    notifier = notifier or Notifier()
    window = main_window.MainWindow(lib, backend, notifier, clock)
    if backend.parent() is None:
        backend.setParent(window)  # (its threads end with the window)
    window.autosaver = saver = Autosaver(
        lambda target, body: main_window.save_target(window.library(), target, body),
        backend.writer,
        window,
    )
    window.import_flow = ImportFlow(
        window, window.library, backend, notifier, conferences=window.model.conferences
    )
    window.photos = PhotoActions(window, window.library, window.editor, saver, backend, notifier)
    window.photos.on_chosen_note = window.editor_command
    window.capture = CaptureCommands(window)

    window.import_flow.imported.connect(lambda _summary: window.schedule_imported())
    window.sidebar.import_wanted.connect(lambda: window.import_flow.import_file())
    window.sidebar.removal_wanted.connect(partial(ask_to_remove, window))
    window.photos.attached.connect(lambda _result: window.text_changed_view())
    window.photos.failed.connect(lambda message: window.statusBar().showMessage(message, 8000))
    window.preview.resolve_photo = lambda key: preview_src(window.library(), key)
    status = window.save_status
    saver.dirty_changed.connect(status.dirty_changed)
    saver.saved.connect(lambda _target: status.save_done(saver.dirty))
    saver.save_failed.connect(lambda _target, why: status.save_failed(why))
    build_actions(window)
    window.start(load_now)
    return window


def main(
    library: str | Path | None = None,
    argv: list[str] | None = None,
    observe: Observer | None = None,
) -> int:
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.feature_scan import skip_feature_scan

    skip_feature_scan()  # before the window's modules are imported
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop.core.errors import TalknotesError, plain_reason
    from desktop.services.locking import LibraryBusy, acquire
    from desktop.ui.backend import Backend
    from desktop.ui.library_opening import LibraryOpening
    from desktop.ui.runtime import prepare_qt, warm_up_on_first_change
    from desktop.ui.slide_reading import install as install_slide_reading

    prepare_qt()
    QCoreApplication.setOrganizationName(config.ORGANIZATION)
    QCoreApplication.setApplicationName(config.APP_NAME)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QApplication.setDesktopFileName(config.APP_ID)
    icon = config.resources_dir() / "icons" / "talknotes.svg"
    if icon.exists():
        QApplication.setWindowIcon(QIcon(str(icon)))

    folder = Path(library).expanduser() if library else config.default_library_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = acquire(folder, 0.5, "window")
    except LibraryBusy as busy:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(None, "Talknotes", busy_message(folder, busy))
        return 2
    except (TalknotesError, OSError) as exc:  # a read-only folder, a full disk
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            "Talknotes",
            f"Talknotes cannot open the library in {folder}: {plain_reason(exc)}.\n\n"
            "Nothing was changed. Make the folder writable (or free some space), or open "
            "a copy of the library elsewhere with --library.",
        )
        return 2
    try:
        backend = Backend()  # every library call off the GUI thread: one writer, readers
        window = build_window(None, backend=backend)  # paints at once; the library opens behind
        opening = LibraryOpening(window, folder)
        slides = install_slide_reading(window)  # OCR worker: starts once the library is open
        opening.opened.connect(slides.start_soon)
        app.aboutToQuit.connect(slides.stop)  # quitting ends the worker at once
        warm_up_on_first_change(window.autosaver)  # what writing needs, once writing starts
        if observe is not None:
            observe(window, opening)
        window.show()
        code = app.exec()
        slides.stop()
        QCoreApplication.sendPostedEvents()  # an opening that ended as the window closed
        backend.shut_down()
        if window.lib is not None:
            window.lib.close()
        return opening.failed_code if opening.failed_code is not None else code
    finally:
        lock.release()


def busy_message(folder: Path, busy) -> str:
    """Who holds the library: a window to switch to, or a command to wait for."""
    holder = busy.holder
    if holder is not None and holder.kind == "command":
        return (
            f"The library ({folder}) is in use by {holder.describe()}.\n\n"
            "Try again when it is done."
        )
    return f"Talknotes is already open with this library ({folder}).\n\nSwitch to that window."
