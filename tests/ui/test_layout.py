"""The window on small and large screens: it fits, the note gets the height, focus mode."""

import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt

from desktop.app import build_window
from desktop.store.talks import list_talks
from desktop.ui.note_pane import TITLE_SHARE
from tests.imagegen import make_photo
from tests.ui.conftest import sample_window


@pytest.fixture
def window(qtbot, library, tmp_path):
    win = sample_window(qtbot, library)
    qtbot.waitUntil(win.settled)
    talk = next(t for t in list_talks(library) if t.title == "Offline First, Always")
    win.sidebar.select_talk(talk.id)  # links, two speakers, an abstract
    qtbot.waitUntil(win.settled)
    with qtbot.waitSignal(win.photos.attached, timeout=10_000):  # and a photo strip
        win.photos.attach_paths([str(make_photo(tmp_path / "IMG_0001.jpg"))])
    qtbot.waitUntil(lambda: win.editor.strip.count() == 1, timeout=5000)
    yield win
    win.autosaver.flush()


def _note_share(window) -> float:
    return window.editor.edit.height() / window.height()


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (1366, 680), (1366, 768), (1920, 1080)])
def test_the_note_gets_most_of_the_height(window, qtbot, width, height):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.height() == height, timeout=3000)
    qtbot.waitUntil(lambda: _note_share(window) >= 0.6, timeout=3000)
    editor = window.editor
    if os.environ.get("QT_SCALE_FACTOR") == "2":  # (test_at_200_percent)
        assert window.devicePixelRatio() == 2
    assert "Offline First, Always" in editor.title_line.full_text()  # which note, always
    assert editor.title_line.isVisible()
    if height < 640:  # the details and the photos fold away; their buttons stay
        assert not editor.header.isVisible() and not editor.strip.isVisible()
        assert "Main Hall" in editor.title_line.full_text()
        assert editor.photos_button.isVisible() and editor.abstract_button.isVisible()
        editor.photos_button.click()  # unfolded on demand
        assert editor.strip.isVisible()
    elif height < 720:  # a maximised window on 1366x768: who, when and where stay in view
        assert editor.header.isVisible() and not editor.strip.isVisible()
        details = editor.header.text()
        assert "Main Hall" in details and "10:00" in details and "Bram Okafor" in details
    else:
        assert editor.header.isVisible() and editor.strip.isVisible()


def test_at_200_percent():
    """The sizes above in logical pixels on a 200 % screen (fonts and all twice as big): run
    in a process of its own, as Qt takes the scale once per process."""
    if os.environ.get("QT_SCALE_FACTOR"):
        pytest.skip("this process is the scaled one")
    env = {**os.environ, "QT_SCALE_FACTOR": "2"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            f"{__file__}::test_the_note_gets_most_of_the_height",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "4 passed" in result.stdout


def test_focus_mode_is_the_note_alone(window, qtbot):
    window.resize(1024, 600)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.in_focus_mode and window.act_focus.isChecked()
    assert not window.sidebar.isVisible() and not window.preview.isVisible()
    assert not window.menuBar().isVisible() and not window.capture_toolbar.isVisible()
    assert window.editor.title_line.isVisible() and window.editor.edit.hasFocus()
    qtbot.keyClicks(window.editor.edit, "in focus")
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.in_focus_mode
    assert window.sidebar.isVisible() and window.preview.isVisible()
    assert window.menuBar().isVisible()
    assert window.editor.edit.toPlainText().endswith("in focus")


def test_the_window_fits_the_screen(qtbot, library):
    """No remembered size: within the screen's available area, however small; a remembered
    geometry bigger than the screen is not restored."""
    win = build_window(library)
    qtbot.waitUntil(win.settled)
    qtbot.addWidget(win)
    area = win.screen().availableGeometry()
    assert win.width() <= area.width() and win.height() <= area.height()
    assert area.contains(win.geometry().center())

    huge = build_window(library)
    qtbot.waitUntil(huge.settled)
    qtbot.addWidget(huge)
    huge.setGeometry(0, 0, area.width() * 2, area.height() * 2)
    QSettings().setValue("window/geometry", huge.saveGeometry())
    assert isinstance(QSettings().value("window/geometry"), QByteArray)
    again = build_window(library)
    qtbot.waitUntil(again.settled)
    qtbot.addWidget(again)
    assert again.height() <= area.height() and again.width() <= area.width()


def test_no_talk_running_is_said_over_the_note(window, qtbot):
    """Ctrl+J outside a talk: the message shows where the writer looks, not only in the
    status bar (off-screen when the window is taller than the screen)."""
    window.clock = lambda: datetime(2026, 5, 14, 6, 0, tzinfo=UTC)
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    notice = window.editor.notice
    assert notice.isVisible() and "No talk is running" in notice.text()
    assert "Opening Keynote" in notice.text()


def test_the_compact_title_line_elides_the_title_not_when_and_where(window, qtbot):
    """At 1024x600 the one-line header showed a truncated title and no time or room."""
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: not window.editor.header.isVisible(), timeout=3000)
    line = window.editor.title_line
    window.editor.edit.setFocus()
    metrics = line.fontMetrics()
    line.resize(520, line.height())
    shown = line.text()
    assert shown.endswith("10:00–10:30 · Main Hall"), shown
    assert metrics.horizontalAdvance(shown) <= 520
    for width in (330, 265):  # 265: the line at 1024x600 ("Offli… · 10:00–10:30 · Main Hall")
        line.resize(width, line.height())
        shown = line.text()
        title = shown.split(" · ")[0]
        assert shown.endswith("10:00–10:30"), shown  # the room gave way, the time stays
        assert metrics.horizontalAdvance(shown) <= width
        assert metrics.horizontalAdvance(title) >= width * TITLE_SHARE, shown
        assert line.toolTip().endswith("10:00–10:30 · Main Hall")  # all of it, on hover
