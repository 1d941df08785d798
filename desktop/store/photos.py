"""Photos attached to notes."""

from __future__ import annotations

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
        row = PhotoRow(
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
        s.add(row)
        s.commit()
        s.refresh(row)
        return convert.photo(row), True


def photos_of_conference(lib: Library, conference_id: int) -> list[Photo]:
    with Session(lib.engine) as s:
        rows = s.exec(
            select(PhotoRow)
            .join(NoteRow, col(NoteRow.id) == PhotoRow.note_id)
            .where(NoteRow.conference_id == conference_id)
        )
        return [convert.photo(r) for r in rows]


def find_by_key(lib: Library, key: str) -> Photo | None:
    with Session(lib.engine) as s:
        row = s.exec(select(PhotoRow).where(col(PhotoRow.sha256).startswith(key))).first()
        return convert.photo(row) if row else None


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
