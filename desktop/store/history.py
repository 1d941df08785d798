"""Note history: earlier versions, kept as a note changes, viewable and restorable."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, col, select

from desktop.core.models import NoteVersion
from desktop.store.library import Library
from desktop.store.quick_save import SNAPSHOT_EVERY as SNAPSHOT_EVERY  # the autosave's rule
from desktop.store.quick_save import snapshot_due
from desktop.store.rows import get_row
from desktop.store.tables import NoteRow, NoteVersionRow

KEEP_VERSIONS = 200


def snapshot_before_change(
    s: Session,
    row: NoteRow,
    new_body: str,
    now: datetime,
    reason: str = "edit",
    force: bool = False,
) -> None:
    """Keep the note's current text as a version when it is about to change and the last
    version is older than SNAPSHOT_EVERY (or `force`, before imports, exports, restores)."""
    if row.id is None or not row.body or row.body == new_body:
        return
    last = s.exec(
        select(NoteVersionRow)
        .where(NoteVersionRow.note_id == row.id)
        .order_by(col(NoteVersionRow.saved_at).desc())
    ).first()
    if last is not None and last.body == row.body:
        return
    if not force and not snapshot_due(last.saved_at if last else None, row.created_at, now):
        return
    s.add(NoteVersionRow(note_id=row.id, body=row.body, saved_at=now, reason=reason))
    old = s.exec(
        select(NoteVersionRow.id)
        .where(NoteVersionRow.note_id == row.id)
        .order_by(col(NoteVersionRow.saved_at).desc())
        .offset(KEEP_VERSIONS)
    ).all()
    for version_id in old:
        s.delete(s.get(NoteVersionRow, version_id))


def versions(lib: Library, note_id: int) -> list[NoteVersion]:
    """Newest first."""
    with Session(lib.engine) as s:
        rows = s.exec(
            select(NoteVersionRow)
            .where(NoteVersionRow.note_id == note_id)
            .order_by(col(NoteVersionRow.saved_at).desc(), col(NoteVersionRow.id).desc())
        )
        return [NoteVersion(r.id, r.note_id, r.body, r.saved_at, r.reason) for r in rows]  # type: ignore[arg-type]


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
