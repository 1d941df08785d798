"""A recap's intro and wrap-up, kept per conference (day None) or per day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session, select

from desktop.core.models import RECAP_PARTS as PARTS
from desktop.store.library import Library
from desktop.store.tables import RecapNoteRow


def _row(s: Session, conference_id: int, day: date | None, part: str) -> RecapNoteRow | None:
    query = select(RecapNoteRow).where(
        RecapNoteRow.conference_id == conference_id, RecapNoteRow.part == part
    )
    query = query.where(RecapNoteRow.day == day if day else RecapNoteRow.day.is_(None))  # type: ignore[union-attr]
    return s.exec(query).first()


def recap_note(lib: Library, conference_id: int, day: date | None, part: str) -> str | None:
    """The text written for this part, or None when nothing was written yet."""
    with Session(lib.engine) as s:
        row = _row(s, conference_id, day, part)
        return row.body if row else None


def save_recap_note(
    lib: Library, conference_id: int, day: date | None, part: str, body: str
) -> None:
    if part not in PARTS:
        raise ValueError(part)
    with Session(lib.engine) as s:
        row = _row(s, conference_id, day, part)
        if row is None:
            row = RecapNoteRow(conference_id=conference_id, day=day, part=part)
        row.body = body
        row.updated_at = datetime.now(UTC)
        s.add(row)
        s.commit()
