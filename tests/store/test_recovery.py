"""Locked is not damaged; restores show both sides and keep what they replace; a damaged
library can be salvaged; a newer Talknotes' database is refused and backups survive."""

import sqlite3

import pytest

from desktop.services.importing import import_schedule
from desktop.store import backup
from desktop.store.library import open_library
from desktop.store.migrations import HEAD_REVISION
from desktop.store.notes import save_talk_note
from desktop.store.salvage import salvage
from tests.conditions import database_held
from tests.conftest import SAMPLE, wreck_page


@pytest.fixture
def with_notes(tmp_path):
    lib = open_library(tmp_path / "lib")
    import_schedule(lib, str(SAMPLE))
    for talk_id in (1, 2, 3):
        save_talk_note(lib, talk_id, f"note on talk {talk_id}\n" * 40)
    lib.close()
    return tmp_path / "lib"


def wreck_a_page(database, page=3):
    wreck_page(database, page)


@pytest.mark.parametrize("exclusive", [False, True], ids=["begin-exclusive", "locking-mode"])
def test_a_locked_database_is_unavailable_not_damaged(with_notes, exclusive):
    database = with_notes / "talknotes.sqlite3"
    good = backup.make_backup(database, "manual")
    with database_held(database, exclusive=exclusive):
        with pytest.raises(backup.LibraryUnavailable, match="locked") as raised:
            lib = open_library(with_notes, auto_backup=False)
            try:
                save_talk_note(lib, 1, "typed while locked")  # the first write meets the lock
            except Exception as exc:
                from desktop.core.errors import plain_reason

                raise backup.LibraryUnavailable(str(database), plain_reason(exc)) from exc
            finally:
                lib.close()
        assert not isinstance(raised.value, backup.LibraryDamaged)
        # and a restore refuses to replace it while it is held
        with pytest.raises(backup.LibraryUnavailable):
            backup.restore_backup(database, good)
    assert backup.integrity(database) == "ok"
    assert not list(with_notes.glob("talknotes.sqlite3.damaged-*"))


def test_integrity_of_a_database_held_with_readers_out_says_locked(with_notes):
    database = with_notes / "talknotes.sqlite3"
    with (
        database_held(database, exclusive=True),
        pytest.raises(backup.LibraryUnavailable, match="locked"),
    ):
        backup.integrity(database)


def test_contents_show_talks_notes_and_the_newest_note(with_notes):
    holds = backup.contents(with_notes / "talknotes.sqlite3")
    assert (holds.talks, holds.notes) == (12, 3) and holds.newest_note is not None
    assert "12 talks, 3 notes, newest note " in holds.describe()


def test_salvage_saves_the_readable_notes_of_a_damaged_library(with_notes):
    database = with_notes / "talknotes.sqlite3"
    wreck_a_page(database, page=5)
    assert backup.integrity(database, quick=False) != "ok"
    damaged_bytes = database.read_bytes()
    kept, saved = salvage(database)
    assert kept.read_bytes() == damaged_bytes  # the damaged file is kept as it was
    assert backup.integrity(database, quick=False) == "ok"
    lib = open_library(with_notes, auto_backup=False)  # opens like any library
    lib.close()
    conn = sqlite3.connect(database)
    bodies = [r[0] for r in conn.execute("SELECT body FROM note")]
    talks = conn.execute("SELECT count(*) FROM talk").fetchone()[0]
    conn.close()
    assert sum(b.startswith("note on talk") for b in bodies) == 3, saved
    assert 0 < talks <= 12


def test_a_sound_database_is_kept_when_a_backup_replaces_it(with_notes, tmp_path):
    database = with_notes / "talknotes.sqlite3"
    old = backup.make_backup(database, "manual", to=tmp_path / "old.sqlite3")
    lib = open_library(with_notes, auto_backup=False)
    save_talk_note(lib, 4, "written after the backup")
    lib.close()
    kept = backup.restore_backup(database, old)
    assert kept is not None and backup.contents(kept).notes == 4


def set_revision(database, revision):
    conn = sqlite3.connect(database)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


def test_a_backup_from_a_newer_talknotes_is_not_restored(with_notes, tmp_path):
    newer = backup.make_backup(with_notes / "talknotes.sqlite3", "manual", to=tmp_path / "n.db")
    set_revision(newer, "9999")
    before = (with_notes / "talknotes.sqlite3").read_bytes()
    with pytest.raises(backup.NewerSchema, match=f"9999.*up to {HEAD_REVISION}"):
        backup.restore_backup(with_notes / "talknotes.sqlite3", newer)
    assert (with_notes / "talknotes.sqlite3").read_bytes() == before


def test_a_newer_database_is_refused_and_failed_opens_keep_every_backup(with_notes):
    database = with_notes / "talknotes.sqlite3"
    for reason in ("daily", "manual", "before-restore"):
        backup.make_backup(database, reason)
    before = sorted(b.path.name for b in backup.list_backups(with_notes))
    set_revision(database, "9999")
    for _ in range(16):
        with pytest.raises(backup.NewerSchema, match="newer Talknotes"):
            open_library(with_notes)
    assert sorted(b.path.name for b in backup.list_backups(with_notes)) == before


def test_pruning_keeps_the_newest_sound_backup_of_each_kind(with_notes):
    database = with_notes / "talknotes.sqlite3"
    daily = backup.make_backup(database, "daily")
    manual = backup.make_backup(database, "manual")
    broken = backup.make_backup(database, "manual")
    broken.write_bytes(b"not a database" * 100)
    for n in range(20):
        backup.make_backup(database, f"before-migration-{n:04d}")
    left = {b.path for b in backup.list_backups(with_notes)}
    assert {daily, manual} <= left  # the newest sound one of their kinds, however old
    assert broken not in left
