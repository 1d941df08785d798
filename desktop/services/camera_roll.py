"""File a folder of phone photos to the talks they were taken in.

For each image, the capture time (corrected by the camera's clock offset) decides the talk that
was running in the conference's zone; among parallel talks the starred one wins, then one with
notes. Photos between talks go to that day's hallway note. plan() changes nothing; apply()
attaches what the (possibly edited) plan says. Photos already filed are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop.core import agenda
from desktop.core.errors import TalknotesError
from desktop.core.ids import saved_id
from desktop.core.models import Talk
from desktop.core.timezones import get_zone
from desktop.importers.common import conference_day
from desktop.media.suffixes import IMAGE_SUFFIXES
from desktop.services.photos import attach_to_note, photo_markdown, prepare
from desktop.store import conferences, notes, photos, talks
from desktop.store.library import Library


@dataclass
class Filing:
    path: Path
    captured_at: datetime | None = None  # corrected, in the conference zone
    capture_source: str = ""
    conference_id: int | None = None
    talk_id: int | None = None  # None: the day's hallway note
    day: date | None = None
    title: str = ""  # the talk's title or the hallway note's
    reason: str = ""
    skip: bool = False
    group: int = 0  # shots that look like one slide share a number (0: no other shot)
    sharpest: bool = False  # the sharpest shot of its group (the one to keep)
    dhash: int | None = None
    sharpness: float = 0.0


def hallway_title(day: date) -> str:
    return f"Hallway · {day:%a %d %b}"


def _choose(running: list[Talk]) -> tuple[Talk, str]:
    ordered = sorted(running, key=lambda t: (not t.starred, not t.has_note, t.is_break, t.room))
    chosen = ordered[0]
    if len(running) == 1:
        return chosen, "running at that time"
    why = "starred" if chosen.starred else "has notes" if chosen.has_note else "first room"
    return chosen, f"{len(running)} parallel talks; {why}"


def plan(
    lib: Library, folder: Path, conference_id: int | None = None, clock_offset_minutes: int = 0
) -> list[Filing]:
    if not folder.is_dir():
        raise TalknotesError(str(folder), "not a folder")
    confs = conferences.list_conferences(lib)
    if conference_id is not None:
        confs = [conferences.get_conference(lib, conference_id)]
    if not confs:
        raise TalknotesError(str(folder), "import a conference schedule first")
    by_conf = {c.id: talks.list_talks(lib, c.id) for c in confs}
    filed = {p.sha256 for c in confs for p in photos.photos_of_conference(lib, saved_id(c.id))}
    offset = timedelta(minutes=clock_offset_minutes)
    result = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES):
        entry = Filing(path=path)
        result.append(entry)
        try:
            ((_, photo),) = prepare([path], confs[0].time_zone)
        except TalknotesError as exc:
            entry.skip, entry.reason = True, exc.why
            continue
        if photo.sha256 in filed:
            entry.skip, entry.reason = True, "already filed"
            continue
        if photo.captured_at is None:
            entry.skip, entry.reason = True, "no capture time"
            continue
        entry.capture_source = photo.capture_source
        date_only = photo.capture_source == "file-name-date"
        for conf in confs:
            zone = get_zone(conf.time_zone)
            moment = (photo.captured_at + offset).astimezone(zone)
            if date_only:  # read in the first zone; the day is what the name says
                moment = photo.captured_at.replace(tzinfo=zone)
            conf_talks = by_conf[conf.id]
            running = [] if date_only else agenda.running(conf_talks, moment)
            if running:
                talk, why = _choose(running)
                entry.captured_at, entry.conference_id = moment, conf.id
                entry.talk_id, entry.day, entry.title, entry.reason = (
                    talk.id,
                    talk.day,
                    talk.title,
                    why,
                )
                break
            day = conference_day(moment)
            if any(t.day == day for t in conf_talks):
                entry.captured_at, entry.conference_id, entry.day = moment, conf.id, day
                entry.title = hallway_title(day)
                entry.reason = (
                    "only a date in the file name: the day's hallway note"
                    if date_only
                    else "between talks"
                )
                break
        else:
            entry.skip, entry.reason = True, "taken outside the conference days"
    _group_shots([entry for entry in result if not entry.skip])
    return result


SHOT_SECONDS = 90  # shots of one slide are taken within moments of each other
SHOT_DISTANCE = 5  # and look nearly the same (other slides of a deck: 6+ bits apart)


def _group_shots(filings: list[Filing]) -> None:
    """Number the runs of shots of one slide: same target, taken moments apart, pictures
    nearly alike. A first look from the pictures only; once the photos are read, their text
    decides (services.slide_ocr)."""
    from desktop.media.images import open_checked, upright
    from desktop.media.slide_image import dhash, sharpness

    for entry in filings:
        try:
            image = open_checked(entry.path, draft=(640, 640))
        except TalknotesError:
            continue
        try:
            picture = upright(image)
            entry.dhash, entry.sharpness = dhash(picture), sharpness(picture)
        finally:
            image.close()
    timed = sorted(
        ((e.captured_at, e) for e in filings if e.dhash is not None and e.captured_at is not None),
        key=lambda pair: pair[0],
    )
    groups: list[list[Filing]] = []
    last: tuple[datetime, Filing] | None = None
    for moment, entry in timed:
        if (
            last is not None
            and (last[1].talk_id, last[1].day) == (entry.talk_id, entry.day)
            and (moment - last[0]).total_seconds() <= SHOT_SECONDS
            and hamming_close(last[1].dhash, entry.dhash)
        ):
            groups[-1].append(entry)
        else:
            groups.append([entry])
        last = moment, entry
    number = 0
    for members in groups:
        if len(members) < 2:
            continue
        number += 1
        best = max(members, key=lambda m: m.sharpness)
        for member in members:
            member.group, member.sharpest = number, member is best


def hamming_close(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and (a ^ b).bit_count() <= SHOT_DISTANCE


def _hallway_note_id(lib: Library, conference_id: int, day: date) -> int:
    title = hallway_title(day)
    for note in notes.hallway_notes(lib, conference_id):
        if note.title == title:
            return saved_id(note.id)
    return saved_id(notes.save_hallway_note(lib, "", conference_id=conference_id, title=title).id)


def apply(lib: Library, filings: list[Filing]) -> int:
    """Attach every filing not skipped; returns how many photos were added."""
    added = 0
    for entry in filings:
        if entry.skip or entry.conference_id is None:
            continue
        prepared = prepare(
            [entry.path], conferences.get_conference(lib, entry.conference_id).time_zone
        )
        if entry.talk_id is not None:
            note_id = notes.ensure_talk_note_id(lib, entry.talk_id)
        elif entry.day is not None:
            note_id = _hallway_note_id(lib, entry.conference_id, entry.day)
        else:  # no talk and no day (plan() always finds one): nowhere to file it
            continue
        attached = attach_to_note(lib, note_id, prepared, entry.title)
        new = [photo_markdown(a.photo) for a in attached if a.added]
        if not new:
            continue
        added += len(new)
        if entry.talk_id is not None:
            notes.append_to_talk_note(lib, entry.talk_id, "\n\n".join(new))
        else:
            note = next(n for n in notes.hallway_notes(lib, entry.conference_id) if n.id == note_id)
            body = (note.body.rstrip("\n") + "\n\n" if note.body.strip() else "") + "\n\n".join(new)
            notes.save_hallway_note(lib, body + "\n", note_id=note_id)
    return added
