"""The autosave's common case in plain SQL over sqlite3: the note exists and no version is due.

Through the ORM a save of a long note took ~4 ms of Python on the writer thread, holding the
GIL the typing thread needs. And a window that has just opened its library saves without
waiting for SQLAlchemy, which it imports when a note first changes (ui.runtime.warm_up).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from desktop.core.models import Note
from desktop.store.reading import parse_utc

if TYPE_CHECKING:
    from desktop.store.library import Library

SNAPSHOT_EVERY = timedelta(minutes=5)  # an edit after this long keeps the text before it

_LOOK = (
    "SELECT n.id, n.conference_id, n.title, n.created_at, n.updated_at, n.body = ?, "
    "(SELECT max(v.saved_at) FROM note_version v WHERE v.note_id = n.id) "
    "FROM note n WHERE n.talk_id = ?"
)
_UPDATE = "UPDATE note SET body = ?, updated_at = ? WHERE id = ?"
# The autosave's common case in one statement: the note exists, its text changed, no version
# is due (its last version, or the note itself, is younger than SNAPSHOT_EVERY; stored times
# are UtcDateTime text, which sorts as time does). Run on its own (the connection commits
# each statement as it runs), it is one call into SQLite that writes and commits without
# the GIL. Each call into SQLite hands the GIL to the other threads (typing, the preview's
# render) and waits to get it back: a look, an update and a commit took ~12 ms of the
# writer's time while a 100,000-word note was typed into (~5 ms of it its own work).
_IN_PLACE = (
    "UPDATE note SET body = ?1, updated_at = ?2 WHERE {which} AND body IS NOT ?1 "
    "AND coalesce((SELECT max(v.saved_at) FROM note_version v WHERE v.note_id = note.id), "
    "created_at) > ?4"
)
_SAVE_IN_PLACE = {  # by the kind of note: a talk's (by the talk) or a hallway note (by its id)
    "talk": _IN_PLACE.format(which="talk_id = ?3"),
    "hallway": _IN_PLACE.format(which="id = ?3 AND talk_id IS NULL"),
}


def _stamp(moment: datetime) -> str:
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")  # as UtcDateTime


def snapshot_due(last_saved_at: datetime | None, created_at: datetime, now: datetime) -> bool:
    """Whether an edit now keeps the previous text as a version: the last version (or, with
    none yet, the note itself) is older than SNAPSHOT_EVERY."""
    return now - (last_saved_at or created_at) >= SNAPSHOT_EVERY


def save_in_place(lib: Library, kind: str, item_id: int, body: str) -> bool:
    """The autosave's write, in one statement: a talk's note (`kind` "talk", by the talk's
    id) or a hallway note ("hallway", by the note's id) saved in place, when it exists, its
    text changed and no version is due. False when it was not saved."""
    now = datetime.now(UTC)
    saved = lib.reader().execute(
        _SAVE_IN_PLACE[kind], (body, _stamp(now), item_id, _stamp(now - SNAPSHOT_EVERY))
    )
    return saved.rowcount == 1


def quick_save(lib: Library, talk_id: int, body: str) -> Note | None:
    """Save the talk's note in place when it exists and no version is due, and return it;
    None when it did not (store.notes.save_talk_note does the rest). Looked at under the
    write lock."""
    now = datetime.now(UTC)
    conn = lib.reader()
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = conn.execute(_LOOK, (body, talk_id)).fetchone()
        if found is None:
            conn.rollback()
            return None
        note_id, conference_id, title, created, updated, same, last = found
        created_at, updated_at = parse_utc(created), parse_utc(updated)
        assert created_at is not None and updated_at is not None
        if not same:
            if snapshot_due(parse_utc(last), created_at, now):
                conn.rollback()
                return None
            conn.execute(_UPDATE, (body, _stamp(now), note_id))
            updated_at = now
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return _note(note_id, talk_id, conference_id, title, body, created_at, updated_at)


def _note(
    note_id: int,
    talk_id: int,
    conference_id: int | None,
    title: str,
    body: str,
    created_at: datetime | None,
    updated_at: datetime,
) -> Note:
    return Note(
        id=note_id,
        talk_id=talk_id,
        conference_id=conference_id,
        title=title,
        body=body,
        created_at=created_at,
        updated_at=updated_at,
    )
