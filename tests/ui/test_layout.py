"""The window on small and large screens: it fits, the note gets the height, focus mode."""

import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt

from desktop.app import build_window
from desktop.store.talks import list_talks
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
        assert "Main Hall" in editor.when_where.full_text() and editor.when_where.isVisible()
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


def test_the_compact_title_shows_the_whole_title_and_when_and_where(window, qtbot):
    """At 1024x600 the one-line header read "Offline First, Al… · 10:00–10:30": the title was
    cut to under half the line (the buttons took a third of it) and the room gave way. The
    title has the line to itself and wraps; the time and room go under it, by the buttons."""
    window.resize(1024, 600)
    editor = window.editor
    qtbot.waitUntil(lambda: not editor.header.isVisible(), timeout=3000)
    line = editor.title_line
    qtbot.waitUntil(lambda: line.height() >= line.sizeHint().height(), timeout=2000)
    shown = line.text().split("\n")
    assert " ".join(shown) == "Offline First, Always", shown  # whole, not elided
    metrics = line.fontMetrics()
    assert all(metrics.horizontalAdvance(part) <= line.width() for part in shown)
    assert line.height() >= len(shown) * metrics.lineSpacing()  # no line cut off
    facts = editor.when_where
    assert facts.isVisible() and facts.text() == "10:00–10:30 · Main Hall"
    assert facts.fontMetrics().horizontalAdvance(facts.text()) <= facts.width()
    assert editor.photos_button.isVisible() and editor.abstract_button.isVisible()
    assert line.toolTip() == "Offline First, Always · 10:00–10:30 · Main Hall"

    facts.resize(90, facts.height())  # too narrow for both: the room gives way first
    assert facts.text() == "10:00–10:30"


def test_the_title_wraps_where_the_details_show_and_takes_one_line_when_it_fits(window, qtbot):
    """At 1366x768 (details shown under the title) a short title takes one line, as before,
    and a longer one wraps rather than ending in "…"."""
    window.resize(1366, 768)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.header.isVisible(), timeout=3000)
    line = editor.title_line
    assert line.text() == "Offline First, Always"
    assert line.sizeHint().height() < 2 * line.fontMetrics().lineSpacing()
    title = "Take Your FOSS Project From Surviving To Thriving"
    line.set_full_text(title)
    line.resize(line.fontMetrics().horizontalAdvance(title) * 2 // 3, line.height())
    shown = line.text().split("\n")
    assert len(shown) == 2 and " ".join(shown) == title, shown
    assert not editor.when_where.isVisible()  # (the details under the title tell it)


def test_a_long_title_takes_two_lines_at_most(window, qtbot):
    """A title longer than two lines ends elided on its second, the tooltip has all of it;
    with no facts (the details show under it) the title line is the title alone."""
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.editor.header.isVisible(), timeout=3000)
    line = window.editor.title_line
    long_title = "Take Your FOSS Project From Surviving To Thriving, " * 3
    line.set_full_text(long_title.strip())
    line.resize(400, line.height())
    shown = line.text().split("\n")
    assert len(shown) == 2 and shown[1].endswith("…"), shown
    assert shown[0].startswith("Take Your FOSS Project")
    assert line.toolTip() == long_title.strip()
    line.set_full_text("Offline First, Always")
    assert line.text() == "Offline First, Always"


def _lines(html: str, font, width: int) -> list[str]:
    """The lines the details' label shows at `width` (its rich text laid out as Qt does)."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setTextWidth(width)
    doc.size()  # (laid out)
    lines, block = [], doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
        block = block.next()
    return lines


def test_the_details_break_between_facts_not_inside_one(qtbot):
    """At 1366x768 a FOSDEM talk's details ended "· Main Track - K" and went on "Building";
    its links "Chat" and "room(app)": each fact and link stays whole on its line, whatever
    the width, and no line starts with the separator."""
    from desktop.core.models import Link, Note, Talk
    from desktop.ui.note_pane import NotePane

    pane = NotePane()
    qtbot.addWidget(pane)
    start = datetime(2024, 2, 4, 9, 0, tzinfo=UTC)
    talk = Talk(
        "fosdem-2024-1931",
        "You too could have made curl!",
        start=start,
        end=start.replace(hour=9, minute=50),
        speakers=["Daniel Stenberg"],
        room="K.1.105 (La Fontaine)",
        track="Main Track - K Building",
        url="https://fosdem.org/2024/schedule/event/fosdem-2024-1931/",
        links=[
            Link("Chat room(web)", "https://chat.fosdem.org/#/room/web"),
            Link("Chat room(app)", "https://matrix.to/#/room-app"),
        ],
        id=1,
    )
    pane.show_talk(talk, Note(talk_id=1))
    wholes = ["Main Track - K Building", "K.1.105 (La Fontaine)", "Chat room(app)"]
    for width in range(240, 720, 4):
        lines = _lines(pane.header.text(), pane.header.font(), width)
        text = "\n".join(lines).replace("\u00a0", " ").replace("\u2060", "")
        for whole in wholes:
            assert whole in text, (width, lines)
        assert not any(line.startswith("·") for line in text.split("\n")), (width, lines)
