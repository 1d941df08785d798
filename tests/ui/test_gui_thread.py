"""The GUI thread runs no SQL (issue 16): the library is read and written through the UI
backend (what is typed while a note is being read: test_note_opening)."""

from desktop.services.library import list_talks
from desktop.ui.main_window import read_schedule


def test_the_watch_sees_gui_code_running_sql_on_the_gui_thread(library, no_sql_on_the_gui_thread):
    watch = no_sql_on_the_gui_thread
    list_talks(library)  # a test's own read: not the GUI's
    assert watch.faults == []
    read_schedule(library)  # GUI code on the GUI thread: what the window must never do
    assert any("read_schedule" in fault for fault in watch.faults)
    watch.faults.clear()
