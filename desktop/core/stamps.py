"""Time stamps typed into a note, as a post's reader reads them.

In the note, [12:34] is the time into the talk (Ctrl+Shift+T; outside the talk the editor
writes the clock time with its zone, [14:03 CET]). Published as it is, a bare [12:34] reads as
a clock time, often before the talk began. A post says "(12:34 in)", or links "12:34 in" to
that moment of the talk's recording when the schedule gives one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# [mm:ss] or [h:mm:ss], not a link's text ("[10:30](…)", "[10:30][ref]") nor a clock time
# with its zone; the spaces after it (the stamp brings one: a typed one made two) as one
_ELAPSED = re.compile(r"\[(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)\](?![(\[:])( {2,})?")
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_FENCES = ("```", "~~~")


def for_readers(text: str, recording: str = "") -> str:
    """The note's elapsed stamps in words a reader understands (code left as it is)."""
    lines, fenced = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith(_FENCES):
            fenced = not fenced
        elif not fenced:
            line = _outside_code(line, lambda part: _ELAPSED.sub(_said(recording), part))
        lines.append(line)
    return "\n".join(lines)


def _outside_code(line: str, change: Callable[[str], str]) -> str:
    parts, last = [], 0
    for code in _CODE_SPAN.finditer(line):
        parts += [change(line[last : code.start()]), code.group()]
        last = code.end()
    return "".join([*parts, change(line[last:])])


def _said(recording: str) -> Callable[[re.Match[str]], str]:
    def said(match: re.Match[str]) -> str:
        hours, minutes, seconds = (int(g) if g else 0 for g in match.group(1, 2, 3))
        shown = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
        after = " " if match.group(4) else ""
        if recording:
            moment = at_moment(recording, hours * 3600 + minutes * 60 + seconds)
            return f"[{shown} in]({moment}){after}"
        return f"({shown} in){after}"

    return said


def at_moment(url: str, seconds: int) -> str:
    """The recording's address at `seconds` in: YouTube's t= parameter, else a media fragment
    (#t=, which browsers play direct video files from, and media.ccc.de and Vimeo follow)."""
    parts = urlsplit(url)
    host = parts.netloc.lower()
    if host.endswith(("youtube.com", "youtu.be")):
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "t"]
        query.append(("t", f"{seconds}s"))
        return urlunsplit(parts._replace(query=urlencode(query)))
    return urlunsplit(parts._replace(fragment=f"t={seconds}"))
