"""frab / pentabarf schedule.xml (CCC, FOSDEM, pretalx exports), parsed with defusedxml."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from desktop.core import abstracts
from desktop.core.errors import TalknotesError
from desktop.core.models import Conference, Schedule, Talk
from desktop.core.timezones import get_zone
from desktop.importers import common

FORMAT = "frab-xml"


def parse_xml(data: bytes, what: str) -> Element:
    """Parse untrusted XML: no entity expansion, no external references, no DTD tricks."""
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise TalknotesError(what, f"refused unsafe XML ({type(exc).__name__})") from exc
    except ParseError as exc:
        raise TalknotesError(what, f"not well-formed XML ({exc})") from exc


def is_schedule(root: Element) -> bool:
    return root.tag == "schedule" and (
        root.find("day") is not None or root.find("conference") is not None
    )


def _text(el: Element | None, name: str) -> str:
    child = el.find(name) if el is not None else None
    return (child.text or "").strip() if child is not None else ""


def parse(data: bytes, source: str, root: Element | None = None) -> Schedule:
    what = source
    root = root if root is not None else parse_xml(data, what)
    if not is_schedule(root):
        raise TalknotesError(what, "XML, but not a frab schedule (no <schedule> with <day>)")
    conf_el = root.find("conference")
    title = common.clean_title(_text(conf_el, "title")) or "Untitled conference"
    acronym = _text(conf_el, "acronym")
    declared_zone = _text(conf_el, "time_zone_name")

    events: list[tuple[Talk, time | None, timedelta]] = []
    for day_el in root.iter("day"):
        day = common.parse_date(
            day_el.get("date", ""), f"{what}: <day index={day_el.get('index')}>"
        )
        for room_el in day_el.findall("room"):
            for ev in room_el.findall("event"):
                events.append(_event(ev, room_el.get("name", ""), day, what))
    talks = [talk for talk, _, _ in events]

    instants = [t.start for t in talks if t.start is not None]
    zone_name, warnings = common.resolve_zone(declared_zone, instants)
    zone = get_zone(zone_name)
    day_change = _day_change(conf_el)
    for talk, start_time, duration in events:
        if talk.start is None and start_time is not None and talk.day is not None:
            # only <start>: it is on the conference day, or the next morning before day_change
            late = start_time < day_change
            on = date.fromordinal(talk.day.toordinal() + 1) if late else talk.day
            talk.start = datetime.combine(on, start_time, zone)
        if talk.start is not None:
            talk.end = talk.start + duration
    duplicates = common.make_ids_unique(talks)
    conference = Conference(
        title=title,
        acronym=acronym,
        time_zone=zone_name,
        source_uri=source,
        # the conference's web site (<url>), else the base of its event pages (FOSDEM)
        url=common.web_url(_text(conf_el, "url")) or common.web_url(_text(conf_el, "base_url")),
        city=_text(conf_el, "city"),
        venue=_text(conf_el, "venue"),
    )
    return Schedule(
        conference=conference,
        talks=talks,
        format=FORMAT,
        warnings=warnings,
        duplicate_ids=duplicates,
    )


def _day_change(conf_el: Element | None) -> time:
    value = _text(conf_el, "day_change")
    try:
        return time.fromisoformat(value) if value else time(4, 0)
    except ValueError:
        return time(4, 0)


def _event(
    ev: Element, room_name: str, day: date, what: str
) -> tuple[Talk, time | None, timedelta]:
    source_id = ev.get("guid") or ev.get("id") or _text(ev, "slug")
    where = f"{what}: event {source_id or '?'}"
    if not source_id:
        raise TalknotesError(where, "event without guid, id or slug")
    duration = common.parse_duration(_text(ev, "duration") or "0:00", where)
    absolute = _text(ev, "date")
    start: datetime | None = None
    start_time: time | None = None
    if absolute:
        start = common.parse_iso(absolute, where)
        if start.utcoffset() is None:  # a date without offset is as good as floating
            start_time, start = start.time(), None
    else:
        try:
            start_time = time.fromisoformat(_text(ev, "start"))
        except ValueError as exc:
            raise TalknotesError(where, "event has neither <date> nor a valid <start>") from exc
    persons = [common.clean_title(p.text) for p in ev.iter("person")]
    url = _text(ev, "url")
    # <links><link href> and FOSDEM's <attachments><attachment type="slides" href>
    links = [
        common.make_link(a.text, a.get("href"), a.get("type", ""), url)
        for a in [*ev.iter("link"), *ev.iter("attachment")]
        if a.get("href")
    ]
    talk = Talk(
        source_id=source_id,
        title=common.clean_title(_text(ev, "title")) or "(untitled)",
        subtitle=common.clean_title(_text(ev, "subtitle")),
        abstract=abstracts.combine(_text(ev, "abstract"), _text(ev, "description")),
        track=common.clean_title(_text(ev, "track")),
        kind=_text(ev, "type"),
        room=common.clean_title(_text(ev, "room") or room_name),
        language=_text(ev, "language"),
        url=url,
        speakers=[p for p in persons if p],
        links=links,
        start=start,
        day=day,
    )
    return talk, start_time, duration


class _Importer:
    """The registry's entry point (see importers/registry.py)."""

    name = FORMAT
    label = "frab XML (<schedule>, <day>, <room>, <event>)"

    def sniff(self, data: bytes) -> float:
        try:
            root = common.remembered("xml", data, lambda d: parse_xml(d, ""))
        except TalknotesError:
            return 0.0
        return 1.0 if is_schedule(root) else 0.0

    def parse(self, data: bytes, source: str, tz: str | None) -> Schedule:
        # expat reads the BOM and the declaration
        root = common.remembered("xml", data, lambda d: parse_xml(d, source))
        common.check_count(sum(1 for _ in root.iter("event")), source)
        return parse(data, source, root)


IMPORTER = _Importer()
