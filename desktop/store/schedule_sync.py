"""Store an imported schedule: add, update in place, and keep talks that carry notes.

A talk's identity is (conference, source_id). Everything happens in one transaction: if
anything fails, the library is left exactly as it was.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, delete, select

from desktop.core.models import Conference, ImportSummary, Schedule, Talk, TalkStatus
from desktop.store import convert
from desktop.store.library import Library
from desktop.store.tables import (
    ConferenceRow,
    NoteRow,
    PhotoRow,
    SpeakerRow,
    TalkRow,
    TalkSpeakerRow,
)

_FIELDS = (
    "title",
    "subtitle",
    "abstract",
    "track",
    "kind",
    "room",
    "language",
    "day",
    "url",
    "end_estimated",
    "is_break",
)


def _talk_values(talk: Talk) -> dict[str, object]:
    values: dict[str, object] = {f: getattr(talk, f) for f in _FIELDS}
    values["start_utc"] = talk.start.astimezone(UTC) if talk.start else None
    values["end_utc"] = talk.end.astimezone(UTC) if talk.end else None
    values["links_json"] = convert.links_json(talk.links)
    values["status"] = str(talk.status)
    return values


def _annotated_talk_ids(s: Session, conference_id: int) -> set[int]:
    """Talks of the conference whose note has text or photos."""
    with_text = select(NoteRow.talk_id).where(
        NoteRow.conference_id == conference_id, func.length(NoteRow.body) > 0
    )
    with_photos = (
        select(NoteRow.talk_id)
        .join(PhotoRow, col(PhotoRow.note_id) == NoteRow.id)
        .where(NoteRow.conference_id == conference_id)
    )
    ids = set(s.exec(with_text).all()) | set(s.exec(with_photos).all())
    return {i for i in ids if i is not None}


class _Speakers:
    """Speaker ids by name, creating speakers on demand within the session."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.ids = {name: sid for sid, name in s.exec(select(SpeakerRow.id, SpeakerRow.name))}

    def id_for(self, name: str) -> int:
        if name not in self.ids:
            row = SpeakerRow(name=name)
            self.s.add(row)
            self.s.flush()
            assert row.id is not None
            self.ids[name] = row.id
        return self.ids[name]


def _current_speakers(s: Session, conference_id: int) -> dict[int, list[str]]:
    rows = s.exec(
        select(TalkSpeakerRow.talk_id, SpeakerRow.name)
        .join(SpeakerRow, col(SpeakerRow.id) == TalkSpeakerRow.speaker_id)
        .join(TalkRow, col(TalkRow.id) == TalkSpeakerRow.talk_id)
        .where(TalkRow.conference_id == conference_id)
        .order_by(TalkSpeakerRow.talk_id, TalkSpeakerRow.position)
    ).all()
    result: dict[int, list[str]] = {}
    for talk_id, name in rows:
        result.setdefault(talk_id, []).append(name)
    return result


def apply_schedule(
    lib: Library,
    schedule: Schedule,
    *,
    conference_id: int | None = None,
    source_copy: str = "",
    now: datetime | None = None,
) -> ImportSummary:
    """Add or refresh `schedule` in the library; returns what changed."""
    now = now or datetime.now(UTC)
    conf: Conference = schedule.conference
    with Session(lib.engine) as s:
        row = s.get(ConferenceRow, conference_id) if conference_id is not None else None
        if row is None and conference_id is None:
            row = s.exec(
                select(ConferenceRow).where(ConferenceRow.source_uri == conf.source_uri)
            ).first()
            if row is None and conf.acronym:
                row = s.exec(
                    select(ConferenceRow).where(ConferenceRow.acronym == conf.acronym)
                ).first()
        if row is None:
            row = ConferenceRow(title=conf.title, imported_at=now)
        row.title, row.acronym, row.time_zone = conf.title, conf.acronym, conf.time_zone
        row.source_uri = conf.source_uri
        row.source_copy = source_copy or row.source_copy
        row.imported_at = now
        s.add(row)
        s.flush()
        assert row.id is not None
        cid = row.id

        summary = ImportSummary(
            conference_id=cid,
            title=conf.title,
            format=schedule.format,
            duplicate_ids=schedule.duplicate_ids,
            warnings=list(schedule.warnings),
        )
        existing = {
            t.source_id: t for t in s.exec(select(TalkRow).where(TalkRow.conference_id == cid))
        }
        old_speakers = _current_speakers(s, cid) if existing else {}
        speakers = _Speakers(s)

        for talk in schedule.talks:
            values = _talk_values(talk)
            trow = existing.pop(talk.source_id, None)
            if trow is None:
                trow = TalkRow(conference_id=cid, source_id=talk.source_id, **values)  # type: ignore[arg-type]
                s.add(trow)
                s.flush()
                summary.added += 1
            else:
                changed = any(getattr(trow, k) != v for k, v in values.items())
                changed |= old_speakers.get(trow.id or 0, []) != talk.speakers
                if not changed:
                    summary.unchanged += 1
                    continue
                for k, v in values.items():
                    setattr(trow, k, v)
                s.add(trow)
                s.exec(delete(TalkSpeakerRow).where(col(TalkSpeakerRow.talk_id) == trow.id))
                summary.updated += 1
            for position, name in enumerate(dict.fromkeys(talk.speakers)):
                s.add(
                    TalkSpeakerRow(
                        talk_id=trow.id, speaker_id=speakers.id_for(name), position=position
                    )
                )

        annotated = _annotated_talk_ids(s, cid) if existing else set()
        for trow in existing.values():
            if trow.id in annotated:
                if trow.status != TalkStatus.REMOVED:
                    trow.status = str(TalkStatus.REMOVED)
                    s.add(trow)
                summary.kept_annotated += 1
            else:
                s.delete(trow)
                summary.removed += 1
        s.commit()
    return summary
