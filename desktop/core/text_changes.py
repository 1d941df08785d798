"""What restoring an earlier version of a note changes, line by line (difflib)."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Kind = Literal["same", "back", "gone"]  # kept; comes back with the version; goes with it


@dataclass(frozen=True)
class Line:
    kind: Kind
    text: str


def restore_changes(now: str, version: str) -> list[Line]:
    """The note's lines as restoring `version` over `now` would change them, in reading order:
    lines of both, lines that come back, lines that go."""
    old, new = now.splitlines(), version.splitlines()
    lines: list[Line] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            lines += [Line("same", text) for text in old[i1:i2]]
            continue
        lines += [Line("gone", text) for text in old[i1:i2]]
        lines += [Line("back", text) for text in new[j1:j2]]
    return lines


def counts(lines: list[Line]) -> tuple[int, int]:
    """(lines that come back, lines that go), blank lines not counted."""
    written = [x for x in lines if x.text.strip()]
    return sum(x.kind == "back" for x in written), sum(x.kind == "gone" for x in written)
