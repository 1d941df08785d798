"""Note history: a version is kept when a note changes after a pause, and can be restored."""

from datetime import UTC, datetime

from sqlmodel import Session, select

from desktop.services.importing import import_schedule
from desktop.store import history
from desktop.store.notes import append_to_talk_note, save_talk_note, talk_note
from desktop.store.tables import NoteRow
from tests.conftest import SAMPLE, age_note


def test_versions_kept_after_pauses_and_restorable(library):
    import_schedule(library, str(SAMPLE))
    note = save_talk_note(library, 1, "first")
    save_talk_note(library, 1, "first, typing on")  # seconds later: no version
    assert history.versions(library, note.id) == []
    age_note(library, note.id, 10)
    save_talk_note(library, 1, "rewritten")
    (v,) = history.versions(library, note.id)
    assert v.body == "first, typing on" and v.reason == "edit"
    assert history.restore(library, v.id) == "first, typing on"
    assert talk_note(library, 1).body == "first, typing on"
    assert history.versions(library, note.id)[0].body == "rewritten"  # the restore is undoable


def test_append_always_keeps_a_version(library):
    import_schedule(library, str(SAMPLE))
    note = save_talk_note(library, 2, "mine")
    append_to_talk_note(library, 2, "from the command line")
    assert [v.body for v in history.versions(library, note.id)] == ["mine"]
    assert history.versions(library, note.id)[0].saved_at <= datetime.now(UTC)
    with Session(library.engine) as s:
        assert s.exec(select(NoteRow)).first() is not None


def test_quick_autosave_matches_a_full_read_and_still_keeps_versions(library):
    import_schedule(library, str(SAMPLE))
    first = save_talk_note(library, 3, "one")  # creates the note: the full path
    saved = save_talk_note(library, 3, "one two")  # in place: the quick path
    assert saved == talk_note(library, 3)
    assert saved.updated_at >= first.updated_at and saved.created_at == first.created_at
    again = save_talk_note(library, 3, "one two")  # unchanged: nothing written
    assert again.updated_at == saved.updated_at
    age_note(library, saved.id, 10)
    save_talk_note(library, 3, "one two three")  # a version is due: the full path keeps it
    save_talk_note(library, 3, "one two three four")  # and the next edit is quick again
    assert [v.body for v in history.versions(library, saved.id)] == ["one two"]
    assert talk_note(library, 3).body == "one two three four"
