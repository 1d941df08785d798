"""The autosave's common case in plain SQL: saved as the full path (store.note_saving) saves,
without SQLAlchemy."""

import json
import sqlite3
import subprocess
import sys
from datetime import timedelta

from desktop.services.importing import import_schedule
from desktop.store import reading
from desktop.store.history import versions
from desktop.store.notes import save_hallway_note, save_talk_note
from desktop.store.quick_save import quick_save, save_in_place
from tests.conftest import SAMPLE, age_note

SAVE_WITHOUT_SQLALCHEMY = """
import json, sys
from desktop.store.library import open_library
from desktop.store.quick_save import quick_save
lib = open_library(sys.argv[1])
note = quick_save(lib, int(sys.argv[2]), "typed on")
print(json.dumps({"saved": note.body, "sqlalchemy": "sqlalchemy" in sys.modules}))
"""


def test_an_existing_note_saves_without_sqlalchemy(library):
    import_schedule(library, str(SAMPLE))
    talk = reading.list_talks(library)[0]
    save_talk_note(library, talk.id, "first")
    out = subprocess.run(
        [sys.executable, "-c", SAVE_WITHOUT_SQLALCHEMY, str(library.path), str(talk.id)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == {"saved": "typed on", "sqlalchemy": False}
    assert reading.talk_note(library, talk.id).body == "typed on"


def test_the_quick_path_leaves_new_notes_and_due_versions_to_the_full_path(library, monkeypatch):
    import_schedule(library, str(SAMPLE))
    talk = reading.list_talks(library)[0]
    assert quick_save(library, talk.id, "no note yet") is None  # created by save_talk_note
    saved = save_talk_note(library, talk.id, "first")
    again = quick_save(library, talk.id, "second")
    assert again is not None and again.id == saved.id and again.updated_at >= saved.updated_at
    assert reading.talk_note(library, talk.id) == again
    monkeypatch.setattr("desktop.store.quick_save.SNAPSHOT_EVERY", timedelta(0))
    assert quick_save(library, talk.id, "third") is None  # a version is due: note_saving keeps it
    save_talk_note(library, talk.id, "third")
    assert [v.body for v in versions(library, saved.id)][:1] == ["second"]


def test_in_place_until_a_version_is_due_by_the_stored_times(library):
    """The one-statement save reads the stored times: a note written 4 minutes ago (no
    version yet) is saved in place, one written 6 minutes ago is left to note_saving, which
    keeps a version; the same text again is saved as it is."""
    import_schedule(library, str(SAMPLE))
    talk = reading.list_talks(library)[0]
    note = save_talk_note(library, talk.id, "first")
    age_note(library, note.id, 4)
    assert quick_save(library, talk.id, "second").body == "second"
    assert versions(library, note.id) == []
    same = quick_save(library, talk.id, "second")
    assert same is not None and same == reading.talk_note(library, talk.id)
    age_note(library, note.id, 2)  # now 6 minutes old
    assert quick_save(library, talk.id, "third") is None
    assert reading.talk_note(library, talk.id).body == "second"  # untouched
    save_talk_note(library, talk.id, "third")
    assert [v.body for v in versions(library, note.id)] == ["second"]


def test_the_autosaves_write_is_one_statement_committed_as_it_runs(library):
    """save_in_place saves and commits in the one UPDATE (no transaction left open for a
    commit call); it leaves a new note, the same text and a due version to the others."""
    import_schedule(library, str(SAMPLE))
    talk = reading.list_talks(library)[0]
    assert not save_in_place(library, "talk", talk.id, "no note yet")
    note = save_talk_note(library, talk.id, "first")
    assert save_in_place(library, "talk", talk.id, "first and more")
    assert not library.reader().in_transaction
    other = sqlite3.connect(library.database_path)  # another connection sees it saved
    assert other.execute("SELECT body FROM note WHERE id = ?", (note.id,)).fetchone() == (
        "first and more",
    )
    other.close()
    assert not save_in_place(library, "talk", talk.id, "first and more")  # the same text
    age_note(library, note.id, 6)
    assert not save_in_place(
        library, "talk", talk.id, "later"
    )  # a version is due: note_saving keeps it
    assert reading.talk_note(library, talk.id).body == "first and more"
    assert versions(library, note.id) == []


def test_a_hallway_note_is_saved_in_place_too(library):
    """By its id, and never a talk's note by that id; a due version is note_saving's."""
    import_schedule(library, str(SAMPLE))
    talk = reading.list_talks(library)[0]
    hallway = save_hallway_note(library, "coffee", conference_id=talk.conference_id)
    talks_note = save_talk_note(library, talk.id, "the talk's")
    assert save_in_place(library, "hallway", hallway.id, "coffee and talk")
    assert reading.hallway_notes(library)[0].body == "coffee and talk"
    assert not save_in_place(library, "hallway", talks_note.id, "not a hallway note")
    assert reading.talk_note(library, talk.id).body == "the talk's"
    age_note(library, hallway.id, 6)
    assert not save_in_place(library, "hallway", hallway.id, "later")
    assert versions(library, hallway.id) == []
