"""Backups of the library database with SQLite's online backup API, and restoring them."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.errors import TalknotesError

BACKUP_DIR = "backups"
KEEP = 14


class LibraryDamaged(TalknotesError):
    """The database failed its integrity check; nothing was written over it."""


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    reason: str

    @property
    def age_days(self) -> float:
        return (datetime.now() - self.created).total_seconds() / 86400


def backup_dir(library_dir: Path) -> Path:
    return library_dir / BACKUP_DIR


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database (WAL included), written atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.partial")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.replace(tmp, target)


def make_backup(
    database: Path, reason: str = "manual", to: Path | None = None, keep: int = KEEP
) -> Path:
    """Back up `database` (into the library's backups/ unless `to`), keeping the newest `keep`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = to or backup_dir(database.parent) / f"talknotes-{stamp}-{reason}.sqlite3"
    copy_database(database, target)
    if to is None:
        for old in list_backups(database.parent)[keep:]:
            old.path.unlink(missing_ok=True)
    return target


def list_backups(library_dir: Path) -> list[Backup]:
    """Newest first."""
    found = []
    for path in backup_dir(library_dir).glob("talknotes-*.sqlite3"):
        parts = path.stem.split("-")
        try:
            created = datetime.strptime("-".join(parts[1:4]), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        found.append(Backup(path, created, "-".join(parts[4:])))
    return sorted(found, key=lambda b: b.created, reverse=True)


def integrity(database: Path, quick: bool = True) -> str:
    """ "ok", or what SQLite says is wrong (including "not a database")."""
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = "; ".join(str(r[0]) for r in rows[:10])
    return "ok" if result == "ok" else result


def newest_good_backup(library_dir: Path) -> Backup | None:
    for backup in list_backups(library_dir):
        if integrity(backup.path) == "ok":
            return backup
    return None


def needs_daily_backup(library_dir: Path) -> bool:
    newest = next(iter(list_backups(library_dir)), None)
    return newest is None or newest.created.date() < datetime.now().date()


def restore_backup(database: Path, backup: Path) -> Path | None:
    """Replace the library database with `backup` (checked first). The current database is
    backed up before, when it can be read; returns that safety copy."""
    check = integrity(backup, quick=False)
    if check != "ok":
        raise TalknotesError(str(backup), f"not a sound Talknotes backup ({check})")
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    if not {"note", "talk", "alembic_version"} <= tables:
        raise TalknotesError(str(backup), "not a Talknotes library database")
    safety = None
    if database.exists():
        if integrity(database) == "ok":
            safety = make_backup(database, "before-restore")
        else:
            safety = database.with_name(f"{database.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
            os.replace(database, safety)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    copy_database(backup, database)
    return safety
