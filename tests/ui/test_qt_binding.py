"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 released None once per call of a
method returning void (QTimer.start, QLabel.setText …). None's count is a few thousand, so the
window died with "Fatal Python error: none_dealloc" after some minutes of typing. Pinned away
in pyproject.toml; this keeps any binding with that fault out."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel


def test_void_calls_leave_none_alone(qtbot):
    timer, label = QTimer(singleShot=True), QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        timer.start(5)
        timer.stop()
        label.setText("typing")
    assert sys.getrefcount(None) - before > -100  # 3,000 void calls; a faulty binding: -3,000
