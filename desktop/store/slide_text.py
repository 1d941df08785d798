"""Slide text in the library: the OCR queue, what was read per image, and per photo the
caption suggestion and near-duplicate marks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, col, delete, func, select

from desktop.store.library import Library
from desktop.store.rows import get_row, saved_id
from desktop.store.tables import NoteRow, OcrQueueRow, PhotoRow, PhotoTextRow, TalkRow


@dataclass(frozen=True)
class StoredReading:
    sha256: str
    text: str
    lines_json: str
    width: int
    height: int
    dhash: str
    sharpness: float
    engine: str = ""
    error: str = ""


@dataclass(frozen=True)
class NotePhoto:
    """A photo of a note with what was read in it (None: not read yet)."""

    id: int
    sha256: str
    keeper_chosen: bool
    reading: StoredReading | None


def _reading(row: PhotoTextRow) -> StoredReading:
    return StoredReading(
        row.sha256,
        row.text,
        row.lines_json,
        row.width,
        row.height,
        row.dhash,
        row.sharpness,
        row.engine,
        row.error,
    )


def queue_size(lib: Library) -> int:
    with Session(lib.engine) as s:
        return s.exec(select(func.count()).select_from(OcrQueueRow)).one()


def next_in_queue(lib: Library) -> str | None:
    with Session(lib.engine) as s:
        return s.exec(
            select(OcrQueueRow.sha256).order_by(col(OcrQueueRow.queued_at), OcrQueueRow.sha256)
        ).first()


def anything_queued(lib: Library) -> bool:
    """Whether an image waits to be read (plain SQL: the window asks this at start)."""
    from desktop.store.reading import ocr_queued

    return ocr_queued(lib)


def queued(lib: Library) -> list[str]:
    """The images waiting to be read, oldest first."""
    with Session(lib.engine) as s:
        return list(
            s.exec(
                select(OcrQueueRow.sha256).order_by(col(OcrQueueRow.queued_at), OcrQueueRow.sha256)
            )
        )


def is_queued(lib: Library, sha256: str) -> bool:
    with Session(lib.engine) as s:
        return s.get(OcrQueueRow, sha256) is not None


def enqueue(lib: Library, shas: list[str], force: bool = False) -> list[str]:
    """Queue images for reading; without `force`, only those never read. Returns the queued."""
    now = datetime.now(UTC)
    queued = []
    with Session(lib.engine) as s:
        for sha in dict.fromkeys(shas):
            if not force and s.get(PhotoTextRow, sha) is not None:
                continue
            if s.get(OcrQueueRow, sha) is None:
                s.add(OcrQueueRow(sha256=sha, queued_at=now))
            queued.append(sha)
        s.commit()
    return queued


def save_reading(lib: Library, reading: StoredReading) -> None:
    """Store what was read and take the image off the queue, in one transaction."""
    with Session(lib.engine) as s:
        row = s.get(PhotoTextRow, reading.sha256) or PhotoTextRow(
            sha256=reading.sha256, read_at=datetime.now(UTC)
        )
        row.text, row.lines_json = reading.text, reading.lines_json
        row.width, row.height = reading.width, reading.height
        row.dhash, row.sharpness = reading.dhash, reading.sharpness
        row.engine, row.error = reading.engine, reading.error
        row.read_at = datetime.now(UTC)
        s.add(row)
        s.exec(delete(OcrQueueRow).where(col(OcrQueueRow.sha256) == reading.sha256))
        s.commit()


def reading_of(lib: Library, sha256: str) -> StoredReading | None:
    with Session(lib.engine) as s:
        row = s.get(PhotoTextRow, sha256)
        return _reading(row) if row else None


def notes_with_image(lib: Library, sha256: str) -> list[int]:
    with Session(lib.engine) as s:
        rows = s.exec(select(PhotoRow.note_id).where(PhotoRow.sha256 == sha256).distinct())
        return [note_id for note_id in rows if note_id is not None]


def note_photos(lib: Library, note_id: int) -> list[NotePhoto]:
    with Session(lib.engine) as s:
        rows = s.exec(
            select(PhotoRow, PhotoTextRow)
            .join(PhotoTextRow, col(PhotoTextRow.sha256) == PhotoRow.sha256, isouter=True)
            .where(PhotoRow.note_id == note_id)
            .order_by(col(PhotoRow.id))
        )
        return [
            NotePhoto(saved_id(p.id), p.sha256, p.keeper_chosen, _reading(t) if t else None)
            for p, t in rows
        ]


def save_analysis(lib: Library, updates: dict[int, tuple[str, int | None]]) -> None:
    """Per photo id: (suggested caption, the id of the shot kept instead of it or None)."""
    with Session(lib.engine) as s:
        for photo_id, (suggestion, duplicate_of) in updates.items():
            row = s.get(PhotoRow, photo_id)
            if row is None:
                continue
            row.suggested_caption, row.duplicate_of = suggestion, duplicate_of
            s.add(row)
        s.commit()


def choose_keeper(lib: Library, photo_id: int) -> int | None:
    """Make `photo_id` the kept shot of its group; returns its note id."""
    with Session(lib.engine) as s:
        row = get_row(s, PhotoRow, photo_id)
        keeper = row.duplicate_of or row.id
        group = s.exec(
            select(PhotoRow).where(
                (col(PhotoRow.id) == keeper) | (col(PhotoRow.duplicate_of) == keeper)
            )
        ).all()
        for member in group:
            member.keeper_chosen = member.id == photo_id
            member.duplicate_of = None if member.id == photo_id else photo_id
            s.add(member)
        s.commit()
        return row.note_id


def image_shas(
    lib: Library,
    talk_id: int | None = None,
    conference_id: int | None = None,
) -> list[str]:
    """The images of a talk's note, of a conference's notes, or (neither) of all notes."""
    with Session(lib.engine) as s:
        query = select(PhotoRow.sha256).join(NoteRow, col(NoteRow.id) == PhotoRow.note_id)
        if talk_id is not None:
            get_row(s, TalkRow, talk_id)
            query = query.where(NoteRow.talk_id == talk_id)
        elif conference_id is not None:
            query = query.where(NoteRow.conference_id == conference_id)
        return list(dict.fromkeys(s.exec(query.order_by(col(PhotoRow.id)))))
