"""Recognise a schedule by its content (not its file name) and hand it to its importer."""

from __future__ import annotations

import json
import re

from desktop.core.errors import TalknotesError
from desktop.core.models import Schedule
from desktop.importers import common, frab_json, frab_xml, ical, sessionize
from desktop.importers.common import cap_text, check_count, tame_durations

MAX_SCHEDULE_BYTES = 32 * 1024 * 1024  # the largest real schedules are a few MB
UNDERSTOOD = (
    "frab XML (<schedule>, <day>, <room>, <event>), frab/pretalx JSON, iCalendar, Sessionize JSON"
)
NOT_A_SCHEDULE = f"not a schedule Talknotes can read (looked for {UNDERSTOOD})"
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_UTF16_DECLARED = re.compile(r"<\?xml[^>]*\sencoding\s*=\s*[\"']utf-16(le|be)?[\"']", re.I)


def parse_schedule(data: bytes, source: str, tz: str | None = None) -> Schedule:
    """Parse schedule bytes (see _parse) and apply the checks every format shares."""
    schedule = _parse(data, source, tz)
    if not schedule.talks:
        raise TalknotesError(
            source,
            f"{_found(data)}: no talks found, nothing imported (Talknotes reads {UNDERSTOOD})",
        )
    check_count(len(schedule.talks), source)
    schedule.warnings += tame_durations(schedule.talks)
    schedule.warnings += cap_text(schedule.talks)
    if schedule.duplicate_ids:
        schedule.warnings.append(
            f"{schedule.duplicate_ids} events repeat another event's id; a refresh tells them "
            "apart by start, title, room and speakers"
        )
    return schedule


def _found(data: bytes) -> str:
    """What a schedule without talks holds, in words: the XML elements or the JSON keys."""
    try:
        text = _decode(data, "")
    except TalknotesError:
        return "not a schedule"
    if text.lstrip()[:1] == "<":
        root = frab_xml.parse_xml(data, "")
        names = list(dict.fromkeys(el.tag for el in root.iter() if el is not root))
        shown = ", ".join(f"<{n}>" for n in names[:12]) + (" …" if len(names) > 12 else "")
        return f"XML with root <{root.tag}> and elements {shown or '(none)'}"
    if ical.looks_like(text):
        return "an iCalendar file"
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return "not a schedule"
    keys = ", ".join(list(doc)[:12]) if isinstance(doc, dict) else type(doc).__name__
    return f"JSON with {keys or 'nothing'}"


def _decode(data: bytes, source: str) -> str:
    """The schedule's text. UTF-16 is read only for XML that says so: a byte order mark and
    a declaration naming UTF-16 (other formats are UTF-8 by their specifications)."""
    if data.startswith(_BOMS_UTF16):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = ""
        if _UTF16_DECLARED.match(text):
            return text
    return common.sniff_text(data, source)


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
    text = _decode(data, source)
    head = text.lstrip()[:1]
    if head == "<":
        root = frab_xml.parse_xml(data, source)  # expat reads the BOM and the declaration
        if frab_xml.is_schedule(root):
            check_count(sum(1 for _ in root.iter("event")), source)
            return frab_xml.parse(data, source, root)
        raise TalknotesError(source, f"{_found(data)}: {NOT_A_SCHEDULE}")
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
