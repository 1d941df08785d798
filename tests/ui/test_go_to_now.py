"""Ctrl+J among parallel talks: one starred opens; several ask (starred first, a digit or
arrows+Enter) and the choice holds for the slot; the sidebar starts at the running slot."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import build_window
from desktop.services.importing import import_schedule
from desktop.store.talks import list_talks, set_starred
from tests.conftest import SAMPLE

CTRL = Qt.KeyboardModifier.ControlModifier
DAY2_10_10 = datetime(2026, 5, 15, 9, 10, tzinfo=UTC)  # two talks run: Markdown, Time Zones


def _open(qtbot, library, now, starred=()):
    import_schedule(library, str(SAMPLE))
    titles = {t.title: t for t in list_talks(library)}
    for title in starred:
        set_starred(library, titles[title].id, True)
    win = build_window(library, clock=lambda: now)
    qtbot.waitUntil(win.settled)
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    win.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    win.titles = titles
    return win


@pytest.fixture
def window(qtbot, library):
    win = _open(qtbot, library, DAY2_10_10)
    yield win
    win.autosaver.flush()


def test_several_running_talks_ask_and_remember(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL)
    qtbot.waitUntil(window.settled)
    chooser = window.capture.now_chooser
    qtbot.waitUntil(chooser.isVisible, timeout=3000)
    assert window.editor.target is None  # no guess
    rows = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    assert len(rows) == 2 and rows[0].startswith("1  ") and rows[1].startswith("2  ")
    qtbot.keyClick(chooser.list, Qt.Key.Key_2)  # one key
    qtbot.waitUntil(window.settled)
    assert not chooser.isVisible()
    chosen = window.editor.talk
    assert chosen.title in rows[1] and window.editor.edit.hasFocus()

    window.sidebar.select_talk(window.titles["Closing Remarks"].id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL)  # remembered for the slot: no question
    qtbot.waitUntil(window.settled)
    assert window.editor.talk.id == chosen.id
    assert not window.capture.now_chooser.isVisible()


def test_the_chooser_marks_the_talk_already_noted(qtbot, library):
    """Back in a room after a break, which of the parallel talks was I typing into? The one
    with notes is marked ✎ (as in the sidebar)."""
    from desktop.services.notes import save_note

    import_schedule(library, str(SAMPLE))
    noted = next(t for t in list_talks(library) if t.title == "Time Zones for the Perplexed")
    save_note(library, "talk", noted.id, "UTC is not a time zone")
    window = _open(qtbot, library, DAY2_10_10)
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL)
    qtbot.waitUntil(window.settled)
    chooser = window.capture.now_chooser
    qtbot.waitUntil(chooser.isVisible, timeout=3000)
    rows = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    assert [("✎" in row) for row in rows] == [noted.title in row for row in rows]
    assert any(noted.title in row for row in rows)
    chooser.reject()


def test_arrows_and_enter_choose(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL)
    qtbot.waitUntil(window.settled)
    chooser = window.capture.now_chooser
    qtbot.waitUntil(chooser.isVisible, timeout=3000)
    qtbot.keyClick(chooser.list, Qt.Key.Key_Down)
    qtbot.waitUntil(window.settled)
    second = chooser.list.item(1).text()
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    qtbot.waitUntil(window.settled)
    assert window.editor.talk.title in second


def test_starred_first_and_one_starred_opens(qtbot, library):
    win = _open(qtbot, library, DAY2_10_10, starred=["Time Zones for the Perplexed"])
    qtbot.keyClick(win, Qt.Key.Key_J, CTRL)
    qtbot.waitUntil(win.settled)
    assert win.editor.talk.title == "Time Zones for the Perplexed"
    assert win.capture.now_chooser is None


def test_two_starred_ask_with_starred_first(qtbot, library):
    win = _open(qtbot, library, DAY2_10_10, starred=["Time Zones for the Perplexed"])
    set_starred(library, win.titles["Markdown Beyond the Basics"].id, True)
    win.reload()
    qtbot.waitUntil(win.settled)
    qtbot.keyClick(win, Qt.Key.Key_J, CTRL)
    qtbot.waitUntil(win.settled)
    qtbot.waitUntil(win.capture.now_chooser.isVisible, timeout=3000)
    assert all("★" in win.capture.now_chooser.list.item(i).text() for i in range(2))
    win.capture.now_chooser.reject()


def test_the_sidebar_starts_at_the_running_slot(qtbot, library):
    win = _open(qtbot, library, DAY2_10_10)
    tree = win.sidebar.tree
    talk = win.titles["Markdown Beyond the Basics"]
    index = win.sidebar.to_view(win.model.index_of_talk(talk.id))
    assert tree.isExpanded(index.parent())  # day 2 open, not only the first morning
    qtbot.waitUntil(lambda: tree.viewport().rect().intersects(tree.visualRect(index)), timeout=3000)
    assert win.editor.target is None  # shown, not opened
