"""Recognise a schedule by its content (not its file name) and hand it to its importer.

Which importer reads what is up to the registry (importers/registry.py): every registered
format sniffs the bytes and the most confident one parses them. This module only applies
what all formats share (size, encoding, counts, caps) and words the refusals."""

from __future__ import annotations

import json
import re

from desktop.core.errors import TalknotesError
from desktop.core.models import Schedule
from desktop.importers import common, frab_xml, ical
from desktop.importers.common import cap_text, check_count, place_text, tame_durations
from desktop.importers.registry import FORMATS

MAX_SCHEDULE_BYTES = 32 * 1024 * 1024  # the largest real schedules are a few MB
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_UTF16_DECLARED = re.compile(r"<\?xml[^>]*\sencoding\s*=\s*[\"']utf-16(le|be)?[\"']", re.I)


def not_a_schedule() -> str:
    """The refusal for bytes no registered format claims, naming every registered format."""
    return f"not a schedule Talknotes can read (looked for {FORMATS.understood()})"


def parse_schedule(data: bytes, source: str, tz: str | None = None) -> Schedule:
    """Parse schedule bytes (see _parse) and apply the checks every format shares."""
    try:
        schedule = _parse(data, source, tz)
    finally:
        common.forget_remembered()
    if not schedule.talks:
        raise TalknotesError(
            source,
            f"{_found(data)}: no talks found, nothing imported "
            f"(Talknotes reads {FORMATS.understood()})",
        )
    check_count(len(schedule.talks), source)
    schedule.warnings += tame_durations(schedule.talks)
    schedule.warnings += cap_text(schedule.talks)
    place_text(schedule.conference)
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
    return common.remembered("text", data, lambda d: common.sniff_text(d, source))


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
    fmt = FORMATS.best(data)
    if fmt is not None:
        return fmt.parse(data, source, tz)
    raise _refusal(data, text, source)


def _refusal(data: bytes, text: str, source: str) -> TalknotesError:
    """Why no format claimed the bytes: broken XML or JSON by its syntax error, else what
    the file holds and the formats looked for."""
    head = text.lstrip()[:1]
    if head == "<":
        frab_xml.parse_xml(data, source)  # raises for unsafe or broken XML
        return TalknotesError(source, f"{_found(data)}: {not_a_schedule()}")
    if head in ("{", "["):
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            return TalknotesError(
                source, f"broken JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            )
        except RecursionError:
            return TalknotesError(source, "JSON nested too deeply")
    return TalknotesError(source, not_a_schedule())
