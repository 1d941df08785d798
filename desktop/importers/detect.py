"""Recognise a schedule by its content (not its file name) and hand it to its importer."""

from __future__ import annotations

import json

from desktop.core.errors import TalknotesError
from desktop.core.models import Schedule
from desktop.importers import common, frab_json, frab_xml, ical, sessionize
from desktop.importers.common import check_count, tame_durations

MAX_SCHEDULE_BYTES = 32 * 1024 * 1024  # the largest real schedules are a few MB
NOT_A_SCHEDULE = (
    "not a schedule Talknotes can read "
    "(looked for frab XML, frab/pretalx JSON, iCalendar, Sessionize JSON)"
)


def parse_schedule(data: bytes, source: str, tz: str | None = None) -> Schedule:
    """Parse schedule bytes (see _parse) and apply the checks every format shares."""
    schedule = _parse(data, source, tz)
    check_count(len(schedule.talks), source)
    schedule.warnings += tame_durations(schedule.talks)
    return schedule


def _parse(data: bytes, source: str, tz: str | None = None) -> Schedule:
    """Parse schedule bytes from `source` (a path or URL, used in messages).

    `tz` is the conference's zone for formats that do not carry one (UTC-only iCalendar,
    Sessionize); formats that carry one ignore it. Raises TalknotesError.
    """
    if len(data) > MAX_SCHEDULE_BYTES:
        raise TalknotesError(
            source,
            f"{len(data) / 2**20:.0f} MB is larger than a schedule can be "
            f"({MAX_SCHEDULE_BYTES // 2**20} MB at most)",
        )
    text = common.sniff_text(data, source)
    head = text.lstrip()[:1]
    if head == "<":
        root = frab_xml.parse_xml(data, source)
        if frab_xml.is_schedule(root):
            check_count(sum(1 for _ in root.iter("event")), source)
            return frab_xml.parse(data, source, root)
        raise TalknotesError(source, NOT_A_SCHEDULE)
    if ical.looks_like(text):
        return ical.parse(data, source, tz)
    if head in "{[":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TalknotesError(
                source, f"broken JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            ) from exc
        except RecursionError as exc:
            raise TalknotesError(source, "JSON nested too deeply") from exc
        if sessionize.is_schedule(doc):
            check_count(len(doc["sessions"]), source)
        if frab_json.is_schedule(doc):
            return frab_json.parse(doc, source)
        if sessionize.is_schedule(doc):
            return sessionize.parse(doc, source, tz)
    raise TalknotesError(source, NOT_A_SCHEDULE)
