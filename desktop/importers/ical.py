"""iCalendar (.ics) schedules: Sched, pretalx, FOSDEM apps, vobject exports."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import PurePath
from typing import Any

from icalendar import Calendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from desktop.core import abstracts
from desktop.core.errors import TalknotesError
from desktop.core.models import Conference, Schedule, Talk
from desktop.core.timezones import get_zone, is_valid_zone, local_zone_name
from desktop.importers import common, recurrences

FORMAT = "icalendar"
_RECURRENCE = ("RRULE", "RDATE", "RECURRENCE-ID")


def looks_like(text: str) -> bool:
    return text.lstrip()[:15].upper() == "BEGIN:VCALENDAR"


# How an agenda Talknotes exported marks itself (services.agenda_calendar writes these): its
# PRODID, and its name, the conference's title with AGENDA_SUFFIX
AGENDA_PRODID = "-//Talknotes//Talknotes {version}//EN"
AGENDA_SUFFIX = " — my agenda"


class AgendaExport(TalknotesError):
    """The file is an agenda Talknotes exported (starred talks), not a schedule: imported as
    one it would make a second conference of those talks."""

    def __init__(self, what: str, conference_title: str) -> None:
        super().__init__(
            what,
            f"a Talknotes agenda export (the starred talks of “{conference_title}”), not a "
            "schedule: imported as one it would make a conference of just those talks, so "
            "nothing was imported. Import the conference's own schedule, then star these "
            f"talks in it: talknotes agenda import {what} (File → Import Agenda…)",
        )
        self.conference_title = conference_title


def agenda_export_of(cal: Any) -> str | None:
    """The conference's title when `cal` is an agenda Talknotes exported, else None."""
    if not _text(cal, "PRODID").startswith(AGENDA_PRODID.split("{", 1)[0]):
        return None
    return _text(cal, "X-WR-CALNAME").removesuffix(AGENDA_SUFFIX)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(ev: Any, key: str) -> str:
    value = ev.get(key)
    if isinstance(value, list):  # a property given twice: its values, never a Python list
        return common.as_text([str(v) for v in value]).strip()
    return str(value).strip() if value is not None else ""


def _people(ev: Any) -> list[str]:
    """Speakers from the CN of each ATTENDEE and ORGANIZER. A CN naming several people
    (commas, "and", "&", ";") gives several speakers; icalendar hands a CN with commas over
    as a list."""
    names: list[str] = []
    for addr in _as_list(ev.get("ATTENDEE")) + _as_list(ev.get("ORGANIZER")):
        cn = getattr(addr, "params", {}).get("CN")
        for name in common.split_names(list(cn) if isinstance(cn, list) else str(cn or "")):
            if name not in names:
                names.append(name)
    return names


def _categories(ev: Any) -> list[str]:
    cats: list[str] = []
    for item in _as_list(ev.get("CATEGORIES")):
        cats.extend(str(c) for c in getattr(item, "cats", [item]))
    return [c.strip() for c in cats if str(c).strip()]


# Properties whose value is text a person wrote: a fold that is not a length fold is a line
# break of that text (escaped as \n; icalendar leaves X- values escaped, and in X-ALT-DESC's
# HTML a space means the same).
_TEXT_PROPERTIES = {
    "DESCRIPTION": "\\n",
    "SUMMARY": "\\n",
    "COMMENT": "\\n",
    "LOCATION": "\\n",
    "X-ALT-DESC": " ",
}
_LENGTH_FOLD = range(60, 77)  # octets of a line folded for length (RFC 5545: at 75)


