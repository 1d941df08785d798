"""Time zones by name: IANA names, plus fixed offsets like "UTC+05:30" when no IANA name fits."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from desktop.core.errors import TalknotesError

_FIXED = re.compile(r"^UTC([+-])(\d{2}):(\d{2})$")


@lru_cache(maxsize=64)
def get_zone(name: str) -> tzinfo:
    """The tzinfo for an IANA name or a "UTC±HH:MM" fixed offset; raises for unknown names."""
    match = _FIXED.match(name)
    if match:
        sign = 1 if match[1] == "+" else -1
        return timezone(sign * timedelta(hours=int(match[2]), minutes=int(match[3])))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise TalknotesError(
            name, "not a known time zone (use an IANA name like Europe/Berlin)"
        ) from exc


def is_valid_zone(name: str) -> bool:
    try:
        get_zone(name)
    except TalknotesError:
        return False
    return True


def offset_label(offset: timedelta) -> str:
    """A UTC offset as people read it: "UTC+01:00", "UTC-05:30", "UTC"."""
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zone_for_offset(offset: timedelta) -> str:
    """An IANA name for a fixed UTC offset (Etc/GMT-1 is UTC+01:00), else "UTC±HH:MM"."""
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    if minutes % 60 == 0 and -14 <= minutes // 60 <= 12:
        hours = minutes // 60
        return f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"
    return offset_label(offset)


def zone_agrees(name: str, instants: list[datetime]) -> bool:
    """Whether zone `name` gives each aware instant the same UTC offset the instant carries."""
    zone = get_zone(name)
    return all(t.astimezone(zone).utcoffset() == t.utcoffset() for t in instants)


def local_zone_name() -> str:
    """Best guess at this machine's IANA zone (for pre-filling a question), else UTC."""
    import os
    from pathlib import Path

    env = os.environ.get("TZ", "").lstrip(":")
    if env and is_valid_zone(env):
        return env
    try:
        target = Path("/etc/localtime").resolve()
        parts = target.parts
        if "zoneinfo" in parts:
            name = "/".join(parts[parts.index("zoneinfo") + 1 :])
            if name in available_timezones():
                return name
    except OSError:
        pass
    return "UTC"
