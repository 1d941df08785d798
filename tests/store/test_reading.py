"""Reading the schedule, a note and its photos in plain SQL: what the ORM stored, read back
without importing SQLAlchemy (a start and `talknotes talks` need nothing else)."""

import json
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest

from desktop.core.errors import NotFoundError
from desktop.services.importing import import_schedule
from desktop.store import reading
from desktop.store.notes import save_hallway_note, save_talk_note
from desktop.store.talks import set_starred
from tests.conftest import SAMPLE, shared_fixture

READ_EVERYTHING = """
import json, sys
from desktop.store.library import open_library
from desktop.store import reading
lib = open_library(sys.argv[1])
talks = reading.list_talks(lib)
note = reading.talk_note(lib, talks[0].id)
hallway = reading.hallway_notes(lib)
photo = reading.photo_by_key(lib, sys.argv[2])
print(json.dumps({"talks": len(talks), "note": note.body, "hallway": len(hallway),
                  "photo": photo.original_name if photo else None,
                  "sqlalchemy": "sqlalchemy" in sys.modules}))
"""


def test_read_without_sqlalchemy(library, tmp_path):
    from desktop.core.photo_refs import key_of
    from desktop.services.photos import attach_to_talk
    from tests.imagegen import make_photo

    import_schedule(library, str(SAMPLE))
    first = reading.list_talks(library)[0]
    attached = attach_to_talk(library, first.id, [make_photo(tmp_path / "IMG_0001.jpg")])
    save_talk_note(library, first.id, "written through the ORM")
    save_hallway_note(library, "coffee", conference_id=first.conference_id, title="Hallway")
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            READ_EVERYTHING,
            str(library.path),
            key_of(attached[0].photo.sha256).upper(),  # a key typed in capitals finds it too
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == {
        "talks": 12,
        "note": "written through the ORM",
        "hallway": 1,
        "photo": "IMG_0001.jpg",
        "sqlalchemy": False,
    }


def test_a_photo_key_finds_its_photo_or_none(library, tmp_path):
    from desktop.core.photo_refs import key_of
    from desktop.services.photos import attach_to_talk
    from tests.imagegen import make_photo

    import_schedule(library, str(SAMPLE))
    talk = reading.list_talks(library)[0]
    attached = attach_to_talk(library, talk.id, [make_photo(tmp_path / "IMG_0002.jpg")])
    sha = attached[0].photo.sha256
    assert reading.photo_by_key(library, key_of(sha)).sha256 == sha
    assert reading.photo_by_key(library, sha).sha256 == sha
    assert reading.photo_by_key(library, "0" * 12 if not sha.startswith("0") else "f" * 12) is None
    for odd in ("", "*", "[a-f]*", "abc?", "%", "zz"):
        assert reading.photo_by_key(library, odd) is None


def test_talks_read_as_stored(library):
    """Times in the conference's zone, the conference day, flags, speakers in order, notes."""
    import_schedule(library, str(shared_fixture("schedules/xml/fosdem-2024-schedule.xml")))
    talks = reading.list_talks(library)
    assert len(talks) == 876
    assert talks == sorted(talks, key=lambda t: (t.start is None, t.start, t.room, t.id))
    first = talks[0]
    assert str(first.start.tzinfo) == "Europe/Brussels" and first.start.utcoffset().seconds == 3600
    assert first.day == date(2024, 2, 3) and first.start.date() == first.day
    assert any(len(t.speakers) > 1 for t in talks) and any(t.links for t in talks)
    set_starred(library, first.id, True)
    save_talk_note(library, talks[1].id, "noted")
    again = reading.list_talks(library, first.conference_id, date(2024, 2, 3))
    assert again[0].starred and not again[1].starred
    assert again[1].has_note and not again[0].has_note
    assert {t.day for t in again} == {date(2024, 2, 3)}
    assert reading.get_talk(library, first.id) == again[0]


def test_notes_and_conferences_read_as_stored(library):
    import_schedule(library, str(SAMPLE))
    conference = reading.list_conferences(library)[0]
    assert conference.time_zone == "Europe/Lisbon" and conference.imported_at.tzinfo is UTC
    assert reading.get_conference(library, conference.id) == conference
    talk = reading.list_talks(library)[0]
    assert reading.talk_note(library, talk.id).id is None  # none written yet
    saved = save_talk_note(library, talk.id, "body")
    read = reading.talk_note(library, talk.id)
    assert read == saved and read.updated_at <= datetime.now(UTC)
    with pytest.raises(NotFoundError):
        reading.talk_note(library, 99_999)
    with pytest.raises(NotFoundError):
        reading.get_conference(library, 99_999)
