"""Notes: one per talk, plus free "hallway" notes of a conference."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, select

from desktop.core.models import Note
from desktop.store import note_saving
from desktop.store.history import snapshot_before_change
from desktop.store.library import Library
from desktop.store.quick_save import quick_save
from desktop.store.reading import hallway_notes as hallway_notes  # reads: plain SQL
from desktop.store.reading import talk_note as talk_note
from desktop.store.rows import get_row
from desktop.store.tables import NoteRow, TalkRow


def _now() -> datetime:
    return datetime.now(UTC)


def _talk_note_row(s: Session, talk_id: int, create: bool) -> NoteRow | None:
    """The talk's note row; with `create`, an empty one is added (not yet committed)."""
    talk = get_row(s, TalkRow, talk_id)
    row = s.exec(select(NoteRow).where(NoteRow.talk_id == talk_id)).first()
    if row is None and create:
        now = _now()
        row = NoteRow(
            talk_id=talk_id,
            conference_id=talk.conference_id,
            body="",
            created_at=now,
            updated_at=now,
        )
        s.add(row)
    return row


def talk_note_row(s: Session, talk_id: int) -> NoteRow:
    """The talk's note row in the caller's session, an empty one added when there is none."""
    row = _talk_note_row(s, talk_id, create=True)
    assert row is not None
    return row


def ensure_talk_note_id(lib: Library, talk_id: int) -> int:
    """The id of the talk's note, creating an empty note when there is none yet."""
    with Session(lib.engine) as s:
        row = _talk_note_row(s, talk_id, create=True)
        s.commit()
        assert row is not None and row.id is not None
        return row.id


def save_talk_note(lib: Library, talk_id: int, body: str, snapshot: str = "") -> Note:
    """Store the talk's note body (creating the note on first save).

    With `snapshot` (a reason), the previous text is always kept as a version first."""
    if not snapshot:
        quick = quick_save(lib, talk_id, body)
        if quick is not None:
            return quick
    return note_saving.save_talk(lib, talk_id, body, snapshot)  # (plain SQL)


def append_in_session(s: Session, talk_id: int, text: str) -> NoteRow:
    """Append `text` as a paragraph to the talk's note inside the caller's transaction (the
    previous text is kept as an "append" version); nothing is committed."""
    row = _talk_note_row(s, talk_id, create=True)
    assert row is not None
    body = row.body
    if body and not body.endswith("\n\n"):
        body = body.rstrip("\n") + "\n\n"
    body += text.rstrip("\n") + "\n"
    now = _now()
    if row.id is not None:
        snapshot_before_change(s, row, body, now, "append", force=True)
    row.body = body
    row.updated_at = now
    s.add(row)
    return row


def append_to_talk_note(lib: Library, talk_id: int, text: str) -> Note:
    """Append `text` as a new paragraph (a blank line apart from what is there)."""
    body = talk_note(lib, talk_id).body
    if body and not body.endswith("\n\n"):
        body = body.rstrip("\n") + "\n\n"
    return save_talk_note(lib, talk_id, body + text.rstrip("\n") + "\n", snapshot="append")


save_hallway_note = note_saving.save_hallway  # make or update a hallway note (plain SQL)
