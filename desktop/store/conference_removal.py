"""Removing a conference from the library: what it holds (read first, to ask the user), and
its rows deleted in one transaction.

A conference's notes are its talks' notes and its hallway notes. Its photos are the rows of
those notes; a photo file (by content) outlives them when another note still has a row for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.store.reading import get_conference

if TYPE_CHECKING:
    from desktop.store.library import Library

# The conference's notes: of its talks, and its hallway notes (one parameter: the id, twice)
_NOTES_OF = (
    "SELECT id FROM note WHERE conference_id = ?1 "
    "OR talk_id IN (SELECT id FROM talk WHERE conference_id = ?1)"
)


@dataclass(frozen=True)
class NoteFacts:
    note_id: int
    talk_id: int | None  # None: a hallway note
    title: str  # the talk's title, or the hallway note's own
    photos: int


@dataclass(frozen=True)
class Holdings:
    """What removing a conference takes away."""

    conference_id: int
    title: str
    talks: int
    starred: int
    notes: list[NoteFacts]  # notes with text or photos (an empty note is no loss)
    photos: int  # photo rows of its notes
    photo_files: list[str] = field(default_factory=list)  # SHA-256s no other note uses
    recap_texts: int = 0  # intros and wrap-ups kept for its recaps


def holdings(lib: Library, conference_id: int) -> Holdings:
    """What the conference holds (plain SQL, nothing changed). Raises NotFoundError."""
    conference = get_conference(lib, conference_id)
    conn = lib.reader()
    talks, starred = conn.execute(
        "SELECT count(*), coalesce(sum(starred), 0) FROM talk WHERE conference_id = ?",
        (conference_id,),
    ).fetchone()
    notes = [
        NoteFacts(note_id, talk_id, title, photos)
        for note_id, talk_id, title, photos in conn.execute(
            "SELECT n.id, n.talk_id, coalesce(t.title, n.title), "
            "(SELECT count(*) FROM photo p WHERE p.note_id = n.id) AS photos "
            f"FROM note n LEFT JOIN talk t ON t.id = n.talk_id WHERE n.id IN ({_NOTES_OF}) "
            "AND (trim(n.body) != '' OR photos > 0) "
            "ORDER BY t.start_utc IS NULL, t.start_utc, n.id",
            (conference_id,),
        ).fetchall()
    ]
    photos = conn.execute(
        f"SELECT count(*) FROM photo WHERE note_id IN ({_NOTES_OF})", (conference_id,)
    ).fetchone()[0]
    files = [
        row[0]
        for row in conn.execute(
            f"SELECT DISTINCT sha256 FROM photo WHERE note_id IN ({_NOTES_OF}) AND sha256 NOT IN "
            f"(SELECT sha256 FROM photo WHERE note_id IS NULL OR note_id NOT IN ({_NOTES_OF})) "
            "ORDER BY sha256",
            (conference_id,),
        ).fetchall()
    ]
    recaps = conn.execute(
        "SELECT count(*) FROM recap_note WHERE conference_id = ? AND trim(body) != ''",
        (conference_id,),
    ).fetchone()[0]
    return Holdings(
        conference_id=conference_id,
        title=conference.title,
        talks=talks,
        starred=starred,
        notes=notes,
        photos=photos,
        photo_files=files,
        recap_texts=recaps,
    )


# In this order, in one transaction. The photo rows first: a note's deletion would only set
# their note to NULL. Deleting notes and talk_speaker rows fires the search index's triggers.
_DELETE = (
    f"DELETE FROM photo WHERE note_id IN ({_NOTES_OF})",
    f"DELETE FROM note WHERE id IN ({_NOTES_OF})",  # their versions go with them (cascade)
    "DELETE FROM talk_speaker WHERE talk_id IN (SELECT id FROM talk WHERE conference_id = ?1)",
    "DELETE FROM talk WHERE conference_id = ?1",
    "DELETE FROM recap_note WHERE conference_id = ?1",
    "DELETE FROM conference WHERE id = ?1",
)
# What only the removed rows used: speakers of no talk left, slide text and OCR queue entries
# of images no photo shows any more
_ORPHANS = (
    "DELETE FROM speaker WHERE id NOT IN (SELECT speaker_id FROM talk_speaker)",
    "DELETE FROM photo_text WHERE sha256 NOT IN (SELECT sha256 FROM photo)",
    "DELETE FROM ocr_queue WHERE sha256 NOT IN (SELECT sha256 FROM photo)",
)


def delete_conference(lib: Library, conference_id: int) -> dict[str, int]:
    """Delete the conference and everything of it in one transaction; rows deleted by kind
    (talks, notes, photos, recap_texts, speakers)."""
    counts: dict[str, int] = {}
    names = ("photos", "notes", "talk_speakers", "talks", "recap_texts", "conferences")
    with lib.engine.begin() as tx:
        for name, statement in zip(names, _DELETE, strict=True):
            counts[name] = tx.exec_driver_sql(statement, (conference_id,)).rowcount
        counts["speakers"] = tx.exec_driver_sql(_ORPHANS[0]).rowcount
        for statement in _ORPHANS[1:]:
            tx.exec_driver_sql(statement)
    return counts


def photo_shas(lib: Library) -> set[str]:
    """The images the library's photos show (by SHA-256)."""
    return {row[0] for row in lib.reader().execute("SELECT DISTINCT sha256 FROM photo")}
