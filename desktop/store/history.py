"""Note history: earlier versions, kept as a note changes, viewable and restorable."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from desktop.core.models import NoteVersion
from desktop.store.library import Library
from desktop.store.note_saving import KEEP_VERSIONS as KEEP_VERSIONS
from desktop.store.note_saving import keep_version
from desktop.store.quick_save import SNAPSHOT_EVERY as SNAPSHOT_EVERY  # the autosave's rule
from desktop.store.rows import get_row, saved_id
from desktop.store.tables import NoteRow, NoteVersionRow


def snapshot_before_change(
    s: Session,
    row: NoteRow,
    new_body: str,
    now: datetime,
    reason: str = "edit",
    force: bool = False,
) -> None:
    """note_saving.keep_version for a note row of the caller's session, in its transaction
    (on its connection): the same rule whether the note changes through the ORM or not."""
    if row.id is None:
        return
    assert row.created_at is not None
    dbapi = s.connection().connection.driver_connection
    assert isinstance(dbapi, sqlite3.Connection)
    keep_version(dbapi, row.id, row.body, row.created_at, new_body, now, reason, force)


def versions(lib: Library, note_id: int) -> list[NoteVersion]:
    """Newest first."""
    with Session(lib.engine) as s:
        rows = s.exec(
            select(NoteVersionRow)
            .where(NoteVersionRow.note_id == note_id)
            .order_by(col(NoteVersionRow.saved_at).desc(), col(NoteVersionRow.id).desc())
        )
        return [NoteVersion(saved_id(r.id), r.note_id, r.body, r.saved_at, r.reason) for r in rows]


def restore(lib: Library, version_id: int) -> str:
    """Put a version back as the note's text (the current text becomes a version first)."""
    with Session(lib.engine) as s:
        version = get_row(s, NoteVersionRow, version_id)
        row = get_row(s, NoteRow, version.note_id)
        now = datetime.now(UTC)
        snapshot_before_change(s, row, version.body, now, reason="before restore", force=True)
        row.body, row.updated_at = version.body, now
        s.add(row)
        s.commit()
        return version.body
