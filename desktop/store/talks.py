"""Talks: listing, fetching and marking (starred, attended)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop.core.models import Talk
from desktop.store import convert
from desktop.store.library import Library
from desktop.store.rows import IN_LIMIT, get_row, speakers_by_talk
from desktop.store.tables import ConferenceRow, NoteRow, TalkRow


def _noted(s: Session, talk_ids: list[int]) -> set[int]:
    """Talks whose note is not empty."""
    query = select(NoteRow.talk_id).where(func.length(NoteRow.body) > 0)
    if len(talk_ids) <= IN_LIMIT:
        query = query.where(col(NoteRow.talk_id).in_(talk_ids))
    return {r for r in s.exec(query).all() if r is not None}


def _to_talks(s: Session, rows: list[TalkRow]) -> list[Talk]:
    zones = {c.id: c.time_zone for c in s.exec(select(ConferenceRow)).all()}
    ids = [r.id for r in rows if r.id is not None]
    speakers = speakers_by_talk(s, ids)
    noted = _noted(s, ids)
    return [
        convert.talk(r, speakers.get(r.id or 0, []), zones[r.conference_id], r.id in noted)
        for r in rows
    ]


def list_talks(
    lib: Library, conference_id: int | None = None, day: date | None = None
) -> list[Talk]:
    """Talks in time order (unscheduled last), optionally of one conference and one day."""
    with Session(lib.engine) as s:
        query = select(TalkRow)
        if conference_id is not None:
            query = query.where(TalkRow.conference_id == conference_id)
        if day is not None:
            query = query.where(TalkRow.day == day)
        query = query.order_by(
            TalkRow.conference_id,
            col(TalkRow.start_utc).is_(None),
            TalkRow.start_utc,
            TalkRow.room,
            TalkRow.id,
        )
        return _to_talks(s, list(s.exec(query).all()))


def get_talk(lib: Library, talk_id: int) -> Talk:
    with Session(lib.engine) as s:
        return _to_talks(s, [get_row(s, TalkRow, talk_id)])[0]


def set_starred(lib: Library, talk_id: int, starred: bool) -> None:
    with Session(lib.engine) as s:
        row = get_row(s, TalkRow, talk_id)
        row.starred = starred
        s.add(row)
        s.commit()
