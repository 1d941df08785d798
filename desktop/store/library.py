"""Open a library folder: the SQLite database (WAL, foreign keys) and the media folder."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from desktop import config
from desktop.core.errors import TalknotesError
from desktop.store import backup
from desktop.store.migrations import HEAD_REVISION, MIGRATIONS_DIR


@dataclass
class Library:
    """An open library: its folder, database engine and media folder."""

    path: Path
    engine: Engine

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
        self.engine.dispose()


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across app crashes
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(database: Path) -> Engine:
    engine = create_engine(f"sqlite:///{database}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if not exists:
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
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
    engine = make_engine(database)
    try:
        revision = current_revision(engine)
        if revision != HEAD_REVISION:
            if existed and revision is not None:
                backup.make_backup(database, f"before-migration-{revision}")
            upgrade(engine)
        if auto_backup and existed and backup.needs_daily_backup(folder):
            backup.make_backup(database, "daily")
    except Exception as exc:
        engine.dispose()
        if isinstance(exc, TalknotesError):
            raise
        raise TalknotesError(str(database), f"cannot open the library database ({exc})") from exc
    return Library(path=folder, engine=engine)
