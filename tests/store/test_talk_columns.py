"""One Talk <-> row mapping (store.talk_columns): what an import writes, as a new talk or a
refreshed one, is what the window and the CLI read back, field by field."""

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

from desktop.core.models import Conference, Link, Schedule, Talk
from desktop.store import talk_columns
from desktop.store.reading import list_talks
from desktop.store.schedule_sync import apply_schedule

# Kept by the library, not copied from the schedule (or stored in talk_speaker)
LIBRARY_OWNED = {"id", "conference_id", "starred", "attended", "status", "has_note"}
ELSEWHERE = {"source_id", "start", "end", "links", "speakers", "affiliations"}
ZONE = timezone(timedelta(hours=2))


def _talk(n: int) -> Talk:
    start = datetime(2026, 5, 14, 9, 30, 15, 123456, tzinfo=ZONE) + timedelta(days=n)
    return Talk(
        source_id="t1",
        title=f"Title {n} – “quoted” 'x'",
        start=start,
        end=start + timedelta(minutes=45 + n),
        day=date(2026, 5, 14) + timedelta(days=n),
        subtitle=f"Sub {n}",
        abstract=f"Abstract {n}\n\nwith [a link](https://example.org/{n})",
        track=f"Track {n}",
        kind="keynote" if n else "lecture",
        room=f"Room {n}",
        language="de" if n else "en",
        url=f"https://example.org/talk/{n}",
        speakers=[f"Ada {n}", "Grace"],
        affiliations={f"Ada {n}": f"Org {n}"},
        links=[Link(title=f"Slides {n}", url=f"https://example.org/s{n}.pdf", kind="slides")],
        end_estimated=bool(n),
        is_break=not n,
    )


def _schedule(talk: Talk) -> Schedule:
    conf = Conference(title="Mapping", time_zone="UTC+02:00", source_uri="mapping.xml")
    return Schedule(conference=conf, talks=[talk], format="frab-xml")


def _same(stored: Talk, talk: Talk) -> None:
    for name in (*talk_columns.SCHEDULE_FIELDS, "source_id", "speakers", "affiliations"):
        assert getattr(stored, name) == getattr(talk, name), name
    assert stored.start == talk.start and stored.end == talk.end  # the instant, to the µs
    assert [(x.title, x.url, x.kind) for x in stored.links] == [
        (x.title, x.url, x.kind) for x in talk.links
    ]


def test_every_schedule_field_of_a_talk_has_its_column():
    """A field added to core.models.Talk without its place here fails this test."""
    fields = {f.name for f in dataclasses.fields(Talk)}
    assert fields == set(talk_columns.SCHEDULE_FIELDS) | LIBRARY_OWNED | ELSEWHERE


def test_a_new_talk_and_a_refreshed_one_read_back_as_written(library):
    new = _talk(0)
    cid = apply_schedule(library, _schedule(new)).conference_id
    (stored,) = list_talks(library, cid)
    _same(stored, new)  # the bulk insert's SQLite values

    changed = _talk(1)
    summary = apply_schedule(library, _schedule(changed), conference_id=cid)
    assert summary.updated == 1
    (stored,) = list_talks(library, cid)
    _same(stored, changed)  # the ORM update's Python values
    assert stored.start.utcoffset() == timedelta(hours=2)  # in the conference's zone
    assert stored.start.astimezone(UTC) == changed.start.astimezone(UTC)


def test_every_schedule_field_is_read_back():
    """store.reading selects READ and from_row unpacks it by position: a schedule field
    added to SCHEDULE_FIELDS (and so written by an import) must be added to READ to be read."""
    assert set(talk_columns.SCHEDULE_FIELDS) <= set(talk_columns.READ)
