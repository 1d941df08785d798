"""Salvage: the rows of a damaged library database that can still be read, in a new database.

With the sqlite3 program installed, SQLite's own `.recover` reads what it can of every page;
without it, each table is read row by row from both ends until a damaged page stops the read.
The rows then go into a new database at the current schema, so it opens like any other.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from desktop.core.errors import TalknotesError
from desktop.store.backup import put_in_place, set_aside

_SKIPPED = ("sqlite_", "alembic_version", "note_fts")


def _recover_with_sqlite3(damaged: Path, into: sqlite3.Connection) -> bool:
    program = shutil.which("sqlite3")
    if program is None:
        return False
    try:
        done = subprocess.run(
            [program, "-readonly", str(damaged), ".recover"],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=600,
            check=False,
        )
        if done.returncode != 0 or "error" in done.stderr:  # e.g. 3.40 on FTS5 tables
            return False
        into.executescript(done.stdout)
    except (OSError, subprocess.SubprocessError, sqlite3.Error):
        return False
    return True


def _read_table_ends(damaged: sqlite3.Connection, into: sqlite3.Connection, table: str) -> None:
    """Copy the rows of `table` that can be read: forwards until an error, then backwards."""
    seen: set[int] = set()
    for order in ("ASC", "DESC"):
        try:
            cursor = damaged.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid {order}')
            for row in cursor:
                if row[0] in seen:
                    break
                seen.add(row[0])
                marks = ", ".join("?" * (len(row) - 1))
                into.execute(f'INSERT OR IGNORE INTO "{table}" VALUES ({marks})', row[1:])
        except sqlite3.DatabaseError:
            continue


def _read_row_by_row(damaged_path: Path, into: sqlite3.Connection) -> None:
    try:
        damaged = sqlite3.connect(f"file:{damaged_path}?mode=ro", uri=True)
        tables = damaged.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"
        ).fetchall()
    except sqlite3.DatabaseError as exc:
        raise TalknotesError(str(damaged_path), f"nothing can be read from it ({exc})") from exc
    try:
        for name, sql in tables:
            if name.startswith(_SKIPPED) or "VIRTUAL" in sql.upper():
                continue
            into.execute(sql)
            _read_table_ends(damaged, into, name)
    finally:
        damaged.close()


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def readable_rows_into(damaged: Path, target: Path) -> dict[str, int]:
    """Write a new library database `target` with the readable rows of `damaged`; returns the
    rows saved per table."""
    from desktop.store.engine import make_engine, upgrade  # SQLAlchemy: only when salvaging

    recovered_path = target.with_name(f"{target.name}.recovered")
    recovered_path.unlink(missing_ok=True)
    target.unlink(missing_ok=True)
    try:
        recovered = sqlite3.connect(recovered_path)
        try:
            if not _recover_with_sqlite3(damaged, recovered):
                _read_row_by_row(damaged, recovered)
            recovered.commit()
        finally:
            recovered.close()
        engine = make_engine(target)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        return _copy_rows(recovered_path, target)
    finally:
        recovered_path.unlink(missing_ok=True)


def _copy_rows(recovered: Path, target: Path) -> dict[str, int]:
    conn = sqlite3.connect(target, isolation_level=None)
    saved: dict[str, int] = {}
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("ATTACH DATABASE ? AS rec", (str(recovered),))
        theirs = {r[0] for r in conn.execute("SELECT name FROM rec.sqlite_master")}
        ours = [  # in creation order: talks before notes, so the search index sees titles
            r[0]
            for r in conn.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY rowid"
            )
        ]
        conn.execute("BEGIN")
        for table in ours:
            if table.startswith(_SKIPPED) or table not in theirs:
                continue
            common = [c for c in _columns(conn, "main", table) if c in _columns(conn, "rec", table)]
            names = ", ".join(f'"{c}"' for c in common)
            before = conn.total_changes
            conn.execute(
                f'INSERT OR IGNORE INTO main."{table}" ({names}) SELECT {names} FROM rec."{table}"'
            )
            saved[table] = conn.total_changes - before
        _mend_references(conn)
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE rec")
    finally:
        conn.close()
    return saved


def _mend_references(conn: sqlite3.Connection) -> None:
    """A note whose talk (or conference) was lost keeps its text as a hallway note; other rows
    pointing at lost rows are dropped (a photo whose note is gone has nowhere to show)."""
    for table, rowid, parent, _fk in conn.execute("PRAGMA main.foreign_key_check").fetchall():
        if table == "note" and parent in ("talk", "conference"):
            conn.execute(f"UPDATE note SET {parent}_id = NULL WHERE rowid = ?", (rowid,))
    for table, rowid, _parent, _fk in conn.execute("PRAGMA main.foreign_key_check").fetchall():
        conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))


def salvage(database: Path) -> tuple[Path, dict[str, int]]:
    """Replace a damaged database with a new one holding every row that can still be read.
    The damaged file is kept beside it. Returns where it was kept and the rows saved per
    table."""
    staged = database.with_name(f".talknotes-new-{database.name}")
    staged.unlink(missing_ok=True)
    try:
        saved = readable_rows_into(database, staged)
        kept = set_aside(database)
        put_in_place(database, staged)
    finally:
        staged.unlink(missing_ok=True)
    assert kept is not None
    return kept, saved
