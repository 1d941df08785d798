"""A note made on its first keystroke and versions kept in plain SQL (store.note_saving): the
rows the ORM made, found by search, and no SQLAlchemy on the writer thread."""

import json
import subprocess
import sys

import pytest
from sqlmodel import Session, select

from desktop.core.errors import NotFoundError
from desktop.services.importing import import_schedule
from desktop.services.notes import new_hallway_note, save_note
from desktop.store import history, note_saving, reading
from desktop.store.notes import save_talk_note
from desktop.store.search import search_notes
from desktop.store.tables import NoteRow, NoteVersionRow
from tests.conftest import SAMPLE, age_note

FIRST_KEYS = """
import json, sys
from desktop.services.notes import save_note
from desktop.store.library import open_library
lib = open_library(sys.argv[1])
talk = int(sys.argv[2])
save_note(lib, "talk", talk, "pentabarf first")  # no note yet: made
lib.reader().execute("UPDATE note SET created_at = '2000-01-01 00:00:00.000000'")
save_note(lib, "talk", talk, "pentabarf first, then more")  # a version is due: kept
print(json.dumps({"sqlalchemy": "sqlalchemy" in sys.modules}))
"""


def test_the_first_keystroke_and_a_version_need_no_sqlalchemy(library):
    import_schedule(library, str(SAMPLE))
    talk = reading.list_talks(library)[0]
    out = subprocess.run(
        [sys.executable, "-c", FIRST_KEYS, str(library.path), str(talk.id)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == {"sqlalchemy": False}
    note = reading.talk_note(library, talk.id)
    assert note.body == "pentabarf first, then more"
    assert [(v.body, v.reason) for v in history.versions(library, note.id)] == [
        ("pentabarf first", "edit")
    ]
    assert [hit.talk_id for hit in search_notes(library, "pentabarf")] == [talk.id]


def test_a_note_made_in_plain_sql_is_the_row_the_orm_made(library):
    import_schedule(library, str(SAMPLE))
    talk = reading.list_talks(library)[1]
    made = note_saving.save_talk(library, talk.id, "first words")
    with Session(library.engine) as s:
        row = s.exec(select(NoteRow).where(NoteRow.talk_id == talk.id)).one()
        assert (row.id, row.conference_id, row.title, row.body) == (
            made.id,
            talk.conference_id,
            "",
            "first words",
        )
        assert row.created_at == row.updated_at == made.created_at == made.updated_at
    assert reading.talk_note(library, talk.id) == made
    assert [h.talk_id for h in search_notes(library, "first words")] == [talk.id]
    with pytest.raises(NotFoundError):
        note_saving.save_talk(library, 999_999, "no such talk")


def test_a_hallway_note_made_then_typed_into_keeps_its_versions(library):
    import_schedule(library, str(SAMPLE))
    conference_id = reading.list_talks(library)[0].conference_id
    made = new_hallway_note(library, conference_id, "Hallway notes")
    assert (made.talk_id, made.conference_id, made.title, made.body) == (
        None,
        conference_id,
        "Hallway notes",
        "",
    )
    save_note(library, "hallway", made.id, "met the maintainers")
    age_note(library, made.id, 10)
    save_note(library, "hallway", made.id, "met the maintainers at lunch")
    (note,) = reading.hallway_notes(library)
    assert note.body == "met the maintainers at lunch" and note.title == "Hallway notes"
    assert [v.body for v in history.versions(library, made.id)] == ["met the maintainers"]
    assert [h.note_id for h in search_notes(library, "lunch")] == [made.id]
    with pytest.raises(NotFoundError):  # a talk's note is no hallway note
        talk_note = save_talk_note(library, reading.list_talks(library)[0].id, "x")
        note_saving.save_hallway(library, "y", note_id=talk_note.id)


def test_only_the_newest_versions_are_kept(library, monkeypatch):
    monkeypatch.setattr(note_saving, "KEEP_VERSIONS", 3)
    import_schedule(library, str(SAMPLE))
    talk = reading.list_talks(library)[2]
    note = save_talk_note(library, talk.id, "v0")
    for n in range(1, 6):
        save_talk_note(library, talk.id, f"v{n}", snapshot="append")  # a version each time
    assert [v.body for v in history.versions(library, note.id)] == ["v4", "v3", "v2"]
    with Session(library.engine) as s:
        assert len(s.exec(select(NoteVersionRow)).all()) == 3
