"""Backups of the library database with SQLite's online backup API, and restoring them
(salvaging a damaged database: store/salvage.py).

"Damaged" means one thing only: SQLite's integrity check fails, or the file is not (or no
longer) an SQLite database. A database that is locked by another program, on a full disk or in
a read-only folder is not damaged: it raises LibraryUnavailable, and nothing offers to replace it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop import __version__
from desktop.core.errors import DAMAGE_CODES, TalknotesError, plain_reason, sqlite_code
from desktop.store.migrations import HEAD_REVISION, MIGRATIONS_DIR

BACKUP_DIR = "backups"
KEEP = 14


class LibraryDamaged(TalknotesError):
    """The database failed its integrity check; nothing was written over it."""


class LibraryUnavailable(TalknotesError):
    """The database cannot be read or written now (locked, disk full, read-only): not damage."""


class NewerSchema(TalknotesError):
    """The database was written by a newer Talknotes; this one must not touch it."""


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    reason: str

    @property
    def age_days(self) -> float:
        return (datetime.now() - self.created).total_seconds() / 86400

    @property
    def kind(self) -> str:
        """The reason without its details: "before-migration-0002" → "before-migration"."""
        return re.sub(r"-\d+$", "", self.reason)


@dataclass(frozen=True)
class Contents:
    """What a database holds, to compare two sides before a restore."""

    talks: int | None
    notes: int | None  # notes with text
    newest_note: datetime | None  # when the newest note was last changed (UTC)
    schema_revision: str | None

    def describe(self) -> str:
        if self.talks is None:
            return "unreadable"
        newest = f"{self.newest_note:%Y-%m-%d %H:%M} UTC" if self.newest_note else "none"
        return f"{self.talks} talks, {self.notes} notes, newest note {newest}"


def backup_dir(library_dir: Path) -> Path:
    return library_dir / BACKUP_DIR


def read_only_uri(database: Path) -> str:
    """An SQLite URI reading `database` without writing anything. A WAL database needs its
    shared-memory file to be read; in a read-only folder without one, and with no WAL content
    left behind, the file is complete and is read as immutable."""
    shm, wal = Path(f"{database}-shm"), Path(f"{database}-wal")
    effective = os.access in os.supports_effective_ids
    folder_writable = os.access(database.parent, os.W_OK, effective_ids=effective)
    if not folder_writable and not shm.exists() and not (wal.exists() and wal.stat().st_size):
        return f"file:{database}?mode=ro&immutable=1"
    return f"file:{database}?mode=ro"


def _read_only(database: Path) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(database), uri=True, timeout=5)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database (WAL included), written atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.partial")
    tmp.unlink(missing_ok=True)
    try:
        src = _read_only(source)
        dst = sqlite3.connect(tmp)
        try:
            # A read transaction first: it waits (busy timeout) and then fails for a locked
            # database, where the backup API alone would retry for ever.
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            src.backup(dst)
            src.rollback()
        finally:
            dst.close()
            src.close()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def make_backup(
    database: Path,
    reason: str = "manual",
    to: Path | None = None,
    keep: int = KEEP,
    prune_old: bool = True,
) -> Path:
    """Back up `database` (into the library's backups/ unless `to`), keeping the newest `keep`
    and the newest sound backup of each kind."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = to or backup_dir(database.parent) / f"talknotes-{stamp}-{reason}.sqlite3"
    try:
        copy_database(database, target)
    except sqlite3.Error as exc:
        raise LibraryUnavailable(str(target), f"no backup was made: {plain_reason(exc)}") from exc
    except OSError as exc:
        raise LibraryUnavailable(
            str(exc.filename or target), f"no backup was made: {plain_reason(exc)}"
        ) from exc
    if to is None and prune_old:
        prune(database.parent, keep)
    return target


def prune(library_dir: Path, keep: int = KEEP) -> list[Path]:
    """Delete backups beyond the newest `keep`, but never the newest sound one of each kind
    (daily, manual, before-migration, before-restore): returns the deleted files."""
    backups = list_backups(library_dir)
    kept = set(backups[:keep])
    for kind in {b.kind for b in backups}:
        sound = next((b for b in backups if b.kind == kind and _sound(b.path)), None)
        if sound is not None:
            kept.add(sound)
    deleted = []
    for old in backups:
        if old not in kept:
            old.path.unlink(missing_ok=True)
            deleted.append(old.path)
    return deleted


def list_backups(library_dir: Path) -> list[Backup]:
    """Newest first."""
    found = []
    for path in backup_dir(library_dir).glob("talknotes-*.sqlite3"):
        parts = path.stem.split("-")
        try:  # talknotes-YYYYmmdd-HHMMSS-ffffff-why: ISO 8601's basic format, which
            # fromisoformat reads; strptime's first call cost a start ~4 ms (its locale setup)
            if [len(p) for p in parts[1:4]] != [8, 6, 6]:
                raise ValueError(path.name)
            created = datetime.fromisoformat(f"{parts[1]}T{parts[2]}.{parts[3]}")
        except ValueError:
            continue
        found.append(Backup(path, created, "-".join(parts[4:])))
    return sorted(found, key=lambda b: b.created, reverse=True)


def integrity(database: Path, quick: bool = True) -> str:
    """ "ok", or the damage SQLite reports (a failed check, "file is not a database").

    Raises LibraryUnavailable when the file cannot be read now (locked by another program,
    an I/O error, no permission): that is not damage, and must never lead to a restore."""
    try:
        conn = _read_only(database)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if sqlite_code(exc) in DAMAGE_CODES:
            return str(exc)
        raise LibraryUnavailable(str(database), plain_reason(exc)) from exc
    result = "; ".join(str(r[0]) for r in rows[:10])
    return "ok" if result == "ok" else result


def _sound(path: Path) -> bool:
    try:
        return integrity(path) == "ok"
    except LibraryUnavailable:
        return False


def newest_good_backup(library_dir: Path) -> Backup | None:
    for backup in list_backups(library_dir):
        if _sound(backup.path) and not is_newer_revision(schema_revision(backup.path)):
            return backup
    return None


def needs_daily_backup(library_dir: Path) -> bool:
    newest = next(iter(list_backups(library_dir)), None)
    return newest is None or newest.created.date() < datetime.now().date()


# --- schema revisions --------------------------------------------------------------------

_REVISION_LINE = re.compile(r"""^revision\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def known_revisions() -> set[str]:
    """The schema revisions this Talknotes has migrations for (read from the scripts, without
    importing Alembic)."""
    found = {HEAD_REVISION}
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found.update(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
    return found


def is_newer_revision(revision: str | None) -> bool:
    """A revision this Talknotes does not know: written by a newer Talknotes."""
    return revision is not None and revision not in known_revisions()


def schema_revision(database: Path) -> str | None:
    """The database's Alembic revision; None for a database without one (or unreadable)."""
    try:
        conn = _read_only(database)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def refuse_newer(database: Path, revision: str | None) -> None:
    if is_newer_revision(revision):
        raise NewerSchema(
            str(database),
            f"written by a newer Talknotes (schema revision {revision}); this Talknotes "
            f"{__version__} knows schema revisions up to {HEAD_REVISION}. Nothing was changed: "
            "update Talknotes to open it",
        )


def contents(database: Path) -> Contents:
    """Talks, notes with text and the newest note's time, read without changing anything."""
    try:
        conn = _read_only(database)
        try:
            talks = conn.execute("SELECT count(*) FROM talk").fetchone()[0]
            notes, newest = conn.execute(
                "SELECT count(*), max(updated_at) FROM note WHERE body != ''"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return Contents(None, None, None, None)
    when = None
    if newest:
        try:
            when = datetime.fromisoformat(str(newest))
        except ValueError:
            when = None
    return Contents(talks, notes, when, schema_revision(database))


def photo_shas(database: Path) -> set[str] | None:
    """The images a database's photos show (by SHA-256); None when it cannot be read."""
    try:
        conn = _read_only(database)
        try:
            return {row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM photo")}
        finally:
            conn.close()
    except sqlite3.Error:
        return None


# --- restore and salvage -----------------------------------------------------------------


def check_restorable(backup: Path) -> None:
    """Raise unless `backup` is a sound Talknotes database this version can open."""
    check = integrity(backup, quick=False)
    if check != "ok":
        raise TalknotesError(str(backup), f"not a sound Talknotes backup ({check})")
    conn = _read_only(backup)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    if not {"note", "talk", "alembic_version"} <= tables:
        raise TalknotesError(str(backup), "not a Talknotes library database")
    refuse_newer(backup, schema_revision(backup))


def _stamp() -> str:
    return f"{datetime.now():%Y%m%d-%H%M%S}"


def _ensure_not_in_use(database: Path) -> None:
    """Raise LibraryUnavailable when another program holds the database (a write lock)."""
    try:
        conn = sqlite3.connect(database, timeout=1, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if sqlite_code(exc) not in DAMAGE_CODES:
            raise LibraryUnavailable(
                str(database), f"nothing was restored: {plain_reason(exc)}"
            ) from exc


def put_in_place(database: Path, new: Path) -> None:
    """Replace the database (and its WAL) with the finished file `new`, in the same folder."""
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.replace(new, database)


def set_aside(database: Path) -> Path | None:
    """Keep the current database before it is replaced: a sound one as a "before-restore"
    backup, a damaged one renamed beside it (never deleted). Returns where it went."""
    if not database.exists():
        return None
    if integrity(database) == "ok":
        _ensure_not_in_use(database)
        return make_backup(database, "before-restore")
    kept = database.with_name(f"{database.name}.damaged-{_stamp()}")
    os.replace(database, kept)
    for suffix in ("-wal", "-shm"):  # the WAL belongs to the damaged file: keep it with it
        wal = Path(f"{database}{suffix}")
        if wal.exists():
            os.replace(wal, Path(f"{kept}{suffix}"))
    return kept


def restore_backup(database: Path, backup: Path) -> Path | None:
    """Replace the library database with `backup` (checked first: sound, a Talknotes database,
    not from a newer Talknotes). The replaced database is kept; returns where."""
    check_restorable(backup)
    staged = database.with_name(f".talknotes-new-{database.name}")
    try:
        copy_database(backup, staged)
        kept = set_aside(database)
        put_in_place(database, staged)
    finally:
        staged.unlink(missing_ok=True)
    return kept
