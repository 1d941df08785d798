"""What the autosave stores is exactly the editor's text, whatever the edit and wherever it
is in the note (the text is kept line by line, not copied out of the editor per save)."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop.store.notes import save_talk_note, talk_note
from desktop.store.talks import list_talks
from tests.ui.conftest import sample_window

CTRL = Qt.KeyboardModifier.ControlModifier
BODY = "\n\n".join(f"Paragraph {i} " + "word " * 99 for i in range(1000))  # 101,000 words


@pytest.fixture
def long_note(qtbot, library):
    """The window with a 101,000-word note open, the cursor at its end."""
    window = sample_window(qtbot, library)
    talk = list_talks(library)[0]
    save_talk_note(library, talk.id, BODY)
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    assert window.editor.edit.toPlainText() == BODY
    window.talk_id = talk.id
    yield window
    window.autosaver.flush()


def saved_is_shown(window, library) -> bool:
    """Save now (as the autosave's timer does), then compare what was stored with what the
    editor shows."""
    assert window.autosaver.flush()
    return talk_note(library, window.talk_id).body == window.editor.edit.toPlainText()


def type_unicode(edit, text: str) -> None:
    """Type `text` a key at a time as a keyboard layout would, without an input method
    (QTest's key clicks know ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(edit, event)


def move(qtbot, window, key, count: int = 1, modifier=Qt.KeyboardModifier.NoModifier):
    for _ in range(count):
        qtbot.keyClick(window.editor.edit, key, modifier)


def test_edits_at_the_start_middle_and_end_are_saved_as_shown(long_note, qtbot, library):
    window, edit = long_note, long_note.editor.edit
    qtbot.keyClicks(edit, " at the end")
    assert saved_is_shown(window, library)
    move(qtbot, window, Qt.Key.Key_Home, modifier=CTRL)
    qtbot.keyClicks(edit, "At the start. ")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert saved_is_shown(window, library)
    assert talk_note(library, window.talk_id).body.startswith("At the start. \nParagraph 0 ")
    move(qtbot, window, Qt.Key.Key_Down, 900)  # the middle: a line split and joined
    qtbot.keyClicks(edit, "middle")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert saved_is_shown(window, library)
    body = talk_note(library, window.talk_id).body
    assert "middl" in body and body.endswith(" at the end") and body != BODY


def test_undo_and_redo_are_saved_as_shown(long_note, qtbot, library):
    window, edit = long_note, long_note.editor.edit
    move(qtbot, window, Qt.Key.Key_Home, modifier=CTRL)
    qtbot.keyClicks(edit, "first words ")
    assert saved_is_shown(window, library)
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert saved_is_shown(window, library)
    assert talk_note(library, window.talk_id).body == BODY  # back to what it was
    qtbot.keyClick(edit, Qt.Key.Key_Y, CTRL)
    assert saved_is_shown(window, library)
    assert talk_note(library, window.talk_id).body.startswith("first words Paragraph 0")


def test_a_large_paste_over_a_selection_is_saved_as_shown(long_note, qtbot, library):
    window, edit = long_note, long_note.editor.edit
    pasted = "\r\n".join(f"Pasted line {i} " + "text " * 40 for i in range(5000))  # 1.1 MB
    QApplication.clipboard().setText(pasted)
    move(qtbot, window, Qt.Key.Key_Up, 500)
    move(qtbot, window, Qt.Key.Key_Down, 40, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
    assert saved_is_shown(window, library)
    body = talk_note(library, window.talk_id).body
    assert "\r" not in body and "Pasted line 4999 " in body and len(body) > len(BODY)
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert saved_is_shown(window, library)
    assert talk_note(library, window.talk_id).body == BODY


def test_unicode_typed_and_pasted_is_saved_as_shown(long_note, qtbot, library):
    """Accents, right-to-left text, characters beyond 16 bits (two UTF-16 units each, so the
    editor's positions are not Python's), a no-break space and a line separator (which the
    editor's text shows as a space and a line break)."""
    window, edit = long_note, long_note.editor.edit
    type_unicode(edit, " Ça va? Grüße, שלום 🎈")
    assert saved_is_shown(window, library)
    QApplication.clipboard().setText("🎉 emoji 🇵🇹\xa0nbsp\u2028next e\u0301")
    move(qtbot, window, Qt.Key.Key_Home, modifier=CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # half of nothing: a whole character goes
    assert saved_is_shown(window, library)
    body = talk_note(library, window.talk_id).body
    assert body.startswith("🎉 emoji 🇵🇹 nbsp\nnext e\u0301aragraph 0 ")
    assert body.endswith(" Ça va? Grüße, שלום 🎈")
