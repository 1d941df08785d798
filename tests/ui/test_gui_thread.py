"""The GUI thread runs no SQL (issue 16): the library is read and written through the UI
backend. What is typed while a note is being read goes into that note."""

import re

from desktop.services.library import list_talks
from desktop.services.notes import talk_note
from desktop.ui.main_window import read_schedule
from tests.ui.conftest import sample_window


def test_the_watch_sees_gui_code_running_sql_on_the_gui_thread(library, no_sql_on_the_gui_thread):
    watch = no_sql_on_the_gui_thread
    list_talks(library)  # a test's own read: not the GUI's
    assert watch.faults == []
    read_schedule(library)  # GUI code on the GUI thread: what the window must never do
    assert any("read_schedule" in fault for fault in watch.faults)
    watch.faults.clear()


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
    tree.setCurrentIndex(window.sidebar.to_view(window.model.index_of_talk(talk.id)))
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
