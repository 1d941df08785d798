"""Open a library folder: the SQLite database (WAL, foreign keys) and the media folder.

SQLAlchemy is imported when the library first writes (Library.engine), not when it opens:
its import takes ~0.35 s here, more than everything else a start or a listing command needs,
and those only read (store/reading.py, plain sqlite3).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import config
from desktop.core.errors import TalknotesError, plain_reason
from desktop.store import backup
from desktop.store.engine import _on_connect, make_engine, upgrade
from desktop.store.migrations import HEAD_REVISION

__all__ = ["Library", "make_engine", "open_library", "upgrade"]

if TYPE_CHECKING:
    from sqlalchemy import Engine


class Library:
    """An open library: its folder, database (engine, made on first use; plain reading
    connections, one per thread) and media folder."""

    def __init__(self, path: Path, engine: Engine | None = None, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only  # opened from a folder that cannot be written
        self._engine = engine
        self._lock = threading.Lock()
        # By thread ident, not threading.local: a Qt pool thread gets a fresh Python thread
        # state (and so empty thread-locals) for each job it runs, and each autosave opened a
        # connection of its own that stayed open (two file descriptors, and a page cache that
        # filled with the note: 3 MB a save for a 100,000-word note).
        self._readers: dict[int, sqlite3.Connection] = {}

    def __repr__(self) -> str:
        return f"Library({str(self.path)!r})"

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = (
                        _read_only_engine(self.database_path)
                        if self.read_only
                        else make_engine(self.database_path)
                    )
        return self._engine

    def reader(self) -> sqlite3.Connection:
        """This thread's plain connection, set up as the engine's are: for reading
        (store/reading.py) and the autosave's common case (store/quick_save.py)."""
        thread = threading.get_ident()  # (reused only once its thread has ended)
        conn = self._readers.get(thread)
        if conn is None:
            if self.read_only:
                uri = backup.read_only_uri(self.database_path)
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                _on_connect_read_only(conn, None)
            else:
                # each statement its own transaction unless BEGIN says otherwise: the
                # autosave's one UPDATE commits as it runs (store.quick_save)
                conn = sqlite3.connect(
                    self.database_path, isolation_level=None, check_same_thread=False
                )
                _on_connect(conn, None)
            with self._lock:
                self._readers[thread] = conn
        return conn

    @property
    def database_path(self) -> Path:
        return self.path / config.DATABASE_NAME

    @property
    def media_dir(self) -> Path:
        return self.path / config.MEDIA_DIR

    @property
    def schedules_dir(self) -> Path:
        return self.path / config.SCHEDULES_DIR

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        with self._lock:
            readers, self._readers = self._readers, {}
        for conn in readers.values():
            conn.close()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        if not isinstance(driver, sqlite3.Connection):
            raise TypeError(f"not an SQLite connection: {driver!r}")
        return _revision(driver)


def _revision(conn: sqlite3.Connection) -> str | None:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not exists:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


class LibraryReadOnly(TalknotesError):
    """The library's folder (or database) cannot be written."""


def _writable(path: Path) -> bool:
    """Whether this process may write `path` (the effective user's rights, a read-only disk)."""
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def _read_only_engine(database: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(
        f"sqlite:///{backup.read_only_uri(database)}&uri=true",
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect_read_only)
    return engine


def _on_connect_read_only(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def _migrate(folder: Path, database: Path, lib: Library, revision: str | None) -> None:
    """Migrate to HEAD_REVISION under the library's lock, after a backup; a failed migration
    leaves no backup behind and prunes none."""
    from desktop.store.lock import CLI_WAIT_SECONDS, acquire, held_here

    lock = None
    if not held_here(folder):
        lock = acquire(folder, CLI_WAIT_SECONDS, "command", "talknotes (schema update)")
    try:
        made = None
        if revision is not None:
            made = backup.make_backup(database, f"before-migration-{revision}", prune_old=False)
        try:
            upgrade(lib.engine)
        except BaseException:
            if made is not None:
                made.unlink(missing_ok=True)
            raise
        if made is not None:
            backup.prune(folder)
    finally:
        if lock is not None:
            lock.release()


def open_library(
    path: Path | str | None = None,
    *,
    create: bool = True,
    auto_backup: bool = True,
    allow_read_only: bool = False,
) -> Library:
    """Open (and create or migrate) the library at `path`, default: the platform data dir.

    A damaged database raises LibraryDamaged and is never replaced by an empty one; one that
    cannot be read now (locked, disk error) raises LibraryUnavailable; one written by a newer
    Talknotes raises NewerSchema. Migrations run only under the library's lock, after a backup;
    the first open of each day makes a backup too. A failed open makes and prunes no backups.
    In a folder that cannot be written, with `allow_read_only` the library opens read-only
    (`Library.read_only`), else LibraryReadOnly is raised."""
    folder = Path(path) if path is not None else config.default_library_dir()
    folder = folder.expanduser().resolve()
    database = folder / config.DATABASE_NAME
    if folder.exists() and not folder.is_dir():
        raise TalknotesError(str(folder), "is not a folder")
    if not database.exists() and not create:
        raise TalknotesError(str(folder), "no Talknotes library here")
    existed = database.exists() and database.stat().st_size > 0
    if existed:
        check = backup.integrity(database)
        if check != "ok":
            raise backup.LibraryDamaged(
                str(database),
                f"the library database is damaged ({check}); nothing was "
                "changed. Restore a backup: talknotes restore FILE (see backups/)",
            )
        backup.refuse_newer(database, backup.schema_revision(database))
    if folder.exists() and not (_writable(folder) and (not existed or _writable(database))):
        if not (allow_read_only and existed):
            raise LibraryReadOnly(
                str(folder),
                "the library folder is read-only, so nothing can be saved in it; nothing was "
                "changed (make the folder writable, or copy the library elsewhere)",
            )
        return _open_read_only(folder, database)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / config.MEDIA_DIR).mkdir(exist_ok=True)
        (folder / config.SCHEDULES_DIR).mkdir(exist_ok=True)
    except OSError as exc:
        raise TalknotesError(
            str(folder), f"cannot create the library folder ({plain_reason(exc)})"
        ) from exc
    lib = Library(path=folder)
    try:
        revision = _revision(lib.reader())
        if revision != HEAD_REVISION:
            _migrate(folder, database, lib, revision if existed else None)
        if auto_backup and existed and backup.needs_daily_backup(folder):
            backup.make_backup(database, "daily")
        from desktop.store import leftovers, lock, pages

        if lock.held_here(folder):  # no other writer can be half-way through a file
            leftovers.remove_library_leftovers(folder)
            if pages.too_small(lib.reader()):  # made before PAGE_SIZE: rewritten once
                lib.close()
                pages.widen(database)
    except Exception as exc:
        lib.close()
        if isinstance(exc, TalknotesError):
            raise
        raise TalknotesError(
            str(database), f"cannot open the library database ({plain_reason(exc)})"
        ) from exc
    return lib


def _open_read_only(folder: Path, database: Path) -> Library:
    lib = Library(path=folder, read_only=True)
    try:
        revision = _revision(lib.reader())
    except Exception as exc:
        lib.close()
        raise TalknotesError(str(database), plain_reason(exc)) from exc
    if revision != HEAD_REVISION:
        lib.close()
        raise LibraryReadOnly(
            str(folder),
            f"the library (schema revision {revision}) needs an update to schema "
            f"{HEAD_REVISION}, and its folder is read-only; nothing was changed",
        )
    return lib
