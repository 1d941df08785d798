"""Opening a note (desktop/ui/note_opening.py): what is typed while a note is read off the GUI
thread goes into that note, a later choice wins over an earlier read, and a restart reopens the
note last open."""

import re
from datetime import UTC, datetime

import pytest

from desktop.app import build_window
from desktop.services.library import list_talks
from desktop.services.notes import talk_note
from desktop.ui.schedule_model import ID_ROLE
from tests.ui.conftest import sample_window


def _talk(library, title):
    return next(t for t in list_talks(library) if t.title == title)


@pytest.fixture
def window(qtbot, library):
    win = sample_window(qtbot, library)
    qtbot.waitUntil(win.settled)
    yield win
    win.autosaver.flush()


def test_keys_typed_while_a_note_is_read_go_into_that_note(qtbot, library):
    window = sample_window(qtbot, library)
    qtbot.waitUntil(window.settled)
    first, second = list_talks(library)[:2]
    window.sidebar.select_talk(first.id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, "first ")
    window.sidebar.select_talk(second.id)  # read in the background…
    assert not window.settled()
    qtbot.keyClicks(window.editor.edit, "typed at once")  # …while these keys come
    qtbot.waitUntil(window.settled)
    assert window.editor.target.id == second.id
    assert window.editor.current_text() == "typed at once"
    window.autosaver.flush()
    assert talk_note(library, first.id).body == "first "
    assert talk_note(library, second.id).body == "typed at once"


def test_a_note_chosen_while_another_is_read_is_the_one_that_opens(qtbot, library):
    """Two choices in a row (a filter change, a quick click): the first read's answer comes
    late and must not open its note over the second."""
    window = sample_window(qtbot, library)
    qtbot.waitUntil(window.settled)
    first, second = list_talks(library)[:2]
    window.sidebar.select_talk(first.id)
    window.sidebar.select_talk(second.id)
    qtbot.keyClicks(window.editor.edit, "for the second")
    qtbot.waitUntil(window.settled)
    assert window.editor.target.id == second.id
    window.autosaver.flush()
    assert talk_note(library, second.id).body == "for the second"
    assert talk_note(library, first.id).body == ""


def _focused():
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget()


def test_enter_on_a_row_then_typing_at_once_writes_it_all_into_that_note(qtbot, library):
    """Enter on a row moved the focus to the note only once it was read: the first keys went
    to the schedule list and were lost."""
    from PySide6.QtCore import Qt

    window = sample_window(qtbot, library)
    qtbot.waitUntil(window.settled)
    talk = list_talks(library)[2]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tree = window.sidebar.tree
    tree.setFocus()
    tree.setCurrentIndex(window.sidebar.proxy.mapFromSource(window.model.index_of_talk(talk.id)))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert not window.settled()  # the note is being read…
    assert _focused() is window.editor.edit  # the typing goes to the note at once
    qtbot.keyClicks(_focused(), "Every key counts.")  # (held until it is read)
    qtbot.waitUntil(window.settled)
    assert window.editor.edit.hasFocus()
    window.autosaver.flush()
    assert talk_note(library, talk.id).body == "Every key counts."


def test_a_time_stamp_given_while_a_note_opens_lands_in_that_note_in_order(qtbot, library):
    window = sample_window(qtbot, library)
    qtbot.waitUntil(window.settled)
    first, second = list_talks(library)[:2]
    window.sidebar.select_talk(first.id)
    qtbot.waitUntil(window.settled)
    window.editor.edit.setFocus()
    window.sidebar.select_talk(second.id)
    qtbot.keyClicks(window.editor.edit, "before ")
    window.act_stamp.trigger()  # Ctrl+Shift+T, while the second note is read
    qtbot.keyClicks(window.editor.edit, " after")
    qtbot.waitUntil(window.settled)
    window.autosaver.flush()
    body = talk_note(library, second.id).body
    assert re.fullmatch(r"before \[\d\d:\d\d[^\]]*\] +after", body), body
    assert talk_note(library, first.id).body == ""


def test_a_note_opened_the_first_time_takes_typing_at_its_end(qtbot, library):
    window = sample_window(qtbot, library)
    qtbot.waitUntil(window.settled)
    talk = list_talks(library)[3]
    from desktop.store.notes import save_talk_note

    save_talk_note(library, talk.id, "Written earlier.")
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, " And now.")
    assert window.editor.current_text() == "Written earlier. And now."


def _window_again(qtbot, library):
    win = build_window(library, clock=lambda: datetime(2026, 5, 14, 9, 10, tzinfo=UTC))
    qtbot.waitUntil(win.settled)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_restart_reopens_the_last_open_note_once(window, qtbot, library):
    """After a restart the note last written in was not open again."""
    window.sidebar.select_talk(_talk(library, "Schedules Are Data").id)
    qtbot.waitUntil(window.settled)
    window.close()
    again = _window_again(qtbot, library)
    assert again.editor.talk.title == "Schedules Are Data"
    assert (
        again.sidebar.tree.currentIndex().data(ID_ROLE) == _talk(library, "Schedules Are Data").id
    )
    chosen = _talk(library, "Static Sites in 2026")
    again.sidebar.select_talk(chosen.id)  # the user's choice stays through a reload
    qtbot.waitUntil(again.settled)
    again.reload()
    qtbot.waitUntil(again.settled)
    assert again.editor.talk.title == "Static Sites in 2026"
    again.opening.new_hallway_note(again.sidebar.current_conference_id())  # a hallway note too
    qtbot.waitUntil(again.settled)
    hallway = again.editor.target
    again.close()
    third = _window_again(qtbot, library)
    assert third.editor.target == hallway and third.editor.talk is None


def test_a_remembered_note_that_is_gone_opens_nothing(window, qtbot, library):
    window.sidebar.select_talk(_talk(library, "Schedules Are Data").id)
    qtbot.waitUntil(window.settled)
    remembered = [k for k in window.settings.allKeys() if k.startswith("last-note/")]
    assert len(remembered) == 1
    window.settings.setValue(remembered[0], "talk:999999")  # (removed since, say)
    window.close()
    again = _window_again(qtbot, library)
    assert again.editor.target is None
