"""Opening a library: created on first use, WAL and foreign keys on, nothing lost on reopen."""

from datetime import UTC, datetime

import pytest

from desktop.core.errors import TalknotesError
from desktop.importers import parse_schedule
from desktop.store.library import open_library
from desktop.store.notes import save_hallway_note, save_talk_note, talk_note
from desktop.store.schedule_sync import apply_schedule
from desktop.store.talks import list_talks, set_starred
from tests.conftest import SAMPLE


def test_reopen_keeps_everything(tmp_path):
    lib = open_library(tmp_path / "lib")
    schedule = parse_schedule(SAMPLE.read_bytes(), str(SAMPLE))
    apply_schedule(lib, schedule)
    first = list_talks(lib)[0]
    save_talk_note(lib, first.id, "# Notes\n\nÜnïcode ✓ and a > quote")
    set_starred(lib, first.id, True)
    save_hallway_note(lib, "met Ada at coffee", conference_id=first.conference_id, title="Day 1")
    before = list_talks(lib)
    lib.close()

    lib = open_library(tmp_path / "lib")
    after = list_talks(lib)
    assert after == before
    assert after[0].starred and after[0].has_note
    assert talk_note(lib, first.id).body == "# Notes\n\nÜnïcode ✓ and a > quote"
    assert after[0].start == datetime(2026, 5, 14, 8, 0, tzinfo=UTC)
    assert after[0].start.utcoffset().total_seconds() == 3600  # shown in Europe/Lisbon
    lib.close()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(library):
    with library.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_library_layout(library):
    assert library.database_path.is_file()
    assert library.media_dir.is_dir()


def test_refuses_a_file_as_library(tmp_path):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    with pytest.raises(TalknotesError, match="is not a folder"):
        open_library(target)


def test_environment_variable_points_elsewhere(tmp_path, monkeypatch):
    monkeypatch.setenv("TALKNOTES_LIBRARY", str(tmp_path / "envlib"))
    lib = open_library()
    assert lib.path == (tmp_path / "envlib").resolve()
    lib.close()
