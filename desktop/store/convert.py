"""Rows to core objects and back."""

from __future__ import annotations

from desktop.core.models import Conference, Note, Photo
from desktop.store.tables import ConferenceRow, NoteRow, PhotoRow, PhotoTextRow


def conference(row: ConferenceRow) -> Conference:
    return Conference(
        id=row.id,
        title=row.title,
        acronym=row.acronym,
        time_zone=row.time_zone,
        source_uri=row.source_uri,
        imported_at=row.imported_at,
        url=row.url,
        city=row.city,
        venue=row.venue,
    )


def note(row: NoteRow) -> Note:
    return Note(
        id=row.id,
        talk_id=row.talk_id,
        conference_id=row.conference_id,
        title=row.title,
        body=row.body,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def photo(row: PhotoRow, text: PhotoTextRow | None = None) -> Photo:
    read = text is not None and not text.error
    return Photo(
        id=row.id,
        sha256=row.sha256,
        original_name=row.original_name,
        size_bytes=row.size_bytes,
        width=row.width,
        height=row.height,
        captured_at=row.captured_at,
        capture_source=row.capture_source,
        caption=row.caption,
        note_id=row.note_id,
        caption_typed=row.caption_typed,
        suggested_caption=row.suggested_caption,
        text=text.text if read else None,  # type: ignore[union-attr]
        duplicate_of=row.duplicate_of,
        sharpness=text.sharpness if read else None,  # type: ignore[union-attr]
    )
