"""Questions about time: what runs now, what comes next, how to label a talk's slot."""

from __future__ import annotations

from datetime import datetime

from desktop.core.models import Talk, TalkStatus


def running(talks: list[Talk], now: datetime) -> list[Talk]:
    return [
        t
        for t in talks
        if t.start and t.end and t.start <= now < t.end and t.status != TalkStatus.REMOVED
    ]


def _started(talk: Talk) -> float:
    """The start as a timestamp (a running talk always has one)."""
    return talk.start.timestamp() if talk.start else 0.0


def pick_current(talks: list[Talk], now: datetime) -> Talk | None:
    """The talk to jump to now: a running starred one, else any running one (the latest
    started, most specific), else None."""
    candidates = running(talks, now)
    if not candidates:
        return None
    candidates.sort(key=lambda t: (not t.starred, t.is_break, -_started(t)))
    return candidates[0]


def candidates(talks: list[Talk], now: datetime) -> list[Talk]:
    """The talks one may be sitting in now, in the order to offer them: starred first, then
    talks before breaks, the latest started, by room."""
    found = running(talks, now)
    return sorted(
        found,
        key=lambda t: (not t.starred, t.is_break, -_started(t), t.room, t.title),
    )


def choose_now(
    talks: list[Talk], now: datetime, remembered: int | None = None
) -> tuple[Talk | None, list[Talk]]:
    """(the talk Ctrl+J opens, or None) and the candidates: the one running talk, the one
    starred running talk, or the one chosen earlier while it runs; else None and the
    candidates to choose from (none when nothing runs)."""
    found = candidates(talks, now)
    if not found:
        return None, []
    chosen = next((t for t in found if t.id == remembered), None)
    if chosen is not None:
        return chosen, found
    starred = [t for t in found if t.starred]
    if len(found) == 1 or len(starred) == 1:
        return found[0], found
    return None, found


def upcoming(talks: list[Talk], now: datetime) -> list[Talk]:
    """Talks of the next slot to start after `now` (all parallel ones)."""
    future = [t for t in talks if t.start and t.start > now and t.status != TalkStatus.REMOVED]
    if not future:
        return []
    first = min(t.start for t in future if t.start)
    return [t for t in future if t.start == first]


def time_label(talk: Talk) -> str:
    """ "10:00–10:30", with "(+1)" for after-midnight talks of the previous conference day."""
    if not (talk.start and talk.end):
        return "unscheduled"
    start, end = talk.start, talk.end
    plus = " (+1)" if talk.day and start.date() > talk.day else ""
    # not f"{start:%H:%M}": strftime costs ~10 µs a call, and the sidebar labels every talk
    return f"{start.hour:02}:{start.minute:02}{plus}–{end.hour:02}:{end.minute:02}"
