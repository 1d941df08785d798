"""Pieces every schedule importer shares: text cleaning, durations, zones, identity."""

from __future__ import annotations

import ipaddress
import json
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, TypeVar
from urllib.parse import urlsplit
from zoneinfo import available_timezones

from desktop.core.abstracts import INVISIBLE
from desktop.core.errors import TalknotesError
from desktop.core.links import link_kind
from desktop.core.models import Conference, Link, Talk
from desktop.core.timezones import is_valid_zone, offset_label, zone_agrees, zone_for_offset
from desktop.core.url_secrets import split_credentials

DEFAULT_DURATION = timedelta(minutes=30)  # for events that give no end
# Caps on text a schedule gives (characters): real titles stay under 600 (PyCon UK 2015 put
# a whole description in one: 505), names and rooms under 100; the caps leave room for odd
# ones and stop a 1 MB "title" from being stored.
MAX_TITLE = 1_000
MAX_NAME = 200  # speakers, rooms, tracks, types, languages
MAX_ABSTRACT = 100_000  # the longest real abstracts are a few thousand characters
MAX_EVENTS = 20_000  # the largest real conferences have a few thousand
MAX_DURATION = timedelta(days=14)
YEARS = range(1970, 2201)
_T = TypeVar("_T")
_remembered = threading.local()  # per thread: imports may run on several workers at once


def clean_title(text: str | None) -> str:
    """One line, NFC, without soft hyphens and zero-width characters."""
    if not text:
        return ""
    if not text.isascii():  # the invisible characters are never ASCII
        text = unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    return " ".join(text.split())


def as_text(value: object) -> str:
    """Text from a schedule value of any JSON shape, never a Python repr: a string as it is,
    a number as written, a list as its texts joined with ", ", a localized {"en": …} object
    as its English (else first) text; anything else gives ""."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return ", ".join(t for t in (as_text(v).strip() for v in value) if t)
    if isinstance(value, dict):
        preferred = value.get("en")
        if preferred is None:
            preferred = next((v for v in value.values() if isinstance(v, str)), "")
        return as_text(preferred)
    return ""


_NAME_SEPARATORS = re.compile(r"\s*(?:[,;&]|\band\b)\s*", re.IGNORECASE)


def quoted(value: object) -> str:
    """A value for a message, in double quotes: its text, never a Python repr."""
    return f'"{as_text(value)}"'


def split_names(value: object) -> list[str]:
    """Several people in one field ("Ann Example, Bob Example", "Ann and Bob", a list): one
    clean name each, in order, without repeats."""
    parts = value if isinstance(value, list | tuple) else [value]
    names: list[str] = []
    for part in parts:
        for name in _NAME_SEPARATORS.split(as_text(part)):
            name = clean_title(name.strip().strip('"'))
            if name and name not in names:
                names.append(name)
    return names


MAX_URL = 2_000


def web_url(value: object) -> str:
    """A web address a schedule gives for its conference, as a reader may follow it: http(s)
    with a public host (not localhost or a private address, as test exports carry), without
    credentials; "" otherwise."""
    url = as_text(value).strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:  # a malformed port or IPv6 literal
        return ""
    if parts.scheme.lower() not in ("http", "https") or not host or len(url) > MAX_URL:
        return ""
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None and not address.is_global:
        return ""
    clean, _ = split_credentials(url)  # ?token=… and user:password@ are never kept
    return clean


def make_link(title: object, url: object, declared: object = "", talk_url: str = "") -> Link:
    """A talk's link with its kind (video, slides, page, other), named by the schedule's own
    type for it (`declared`) when it gives one."""
    link = Link(title=clean_title(as_text(title)) or as_text(url).strip(), url=as_text(url).strip())
    link.kind = link_kind(link, as_text(declared), talk_url)
    return link


def parse_duration(value: str | None, what: str) -> timedelta:
    """frab durations: "H:MM", "HH:MM", "HH:MM:SS", and "D:HH:MM:SS" for multi-day events."""
    value = (value or "").strip()
    parts = value.split(":")
    if not 2 <= len(parts) <= 4 or not all(p.isdigit() for p in parts):
        raise TalknotesError(what, f"duration {quoted(value)} is not H:MM or HH:MM:SS")
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
        raise TalknotesError(what, f"{quoted(value)} is not an ISO 8601 date and time") from exc
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
    long = []
    for talk in talks:
        if talk.start and talk.end and talk.end - talk.start > MAX_DURATION:
            talk.end = talk.start + DEFAULT_DURATION
            talk.end_estimated = True
            long.append(talk)
    if not long:
        return []
    names = ", ".join(quoted(t.title) for t in long[:3])
    return [
        f"{len(long)} events lasted more than {MAX_DURATION.days} days ({names}); "
        "they were given the default length"
    ]


def parse_date(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except (ValueError, AttributeError) as exc:
        raise TalknotesError(what, f"{quoted(value)} is not a date") from exc


def resolve_zone(declared: str | None, instants: list[datetime]) -> tuple[str, list[str]]:
    """The conference zone: the declared one when the events' offsets agree with it,
    else the zone the offsets imply. Returns (zone name, warnings)."""
    warnings: list[str] = []
    declared = (declared or "").strip()
    offsets = Counter(offset for t in instants if (offset := t.utcoffset()) is not None)
    if declared and not is_valid_zone(declared):
        warnings.append(f"unknown time zone {quoted(declared)} ignored")
        declared = ""
    if declared and (not instants or zone_agrees(declared, instants)):
        return declared, warnings
    if not offsets:
        return declared or "UTC", warnings
    offset = offsets.most_common(1)[0][0]
    implied = zone_for_offset(offset)
    if declared:
        warnings.append(
            f"time zone {quoted(declared)} contradicts the events' UTC offsets; "
            f"the offsets win ({offset_label(offset)})"  # (Etc/GMT-1 reads as the wrong sign)
        )
    return implied, warnings


def make_ids_unique(talks: list[Talk]) -> int:
    """Give repeated source ids a suffix: the 2nd "X" becomes "X#2", in file order.

    Returns how many talks were renamed. The suffix only keeps ids unique within one file;
    a refresh matches the talks of a repeated id by their content, not by this number
    (store.schedule_sync).
    """
    seen: Counter[str] = Counter()
    renamed = 0
    for talk in talks:
        seen[talk.source_id] += 1
        if seen[talk.source_id] > 1:
            talk.source_id = f"{talk.source_id}{REPEAT_MARK}{seen[talk.source_id]}"
            renamed += 1
    return renamed


REPEAT_MARK = "#"
_REPEAT = re.compile(r"^(.*)#(\d+)$", re.S)


def base_id(source_id: str) -> str:
    """The id a talk had in its file before make_ids_unique numbered it ("X#3" → "X")."""
    match = _REPEAT.match(source_id)
    return match[1] if match else source_id


def repeat_number(source_id: str) -> int:
    match = _REPEAT.match(source_id)
    return int(match[2]) if match else 1


def cap_text(talks: list[Talk]) -> list[str]:
    """Cut titles, names and rooms to sane lengths, abstracts to MAX_ABSTRACT; say so."""
    cut: Counter[str] = Counter()

    def cap(text: str, limit: int, what: str) -> str:
        if len(text) <= limit:
            return text
        cut[what] += 1
        return shorten(text, limit)

    def shorten(text: str, limit: int) -> str:
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

    for talk in talks:
        talk.title = cap(talk.title, MAX_TITLE, "titles")
        talk.subtitle = cap(talk.subtitle, MAX_TITLE, "subtitles")
        talk.room = cap(talk.room, MAX_NAME, "rooms")
        talk.track = cap(talk.track, MAX_NAME, "tracks")
        talk.kind = cap(talk.kind, MAX_NAME, "types")
        talk.language = cap(talk.language, MAX_NAME, "languages")
        talk.speakers = [cap(name, MAX_NAME, "speaker names") for name in talk.speakers]
        talk.affiliations = {
            shorten(name, MAX_NAME): cap(text, MAX_NAME, "speaker affiliations")
            for name, text in talk.affiliations.items()
        }
        talk.abstract = cap(talk.abstract, MAX_ABSTRACT, "abstracts")
        talk.url = cap(talk.url, 2_000, "URLs")
    limits = {
        "titles": MAX_TITLE,
        "subtitles": MAX_TITLE,
        "abstracts": MAX_ABSTRACT,
        "URLs": 2_000,
    }
    return [
        f"{count} {what} longer than {limits.get(what, MAX_NAME):,} characters were cut"
        for what, count in cut.items()
    ]


def place_text(conference: Conference) -> None:
    """The conference's city and venue as one clean line each, at most MAX_NAME characters."""
    for name in ("city", "venue"):
        text = clean_title(getattr(conference, name))
        if len(text) > MAX_NAME:
            text = text[: MAX_NAME - 1].rstrip() + "…"
        setattr(conference, name, text)


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


