"""Opening a note (desktop/ui/note_opening.py): from the moment a note is chosen the window names
it and what is typed goes into it (never into the note still on screen, whatever the filters
do); a later choice wins over an earlier read; a restart reopens the note last open."""

import re
import threading
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent, QInputMethodQueryEvent

from desktop.app import build_window
from desktop.services.library import list_talks
from desktop.services.notes import talk_note
from desktop.ui.autosave import Target
from desktop.ui.schedule_model import ID_ROLE
from tests.ui.conftest import click_talk_row, sample_window


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


class SlowReads:
    """The reader of a talk's note, held until `release` (a slow disk, a busy reader pool):
    the window shows one note while another is chosen and being read."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.gate.set()
        self.started = threading.Event()
        self.fail = False

    def hold(self) -> None:
        self.gate.clear()
        self.started.clear()

    def release(self) -> None:
        self.gate.set()

    def wrap(self, read):
        def slow(*args):
            self.started.set()
            self.gate.wait(10)
            if self.fail:
                raise OSError(5, "Input/output error")
            return read(*args)

        return slow


@pytest.fixture
def slow_reads(monkeypatch):
    import desktop.services.notes as notes

    reads = SlowReads()
    monkeypatch.setattr(notes, "talk_note", reads.wrap(notes.talk_note))
    yield reads
    reads.release()  # (no reader left waiting)


def _commit(edit, text: str) -> None:
    """Text an input method commits (a compose key, dead keys, an IME): no key event."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(edit, event)


def _input_method_enabled(edit) -> bool:
    """What the platform's input method is told when it asks whether the text takes input."""
    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled)
    QCoreApplication.sendEvent(edit, query)
    return bool(query.value(Qt.InputMethodQuery.ImEnabled))


def _open_a(window, qtbot, library, typed: str):
    """Talk A open, `typed` into it and saved."""
    a = _talk(library, "Static Sites in 2026")
    window.sidebar.select_talk(a.id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, typed)
    window.autosaver.flush()
    return a


def test_typing_while_the_chosen_note_is_read_goes_into_it_as_the_pane_says(
    window, qtbot, library, slow_reads
):
    """The sidebar marked B at once while the editor still showed A, named A and took an
    input method's text into A: the window must say B, and everything typed goes into B."""
    a = _open_a(window, qtbot, library, "for A")
    b = _talk(library, "Schedules Are Data")
    edit = window.editor.edit
    slow_reads.hold()
    click_talk_row(window, qtbot, b.id)  # B chosen while A shows; its read is slow
    qtbot.waitUntil(slow_reads.started.is_set)
    assert window.sidebar.tree.currentIndex().data(ID_ROLE) == b.id
    assert window.editor.title_line.full_text() == "Opening Schedules Are Data…"
    assert "Fatima" in window.editor.header.text()  # B's speaker, not A's
    assert edit.isReadOnly()  # A, still on screen, takes nothing…
    assert _input_method_enabled(edit)  # …but an input method keeps composing, for B
    edit.setFocus()
    qtbot.keyClicks(edit, "for B ")
    _commit(edit, "é")  # composed, not a key
    qtbot.keyClicks(edit, "!")
    assert window.editor.text_of(Target("talk", a.id)) == "for A"
    slow_reads.release()
    qtbot.waitUntil(window.settled)
    assert window.editor.target == Target("talk", b.id)
    assert window.editor.title_line.full_text() == "Schedules Are Data"
    assert not edit.isReadOnly()
    window.autosaver.flush()
    assert talk_note(library, b.id).body == "for B é!"
    assert talk_note(library, a.id).body == "for A"


