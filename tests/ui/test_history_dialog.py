"""Talk → Note History…: see what restoring a version changes, restore it, undo the restore."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from desktop.app import build_window
from desktop.services.importing import import_schedule
from desktop.store import history
from desktop.store.notes import talk_note
from desktop.store.talks import list_talks
from desktop.ui.history_dialog import HistoryDialog
from tests.conftest import SAMPLE, age_note


@pytest.fixture
def window(qtbot, library):
    import_schedule(library, str(SAMPLE))
    win = build_window(library, clock=lambda: datetime(2026, 5, 14, 9, 10, tzinfo=UTC))
    qtbot.waitUntil(win.settled)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.autosaver.flush()


def _write(window, qtbot, text):
    edit = window.editor.edit
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for n, line in enumerate(text.split("\n")):  # keyClicks types no newline
        if n:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, line)
    window.autosaver.flush()


def _open_history(window, qtbot) -> HistoryDialog:
    window.act_history.trigger()  # (the versions are read off the GUI thread)
    qtbot.waitUntil(lambda: window.findChild(HistoryDialog) is not None)
    dialog = window.findChild(HistoryDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_version_shows_what_restoring_changes_and_restores_undoably(window, qtbot, library):
    talk = list_talks(library)[0]
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    _write(window, qtbot, "Speaker says: it is slow.\nCommon ground.")
    age_note(library, talk_note(library, talk.id).id, 10)
    _write(window, qtbot, "Speaker says: it is fast.\nCommon ground.\nMy own idea.")

    dialog = _open_history(window, qtbot)
    assert dialog.list.count() == 1
    qtbot.waitUntil(lambda: "lines" in dialog.list.item(0).text())  # counted off the GUI thread
    assert "+1 −2 lines" in dialog.list.item(0).text()
    shown = dialog.text.toPlainText()
    for line in ("it is slow", "it is fast", "Common ground", "My own idea"):
        assert line in shown  # both texts, the changed lines marked
    assert "line-through" in dialog.text.toHtml()
    dialog.show_changes.setChecked(False)
    assert dialog.text.toPlainText() == "Speaker says: it is slow.\nCommon ground."

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert window.editor.edit.toPlainText() == "Speaker says: it is slow.\nCommon ground."
    window.autosaver.flush()
    note = talk_note(library, talk.id)
    assert note.body == "Speaker says: it is slow.\nCommon ground."
    newest = history.versions(library, note.id)[0]
    assert newest.reason == "before restore" and "My own idea." in newest.body

    window.editor.edit.setFocus()
    qtbot.keyClick(window.editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "My own idea." in window.editor.edit.toPlainText()  # one undo takes it back


def test_a_note_without_versions_says_when_they_are_kept(window, qtbot, library):
    talk = list_talks(library)[1]
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    _write(window, qtbot, "fresh")
    dialog = _open_history(window, qtbot)
    assert dialog.list.count() == 0 and not dialog.restore_button.isEnabled()
    assert any(
        "No earlier versions yet" in label.text()
        for label in dialog.findChildren(type(dialog.legend))
    )
