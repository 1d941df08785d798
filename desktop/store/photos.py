"""Photos attached to notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from desktop.core.models import Photo
from desktop.core.photo_refs import KEY_LENGTH, key_of
from desktop.store import convert
from desktop.store.library import Library
from desktop.store.reading import note_photos as note_photos  # reads: plain SQL
from desktop.store.rows import get_row
from desktop.store.tables import NoteRow, PhotoRow

__all__ = ["KEY_LENGTH", "photo_key"]


def photo_key(sha256: str) -> str:
    return key_of(sha256)


def add_photo(lib: Library, note_id: int, photo: Photo) -> tuple[Photo, bool]:
    """Attach `photo` to the note; returns (photo, added). The same file twice is one photo."""
    with Session(lib.engine) as s:
        existing = s.exec(
            select(PhotoRow).where(PhotoRow.note_id == note_id, PhotoRow.sha256 == photo.sha256)
        ).first()
        if existing is not None:
            return convert.photo(existing), False
        row = _row(note_id, photo)
        s.add(row)
        s.commit()
        s.refresh(row)
        return convert.photo(row), True


def attach_with_references(
    lib: Library,
    talk_id: int,
    items: list[Photo],
    reference: Callable[[Photo], str],
) -> list[tuple[Photo, bool]]:
    """Add photos to the talk's note and append their references (`reference(photo)`) to its
    text, in one transaction: a kill leaves either both or neither. Returns (photo, added) per
    item (the same file twice is one photo)."""
    from desktop.store.notes import append_in_session, talk_note_row

    with Session(lib.engine) as s:
        note = talk_note_row(s, talk_id)
        s.flush()
        note_id = note.id
        assert note_id is not None
        rows: list[tuple[PhotoRow, bool]] = []
        for photo in items:
            existing = s.exec(
                select(PhotoRow).where(PhotoRow.note_id == note_id, PhotoRow.sha256 == photo.sha256)
            ).first()
            if existing is not None:
                rows.append((existing, False))
                continue
            row = _row(note_id, photo)
            s.add(row)
            rows.append((row, True))
        s.flush()
        result = [(convert.photo(row), added) for row, added in rows]
        references = [reference(p) for p, added in result if added]
        if references:
            append_in_session(s, talk_id, "\n\n".join(references))
        s.commit()
        return result


def _row(note_id: int, photo: Photo) -> PhotoRow:
    return PhotoRow(
        sha256=photo.sha256,
        original_name=photo.original_name,
        size_bytes=photo.size_bytes,
        width=photo.width,
        height=photo.height,
        captured_at=photo.captured_at,
        capture_source=photo.capture_source,
        caption=photo.caption,
        caption_typed=photo.caption_typed,
        note_id=note_id,
        added_at=datetime.now(UTC),
    )


def photos_of_conference(lib: Library, conference_id: int) -> list[Photo]:
    with Session(lib.engine) as s:
        rows = s.exec(
            select(PhotoRow)
            .join(NoteRow, col(NoteRow.id) == PhotoRow.note_id)
            .where(NoteRow.conference_id == conference_id)
        )
        return [convert.photo(r) for r in rows]


def set_caption(lib: Library, photo_id: int, caption: str, typed: bool = True) -> None:
    """Set the caption; `typed` (the user's own words) keeps suggestions from replacing it."""
    with Session(lib.engine) as s:
        row = get_row(s, PhotoRow, photo_id)
        row.caption = caption
        row.caption_typed = typed
        s.add(row)
        s.commit()


def remove_photo(lib: Library, photo_id: int) -> None:
    """Detach the photo from its note (the original stays in the media folder)."""
    with Session(lib.engine) as s:
        s.delete(get_row(s, PhotoRow, photo_id))
        s.commit()
