"""SQLite page size: new libraries use engine.PAGE_SIZE pages, older ones are rewritten once
with them when opened by the lock's holder, with nothing lost."""

import sqlite3
from contextlib import closing

from desktop.services.importing import import_schedule
from desktop.store import pages, reading
from desktop.store.engine import PAGE_SIZE
from desktop.store.library import open_library
from desktop.store.lock import acquire
from desktop.store.notes import save_talk_note
from tests.conftest import SAMPLE


def _page_size(database) -> int:
    with closing(sqlite3.connect(database)) as conn:
        return conn.execute("PRAGMA page_size").fetchone()[0]


def _old_library(folder):
    """A library with a note, as made before: 4 KiB pages, WAL."""
    lib = open_library(folder)
    import_schedule(lib, str(SAMPLE))
    talk = reading.list_talks(lib)[0]
    save_talk_note(lib, talk.id, "Ünïcode notes " * 5000)
    lib.close()
    conn = sqlite3.connect(lib.database_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA page_size=4096")
    conn.execute("VACUUM")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    assert _page_size(lib.database_path) == 4096
    return lib.database_path, talk.id


def test_a_new_library_has_the_large_pages(library):
    assert _page_size(library.database_path) == PAGE_SIZE
    assert library.reader().execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_old_library_is_rewritten_by_the_locks_holder_with_nothing_lost(tmp_path):
    database, talk_id = _old_library(tmp_path / "lib")
    lock = acquire(tmp_path / "lib", 1, "window")
    try:
        lib = open_library(tmp_path / "lib")
        assert reading.talk_note(lib, talk_id).body == "Ünïcode notes " * 5000
        assert len(reading.list_talks(lib)) > 1
        assert lib.reader().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.reader().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        save_talk_note(lib, talk_id, "saved after")  # writes as before
        assert reading.talk_note(lib, talk_id).body == "saved after"
        lib.close()
    finally:
        lock.release()
    assert _page_size(database) == PAGE_SIZE


def test_a_library_opened_without_the_lock_is_left_as_it_is(tmp_path):
    database, _ = _old_library(tmp_path / "lib")
    open_library(tmp_path / "lib").close()
    assert _page_size(database) == 4096


def test_a_database_open_elsewhere_is_not_rewritten(tmp_path):
    database, talk_id = _old_library(tmp_path / "lib")
    other = sqlite3.connect(database)
    other.execute("SELECT count(*) FROM talk").fetchone()  # a reader in another program
    try:
        assert pages.widen(database) is False
    finally:
        other.close()
    assert _page_size(database) == 4096
    with closing(sqlite3.connect(database)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert pages.widen(database) is True
    assert _page_size(database) == PAGE_SIZE
