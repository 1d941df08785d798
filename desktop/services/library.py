"""The open library: opening and locking it, and reading what it holds (conferences, talks,
hallway notes) for the sidebar and the CLI.

The reads are plain SQL (store.reading): a start shows its schedule before SQLAlchemy is
imported, so the modules that need it are imported inside the calls that write.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from desktop.config import TRASH_DIR
from desktop.core.models import Conference, Note, Photo, Talk
from desktop.services.locking import CLI_WAIT_SECONDS, LibraryBusy, LibraryLock, acquire
from desktop.store.library import Library, LibraryReadOnly
from desktop.store.library import open_library as open_store
from desktop.store.lock import held_here
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
    "get_conference",
    "get_talk",
    "hallway_notes",
    "list_conferences",
    "list_talks",
    "ocr_queued",
    "open_library",
    "read_schedule",
    "set_starred",
    "note_photos",
    "strip_rows",
]

Schedule = tuple[list[Conference], list[Talk], list[Note]]


def open_library(
    path: Path | str | None = None,
    *,
    create: bool = True,
    auto_backup: bool = True,
    allow_read_only: bool = False,
) -> Library:
    """Open the library (store.library.open_library: created, migrated, the day's backup
    made). Then, by whoever holds its lock, the trash of a removal whose backup the rotation
    pruned goes (maintenance.prune_trash; with no trash/, nothing is imported for it)."""
    lib = open_store(path, create=create, auto_backup=auto_backup, allow_read_only=allow_read_only)
    if (
        auto_backup
        and not lib.read_only
        and (lib.path / TRASH_DIR).is_dir()
        and held_here(lib.path)
    ):
        from desktop.services import maintenance

        # a trash that cannot be cleaned now stays (`talknotes check` lists it): no reason
        # not to open
        with contextlib.suppress(OSError):
            maintenance.prune_trash(lib.path)
    return lib


def read_schedule(lib: Library) -> Schedule:
    """Conferences, talks and hallway notes, as the sidebar shows them."""
    return list_conferences(lib), list_talks(lib), hallway_notes(lib)


def set_starred(lib: Library, talk_id: int, starred: bool) -> None:
    from desktop.store import talks

    talks.set_starred(lib, talk_id, starred)


def note_photos(lib: Library, kind: str, item_id: int) -> list[Photo]:
    """The photos attached to a talk's note (kind "talk") or a hallway note (plain SQL)."""
    from desktop.store import reading

    note_id = reading.talk_note(lib, item_id).id if kind == "talk" else item_id
    return reading.note_photos(lib, note_id) if note_id is not None else []


def photo_file(lib: Library, key: str, thumbnail: bool = False) -> Path | None:
    """The file behind a note's `photo:KEY` (the original, or its upright thumbnail). Plain
    SQL: the preview resolves its photos without SQLAlchemy."""
    from desktop.media import files
    from desktop.store import reading

    photo = reading.photo_by_key(lib, key)
    if photo is None:
        return None
    if thumbnail:
        return files.ensure_thumbnail(lib.media_dir, photo.sha256)
    return files.find_original(lib.media_dir, photo.sha256)


def strip_rows(lib: Library, kind: str, item_id: int) -> list[tuple[Photo, Path | None]]:
    """A note's photos (kind "talk": a talk's note, else a hallway note) with their (possibly
    new) upright thumbnails, for the photo strip. Plain SQL, and Pillow only for a note with
    photos: opening a note loaded SQLAlchemy and Pillow (services.photos) into the window."""
    photos = note_photos(lib, kind, item_id)
    if not photos:
        return []
    from desktop.media import files

    return [(p, files.ensure_thumbnail(lib.media_dir, p.sha256)) for p in photos]
