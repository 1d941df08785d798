"""Open a library folder: the SQLite database (WAL, foreign keys) and the media folder.

SQLAlchemy is imported when the library first writes (Library.engine), not when it opens:
its import takes ~0.35 s here, more than everything else a start or a listing command needs,
and those only read (store/reading.py, plain sqlite3).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import config
from desktop.core.errors import TalknotesError
from desktop.store import backup
from desktop.store.migrations import HEAD_REVISION, MIGRATIONS_DIR

if TYPE_CHECKING:
    from sqlalchemy import Engine


class Library:
    """An open library: its folder, database (engine, made on first use; plain reading
    connections, one per thread) and media folder."""

    def __init__(self, path: Path, engine: Engine | None = None) -> None:
        self.path = path
        self._engine = engine
        self._lock = threading.Lock()
        self._readers = threading.local()
        self._reader_list: list[sqlite3.Connection] = []

    def __repr__(self) -> str:
        return f"Library({str(self.path)!r})"

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = make_engine(self.database_path)
        return self._engine

    def reader(self) -> sqlite3.Connection:
        """This thread's plain connection for reading (store/reading.py)."""
        conn = getattr(self._readers, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.database_path, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout=5000")
            self._readers.conn = conn
            with self._lock:
                self._reader_list.append(conn)
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
            readers, self._reader_list = self._reader_list, []
        for conn in readers:
            conn.close()
        self._readers = threading.local()


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across app crashes
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(database: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{database}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision(conn.connection.driver_connection)  # type: ignore[arg-type]


def _revision(conn: sqlite3.Connection) -> str | None:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not exists:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply Alembic migrations up to `revision` (imported lazily: it costs start-up time)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def open_library(
    path: Path | str | None = None, *, create: bool = True, auto_backup: bool = True
) -> Library:
    """Open (and create or migrate) the library at `path`, default: the platform data dir.

    A damaged database raises LibraryDamaged and is never replaced by an empty one. The first
    open of each day, and every migration, makes a backup first."""
    folder = Path(path) if path is not None else config.default_library_dir()
    folder = folder.expanduser().resolve()
    database = folder / config.DATABASE_NAME
    if folder.exists() and not folder.is_dir():
        raise TalknotesError(str(folder), "is not a folder")
    if not database.exists() and not create:
        raise TalknotesError(str(folder), "no Talknotes library here")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / config.MEDIA_DIR).mkdir(exist_ok=True)
        (folder / config.SCHEDULES_DIR).mkdir(exist_ok=True)
    except OSError as exc:
        raise TalknotesError(
            str(folder), f"cannot create the library folder ({exc.strerror})"
        ) from exc
    existed = database.exists() and database.stat().st_size > 0
    if existed:
        check = backup.integrity(database)
        if check != "ok":
            raise backup.LibraryDamaged(
                str(database),
                f"the library database is damaged ({check}); nothing was "
                "changed. Restore a backup: talknotes restore FILE (see backups/)",
            )
    lib = Library(path=folder)
    try:
        revision = _revision(lib.reader())
        if revision != HEAD_REVISION:
            if existed and revision is not None:
                backup.make_backup(database, f"before-migration-{revision}")
            upgrade(lib.engine)
        if auto_backup and existed and backup.needs_daily_backup(folder):
            backup.make_backup(database, "daily")
    except Exception as exc:
        lib.close()
        if isinstance(exc, TalknotesError):
            raise
        raise TalknotesError(str(database), f"cannot open the library database ({exc})") from exc
    return lib
