"""What the window and the listing commands read first, in plain SQL over sqlite3: the
schedule (conferences, talks, hallway notes), a talk's note and a note's photos.

SQLAlchemy takes ~0.35 s to import here, longer than a start needs for everything else, and
these reads are all a start (or `talknotes talks`) does. The columns are those of
store/tables.py, in SQLAlchemy's SQLite storage: datetimes as naive UTC text, dates as ISO
text, booleans as 0/1. tests/store/test_reading.py holds them to the ORM's reading.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.core.errors import NotFoundError
from desktop.core.models import Conference, Note, Photo, Talk
from desktop.core.timezones import get_zone
from desktop.store import talk_columns
from desktop.store.talk_columns import parse_utc as parse_utc  # (store.quick_save's too)

if TYPE_CHECKING:
    from desktop.store.library import Library

_TALK_ORDER = "ORDER BY conference_id, start_utc IS NULL, start_utc, room, id"
NOTE_COLUMNS = "id, talk_id, conference_id, title, body, created_at, updated_at"  # note_from_row's
_PHOTO_COLUMNS = (
    "p.id, p.sha256, p.original_name, p.size_bytes, p.width, p.height, p.captured_at, "
    "p.capture_source, p.caption, p.note_id, p.caption_typed, p.suggested_caption, "
    "p.duplicate_of, t.text, t.sharpness, t.error"
)

Params = tuple[Any, ...]  # the values of a query, or of a row read


def ocr_queued(lib: Library) -> bool:
    """Whether an image waits to be read (the window asks at start)."""
    return bool(lib.reader().execute("SELECT EXISTS (SELECT 1 FROM ocr_queue)").fetchone()[0])


def _rows(lib: Library, sql: str, params: Params = ()) -> list[sqlite3.Row | Params]:
    return lib.reader().execute(sql, params).fetchall()  # fetched whole: no read left open


def list_conferences(lib: Library) -> list[Conference]:
    return [
        Conference(
            id=row[0],
            title=row[1],
            acronym=row[2],
            time_zone=row[3],
            source_uri=row[4],
            imported_at=parse_utc(row[5]),
            url=row[6],
            city=row[7],
            venue=row[8],
        )
        for row in _rows(
            lib,
            "SELECT id, title, acronym, time_zone, source_uri, imported_at, url, city, venue "
            "FROM conference ORDER BY id",
        )
    ]


def get_conference(lib: Library, conference_id: int) -> Conference:
    found = [c for c in list_conferences(lib) if c.id == conference_id]
    if not found:
        raise NotFoundError(f"conference {conference_id}", "no such conference")
    return found[0]


def _speakers(
    lib: Library, where: str, params: Params
) -> tuple[dict[int, list[str]], dict[int, dict[str, str]]]:
    """Speaker names per talk in their order, and the affiliations the schedule gave."""
    names: dict[int, list[str]] = defaultdict(list)
    affiliations: dict[int, dict[str, str]] = defaultdict(dict)
    for talk_id, name, affiliation in _rows(
        lib,
        "SELECT ts.talk_id, s.name, ts.affiliation FROM talk_speaker ts "
        "JOIN speaker s ON s.id = ts.speaker_id "
        f"JOIN talk t ON t.id = ts.talk_id {where} ORDER BY ts.talk_id, ts.position",
        params,
    ):
        names[talk_id].append(name)
        if affiliation:
            affiliations[talk_id][name] = affiliation
    return names, affiliations


def _noted(lib: Library, where: str, params: Params) -> set[int]:
    """Talks whose note is not empty."""
    return {
        talk_id
        for (talk_id,) in _rows(
            lib,
            "SELECT n.talk_id FROM note n JOIN talk t ON t.id = n.talk_id "
            f"{where} {'AND' if where else 'WHERE'} length(n.body) > 0",
            params,
        )
    }


def _talks(lib: Library, where: str, params: Params) -> list[Talk]:
    rows = _rows(
        lib, f"SELECT {talk_columns.READ_COLUMNS} FROM talk t {where} {_TALK_ORDER}", params
    )
    zones = {c.id: get_zone(c.time_zone) for c in list_conferences(lib)}
    speakers, affiliations = _speakers(lib, where, params)
    noted = _noted(lib, where, params)
    return [
        talk_columns.from_row(
            row,
            zones[row[1]],
            speakers.get(row[0], []),
            affiliations.get(row[0], {}),
            row[0] in noted,
        )
        for row in rows
    ]


def list_talks(
    lib: Library, conference_id: int | None = None, day: date | None = None
) -> list[Talk]:
    """Talks in time order (unscheduled last), optionally of one conference and one day."""
    clauses: list[str] = []
    params: list[object] = []
    if conference_id is not None:
        clauses.append("t.conference_id = ?")
        params.append(conference_id)
    if day is not None:
        clauses.append("t.day = ?")
        params.append(day.isoformat())
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return _talks(lib, where, tuple(params))


def get_talk(lib: Library, talk_id: int) -> Talk:
    found = _talks(lib, "WHERE t.id = ?", (talk_id,))
    if not found:
        raise NotFoundError(f"talk {talk_id}", "no such talk")
    return found[0]


def note_from_row(row: sqlite3.Row | Params) -> Note:
    return Note(
        id=row[0],
        talk_id=row[1],
        conference_id=row[2],
        title=row[3],
        body=row[4],
        created_at=parse_utc(row[5]),
        updated_at=parse_utc(row[6]),
    )


def talk_note(lib: Library, talk_id: int) -> Note:
    """The talk's note; an empty, unsaved Note when none was written yet."""
    if not _rows(lib, "SELECT 1 FROM talk WHERE id = ?", (talk_id,)):
        raise NotFoundError(f"talk {talk_id}", "no such talk")
    rows = _rows(lib, f"SELECT {NOTE_COLUMNS} FROM note WHERE talk_id = ?", (talk_id,))
    return note_from_row(rows[0]) if rows else Note(talk_id=talk_id)


