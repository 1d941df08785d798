"""Notes: a talk's or a hallway note's text, saving it as it is typed, its history, search,
and the intro and wrap-up kept for a recap."""

from __future__ import annotations

from datetime import date

from desktop.core.models import RECAP_PARTS, Note, NoteVersion, SearchHit, Talk
from desktop.store.library import Library
from desktop.store.reading import get_talk, hallway_notes, talk_note

__all__ = [
    "NoteVersion",
    "RECAP_PARTS",
    "SearchHit",
    "append_to_talk_note",
    "hallway_note",
    "hallway_notes",
    "new_hallway_note",
    "note_id",
    "open_talk",
    "recap_note",
    "restore_version",
    "save_note",
    "save_recap_note",
    "search_notes",
    "talk_note",
    "versions",
]


def save_note(lib: Library, kind: str, item_id: int, body: str) -> None:
    """The autosave's write: a talk's note (by the talk) or a hallway note (by its id), in
    plain SQL, no SQLAlchemy: in one statement when it can (store.quick_save), else making
    the note or keeping a version too (store.note_saving)."""
    from desktop.store import note_saving
    from desktop.store.quick_save import save_in_place

    if save_in_place(lib, kind, item_id, body):
        return
    if kind == "talk":
        note_saving.save_talk(lib, item_id, body)
    else:
        note_saving.save_hallway(lib, body, note_id=item_id)


def hallway_note(lib: Library, note_id: int) -> Note | None:
    return next((n for n in hallway_notes(lib) if n.id == note_id), None)


def new_hallway_note(lib: Library, conference_id: int, title: str) -> Note:
    """The conference's hallway note, made (empty) on first use."""
    from desktop.store.note_saving import save_hallway

    return save_hallway(lib, "", conference_id=conference_id, title=title)


def append_to_talk_note(lib: Library, talk_id: int, text: str) -> Note:
    from desktop.store import notes

    return notes.append_to_talk_note(lib, talk_id, text)


def note_id(lib: Library, kind: str, item_id: int) -> int | None:
    """The id of a talk's note (None before anything was typed) or of a hallway note."""
    return talk_note(lib, item_id).id if kind == "talk" else item_id


def search_notes(lib: Library, text: str, limit: int = 50) -> list[SearchHit]:
    from desktop.store import search

    return search.search_notes(lib, text, limit=limit)


# --- history -------------------------------------------------------------------------------


def versions(lib: Library, note_id: int) -> list[NoteVersion]:
    from desktop.store import history

    return history.versions(lib, note_id)


def restore_version(lib: Library, version_id: int) -> str:
    """The version becomes the note's text; the text it replaces is kept as a version."""
    from desktop.store import history

    return history.restore(lib, version_id)


# --- the intro and wrap-up of a recap ------------------------------------------------------


def recap_note(lib: Library, conference_id: int, day: date | None, part: str) -> str | None:
    from desktop.store import recap_notes

    return recap_notes.recap_note(lib, conference_id, day, part)


def save_recap_note(
    lib: Library, conference_id: int, day: date | None, part: str, body: str
) -> None:
    from desktop.store import recap_notes

    recap_notes.save_recap_note(lib, conference_id, day, part, body)


def open_talk(lib: Library, talk_id: int) -> tuple[Talk, Note]:
    """A talk and its note (empty before anything was typed), to show them together."""
    return get_talk(lib, talk_id), talk_note(lib, talk_id)
