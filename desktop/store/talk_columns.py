"""A talk as the talk table stores it, both ways: the one place its columns are listed.

The import writes new talks in one executemany (SQLite-ready values) and refreshes changed
ones through the ORM (Python values); store.reading builds Talks from plain-SQL rows, before
SQLAlchemy is loaded. A new schedule field of core.models.Talk is one entry in
SCHEDULE_FIELDS (and a migration for its column); the speakers live in talk_speaker.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import Any

import orjson

from desktop.core.links import with_kinds
from desktop.core.models import Link, Talk, TalkStatus

# Copied from the schedule as they are, and compared on a refresh
SCHEDULE_FIELDS = (
    "title",
    "subtitle",
    "abstract",
    "track",
    "kind",
    "room",
    "language",
    "day",
    "url",
    "end_estimated",
    "is_break",
)

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(…, ensure_ascii=False)
# builds a new encoder on every call: 10 µs a talk, a tenth of an import's store time


def links_json(links: list[Link]) -> str:
    if not links:
        return "[]"
    return _ENCODE([{"title": x.title, "url": x.url, "kind": x.kind} for x in links])


def values(talk: Talk) -> dict[str, object]:
    """The columns an import sets (Python values, as the ORM row takes them)."""
    found: dict[str, object] = {f: getattr(talk, f) for f in SCHEDULE_FIELDS}
    found["start_utc"] = talk.start.astimezone(UTC) if talk.start else None
    found["end_utc"] = talk.end.astimezone(UTC) if talk.end else None
    found["links_json"] = links_json(talk.links)
    found["status"] = str(talk.status)
    return found


# A new talk's columns, in the order new_row gives them; the rest take their defaults
NEW_ROW = (
    "conference_id",
    "source_id",
    *SCHEDULE_FIELDS,
    "start_utc",
    "end_utc",
    "links_json",
    "status",
)


def _sqlite(value: object) -> object:
    """A value as SQLAlchemy's SQLite types store it (store.types): naive UTC text, ISO
    dates. For the bulk insert, which skips SQLAlchemy's type processing."""
    if isinstance(value, datetime):  # (aware: values() made it UTC)
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def new_row(conference_id: int, talk: Talk) -> tuple[object, ...]:
    """A new talk as the talk table stores it, ready for SQLite (NEW_ROW's order)."""
    found = values(talk)
    return (conference_id, talk.source_id, *(_sqlite(found[c]) for c in NEW_ROW[2:]))


# What store.reading selects, in the order from_row unpacks it (a schedule field added to
# SCHEDULE_FIELDS is added here too: tests/store/test_talk_columns.py checks each is read)
READ = (
    "id",
    "conference_id",
    "source_id",
    "title",
    "subtitle",
    "abstract",
    "track",
    "kind",
    "room",
    "language",
    "url",
    "start_utc",
    "end_utc",
    "day",
    "links_json",
    "starred",
    "attended",
    "status",
    "end_estimated",
    "is_break",
)
READ_COLUMNS = ", ".join(READ)


def parse_utc(value: str | None) -> datetime | None:
    """A UTC time as SQLite holds it (naive text), aware."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None


def _links(stored: str | None, url: str) -> list[Link]:
    if not stored or stored == "[]":  # many talks: nothing to parse
        return []
    # orjson: json.loads took 7.5 ms of reading FOSDEM's 876 talks (every one has links), 2 here
    return with_kinds([Link(**link) for link in orjson.loads(stored)], url)


_STATUS = {status.value: status for status in TalkStatus}  # (an Enum call: ~1 µs a talk)


def from_row(
    row: Sequence[Any],
    zone: tzinfo,
    speakers: list[str],
    affiliations: dict[str, str],
    has_note: bool,
) -> Talk:
    """A Talk from a row of READ_COLUMNS, its times in the conference's zone. (Unpacked by
    position: a dict of the row per talk was a fifth of reading FOSDEM's schedule.)"""
    (
        talk_id,
        conference_id,
        source_id,
        title,
        subtitle,
        abstract,
        track,
        kind,
        room,
        language,
        url,
        start_utc,
        end_utc,
        day,
        stored_links,
        starred,
        attended,
        status,
        end_estimated,
        is_break,
    ) = row
    return Talk(
        id=talk_id,
        conference_id=conference_id,
        source_id=source_id,
        title=title,
        subtitle=subtitle,
        abstract=abstract,
        track=track,
        kind=kind,
        room=room,
        language=language,
        start=datetime.fromisoformat(start_utc).replace(tzinfo=UTC).astimezone(zone)
        if start_utc
        else None,
        end=datetime.fromisoformat(end_utc).replace(tzinfo=UTC).astimezone(zone)
        if end_utc
        else None,
        day=date.fromisoformat(day) if day else None,
        url=url,
        links=_links(stored_links, url),
        speakers=speakers,
        affiliations=affiliations,
        starred=bool(starred),
        attended=bool(attended),
        status=_STATUS[status],
        end_estimated=bool(end_estimated),
        is_break=bool(is_break),
        has_note=has_note,
    )