def unfold(text: str) -> str:
    """Unfold content lines as their authors meant.

    RFC 5545 folding inserts CRLF + space anywhere in a line longer than 75 octets, and
    unfolding removes both. Some exporters (FOSDEM companion apps) never fold for length but
    write each line break of a description as CRLF + space; strict unfolding then runs the
    words together ("a wide rangeof building blocks"). A fold counts as a length fold when
    the line before it is 60–76 octets long and the file has no longer lines; any other fold
    inside a text property is read as the line break it was. icalendar's own unfolding is
    strict, so this runs before it.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(line.startswith((" ", "\t")) for line in lines):
        return text
    octets = [len(line.encode("utf-8")) for line in lines]
    folds_for_length = max(octets) <= _LENGTH_FOLD.stop - 1
    logical: list[str] = []
    name = ""
    for line, size_before in zip(lines, [0, *octets], strict=False):
        if line.startswith((" ", "\t")) and logical:
            by_length = folds_for_length and size_before in _LENGTH_FOLD
            line_break = "" if by_length else _TEXT_PROPERTIES.get(name, "")
            logical[-1] += line_break + line[1:]
            continue
        logical.append(line)
        name = line.split(":", 1)[0].split(";", 1)[0].upper()
    return "\r\n".join(logical)


def _room(location: str) -> str:
    """LOCATION sometimes carries a full address: the room is what comes before the comma."""
    return common.clean_title(location.split(",", 1)[0])


def parse(data: bytes, source: str, tz: str | None = None) -> Schedule:
    what = source
    text = unfold(common.sniff_text(data, what))
    try:
        cal = Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError) as exc:
        raise TalknotesError(what, f"not a valid iCalendar file ({exc})") from exc
    exported = agenda_export_of(cal)
    if exported is not None:
        raise AgendaExport(what, exported)
    events = cal.walk("VEVENT")
    if not events:
        raise TalknotesError(what, "an iCalendar file without events")
    common.check_count(len(events), what)
    for ev in events:
        if ev.get("DTSTART") is None:
            raise TalknotesError(
                f"{what}: event {_text(ev, 'UID') or '?'}", "event without DTSTART"
            )
    warnings: list[str] = []
    if any(ev.get(k) is not None for ev in events for k in _RECURRENCE):
        events, note = recurrences.expand(cal, events, what)
        warnings.append(note)

    raw: list[tuple[Any, date | datetime, date | datetime | None, timedelta | None]] = []
    for ev in events:
        start_prop = ev.get("DTSTART")
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

    calendar_zone = _iana(_text(cal, "X-WR-TIMEZONE"))
    if calendar_zone and not is_valid_zone(calendar_zone):
        warnings.append(f"unknown time zone {common.quoted(calendar_zone)} (X-WR-TIMEZONE) ignored")
        calendar_zone = ""
    declared = tz or calendar_zone or _zone_from_events(raw)
    if not declared:
        raise common.NeedsTimeZone(
            what,
            "times are in UTC or floating and the calendar does not say the conference's time "
            f"zone; give it with --tz ZONE ({_hint(suggest_zone(cal, events))})",
        )
    zone = get_zone(declared)
    talks = [_talk(ev, start, end, duration, zone, what) for ev, start, end, duration in raw]
    estimated = sum(t.end_estimated for t in talks)
    if estimated:
        warnings.append(
            f"{estimated} events have no end; they were given "
            f"{int(common.DEFAULT_DURATION.total_seconds() // 60)} minutes"
        )
    duplicates = common.make_ids_unique(talks)
    title = common.clean_title(_text(cal, "X-WR-CALNAME")) or PurePath(source).stem
    conference = Conference(
        title=title,
        time_zone=declared,
        source_uri=source,
        url=common.web_url(_text(cal, "URL")),  # RFC 7986: the calendar's own page
    )
    return Schedule(
        conference=conference,
        talks=talks,
        format=FORMAT,
        warnings=warnings,
        duplicate_ids=duplicates,
    )


def _iana(name: str) -> str:
    """An IANA name for a zone name; Outlook and Exchange write Windows names
    ("W. Europe Standard Time"), mapped with icalendar's CLDR table."""
    return WINDOWS_TO_OLSON.get(name, name)


_UTC_NAMES = ("UTC", "Etc/UTC", "GMT", "Etc/GMT", "Universal", "Zulu")


def _hint(zone: str) -> str:
    if zone in _UTC_NAMES:  # nothing to go on, and this machine runs on UTC
        return "an IANA name such as America/Chicago"
    return f"e.g. --tz {zone}"


def suggest_zone(cal: Any, events: list[Any]) -> str:
    """A zone to suggest when the file gives none that applies: a TZID the file names, a
    city in the events' LOCATION, else this machine's zone."""
    named = [str(tz.get("TZID", "")) for tz in cal.walk("VTIMEZONE")]
    for ev in events:
        for key in ("DTSTART", "DTEND"):
            params = getattr(ev.get(key), "params", {})
            named.append(str(params.get("TZID", "")))
    for name in map(_iana, named):
        if name and name not in _UTC_NAMES and is_valid_zone(name):
            return name
    for ev in events:
        zone = common.zone_for_place(_text(ev, "LOCATION"))
        if zone:
            return zone
    return local_zone_name()


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
    occurrence = ev.get(recurrences.OCCURRENCE)
    if uid and occurrence is not None:
        uid = f"{uid}/{occurrence}"
    return Talk(
        source_id=uid or f"{start.isoformat()} {title}",
        title=title or "(untitled)",
        abstract=description,
        track=categories[0] if categories else "",
        room=_room(_text(ev, "LOCATION")),
        url=url,
        speakers=_people(ev),
        links=[common.make_link("Talk page", url, "page")] if url else [],
        start=start,
        end=end,
        day=common.conference_day(start),
        end_estimated=estimated,
    )


class _Importer:
    """The registry's entry point (see importers/registry.py)."""

    name = FORMAT
    label = "iCalendar"

    def sniff(self, data: bytes) -> float:
        text = common.sniffed_text(data)
        return 1.0 if text is not None and looks_like(text) else 0.0

    def parse(self, data: bytes, source: str, tz: str | None) -> Schedule:
        return parse(data, source, tz)


IMPORTER = _Importer()
