"""The autosave's common case in plain SQL: saved as the ORM path saves, without SQLAlchemy."""

import json
import subprocess
import sys
from datetime import timedelta

from desktop.services.importing import import_schedule
from desktop.store import reading
from desktop.store.history import versions
from desktop.store.notes import save_talk_note
from desktop.store.quick_save import quick_save
from tests.conftest import SAMPLE

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


def test_the_quick_path_leaves_new_notes_and_due_versions_to_the_orm(library, monkeypatch):
    import_schedule(library, str(SAMPLE))
    talk = reading.list_talks(library)[0]
    assert quick_save(library, talk.id, "no note yet") is None  # created by save_talk_note
    saved = save_talk_note(library, talk.id, "first")
    again = quick_save(library, talk.id, "second")
    assert again is not None and again.id == saved.id and again.updated_at >= saved.updated_at
    assert reading.talk_note(library, talk.id) == again
    monkeypatch.setattr("desktop.store.quick_save.SNAPSHOT_EVERY", timedelta(0))
    assert quick_save(library, talk.id, "third") is None  # a version is due: the ORM keeps it
    save_talk_note(library, talk.id, "third")
    assert [v.body for v in versions(library, saved.id)][:1] == ["second"]
