"""frab / pretalx schedule JSON: c3voc schema v1 (days → rooms → events) and v2 (flat events)."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.core import abstracts
from desktop.core.errors import TalknotesError
from desktop.core.models import Conference, Link, Schedule, Talk
from desktop.importers import common

FORMAT_V1 = "frab-json"
FORMAT_V2 = "frab-json-v2"


def is_schedule(doc: Any) -> bool:
    schedule = doc.get("schedule") if isinstance(doc, dict) else None
    return isinstance(schedule, dict) and isinstance(schedule.get("conference"), dict)


def _str(value: Any) -> str:
    """Text from a plain or localized ({"en": …}) string; never a Python repr."""
    return common.as_text(value).strip()


def _name(value: Any) -> str:
    """Rooms and tracks are a string in v1, an object with name/slug in v2."""
    if isinstance(value, dict):
        return _str(value.get("name") or value.get("slug"))
    return _str(value)


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit())


def _check_v1(conference: dict[str, Any], what: str) -> None:
    """Refuse v1 files whose meaning is unclear; lenient about everything else."""
    problems: list[str] = []
    days = conference.get("days")
    if not isinstance(days, list) or not days:
        raise TalknotesError(what, "schedule JSON without conference days")
    count = conference.get("daysCount")
    if isinstance(count, int) and count != len(days):
        problems.append(f"the conference declares {count} days (daysCount) but lists {len(days)}")
    for day in days:
        for room, events in (day.get("rooms") or {}).items():
            if not isinstance(events, list):
                problems.append(
                    f"room {common.quoted(room)} holds {type(events).__name__}, "
                    "not a list of events"
                )
                continue
            for ev in events:
                if not isinstance(ev, dict):
                    problems.append(
                        f"room {common.quoted(room)} holds a {type(ev).__name__}, not an event"
                    )
                    continue
                if "id" in ev and not _is_integer(ev["id"]):
                    problems.append(
                        f"event {_str(ev.get('guid')) or '?'}: "
                        f"id {common.quoted(ev['id'])} is not a number"
                    )
                for person in ev.get("persons") or []:
                    if (
                        isinstance(person, dict)
                        and "id" in person
                        and not _is_integer(person["id"])
                    ):
                        problems.append(
                            f"event {_str(ev.get('id')) or '?'}: "
                            f"person id {common.quoted(person['id'])} is not a number"
                        )
    if problems:
        shown = "; ".join(problems[:5]) + (
            f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
        )
        raise TalknotesError(what, f"invalid frab schedule JSON: {shown}")


def parse(doc: dict[str, Any], source: str) -> Schedule:
    what = source
    schedule = doc["schedule"]
    conference = schedule["conference"]
    common.check_count(_count_events(schedule), what)
    if isinstance(schedule.get("events"), list):
        talks, fmt = _v2_events(schedule["events"], conference, what), FORMAT_V2
        _name_tracks(talks, conference)
    else:
        _check_v1(conference, what)
        talks, fmt = _v1_events(conference, what), FORMAT_V1
    instants = [t.start for t in talks if t.start is not None]
    zone_name, warnings = common.resolve_zone(_str(conference.get("time_zone_name")), instants)
    duplicates = common.make_ids_unique(talks)
    conf = Conference(
        title=common.clean_title(_str(conference.get("title"))) or "Untitled conference",
        acronym=_str(conference.get("acronym")),
        time_zone=zone_name,
        source_uri=source,
        # the conference's web site, else the base of its pages (frab, pretalx: the schedule)
        url=common.web_url(conference.get("url")) or common.web_url(schedule.get("base_url")),
    )
    return Schedule(
        conference=conf, talks=talks, format=fmt, warnings=warnings, duplicate_ids=duplicates
    )


def _name_tracks(talks: list[Talk], conference: dict[str, Any]) -> None:
    """v2 events give their track by slug; conference.tracks lists each one's name."""
    names: dict[str, str] = {}
    tracks = conference.get("tracks")
    for track in tracks if isinstance(tracks, list) else []:
        if isinstance(track, dict):
            name = common.clean_title(_str(track.get("name")))
            for key in ("slug", "id", "guid"):
                if name and _str(track.get(key)):
                    names.setdefault(_str(track.get(key)), name)
    for talk in talks:
        talk.track = names.get(talk.track, talk.track)


def _count_events(schedule: dict[str, Any]) -> int:
    if isinstance(schedule.get("events"), list):
        return len(schedule["events"])
    days = (schedule.get("conference") or {}).get("days") or []
    return sum(
        len(events)
        for day in days
        if isinstance(day, dict)
        for events in (day.get("rooms") or {}).values()
        if isinstance(events, list)
    )


