"""iCalendar (.ics) schedules: Sched, pretalx, FOSDEM apps, vobject exports."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import PurePath
from typing import Any

from icalendar import Calendar

from desktop.core import abstracts
from desktop.core.errors import TalknotesError
from desktop.core.models import Conference, Link, Schedule, Talk
from desktop.core.timezones import get_zone
from desktop.importers import common

FORMAT = "icalendar"


def looks_like(text: str) -> bool:
    return text.lstrip()[:15].upper() == "BEGIN:VCALENDAR"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(ev: Any, key: str) -> str:
    value = ev.get(key)
    return str(value).strip() if value is not None else ""


def _people(ev: Any) -> list[str]:
    names = []
    for addr in _as_list(ev.get("ATTENDEE")) + _as_list(ev.get("ORGANIZER")):
        cn = getattr(addr, "params", {}).get("CN")
        name = common.clean_title(str(cn)) if cn else ""
        if name and name not in names:
            names.append(name)
    return names


def _categories(ev: Any) -> list[str]:
    cats: list[str] = []
    for item in _as_list(ev.get("CATEGORIES")):
        cats.extend(str(c) for c in getattr(item, "cats", [item]))
    return [c.strip() for c in cats if str(c).strip()]


def _room(location: str) -> str:
    """LOCATION sometimes carries a full address: the room is what comes before the comma."""
    return common.clean_title(location.split(",", 1)[0])


def parse(data: bytes, source: str, tz: str | None = None) -> Schedule:
    what = source
    text = common.sniff_text(data, what)
    try:
        cal = Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError) as exc:
        raise TalknotesError(what, f"not a valid iCalendar file ({exc})") from exc
    events = cal.walk("VEVENT")
    if not events:
        raise TalknotesError(what, "an iCalendar file without events")
    common.check_count(len(events), what)

    raw: list[tuple[Any, date | datetime, date | datetime | None, timedelta | None]] = []
    for ev in events:
        start_prop = ev.get("DTSTART")
        if start_prop is None:
            raise TalknotesError(
                f"{what}: event {_text(ev, 'UID') or '?'}", "event without DTSTART"
            )
        start = start_prop.dt
        end_prop = ev.get("DTEND")
        duration_prop = ev.get("DURATION")
        raw.append(
            (
                ev,
                start,
                end_prop.dt if end_prop else None,
                duration_prop.dt if duration_prop else None,
            )
        )

    declared = tz or _text(cal, "X-WR-TIMEZONE") or _zone_from_events(raw)
    if not declared:
        raise common.NeedsTimeZone(
            what,
            "times are in UTC or floating and the calendar does not say the conference's time "
            "zone; give it with --tz ZONE (e.g. --tz Europe/Brussels)",
        )
    zone = get_zone(declared)
    talks = [_talk(ev, start, end, duration, zone, what) for ev, start, end, duration in raw]
    warnings = []
    estimated = sum(t.end_estimated for t in talks)
    if estimated:
        warnings.append(
            f"{estimated} events have no end; they were given "
            f"{int(common.DEFAULT_DURATION.total_seconds() // 60)} minutes"
        )
    duplicates = common.make_ids_unique(talks)
    title = common.clean_title(_text(cal, "X-WR-CALNAME")) or PurePath(source).stem
    conference = Conference(title=title, time_zone=declared, source_uri=source)
    return Schedule(
        conference=conference,
        talks=talks,
        format=FORMAT,
        warnings=warnings,
        duplicate_ids=duplicates,
    )


def _zone_from_events(raw: list[tuple[Any, Any, Any, Any]]) -> str:
    """A TZID used by the events themselves (not UTC), if any."""
    for _, start, _, _ in raw:
        if isinstance(start, datetime) and start.tzinfo is not None:
            key = getattr(start.tzinfo, "key", None) or getattr(start.tzinfo, "zone", None)
            if key and key not in ("UTC", "Etc/UTC"):
                return str(key)
    return ""


def _instant(value: date | datetime, zone: tzinfo) -> datetime:
    if not isinstance(value, datetime):  # all-day event
        return datetime.combine(value, time(0, 0), zone)
    if value.tzinfo is None:  # floating time: conference-local
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


def _talk(
    ev: Any, start_value: Any, end_value: Any, duration: timedelta | None, zone: tzinfo, what: str
) -> Talk:
    uid = _text(ev, "UID")
    where = f"{what}: event {uid or '?'}"
    for value in (start_value, end_value):
        if value is not None and not isinstance(value, timedelta):
            probe = value if isinstance(value, datetime) else datetime(value.year, 1, 1)
            common.in_range(probe, where)
    start = _instant(start_value, zone)
    estimated = False
    if end_value is not None:
        end = _instant(end_value, zone)
    elif duration is not None:
        end = start + duration
    else:
        end, estimated = start + common.DEFAULT_DURATION, True
    if end < start:
        raise TalknotesError(f"{what}: event {uid or '?'}", "ends before it starts")
    html = _text(ev, "X-ALT-DESC")
    description = abstracts.clean(html or _text(ev, "DESCRIPTION"))
    categories = _categories(ev)
    url = _text(ev, "URL")
    title = common.clean_title(_text(ev, "SUMMARY"))
    return Talk(
        source_id=uid or f"{start.isoformat()} {title}",
        title=title or "(untitled)",
        abstract=description,
        track=categories[0] if categories else "",
        room=_room(_text(ev, "LOCATION")),
        url=url,
        speakers=_people(ev),
        links=[Link(title="Talk page", url=url)] if url else [],
        start=start,
        end=end,
        day=common.conference_day(start),
        end_estimated=estimated,
    )
