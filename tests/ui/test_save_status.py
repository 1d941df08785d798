"""The status bar's word count and saved state."""

import threading

import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QStatusBar

from desktop.ui import workers
from desktop.ui.save_status import COUNTED_APART, SaveStatus


def test_a_count_that_comes_after_the_window_closed_is_dropped(qtbot):
    """A long note is counted in a pool thread; a window closed meanwhile (its labels gone)
    must not be shown the count (it raised 'already deleted' in the next test's set-up)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    bar = QStatusBar()
    status = SaveStatus(bar, pool)
    busy = threading.Event()
    pool.start(busy.wait)  # the count waits behind this job
    status.count_words("word " * COUNTED_APART)
    shiboken6.delete(bar)  # the window closes, its status bar and labels with it
    assert not shiboken6.isValid(status.words)
    busy.set()
    assert pool.waitForDone(5000)
    qtbot.waitUntil(lambda: not workers._in_flight)  # the count reported (to no one)


def test_a_long_note_is_counted_apart_and_shown(qtbot):
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = SaveStatus(bar, pool)
    status.count_words("word " * COUNTED_APART, opened=True)
    qtbot.waitUntil(lambda: status.words.text() == f"{COUNTED_APART:,} words")
