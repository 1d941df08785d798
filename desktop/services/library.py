"""The open library: opening and locking it, and reading what it holds (conferences, talks,
hallway notes) for the sidebar and the CLI.

The reads are plain SQL (store.reading): a start shows its schedule before SQLAlchemy is
imported, so the modules that need it are imported inside the calls that write.
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from desktop.core.models import Conference, Note, Photo, Talk
from desktop.core.timezones import get_zone
from desktop.services.locking import CLI_WAIT_SECONDS, LibraryBusy, LibraryLock, acquire
from desktop.store.library import Library, LibraryReadOnly, open_library
from desktop.store.reading import (
    get_conference,
    get_talk,
    hallway_notes,
    list_conferences,
    list_talks,
    ocr_queued,
)

__all__ = [
    "CLI_WAIT_SECONDS",
    "Library",
    "LibraryBusy",
    "LibraryLock",
    "LibraryReadOnly",
    "Schedule",
    "acquire",
    "conference_zone",
    "get_conference",
    "get_talk",
    "hallway_notes",
    "list_conferences",
    "list_talks",
    "ocr_queued",
    "open_library",
    "read_schedule",
    "set_starred",
    "strip_rows",
]

Schedule = tuple[list[Conference], list[Talk], list[Note]]


def read_schedule(lib: Library) -> Schedule:
    """Conferences, talks and hallway notes, as the sidebar shows them."""
    return list_conferences(lib), list_talks(lib), hallway_notes(lib)


def set_starred(lib: Library, talk_id: int, starred: bool) -> None:
    from desktop.store import talks

    talks.set_starred(lib, talk_id, starred)


def conference_zone(lib: Library, conference_id: int | None) -> tzinfo | None:
    """The time zone a conference's clock shows (None when it is not known)."""
    conf = next((c for c in list_conferences(lib) if c.id == conference_id), None)
    return get_zone(conf.time_zone) if conf else None


def strip_rows(lib: Library, kind: str, item_id: int) -> list[tuple[Photo, Path | None]]:
    """A note's photos (kind "talk": a talk's note, else a hallway note) with their (possibly
    new) upright thumbnails, for the photo strip. Plain SQL, and Pillow only for a note with
    photos: opening a note loaded SQLAlchemy and Pillow (services.photos) into the window."""
    from desktop.store.reading import note_photos, talk_note

    note_id = talk_note(lib, item_id).id if kind == "talk" else item_id
    photos = note_photos(lib, note_id) if note_id is not None else []
    if not photos:
        return []
    from desktop.media import files

    return [(p, files.ensure_thumbnail(lib.media_dir, p.sha256)) for p in photos]
