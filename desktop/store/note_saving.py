"""Saving a note's text in plain SQL (sqlite3, no SQLAlchemy): making a talk's note on its first
keystroke, or a hallway note, and keeping the text before a change as a version (every
SNAPSHOT_EVERY of typing). The autosave's common case, a note saved in place, is quick_save's.

Through the ORM the first note of a run took the writer thread 11–14 ms of Python (holding the
GIL the typing thread needs), each later one ~3 ms, a save keeping a version ~2–3 ms; in plain
SQL on the thread's own connection ~2.5 ms, 0.4–0.6 ms and 0.2–0.3 ms (bench/bench_first_note.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from desktop.core.errors import NotFoundError
from desktop.core.models import Note
from desktop.store.quick_save import snapshot_due
from desktop.store.reading import NOTE_COLUMNS, parse_utc
from desktop.store.reading import note_from_row as _note

if TYPE_CHECKING:
    from desktop.store.library import Library

KEEP_VERSIONS = 200  # a note's newest versions kept; older ones go as new ones come

_LAST_VERSION = (
    "SELECT body, saved_at FROM note_version WHERE note_id = ? ORDER BY saved_at DESC LIMIT 1"
)
_ADD_VERSION = "INSERT INTO note_version (note_id, body, saved_at, reason) VALUES (?, ?, ?, ?)"
_PRUNE = (
    "DELETE FROM note_version WHERE id IN (SELECT id FROM note_version WHERE note_id = ? "
    "ORDER BY saved_at DESC LIMIT -1 OFFSET ?)"
)
_NOTE = f"SELECT {NOTE_COLUMNS} FROM note"
_INSERT = (
    "INSERT INTO note (talk_id, conference_id, title, body, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def _stamp(moment: datetime) -> str:
    """As UtcDateTime stores it (store.types.utc_text)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def keep_version(
    conn: sqlite3.Connection,
    note_id: int,
    body: str,
    created_at: datetime,
    new_body: str,
    now: datetime,
    reason: str = "edit",
    force: bool = False,
) -> None:
    """Keep the note's text `body` as a version when it is about to become `new_body` and the
    last version is older than SNAPSHOT_EVERY (or `force`: before imports, appends, restores);
    not when that version holds the same text. Inside the caller's transaction."""
    if not body or body == new_body:
        return
    last = conn.execute(_LAST_VERSION, (note_id,)).fetchone()
    if last is not None and last[0] == body:
        return
    if not force and not snapshot_due(parse_utc(last[1]) if last else None, created_at, now):
        return
    conn.execute(_ADD_VERSION, (note_id, body, _stamp(now), reason))
    conn.execute(_PRUNE, (note_id, KEEP_VERSIONS))


def _write(lib: Library, change: Callable[[sqlite3.Connection, datetime], Note]) -> Note:
    """`change(conn, now)` in one transaction on this thread's connection (under the write
    lock from its start: what it looks at stays as it saw it)."""
    conn = lib.reader()
    conn.execute("BEGIN IMMEDIATE")
    try:
        note: Note = change(conn, datetime.now(UTC))
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return note


def _update(
    conn: sqlite3.Connection,
    found: tuple[Any, ...],
    body: str,
    title: str,
    now: datetime,
    reason: str,
    force: bool,
) -> Note:
    """The note `found` (a row of _NOTE) changed to `body` (and `title`, when given)."""
    note = _note(found)
    assert note.id is not None and note.created_at is not None
    if note.body == body and (not title or note.title == title):
        return note
    keep_version(conn, note.id, note.body, note.created_at, body, now, reason, force)
    title = title or note.title
    conn.execute(
        "UPDATE note SET body = ?, title = ?, updated_at = ? WHERE id = ?",
        (body, title, _stamp(now), note.id),
    )
    stamps = (_stamp(note.created_at), _stamp(now))
    return _note((note.id, note.talk_id, note.conference_id, title, body, *stamps))


def save_talk(lib: Library, talk_id: int, body: str, snapshot: str = "") -> Note:
    """Store the talk's note text, making the note on its first save. With `snapshot` (a
    reason) the previous text is always kept as a version first."""

    def change(conn: sqlite3.Connection, now: datetime) -> Note:
        found = conn.execute(f"{_NOTE} WHERE talk_id = ?", (talk_id,)).fetchone()
        if found is not None:
            return _update(conn, found, body, "", now, snapshot or "edit", bool(snapshot))
        talk = conn.execute("SELECT conference_id FROM talk WHERE id = ?", (talk_id,)).fetchone()
        if talk is None:
            raise NotFoundError(f"talk {talk_id}", "no such talk")
        stamp = _stamp(now)
        made = conn.execute(_INSERT, (talk_id, talk[0], "", body, stamp, stamp))
        return _note((made.lastrowid, talk_id, talk[0], "", body, stamp, stamp))

    return _write(lib, change)


def save_hallway(
    lib: Library,
    body: str,
    *,
    note_id: int | None = None,
    conference_id: int | None = None,
    title: str = "",
) -> Note:
    """Make (`note_id` None) or update a hallway note (a note of no talk)."""

    def change(conn: sqlite3.Connection, now: datetime) -> Note:
        if note_id is None:
            stamp = _stamp(now)
            made = conn.execute(_INSERT, (None, conference_id, title, body, stamp, stamp))
            return _note((made.lastrowid, None, conference_id, title, body, stamp, stamp))
        found = conn.execute(f"{_NOTE} WHERE id = ?", (note_id,)).fetchone()
        if found is None or found[1] is not None:
            raise NotFoundError(f"note {note_id}", "no such hallway note")
        return _update(conn, found, body, title, now, "edit", False)

    return _write(lib, change)