@lru_cache(maxsize=1)
def _zones_by_city() -> dict[str, str]:
    """IANA zones by their city, lower case ("brussels" → "Europe/Brussels")."""
    cities: dict[str, str] = {}
    for name in sorted(available_timezones()):
        area, _, city = name.rpartition("/")
        if area and not name.startswith(("Etc/", "SystemV/", "US/")):
            cities.setdefault(city.replace("_", " ").lower(), name)
    return cities


def zone_for_place(place: str) -> str:
    """The zone of a city named in a place ("Ballroom A, 1 Main St, Boston"…), else ""."""
    words = re.findall(r"[^\W\d_]+(?:[ -][^\W\d_]+)?", place.lower())
    cities = _zones_by_city()
    for word in words:
        for candidate in (word, word.split(" ")[0], word.split(" ")[-1]):
            if candidate in cities:
                return cities[candidate]
    return ""


class NeedsTimeZone(TalknotesError):
    """The schedule gives UTC or floating times only: the caller must supply the zone."""


def remembered(kind: str, data: bytes, build: Callable[[bytes], _T]) -> _T:
    """`build(data)`, kept for the same bytes object on this thread, so that sniffing the
    formats and parsing the winner read a large schedule once. Failures are not kept.
    `forget_remembered` drops it all once a schedule is read."""
    slot = getattr(_remembered, kind, None)
    if slot is not None and slot[0] is data:
        kept: _T = slot[1]
        return kept
    value = build(data)
    setattr(_remembered, kind, (data, value))
    return value


def forget_remembered() -> None:
    _remembered.__dict__.clear()


def sniffed_text(data: bytes) -> str | None:
    """The UTF-8 text of `data` for sniffing, or None when it is not (see sniff_text)."""
    try:
        return remembered("text", data, lambda d: sniff_text(d, ""))
    except TalknotesError:
        return None


def sniffed_json(data: bytes) -> Any:
    """The JSON document in `data` for sniffing, or None when it is not JSON."""

    def load(d: bytes) -> Any:
        text = sniffed_text(d)
        if text is None or text.lstrip()[:1] not in ("{", "["):
            return None
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            return None

    return remembered("json", data, load)
