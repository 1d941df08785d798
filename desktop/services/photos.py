"""Attach photos to a talk's note: validate, store the original once, reference it in Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core import photo_refs
from desktop.core.errors import TalknotesError
from desktop.core.ids import saved_id
from desktop.core.models import Photo
from desktop.core.timezones import get_zone
from desktop.media import files
from desktop.media.images import inspect
from desktop.store import conferences, notes, photos, talks
from desktop.store.library import Library


@dataclass(frozen=True)
class Attached:
    photo: Photo
    added: bool  # False when the same file was already attached to this note
    markdown: str  # the reference to put into the note


def photo_markdown(photo: Photo) -> str:
    return photo_refs.make(photo.caption, photo_refs.key_of(photo.sha256))


def prepare(paths: list[Path], zone_name: str) -> list[tuple[Path, Photo]]:
    """Check every file first: one bad file refuses the whole batch, so nothing is added."""
    zone = get_zone(zone_name)
    prepared = []
    for path in paths:
        info = inspect(path, zone)
        prepared.append(
            (
                path,
                Photo(
                    sha256=files.sha256_of(path),
                    original_name=path.name,
                    size_bytes=path.stat().st_size,
                    width=info.width,
                    height=info.height,
                    captured_at=info.captured_at,
                    capture_source=info.capture_source,
                ),
            )
        )
    return prepared


def default_caption(path: Path) -> str:
    """The caption a new photo gets: empty, so a note shows `![](photo:KEY)` and the export
    writes the blog's own pattern. A caption suggested from the slide's text plugs in here."""
    return ""


def attach_to_note(
    lib: Library,
    note_id: int,
    prepared: list[tuple[Path, Photo]],
    caption_base: str,  # kept for callers; captions no longer repeat the talk's title
    caption: str | None = None,
) -> list[Attached]:
    result = []
    for path, photo in prepared:
        files.store_original(lib.media_dir, path, photo.sha256)
        photo.caption = caption if caption is not None else default_caption(path)
        photo.caption_typed = bool(caption)  # a default gives way to the slide's title
        stored, added = photos.add_photo(lib, note_id, photo)
        result.append(Attached(stored, added, photo_markdown(stored)))
    return result


def attach_to_talk(
    lib: Library,
    talk_id: int,
    paths: list[Path],
    caption: str | None = None,
    append_to_note: bool = True,
) -> list[Attached]:
    """Attach files to the talk's note; with `append_to_note`, add their references to it in
    the same transaction as the photos (a kill leaves both or neither)."""
    talk = talks.get_talk(lib, talk_id)
    conference = conferences.get_conference(lib, saved_id(talk.conference_id))
    if not paths:
        raise TalknotesError(f"talk {talk_id}", "no photos given")
    prepared = prepare(paths, conference.time_zone)
    if not append_to_note:
        note_id = notes.ensure_talk_note_id(lib, talk_id)
        return attach_to_note(lib, note_id, prepared, talk.title, caption)
    for path, photo in prepared:  # the files first: a row never points at a missing file
        files.store_original(lib.media_dir, path, photo.sha256)
        photo.caption = caption if caption is not None else default_caption(path)
        photo.caption_typed = bool(caption)  # a default gives way to the slide's title
    stored = photos.attach_with_references(
        lib, talk_id, [photo for _path, photo in prepared], photo_markdown
    )
    return [Attached(photo, added, photo_markdown(photo)) for photo, added in stored]


def attach_files(lib: Library, kind: str, target_id: int, paths: list[Path]) -> list[Attached]:
    """Attach files to a talk's note (kind "talk") or a hallway note (kind "hallway"),
    without touching the note's text: the caller inserts the references where it wants."""
    from desktop.store.notes import hallway_notes

    if kind == "talk":
        return attach_to_talk(lib, target_id, paths, append_to_note=False)
    note = next((n for n in hallway_notes(lib) if n.id == target_id), None)
    if note is None:
        raise TalknotesError(f"note {target_id}", "no such hallway note")
    zone = "UTC"
    if note.conference_id is not None:
        zone = conferences.get_conference(lib, note.conference_id).time_zone
    return attach_to_note(lib, target_id, prepare(paths, zone), note.title or "Hallway")


def set_caption(lib: Library, photo_id: int, caption: str, typed: bool = True) -> None:
    """Store a photo's caption; typed: the user's own words (a slide's title never replaces
    them). The note's reference is rewritten by the caller, which holds the text."""
    photos.set_caption(lib, photo_id, caption, typed)


def remove_photo(lib: Library, photo_id: int) -> None:
    photos.remove_photo(lib, photo_id)
