"""The database engine (SQLAlchemy, imported on first use) and the Alembic upgrade.

A module below store.library and store.salvage, which both make engines: salvage, called from
store.backup, would otherwise import store.library, which imports store.backup.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store.migrations import MIGRATIONS_DIR

if TYPE_CHECKING:
    from sqlalchemy import Engine


# SQLite's page. A note is rewritten whole by each autosave and every page written is a
# write to the WAL: a 100,000-word note (950 KB) took 232 writes at 4 KiB (6.3 ms to commit
# here), 58 at 16 KiB (1.5 ms); a small row costs the same at either size.
PAGE_SIZE = 16384


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA page_size={PAGE_SIZE}")  # a new database only (see store.pages)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across app crashes
    cur.execute("PRAGMA busy_timeout=5000")
    # Freed pages are not overwritten with zeros (builds of SQLite with SECURE_DELETE, such as
    # Debian's, do): each autosave frees the pages of the note's previous text, and zeroing
    # them wrote a 100,000-word note twice to the WAL (1.9 MB a save, not 0.95). Deleted
    # text never was private here: a note's earlier texts are kept as its versions.
    cur.execute("PRAGMA secure_delete=FAST")
    cur.close()


def make_engine(database: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{database}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    return engine


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply Alembic migrations up to `revision` (imported lazily: it costs start-up time)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