def test_a_filter_change_never_changes_which_note_receives_typing(
    window, qtbot, library, slow_reads
):
    a = _open_a(window, qtbot, library, "A")
    b = _talk(library, "Schedules Are Data")  # track Data, day 1
    sidebar, edit = window.sidebar, window.editor.edit
    slow_reads.hold()
    sidebar.select_talk(b.id)
    qtbot.waitUntil(slow_reads.started.is_set)
    for change in (  # while B opens: filters that hide it, show only A, show nothing
        lambda: sidebar.filter_edit.setText("Static Sites"),
        sidebar.apply_filter,
        lambda: sidebar.track_box.setCurrentIndex(sidebar.track_box.findData("Tooling")),
        lambda: sidebar.starred_button.setChecked(True),
        sidebar.clear_filters,
    ):
        change()
        assert window.chosen_target() == Target("talk", b.id)
        assert window.editor.title_line.full_text() == "Opening Schedules Are Data…"
        qtbot.keyClicks(edit, "b")
        _commit(edit, "ß")
    slow_reads.release()
    qtbot.waitUntil(window.settled)
    sidebar.filter_edit.setText("Static Sites")  # open: a filter showing A only
    sidebar.apply_filter()
    sidebar.day_box.setCurrentIndex(sidebar.day_box.findData("2026-05-15"))  # not B's day
    assert window.editor.target == Target("talk", b.id)
    qtbot.keyClicks(edit, "!")
    window.autosaver.flush()
    assert talk_note(library, b.id).body == "bß" * 5 + "!"
    assert talk_note(library, a.id).body == "A"


def test_a_note_that_cannot_be_read_leaves_the_one_shown_named_and_typable(
    window, qtbot, library, slow_reads
):
    a = _open_a(window, qtbot, library, "A")
    b = _talk(library, "Schedules Are Data")
    slow_reads.hold()
    slow_reads.fail = True
    window.sidebar.select_talk(b.id)
    qtbot.waitUntil(slow_reads.started.is_set)
    assert window.editor.title_line.full_text() == "Opening Schedules Are Data…"
    qtbot.keyClicks(window.editor.edit, "lost")
    slow_reads.release()
    qtbot.waitUntil(window.settled)
    assert window.editor.target == Target("talk", a.id)
    assert window.editor.title_line.full_text() == "Static Sites in 2026"
    assert "Eitan Cohen" in window.editor.header.text()  # A's details again
    window.editor.abstract_button.click()  # A's abstract, not B's
    assert "static site generators" in window.editor.abstract.text()
    assert not window.editor.edit.isReadOnly()
    assert "4 keys typed for it were not written" in window.statusBar().currentMessage()
    qtbot.keyClicks(window.editor.edit, " again")
    window.autosaver.flush()
    assert talk_note(library, a.id).body == "A again"
    assert talk_note(library, b.id).body == ""


def test_a_talk_chosen_while_a_hallway_note_is_made_stays_open(window, qtbot, library, monkeypatch):
    """The hallway note, made on the writer thread, opened once made even when the writer
    had chosen a talk meanwhile: the typing went on into the hallway note, unasked."""
    import desktop.services.notes as notes

    made = threading.Event()
    real = notes.new_hallway_note
    monkeypatch.setattr(notes, "new_hallway_note", lambda *a: made.wait(10) and real(*a))
    a = _open_a(window, qtbot, library, "A")
    b = _talk(library, "Schedules Are Data")
    window.opening.new_hallway_note(a.conference_id)  # its row clicked: made slowly
    assert window.editor.title_line.full_text() == "Opening Hallway notes…"
    window.sidebar.select_talk(b.id)  # then a talk chosen
    qtbot.waitUntil(lambda: window.editor.target == Target("talk", b.id))
    made.set()
    qtbot.waitUntil(window.settled)
    assert window.editor.target == Target("talk", b.id)
    assert window.model.index_of_hallway(_hallway_id(library)) is not None  # (listed)
    qtbot.keyClicks(window.editor.edit, "for B")
    window.autosaver.flush()
    assert talk_note(library, b.id).body == "for B"
    assert talk_note(library, a.id).body == "A"


def _hallway_id(library) -> int:
    from desktop.services.notes import hallway_notes

    (note,) = hallway_notes(library)
    return note.id


