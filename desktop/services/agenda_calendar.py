"""My agenda as iCalendar: the starred talks out to a phone calendar, and stars in from an
.ics that another app (EventFahrplan, Giggity, the FOSDEM app, pretalx) exported."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from desktop import __version__
from desktop.core.errors import TalknotesError
from desktop.core.models import Conference, Talk, TalkStatus
from desktop.core.timezones import get_zone
from desktop.importers.common import base_id, clean_title, sniff_text
from desktop.importers.ical import AGENDA_PRODID, AGENDA_SUFFIX, unfold
from desktop.store.conferences import get_conference, list_conferences
from desktop.store.library import Library
from desktop.store.talks import list_talks, set_starred

MAX_AGENDA_BYTES = 8 * 2**20


def agenda_calendar(conference: Conference, talks: list[Talk]) -> bytes:
    """The starred talks of a conference as iCalendar, times in the conference's zone with
    its VTIMEZONE (so a phone calendar shows them right), else in UTC."""
    cal = Calendar()
    cal.add("prodid", AGENDA_PRODID.format(version=__version__))  # how an import knows it
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{conference.title}{AGENDA_SUFFIX}")
    zone = get_zone(conference.time_zone)
    named = isinstance(zone, ZoneInfo) and conference.time_zone not in ("UTC", "Etc/UTC")
    if named:
        cal.add("x-wr-timezone", conference.time_zone)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for talk in talks:
        if talk.start is None or talk.end is None:
            continue
        event = Event()
        event.add("uid", talk.source_id)
        event.add("dtstamp", stamp)
        start, end = talk.start.astimezone(zone), talk.end.astimezone(zone)
        if not named:
            start, end = start.astimezone(UTC), end.astimezone(UTC)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", talk.title)
        if talk.room:
            event.add("location", talk.room)
        if talk.track:
            event.add("categories", [talk.track])
        if talk.url:
            event.add("url", talk.url)
        about = [", ".join(talk.speakers)] if talk.speakers else []
        event.add("description", "\n".join([*about, talk.url] if talk.url else about))
        cal.add_component(event)
    if named:
        cal.add_missing_timezones()
    data: bytes = cal.to_ical()  # icalendar does not annotate it
    return data


def export_agenda(lib: Library, conference_id: int) -> tuple[bytes, int]:
    """The conference's starred talks as iCalendar, and how many there are."""
    conference = get_conference(lib, conference_id)
    talks = [
        t
        for t in list_talks(lib, conference_id)
        if t.starred and t.start and t.status != TalkStatus.REMOVED
    ]
    return agenda_calendar(conference, talks), len(talks)


@dataclass(slots=True)
class Unmatched:
    uid: str
    title: str
    start: datetime | date | None


@dataclass(slots=True)
class AgendaImport:
    starred: list[Talk] = field(default_factory=list)  # newly starred
    already: list[Talk] = field(default_factory=list)  # were starred before
    unmatched: list[Unmatched] = field(default_factory=list)


def _instant(value: datetime | date | None, zones: set[str]) -> datetime | None:
    """The event's start as an instant; a floating time is read in the conference's zone
    (when the talks matched against all share one)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value
        if len(zones) == 1:
            return value.replace(tzinfo=get_zone(next(iter(zones))))
    return None


def import_agenda(lib: Library, path: Path, conference_id: int | None = None) -> AgendaImport:
    """Star the talks an .ics lists: matched by UID (the talk's source id), else by title and
    start, else by its URL. Nothing changes when the file cannot be read."""
    what = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise TalknotesError(what, "no such file") from exc
    except OSError as exc:
        raise TalknotesError(what, f"cannot read it ({exc.strerror})") from exc
    if len(data) > MAX_AGENDA_BYTES:
        raise TalknotesError(what, "larger than an agenda can be")
    text = sniff_text(data, what)
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise TalknotesError(what, "not an iCalendar file (no BEGIN:VCALENDAR)")
    try:
        events = Calendar.from_ical(unfold(text)).walk("VEVENT")
    except (ValueError, IndexError, KeyError) as exc:
        raise TalknotesError(what, f"not a valid iCalendar file ({exc})") from exc
    if conference_id is not None:
        conferences = [get_conference(lib, conference_id)]
    else:
        conferences = list_conferences(lib)
    talks = [t for c in conferences for t in list_talks(lib, c.id)]
    zones = {c.time_zone for c in conferences}
    by_id: dict[str, Talk] = {}
    for each in talks:
        by_id.setdefault(each.source_id, each)
        by_id.setdefault(base_id(each.source_id), each)
    by_content = {(t.title.casefold(), t.start.astimezone(UTC)): t for t in talks if t.start}
    by_url = {t.url.rstrip("/"): t for t in talks if t.url}
    result = AgendaImport()
    chosen: dict[int, Talk] = {}
    for event in events:
        uid = str(event.get("UID", "")).strip()
        title = clean_title(str(event.get("SUMMARY", "")))
        start_prop = event.get("DTSTART")
        start_value = start_prop.dt if start_prop is not None else None
        start = _instant(start_value, zones)
        talk = by_id.get(uid) if uid else None
        if talk is None and start is not None:
            talk = by_content.get((title.casefold(), start.astimezone(UTC)))
            if talk is None:  # some apps round or shift seconds
                talk = next(
                    (
                        t
                        for (name, moment), t in by_content.items()
                        if name == title.casefold()
                        and abs(moment - start.astimezone(UTC)) < timedelta(minutes=1)
                    ),
                    None,
                )
        if talk is None and event.get("URL"):
            talk = by_url.get(str(event.get("URL")).strip().rstrip("/"))
        if talk is None or talk.id is None:
            result.unmatched.append(Unmatched(uid, title, start_value))
            continue
        chosen[talk.id] = talk
    for talk_id, talk in chosen.items():
        if talk.starred:
            result.already.append(talk)
        else:
            set_starred(lib, talk_id, True)
            talk.starred = True
            result.starred.append(talk)
    return result
