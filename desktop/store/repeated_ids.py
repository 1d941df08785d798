"""Which stored talk each event of a refreshed schedule is, when the feed repeats source ids.

Real feeds repeat ids (one iCalendar feed has 88 events with 5 UIDs). An importer numbers the
repeats in file order ("X", "X#2", "X#3"), but that number changes whenever the feed drops or
reorders an event, so a refresh must not match by it: a note would follow the number to
another talk. Events of a repeated id are matched to stored talks by their content — start,
title, room, speakers — and when that cannot tell them apart, the stored talk keeps its note
and stays as it was, and the caller says so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.models import Talk


@dataclass(frozen=True, slots=True)
class Stored:
    """What matching needs of a stored talk."""

    source_id: str
    start_utc: datetime | None
    title: str
    room: str
    speakers: tuple[str, ...]
    annotated: bool  # has a note, photos or a star: must never change talks silently


_NUMBERED = re.compile(r"^(.*)#(\d+)$", re.S)


def _numbered(source_id: str) -> tuple[str, int] | None:
    match = _NUMBERED.match(source_id)
    return (match[1], int(match[2])) if match else None


def _repeated_bases(ids: set[str]) -> set[str]:
    """Ids that repeat: "X" together with at least one "X#n" (make_ids_unique's numbering)."""
    return {n[0] for sid in ids if (n := _numbered(sid)) and n[0] in ids}


def _group_of(source_id: str, bases: set[str]) -> str | None:
    if source_id in bases:
        return source_id
    numbered = _numbered(source_id)
    return numbered[0] if numbered and numbered[0] in bases else None


def _start(talk: Talk) -> datetime | None:
    return talk.start.astimezone(UTC) if talk.start else None


def _key(talk: Talk) -> tuple[Hashable, ...]:
    return (_start(talk), talk.title, talk.room, tuple(dict.fromkeys(talk.speakers)))


def _stored_key(row: Stored) -> tuple[Hashable, ...]:
    start = row.start_utc.astimezone(UTC) if row.start_utc else None
    return (start, row.title, row.room, row.speakers)


# Partial keys, tried in turn for what full content left unmatched: a pair is made only when
# exactly one event and exactly one stored talk share the key (a talk moved, its room or
# speakers changed, or — for a talk without note, photos or star — renamed in its slot). A
# talk with a note only pairs with an event of its title: a new talk in its slot is not it.
_PARTIAL: tuple[tuple[Callable[[Talk], Hashable], Callable[[Stored], Hashable], bool], ...] = (
    (lambda t: (t.title, _start(t)), lambda r: (r.title, _stored_key(r)[0]), True),
    (lambda t: t.title, lambda r: r.title, True),
    (lambda t: (_start(t), t.room), lambda r: (_stored_key(r)[0], r.room), False),
)


def match_repeated(talks: list[Talk], stored: dict[str, Stored]) -> list[str]:
    """Give each event of a repeated id the source id of the stored talk it is, or a new id
    no stored talk has; other events keep theirs. Returns warnings for ambiguous matches."""
    bases = _repeated_bases({t.source_id for t in talks}) | _repeated_bases(set(stored))
    if not bases:
        return []
    incoming: dict[str, list[Talk]] = defaultdict(list)
    for talk in talks:
        group = _group_of(talk.source_id, bases)
        if group is not None:
            incoming[group].append(talk)
    rows: dict[str, list[Stored]] = defaultdict(list)
    for row in stored.values():
        group = _group_of(row.source_id, bases)
        if group is not None:
            rows[group].append(row)
    taken = set(stored)
    warnings = []
    for base in sorted(bases):
        unmatched, left = _match_group(incoming[base], rows[base])
        for talk in unmatched:
            talk.source_id = _fresh_id(base, taken)
        kept = [r for r in left if r.annotated]
        if unmatched and kept:
            warnings.append(
                f'repeated id "{base}": '
                f"{len(unmatched)} events could not be told apart from "
                f"{len(kept)} talks with notes, photos or stars; those talks were kept as they "
                "were (check them)"
            )
    return warnings


def _match_group(talks: list[Talk], rows: list[Stored]) -> tuple[list[Talk], list[Stored]]:
    """Match talks to rows (setting each matched talk's source id to its row's); returns the
    talks and rows left unmatched."""
    by_content: dict[Hashable, list[Stored]] = defaultdict(list)
    for row in rows:
        by_content[_stored_key(row)].append(row)
    matched: set[str] = set()
    unmatched: list[Talk] = []
    for talk in talks:  # same content: the same talk; prefer the one with the same number
        same = by_content.get(_key(talk))
        if same:
            row = next((r for r in same if r.source_id == talk.source_id), same[0])
            same.remove(row)
            matched.add(row.source_id)
            talk.source_id = row.source_id
        else:
            unmatched.append(talk)
    left = [r for r in rows if r.source_id not in matched]
    for talk_key, row_key, noted_too in _PARTIAL:
        if not unmatched or not left:
            break
        by_talk: dict[Hashable, list[Talk]] = defaultdict(list)
        by_row: dict[Hashable, list[Stored]] = defaultdict(list)
        for talk in unmatched:
            by_talk[talk_key(talk)].append(talk)
        for row in left:
            by_row[row_key(row)].append(row)
        if not noted_too:
            by_row = {k: v for k, v in by_row.items() if not any(r.annotated for r in v)}
        for key, pair_talks in by_talk.items():
            pair_rows = by_row.get(key, [])
            if len(pair_talks) == 1 and len(pair_rows) == 1:
                pair_talks[0].source_id = pair_rows[0].source_id
                unmatched.remove(pair_talks[0])
                left.remove(pair_rows[0])
    return unmatched, left


def _fresh_id(base: str, taken: set[str]) -> str:
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}#{number}"
    taken.add(candidate)
    return candidate