def test_keys_typed_for_a_note_being_read_stay_its_when_another_is_chosen(
    window, qtbot, library, slow_reads
):
    """B chosen and typed for ("Opening B…"), then C chosen before B's note was read: what
    was typed for B went into C. Each note gets what was typed while the window named it."""
    a = _open_a(window, qtbot, library, "A")
    b, c = _talk(library, "Schedules Are Data"), _talk(library, "Closing Remarks")
    edit = window.editor.edit
    slow_reads.hold()
    window.sidebar.select_talk(b.id)
    qtbot.waitUntil(slow_reads.started.is_set)
    qtbot.keyClicks(edit, "for B")
    window.sidebar.select_talk(c.id)
    assert window.editor.title_line.full_text() == "Opening Closing Remarks…"
    assert window.chosen_target() == Target("talk", c.id)
    qtbot.keyClicks(edit, "for C")
    _commit(edit, "!")
    window.when_open(window.editor.move_to_end)  # (for C, when it opens)
    slow_reads.release()
    qtbot.waitUntil(window.settled)
    assert window.editor.target == Target("talk", c.id)
    assert window.editor.title_line.full_text() == "Closing Remarks"
    window.autosaver.flush()
    assert talk_note(library, b.id).body == "for B"
    assert talk_note(library, c.id).body == "for C!"
    assert talk_note(library, a.id).body == "A"


def test_keys_typed_while_a_hallway_note_is_made_stay_its(window, qtbot, library, monkeypatch):
    import desktop.services.notes as notes

    made = threading.Event()
    real = notes.new_hallway_note
    monkeypatch.setattr(notes, "new_hallway_note", lambda *a: made.wait(10) and real(*a))
    a = _open_a(window, qtbot, library, "A")
    b = _talk(library, "Schedules Are Data")
    edit = window.editor.edit
    window.opening.new_hallway_note(a.conference_id)
    qtbot.keyClicks(edit, "hall")  # while "Opening Hallway notes…"
    window.sidebar.select_talk(b.id)
    assert window.editor.title_line.full_text() == "Opening Schedules Are Data…"
    qtbot.keyClicks(edit, "for B")
    made.set()
    qtbot.waitUntil(window.settled)
    assert window.editor.target == Target("talk", b.id)
    window.autosaver.flush()
    (hallway,) = notes.hallway_notes(library)
    assert hallway.body == "hall"
    assert talk_note(library, b.id).body == "for B"
    assert talk_note(library, a.id).body == "A"


def test_a_hallway_note_gone_before_it_opens_leaves_the_one_shown(window, qtbot, library):
    """What was typed for it is not typed into the note still shown, nor held for ever."""
    a = _open_a(window, qtbot, library, "A")
    edit = window.editor.edit
    window.opening.show_hallway(999_999)  # (removed meanwhile, say)
    qtbot.keyClicks(edit, "lost")
    qtbot.waitUntil(window.settled)
    assert window.editor.target == Target("talk", a.id)
    assert window.editor.title_line.full_text() == "Static Sites in 2026"
    assert "4 keys typed for it were not written" in window.statusBar().currentMessage()
    qtbot.keyClicks(edit, " again")
    window.autosaver.flush()
    assert talk_note(library, a.id).body == "A again"


def test_photos_dropped_while_a_note_opens_go_to_that_note(window, qtbot, library, slow_reads):
    """Files dropped on the note (or its strip) while the chosen note is read went to the
    note still on screen (its photos, its text)."""
    from desktop.store.photos import note_photos
    from tests.imagegen import make_photo

    a = _open_a(window, qtbot, library, "for A")
    b = _talk(library, "Schedules Are Data")
    photo = make_photo(library.path.parent / "drop" / "IMG_5001.jpg")
    slow_reads.hold()
    click_talk_row(window, qtbot, b.id)
    qtbot.waitUntil(slow_reads.started.is_set)
    window.editor.edit.images_dropped.emit([str(photo)])  # dropped while B is read
    slow_reads.release()
    qtbot.waitUntil(lambda: window.editor.target == Target("talk", b.id))
    qtbot.waitUntil(lambda: window.editor.strip.count() == 1, timeout=10_000)
    qtbot.waitUntil(window.settled)
    window.autosaver.flush()
    assert [p.original_name for p in note_photos(library, talk_note(library, b.id).id)] == [
        "IMG_5001.jpg"
    ]
    assert note_photos(library, talk_note(library, a.id).id) == []
    assert "IMG_5001" not in talk_note(library, a.id).body
