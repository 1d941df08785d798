"""Queries several store modules share: rows by id, speakers of talks, the conference to refresh."""

from __future__ import annotations

from collections import defaultdict
from typing import TypeVar

from sqlmodel import Session, col, select

from desktop.core.errors import NotFoundError
from desktop.store.tables import ConferenceRow, SpeakerRow, TalkRow, TalkSpeakerRow

Row = TypeVar("Row")
_NAMES = {
    "TalkRow": "talk",
    "ConferenceRow": "conference",
    "PhotoRow": "photo",
    "NoteRow": "note",
    "NoteVersionRow": "note version",
}
IN_LIMIT = 500  # above this many ids, read the whole table rather than a long IN (…)


def get_row(s: Session, model: type[Row], row_id: int) -> Row:
    """The row, or NotFoundError("talk 7", "no such talk")."""
    row = s.get(model, row_id)
    if row is None:
        name = _NAMES.get(model.__name__, model.__name__)
        raise NotFoundError(f"{name} {row_id}", f"no such {name}")
    return row


def speakers_by_talk(
    s: Session, talk_ids: list[int] | None = None, conference_id: int | None = None
) -> dict[int, list[tuple[str, str]]]:
    """(name, affiliation) of each speaker per talk id, in their order, for some talks or a
    whole conference."""
    query = (
        select(TalkSpeakerRow.talk_id, SpeakerRow.name, TalkSpeakerRow.affiliation)
        .join(SpeakerRow, col(SpeakerRow.id) == TalkSpeakerRow.speaker_id)
        .order_by(TalkSpeakerRow.talk_id, TalkSpeakerRow.position)
    )
    if conference_id is not None:
        query = query.join(TalkRow, col(TalkRow.id) == TalkSpeakerRow.talk_id).where(
            TalkRow.conference_id == conference_id
        )
    if talk_ids is not None and len(talk_ids) <= IN_LIMIT:
        query = query.where(col(TalkSpeakerRow.talk_id).in_(talk_ids))
    result: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for talk_id, name, affiliation in s.exec(query).all():
        result[talk_id].append((name, affiliation))
    return result


def matching_conference(s: Session, source_uri: str, acronym: str) -> ConferenceRow | None:
    """The conference a re-import refreshes: same source, else same (non-empty) acronym."""
    row = s.exec(select(ConferenceRow).where(ConferenceRow.source_uri == source_uri)).first()
    if row is None and acronym:
        row = s.exec(select(ConferenceRow).where(ConferenceRow.acronym == acronym)).first()
    return row
