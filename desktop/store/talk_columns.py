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


# What store.reading selects, in from_row's order
READ = (
    "id",
    "conference_id",
    "source_id",
    *(f for f in SCHEDULE_FIELDS if f not in ("day", "end_estimated", "is_break")),
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


def from_row(
    row: Sequence[Any],
    zone: tzinfo,
    speakers: list[str],
    affiliations: dict[str, str],
    has_note: bool,
) -> Talk:
    """A Talk from a row of READ_COLUMNS, its times in the conference's zone."""
    r = dict(zip(READ, row, strict=True))
    start, end = parse_utc(r["start_utc"]), parse_utc(r["end_utc"])
    return Talk(
        id=r["id"],
        conference_id=r["conference_id"],
        source_id=r["source_id"],
        title=r["title"],
        subtitle=r["subtitle"],
        abstract=r["abstract"],
        track=r["track"],
        kind=r["kind"],
        room=r["room"],
        language=r["language"],
        start=start.astimezone(zone) if start else None,
        end=end.astimezone(zone) if end else None,
        day=date.fromisoformat(r["day"]) if r["day"] else None,
        url=r["url"],
        links=_links(r["links_json"], r["url"]),
        speakers=speakers,
        affiliations=affiliations,
        starred=bool(r["starred"]),
        attended=bool(r["attended"]),
        status=TalkStatus(r["status"]),
        end_estimated=bool(r["end_estimated"]),
        is_break=bool(r["is_break"]),
        has_note=has_note,
    )
