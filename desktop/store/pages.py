"""Libraries made with SQLite's 4 KiB pages are rewritten once with engine.PAGE_SIZE pages
(an autosave of a long note then writes a quarter as many pages; see store.engine)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.store.engine import PAGE_SIZE


def too_small(conn: sqlite3.Connection) -> bool:
    size: int = conn.execute("PRAGMA page_size").fetchone()[0]
    return size < PAGE_SIZE


def widen(database: Path) -> bool:
    """Rewrite `database` with PAGE_SIZE pages (VACUUM, out of WAL mode meanwhile: WAL keeps
    the page size). Only while no other connection has it open, this process's included:
    otherwise it is left as it is, and False returned. An interrupted rewrite leaves the
    database as it was (the rollback journal)."""
    conn = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        if not too_small(conn):
            return False
        if conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] != "delete":
            return False  # another connection is reading it
        try:
            conn.execute(f"PRAGMA page_size={PAGE_SIZE}")
            conn.execute("VACUUM")
        finally:
            conn.execute("PRAGMA journal_mode=WAL")
        return not too_small(conn)
    except sqlite3.OperationalError:  # busy, or no room for the copy: another time
        return False
    finally:
        conn.close()
