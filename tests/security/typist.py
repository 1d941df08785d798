"""Child process for the crash test: the real window, typing into a note until killed.

Prints "<count> <monotonic time>" after every keystroke (flushed), so the parent knows exactly
what was typed when it sends SIGKILL.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXT = "the quick brown fox jumps over the lazy dog. "


def main() -> None:
    library, talk_id = sys.argv[1], int(sys.argv[2])
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Talknotes-crash-test")
    app = QApplication(sys.argv[:1])
    from desktop.app import build_window
    from desktop.store.library import open_library

    def settle() -> None:  # the window reads the library off the GUI thread
        loop, check = QEventLoop(), QTimer(interval=5)
        check.timeout.connect(lambda: window.settled() and loop.quit())
        check.start()
        loop.exec()
        check.stop()

    window = build_window(open_library(library, auto_backup=False))
    window.show()
    settle()
    window.sidebar.select_talk(talk_id)
    settle()
    editor = window.editor.edit
    count = 0

    def type_one() -> None:
        nonlocal count
        QTest.keyClicks(editor, TEXT[count % len(TEXT)])
        count += 1
        sys.stdout.write(f"{count} {time.monotonic():.6f}\n")
        sys.stdout.flush()

    timer = QTimer(interval=10)  # ~100 keys a second: a fast typist
    timer.timeout.connect(type_one)
    timer.start()
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
