"""Pieces every schedule importer shares: text cleaning, durations, zones, identity."""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date, datetime, timedelta

from desktop.core.abstracts import INVISIBLE
from desktop.core.errors import TalknotesError
from desktop.core.models import Talk
from desktop.core.timezones import is_valid_zone, zone_agrees, zone_for_offset

DEFAULT_DURATION = timedelta(minutes=30)  # for events that give no end
MAX_EVENTS = 20_000  # the largest real conferences have a few thousand
MAX_DURATION = timedelta(days=14)
YEARS = range(1970, 2201)


def clean_title(text: str | None) -> str:
    """One line, NFC, without soft hyphens and zero-width characters."""
    if not text:
        return ""
    if not text.isascii():  # the invisible characters are never ASCII
        text = unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    return " ".join(text.split())


def parse_duration(value: str | None, what: str) -> timedelta:
    """frab durations: "H:MM", "HH:MM", "HH:MM:SS", and "D:HH:MM:SS" for multi-day events."""
    value = (value or "").strip()
    parts = value.split(":")
    if not 2 <= len(parts) <= 4 or not all(p.isdigit() for p in parts):
        raise TalknotesError(what, f"duration {value!r} is not H:MM or HH:MM:SS")
    numbers = [int(p) for p in parts] + [0] * (3 - len(parts) if len(parts) < 3 else 0)
    if len(parts) == 4:
        days, hours, minutes, seconds = numbers
    else:
        days, (hours, minutes, seconds) = 0, numbers[:3]
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def parse_iso(value: str, what: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except (ValueError, AttributeError) as exc:
        raise TalknotesError(what, f"{value!r} is not an ISO 8601 date and time") from exc
    return in_range(moment, what)


def in_range(moment: datetime, what: str) -> datetime:
    """Refuse dates no conference has (year 1, 9999): they also overflow zone arithmetic."""
    if moment.year not in YEARS:
        raise TalknotesError(
            what, f"date {moment.date()} is out of range ({YEARS.start}–{YEARS.stop - 1})"
        )
    return moment


def check_count(count: int, what: str) -> None:
    if count > MAX_EVENTS:
        raise TalknotesError(
            what,
            f"{count:,} events is more than a conference schedule has ({MAX_EVENTS:,} at most)",
        )


def tame_durations(talks: list[Talk]) -> list[str]:
    """A talk "lasting" weeks is a data error: keep the start, give it the default length."""
    long = [t for t in talks if t.start and t.end and t.end - t.start > MAX_DURATION]
    for talk in long:
        talk.end = talk.start + DEFAULT_DURATION  # type: ignore[operator]
        talk.end_estimated = True
    if not long:
        return []
    names = ", ".join(repr(t.title) for t in long[:3])
    return [
        f"{len(long)} events lasted more than {MAX_DURATION.days} days ({names}); "
        "they were given the default length"
    ]


def parse_date(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except (ValueError, AttributeError) as exc:
        raise TalknotesError(what, f"{value!r} is not a date") from exc


def resolve_zone(declared: str | None, instants: list[datetime]) -> tuple[str, list[str]]:
    """The conference zone: the declared one when the events' offsets agree with it,
    else the zone the offsets imply. Returns (zone name, warnings)."""
    warnings: list[str] = []
    declared = (declared or "").strip()
    offsets = Counter(t.utcoffset() for t in instants if t.utcoffset() is not None)
    if declared and not is_valid_zone(declared):
        warnings.append(f"unknown time zone {declared!r} ignored")
        declared = ""
    if declared and (not instants or zone_agrees(declared, instants)):
        return declared, warnings
    if not offsets:
        return declared or "UTC", warnings
    implied = zone_for_offset(offsets.most_common(1)[0][0])
    if declared:
        warnings.append(
            f"time zone {declared!r} contradicts the events' UTC offsets; "
            f"the offsets win (zone {implied})"
        )
    return implied, warnings


def make_ids_unique(talks: list[Talk]) -> int:
    """Give repeated source ids a stable suffix: the 2nd "X" becomes "X#2", in file order.

    Returns how many talks were renamed. Stable as long as the file keeps its order.
    """
    seen: Counter[str] = Counter()
    renamed = 0
    for talk in talks:
        seen[talk.source_id] += 1
        if seen[talk.source_id] > 1:
            talk.source_id = f"{talk.source_id}#{seen[talk.source_id]}"
            renamed += 1
    return renamed


def sniff_text(data: bytes, what: str) -> str:
    """Decode schedule bytes as UTF-8 (a BOM is allowed); refuse anything else clearly."""
    if not data.strip():
        raise TalknotesError(what, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 20:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[1:200:2].count(b"\x00") > 20:
            raise TalknotesError(
                what, "the file is UTF-16 text; Talknotes reads UTF-8 (save it as UTF-8)"
            )
        raise TalknotesError(what, "binary data, not a text schedule")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if sum(b < 9 or 13 < b < 32 for b in data[:512]) > 8:
            raise TalknotesError(what, "binary data, not a text schedule") from exc
        raise TalknotesError(
            what,
            f"not UTF-8 text (invalid byte {data[exc.start : exc.start + 1]!r} at offset "
            f"{exc.start}); save the file as UTF-8",
        ) from exc


DAY_CHANGE = timedelta(hours=4)  # a talk starting before 04:00 belongs to the previous day


def conference_day(local_start: datetime) -> date:
    """The conference day of a start time given in the conference's zone."""
    return (local_start - DAY_CHANGE).date()


class NeedsTimeZone(TalknotesError):
    """The schedule gives UTC or floating times only: the caller must supply the zone."""
