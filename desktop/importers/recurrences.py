"""Recurring iCalendar events (RRULE, RDATE, moved occurrences) expanded into one event each,
within the conference's dates, with recurring-ical-events."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import recurring_ical_events

from desktop.core.errors import TalknotesError
from desktop.importers.common import check_count

OCCURRENCE = "X-TALKNOTES-OCCURRENCE"  # set on each occurrence: its original start
MAX_SPAN = timedelta(days=14)  # a series with no conference around it: its first two weeks
_RECURRING = ("RRULE", "RDATE")


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def conference_dates(events: list[Any]) -> tuple[date, date]:
    """The conference's first and last day: those of the one-off events, else the first
    MAX_SPAN of the series."""
    starts = [_day(ev["DTSTART"].dt) for ev in events]
    single = [ev for ev in events if not any(ev.get(k) is not None for k in _RECURRING)]
    if not single:
        return min(starts), min(starts) + MAX_SPAN
    ends = []
    for ev in single:
        end = ev.get("DTEND")
        ends.append(_day(end.dt) if end is not None else _day(ev["DTSTART"].dt))
    return min(starts), max(ends)


def expand(cal: Any, events: list[Any], what: str) -> tuple[list[Any], str]:
    """Every event once, recurring ones once per occurrence within the conference's dates;
    and a sentence saying what was expanded."""
    first, last = conference_dates(events)
    series = {str(ev.get("UID", "")) for ev in events if any(ev.get(k) for k in _RECURRING)}
    end = datetime.combine(last + timedelta(days=1), time(0, 0))
    occurrences = []
    try:
        query = recurring_ical_events.of(cal, keep_recurrence_attributes=False)
        for ev in query.after(first):  # in time order: stop at the end, or at too many
            start = ev["DTSTART"].dt
            moment = start if isinstance(start, datetime) else datetime.combine(start, time())
            if moment.replace(tzinfo=None) >= end:
                break
            occurrences.append(ev)
            check_count(len(occurrences), what)  # FREQ=SECONDLY must not exhaust memory
    except TalknotesError:
        raise
    except Exception as exc:  # the library raises its own types for broken rules
        raise TalknotesError(what, f"a recurring event cannot be read ({exc})") from exc
    expanded = 0
    for ev in occurrences:
        if str(ev.get("UID", "")) in series:
            recurrence = ev.get("RECURRENCE-ID")
            moment = (recurrence or ev["DTSTART"]).dt
            ev[OCCURRENCE] = (
                moment.strftime("%Y%m%dT%H%M%S")
                if isinstance(moment, datetime)
                else moment.strftime("%Y%m%d")
            )
            expanded += 1
    note = (
        f"{len(series)} recurring events were expanded into {expanded} occurrences "
        f"between {first} and {last}"
    )
    if len(series) == len(events):
        note += f" (no one-off events: the first {MAX_SPAN.days} days of the series)"
    return occurrences, note
