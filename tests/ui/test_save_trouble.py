"""Saving while another program holds the database: a plain message, the text kept, the save
retried until it lands."""

import pytest

from desktop.store.reading import talk_note
from tests.conditions import database_held
from tests.ui.conftest import sample_window


@pytest.fixture
def window(qtbot, library):
    win = sample_window(qtbot, library)
    qtbot.waitUntil(win.settled)
    yield win
    win.autosaver.flush()


def test_a_locked_database_gets_a_plain_message_and_the_save_is_retried(window, qtbot, library):
    messages = []
    window.autosaver.save_failed.connect(lambda _target, why: messages.append(why))
    window.sidebar.select_talk(2)
    qtbot.waitUntil(window.settled)
    with database_held(library.database_path):
        qtbot.keyClicks(window.editor.edit, "words typed while locked")
        qtbot.waitUntil(lambda: "Not saved" in window.saved_label.text(), timeout=20_000)
        shown = window.statusBar().currentMessage()
        assert "locked by another program" in shown and "text is kept" in shown
        for noise in ("[SQL:", "sqlalche.me", "OperationalError", "INSERT", "UPDATE"):
            assert noise not in shown and noise not in messages[0]
        assert window.editor.edit.toPlainText() == "words typed while locked"
    qtbot.waitUntil(
        lambda: talk_note(library, 2).body == "words typed while locked", timeout=30_000
    )
    qtbot.waitUntil(lambda: window.saved_label.text() == "Saved", timeout=5000)
