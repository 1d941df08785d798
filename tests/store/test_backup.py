"""Backups: made daily and before migrations, pruned, restored; damage is never papered over."""

import pytest

from desktop.services.importing import import_schedule
from desktop.store import backup
from desktop.store.library import make_engine, open_library, upgrade
from desktop.store.notes import save_talk_note, talk_note
from tests.conftest import SAMPLE, wreck_page


def test_daily_backup_on_first_open_of_the_day(tmp_path):
    lib = open_library(tmp_path / "lib")
    assert backup.list_backups(lib.path) == []  # a new, empty library needs none
    import_schedule(lib, str(SAMPLE))
    lib.close()
    lib = open_library(tmp_path / "lib")
    (first,) = backup.list_backups(lib.path)
    assert first.reason == "daily" and backup.integrity(first.path) == "ok"
    lib.close()
    open_library(tmp_path / "lib").close()
    assert len(backup.list_backups(tmp_path / "lib")) == 1  # once a day


def test_backup_before_migration(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(folder / "talknotes.sqlite3")
    upgrade(engine, "0001")
    engine.dispose()
    open_library(folder).close()
    reasons = [b.reason for b in backup.list_backups(folder)]
    assert "before-migration-0001" in reasons


def test_keeps_the_newest_n(library):
    for _ in range(5):
        backup.make_backup(library.database_path, "manual", keep=3)
    assert len(backup.list_backups(library.path)) == 3


def test_restore_puts_back_notes_and_keeps_current_state(library, tmp_path):
    import_schedule(library, str(SAMPLE))
    save_talk_note(library, 1, "before")
    saved = backup.make_backup(library.database_path, "manual", to=tmp_path / "b.sqlite3")
    save_talk_note(library, 1, "after")
    library.close()
    safety = backup.restore_backup(library.database_path, saved)
    assert safety is not None and safety.exists()
    lib = open_library(library.path)
    assert talk_note(lib, 1).body == "before"
    lib.close()


def test_restore_refuses_a_file_that_is_not_a_backup(library, tmp_path):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(Exception, match="not a"):
        backup.restore_backup(library.database_path, bogus)


def test_damaged_database_is_refused_not_replaced(tmp_path):
    lib = open_library(tmp_path / "lib")
    import_schedule(lib, str(SAMPLE))
    lib.close()
    database = tmp_path / "lib" / "talknotes.sqlite3"
    wreck_page(database, 1)
    data = database.read_bytes()
    with pytest.raises(backup.LibraryDamaged, match="damaged"):
        open_library(tmp_path / "lib")
    assert database.read_bytes() == data  # nothing written over it
