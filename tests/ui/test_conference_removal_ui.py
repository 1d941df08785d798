"""Removing a conference from the window: File → Remove Conference… and the conference's
context menu, the dialog that says what goes, the removal on the writer, and the open note:
what was typed into it is saved (and in the backup) before it goes."""

import sqlite3

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.services.importing import import_schedule
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from desktop.ui.conference_removal import RemoveConferenceDialog
from desktop.ui.schedule_model import ID_ROLE, KIND_ROLE
from tests.conftest import shared_fixture
from tests.ui.conftest import sample_window


@pytest.fixture
def window(qtbot, library):
    win = sample_window(qtbot, library)
    yield win
    win.autosaver.flush()


def _dialog(qtbot, window) -> RemoveConferenceDialog:
    qtbot.waitUntil(
        lambda: (
            getattr(window, "removal_dialog", None) is not None
            and window.removal_dialog.isVisible()
        )
    )
    return window.removal_dialog


def _open(qtbot, window, talk_id):
    window.sidebar.select_talk(talk_id)
    qtbot.waitUntil(lambda: window.settled() and window.editor.target is not None)


def _conference_index(window, conference_id):
    proxy = window.sidebar.tree.model()  # (what the tree shows)
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data(KIND_ROLE) == "conference" and index.data(ID_ROLE) == conference_id:
            return index
    return None


def _backup_note(path, talk_id):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT body FROM note WHERE talk_id = ?", (talk_id,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def test_typing_then_removing_keeps_the_text_in_the_backup(qtbot, window, library):
    talk = list_talks(library, 1)[0]
    _open(qtbot, window, talk.id)
    window.editor.edit.setFocus()
    qtbot.keyClicks(window.editor.edit, "typed just before the removal")
    assert window.autosaver.dirty  # not saved yet: the removal must save it first
    window.act_remove_conference.trigger()
    dialog = _dialog(qtbot, window)
    assert "Remove “Harbour Notes Conference 2026” from the library?" in dialog.text.text()
    assert "12 talks" in dialog.text.text()
    assert f"your 1 note</b>:<ul><li>“{talk.title}”</li>" in dialog.text.text()
    assert "before-remove-conference-1.sqlite3" in dialog.text.text()
    assert dialog.cancel_button.isDefault() and not dialog.remove_button.isDefault()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.settled() and bool(window.notifier.told))
    kind, title, text = window.notifier.told[-1]
    assert (kind, title) == ("inform", "Conference removed")
    assert "Removed “Harbour Notes Conference 2026”: 12 talks, 1 note, 0 photos." in text
    assert "Its note that was open is closed (its text is in the backup)." in text
    backup = next((library.path / "backups").glob("*-before-remove-conference-1.sqlite3"))
    assert str(backup) in text
    assert _backup_note(backup, talk.id) == "typed just before the removal"
    # the window shows the library as it is now: no conference, no note open
    assert window.model.conferences() == [] and window.sidebar.empty_panel.isVisible()
    assert window.editor.target is None and not window.editor.edit.isEnabled()
    assert window.editor.title_line.full_text() == "No note open"
    assert not window.autosaver.dirty and list_talks(library) == []
    assert window.statusBar().currentMessage().startswith("Removed “Harbour")


def test_cancel_removes_nothing_and_keeps_the_note_open(qtbot, window, library):
    talk = list_talks(library, 1)[0]
    _open(qtbot, window, talk.id)
    window.act_remove_conference.trigger()
    dialog = _dialog(qtbot, window)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.settled)
    assert len(list_talks(library, 1)) == 12 and len(window.model.conferences()) == 1
    assert window.editor.target is not None and window.editor.target.id == talk.id
    assert not list((library.path / "backups").glob("*-before-remove-conference-*"))


def test_the_conference_menu_removes_that_conference_and_no_other(qtbot, window, library):
    import_schedule(library, str(shared_fixture("schedules/json/pretalx-democon.json")))
    window.reload()
    qtbot.waitUntil(lambda: window.settled() and len(window.model.conferences()) == 2)
    sample_talk = list_talks(library, 1)[0]
    save_talk_note(library, list_talks(library, 2)[0].id, "democon note")
    _open(qtbot, window, sample_talk.id)  # a note of the conference that stays
    qtbot.keyClicks(window.editor.edit, "kept typing")
    index = _conference_index(window, 2)
    tree = window.sidebar.tree
    tree.customContextMenuRequested.emit(tree.visualRect(index).center())
    menu = window.sidebar.context_menu
    qtbot.waitUntil(menu.isVisible)
    assert [a.text() for a in menu.actions()] == ["Remove Conference…"]
    menu.actions()[0].trigger()
    dialog = _dialog(qtbot, window)
    assert "Remove “DemoCon” from the library?" in dialog.text.text()
    assert "“democon note”" not in dialog.text.text()  # the note is listed by its talk
    assert "your 1 note" in dialog.text.text()
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: window.settled() and bool(window.notifier.told))
    assert [c.id for c in window.model.conferences()] == [1]
    assert list_talks(library, 2) == []
    # the open note of the other conference stays open, and typing into it still saves
    assert window.editor.target is not None and window.editor.target.id == sample_talk.id
    assert "Its note that was open" not in window.notifier.told[-1][2]
    qtbot.keyClicks(window.editor.edit, " and more")
    window.autosaver.flush()
    from desktop.services.notes import talk_note

    assert talk_note(library, sample_talk.id).body == "kept typing and more"


