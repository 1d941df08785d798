"""Composition root: builds the QApplication, opens the library, makes the window, wires them."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop import config


def first_run_sample(lib, settings) -> bool:
    """Load the bundled sample conference into a new, empty library (once per library)."""
    from desktop.store.conferences import list_conferences
    from desktop.workflows.importing import import_schedule

    key = f"sample-offered/{lib.path}"
    if list_conferences(lib) or settings.value(key, False) in (True, "true"):
        return False
    settings.setValue(key, True)
    import_schedule(lib, str(config.sample_schedule_path()))
    return True


def main(library: str | Path | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.core.errors import TalknotesError
    from desktop.store.library import open_library
    from desktop.ui.main_window import MainWindow

    QCoreApplication.setOrganizationName(config.ORGANIZATION)
    QCoreApplication.setApplicationName(config.APP_NAME)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setDesktopFileName(config.APP_ID)
    icon = config.resources_dir() / "icons" / "talknotes.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    try:
        lib = open_library(library)
    except TalknotesError as exc:
        QMessageBox.critical(
            None, "Talknotes", f"Cannot open the library.\n\n{exc.what}\n{exc.why}"
        )
        return 2
    from PySide6.QtCore import QSettings

    sample_loaded = first_run_sample(lib, QSettings())
    window = MainWindow(lib)
    window.show()
    if sample_loaded:
        window.statusBar().showMessage(
            "Welcome! This is a sample conference. Import your own schedule with File → "
            "Import Schedule… (Ctrl+O).",
            30_000,
        )
    code = app.exec()
    lib.close()
    return code