def hallway_notes(lib: Library, conference_id: int | None = None) -> list[Note]:
    where = "WHERE talk_id IS NULL"
    params: Params = ()
    if conference_id is not None:
        where, params = where + " AND conference_id = ?", (conference_id,)
    sql = f"SELECT {NOTE_COLUMNS} FROM note {where} ORDER BY id"
    return [note_from_row(r) for r in _rows(lib, sql, params)]


def _photo(row: sqlite3.Row | Params) -> Photo:
    return Photo(
        id=row[0],
        sha256=row[1],
        original_name=row[2],
        size_bytes=row[3],
        width=row[4],
        height=row[5],
        captured_at=parse_utc(row[6]),
        capture_source=row[7],
        caption=row[8],
        note_id=row[9],
        caption_typed=bool(row[10]),
        suggested_caption=row[11],
        duplicate_of=row[12],
        text=row[13] if row[13] is not None and not row[15] else None,  # read, no error
        sharpness=row[14] if row[13] is not None and not row[15] else None,
    )


def note_photos(lib: Library, note_id: int) -> list[Photo]:
    """The note's photos, with what OCR read in them (text, sharpness) once it has."""
    return [
        _photo(row)
        for row in _rows(
            lib,
            f"SELECT {_PHOTO_COLUMNS} FROM photo p "
            "LEFT JOIN photo_text t ON t.sha256 = p.sha256 WHERE p.note_id = ? ORDER BY p.id",
            (note_id,),
        )
    ]


def photo_by_key(lib: Library, key: str) -> Photo | None:
    """The photo a note's `photo:KEY` names (the start of its SHA-256), or None."""
    key = key.lower()  # (hex; read before as SQL's LIKE, which ignores case)
    if not key or not all(c in "0123456789abcdef" for c in key):
        return None  # (also keeps GLOB's own characters out of the pattern)
    rows = _rows(
        lib,
        f"SELECT {_PHOTO_COLUMNS} FROM photo p LEFT JOIN photo_text t ON t.sha256 = p.sha256 "
        "WHERE p.sha256 GLOB ? ORDER BY p.id LIMIT 1",
        (key + "*",),
    )
    return _photo(rows[0]) if rows else None