def test_the_context_menu_is_only_on_conferences(qtbot, window):
    conference = _conference_index(window, 1)
    day = window.sidebar.tree.model().index(0, 0, conference)
    assert window.sidebar.conference_menu(day) is None
    assert window.sidebar.conference_menu(conference) is not None


def test_a_save_that_fails_keeps_the_conference_and_the_text(qtbot, window, library, monkeypatch):
    from desktop.core.errors import TalknotesError
    from desktop.ui import main_window

    def disk_full(*_args):
        raise TalknotesError(str(library.database_path), "the disk is full")

    talk = list_talks(library, 1)[0]
    _open(qtbot, window, talk.id)
    monkeypatch.setattr(main_window, "save_target", disk_full)
    qtbot.keyClicks(window.editor.edit, "not saved yet")
    window.act_remove_conference.trigger()
    dialog = _dialog(qtbot, window)
    dialog.remove_button.click()
    qtbot.waitUntil(
        lambda: ("warn", "Conference not removed") in [t[:2] for t in window.notifier.told]
    )
    assert len(list_talks(library, 1)) == 12 and len(window.model.conferences()) == 1
    assert window.editor.target is not None and window.editor.current_text() == "not saved yet"
    assert not list((library.path / "backups").glob("*-before-remove-conference-*"))
    monkeypatch.undo()  # the disk has room again: the retry saves it
    from desktop.services.notes import talk_note

    qtbot.waitUntil(lambda: talk_note(library, talk.id).body == "not saved yet", timeout=10_000)


def test_a_removal_that_fails_shows_the_conference_and_its_note_again(
    qtbot, window, library, monkeypatch
):
    from desktop.core.errors import TalknotesError
    from desktop.services import conference_removal

    def full_disk(*_args, **_kwargs):
        raise TalknotesError(str(library.path / "backups"), "no backup was made: disk full")

    talk = list_talks(library, 1)[0]
    _open(qtbot, window, talk.id)
    qtbot.keyClicks(window.editor.edit, "still here")
    monkeypatch.setattr(conference_removal, "remove_conference", full_disk)
    window.act_remove_conference.trigger()
    _dialog(qtbot, window).remove_button.click()
    qtbot.waitUntil(lambda: bool(window.notifier.told))
    assert window.notifier.told[-1][:2] == ("warn", "Conference not removed")
    assert "no backup was made: disk full" in window.notifier.told[-1][2]
    qtbot.waitUntil(lambda: window.settled() and window.editor.target is not None)
    assert [c.id for c in window.model.conferences()] == [1]
    assert window.editor.target.id == talk.id and window.editor.current_text() == "still here"


def test_dropping_a_conference_keeps_qt_s_model_rules_and_the_others_rows(qapp, qtlog):
    """The sidebar's row model without one conference: Qt's model tester finds nothing wrong,
    the conference after it moves up a row, and its talks and hallway notes are gone."""
    from dataclasses import replace

    from PySide6.QtTest import QAbstractItemModelTester

    from desktop.core.models import Conference, Note
    from desktop.importers import parse_schedule
    from desktop.ui.schedule_model import ScheduleModel
    from tests.conftest import SAMPLE

    talks = parse_schedule(SAMPLE.read_bytes(), str(SAMPLE)).talks
    first = [replace(t, id=n, conference_id=1) for n, t in enumerate(talks, start=1)]
    second = [replace(t, id=100 + n, conference_id=2) for n, t in enumerate(talks, start=1)]
    hallway = [Note(id=7, conference_id=1, title="Hallway"), Note(id=8, title="Loose ends")]
    model = ScheduleModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    conferences = [Conference(id=1, title="One"), Conference(id=2, title="Two")]
    model.populate(conferences, first + second, hallway)
    held = model.drop_conference(1)
    assert held == {("talk", t.id) for t in first} | {("hallway", 7)}
    assert not [r.message for r in qtlog.records if "FAIL" in r.message or "ASSERT" in r.message]
    assert [c.id for c in model.conferences()] == [2]
    assert model.index(0, 0).data(ID_ROLE) == 2 and model.index(0, 0).data(KIND_ROLE) == (
        "conference"
    )
    assert model.index_of_talk(first[0].id) is None and model.talk(first[0].id) is None
    assert model.index_of_talk(second[0].id).parent().parent() == model.index(0, 0)
    assert model.index_of_hallway(7) is None and model.index_of_hallway(8).row() == 1
    assert model.rowCount() == 2  # Two, and the note of no conference


def test_the_file_menu_names_the_conference_it_would_remove(qtbot, window, library):
    from desktop.ui.menus import name_the_removal

    name_the_removal(window)
    assert window.act_remove_conference.text() == "Re&move “Harbour Notes Conference 2026”…"
    import_schedule(library, str(shared_fixture("schedules/json/pretalx-democon.json")))
    window.reload()
    qtbot.waitUntil(lambda: window.settled() and len(window.model.conferences()) == 2)
    window.sidebar.tree.setCurrentIndex(QModelIndex())
    name_the_removal(window)
    assert window.act_remove_conference.text() == "Re&move Conference…"  # which one? none yet
    window.sidebar.tree.setCurrentIndex(_conference_index(window, 2))
    name_the_removal(window)
    assert window.act_remove_conference.text() == "Re&move “DemoCon”…"
