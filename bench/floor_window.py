"""The start-up floor: a bare PySide6 QMainWindow with a QPlainTextEdit, to first paint."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QPlainTextEdit())
window.resize(1280, 800)


class FirstPaint(QObject):
    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False


window.installEventFilter(FirstPaint(window))
window.show()
app.exec()