def _persons(ev: dict[str, Any]) -> list[str]:
    people = ev.get("persons") or ev.get("participants") or []
    names = []
    for person in people:
        if isinstance(person, dict):
            name = person.get("public_name") or person.get("name") or person.get("full_name")
        else:
            name = person
        name = common.clean_title(_str(name))
        if name:
            names.append(name)
    return names


def _links(ev: dict[str, Any]) -> list[Link]:
    """links[] and attachments[] (frab, pretalx: {title, url, type}), pretalx's resources[]
    and recording URLs, each with its kind."""
    talk_url = _str(ev.get("url"))
    links = []
    items = [*_list(ev.get("links")), *_list(ev.get("attachments"))]
    for resource in _list(ev.get("resources")):  # pretalx: {resource|link, description}
        if isinstance(resource, dict):
            url = resource.get("resource") or resource.get("link")
            items.append({"title": resource.get("description"), "url": url})
    for key in ("recording", "recording_url", "video", "video_url"):
        if isinstance(ev.get(key), str) and ev[key].strip():
            items.append({"title": "Recording", "url": ev[key], "type": "recording"})
    for item in items:
        if isinstance(item, dict) and _str(item.get("url") or item.get("href")):
            url = item.get("url") or item.get("href")
            links.append(common.make_link(item.get("title"), url, item.get("type"), talk_url))
        elif isinstance(item, str) and item.strip():
            links.append(common.make_link(item, item, "", talk_url))
    return links


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _talk(ev: dict[str, Any], day: date | None, what: str) -> Talk:
    source_id = _str(ev.get("guid")) or _str(ev.get("id")) or _str(ev.get("code"))
    where = f"{what}: event {source_id or '?'}"
    if not source_id:
        raise TalknotesError(where, "event without guid or id")
    start_value = ev.get("date") or ev.get("start")
    start = common.parse_iso(_str(start_value), where) if start_value else None
    if start is not None and start.utcoffset() is None:
        raise TalknotesError(where, f"start {common.quoted(start_value)} carries no UTC offset")
    if start is not None and ev.get("end") and "T" in _str(ev.get("end")):
        end = common.parse_iso(_str(ev["end"]), where)
    elif start is not None:
        end = start + common.parse_duration(_str(ev.get("duration")) or "0:00", where)
    else:
        end = None
    if end is not None and end.utcoffset() is None and start is not None:
        end = end.replace(tzinfo=start.tzinfo)
    return Talk(
        source_id=source_id,
        title=common.clean_title(_str(ev.get("title"))) or "(untitled)",
        subtitle=common.clean_title(_str(ev.get("subtitle"))),
        abstract=abstracts.combine(_str(ev.get("abstract")), _str(ev.get("description"))),
        track=common.clean_title(_name(ev.get("track"))),
        kind=_str(ev.get("type")),
        room=common.clean_title(_name(ev.get("room"))),
        language=_str(ev.get("language")),
        url=_str(ev.get("url")),
        speakers=_persons(ev),
        links=_links(ev),
        start=start,
        end=end,
        day=day,
    )


def _v1_events(conference: dict[str, Any], what: str) -> list[Talk]:
    talks = []
    for day in conference["days"]:
        day_date = common.parse_date(_str(day.get("date")), f"{what}: day {day.get('index')}")
        for events in (day.get("rooms") or {}).values():
            talks.extend(_talk(ev, day_date, what) for ev in events)
    return talks


def _v2_events(events: list[Any], conference: dict[str, Any], what: str) -> list[Talk]:
    """v2 has no per-day grouping: an event before 04:00 local belongs to the previous day."""
    talks = []
    for ev in events:
        if not isinstance(ev, dict):
            raise TalknotesError(what, f"schedule v2 event is {type(ev).__name__}, not an object")
        talk = _talk(ev, None, what)
        if talk.start is not None:
            talk.day = common.conference_day(talk.start)
        talks.append(talk)
    return talks


class _Importer:
    """The registry's entry point (see importers/registry.py); v1 and v2 alike."""

    name = FORMAT_V1
    label = "frab/pretalx JSON"

    def sniff(self, data: bytes) -> float:
        return 1.0 if is_schedule(common.sniffed_json(data)) else 0.0

    def parse(self, data: bytes, source: str, tz: str | None) -> Schedule:
        doc = common.sniffed_json(data)
        if not is_schedule(doc):
            raise TalknotesError(source, "not frab schedule JSON (no schedule.conference)")
        return parse(doc, source)


IMPORTER = _Importer()
