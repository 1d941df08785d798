"""When a photo was taken, read from the camera's file name (for files that lost their EXIF).

Phones name files after the local time of the shot; a messenger, cloud export or blog strips the
EXIF but keeps the name. The patterns are the cameras' own conventions, so they are matched by a
few anchored regular expressions (no date library parses names like `PXL_20240203_112233123`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

_PATTERNS = [
    # IMG_20180502_091534.jpg (Android), PXL_20240203_112233123.jpg (Pixel, with milliseconds),
    # VID_/MVIMG_/PANO_ too; Screenshot_20240203-112233.png
    re.compile(
        r"^(?:IMG|PXL|MVIMG|PANO|VID|Screenshot|Screenshot_\w+?)_"
        r"(?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)[_-]"
        r"(?P<H>[0-2]\d)(?P<M>[0-5]\d)(?P<S>[0-5]\d)(?:\d{0,3})(?:\D|$)",
        re.IGNORECASE,
    ),
    # 2024-02-03 11.22.33.jpg (Dropbox camera upload), also with "_" or "T" between
    re.compile(
        r"^(?P<y>20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)[ _T]"
        r"(?P<H>[0-2]\d)[.\-:](?P<M>[0-5]\d)[.\-:](?P<S>[0-5]\d)(?:\D|$)"
    ),
    # IMG-20240203-WA0001.jpg (WhatsApp): the date only
    re.compile(r"^(?:IMG|VID|PTT|AUD)-(?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)-WA\d+", re.I),
]


@dataclass(frozen=True)
class NameTime:
    moment: datetime  # in the given zone; noon of the day when the name has only a date
    date_only: bool


def time_from_name(name: str, zone: tzinfo) -> NameTime | None:
    """The capture time a camera wrote into `name`, read as local time in `zone`."""
    for pattern in _PATTERNS:
        match = pattern.match(name)
        if match is None:
            continue
        parts = match.groupdict()
        try:
            day = date(int(parts["y"]), int(parts["m"]), int(parts["d"]))
            if parts.get("H") is None:
                return NameTime(datetime.combine(day, time(12, 0), zone), True)
            clock = time(int(parts["H"]), int(parts["M"]), int(parts["S"]))
        except ValueError:  # 20240231: not a date after all
            return None
        return NameTime(datetime.combine(day, clock, zone), False)
    return None
