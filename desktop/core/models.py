"""Domain objects shared by the store, importers, exporters, CLI and UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class TalkStatus(StrEnum):
    SCHEDULED = "scheduled"
    UNSCHEDULED = "unscheduled"  # in the schedule, but without a time (Sessionize startsAt: null)
    REMOVED = "removed"  # no longer in the schedule; kept because it carries notes or photos


@dataclass(slots=True)
class Link:
    title: str
    url: str
    kind: str = ""  # video, slides, page, other (desktop.core.links); "" until named


@dataclass(slots=True)
class Speaker:
    """A speaker of a talk, with the affiliation the schedule gives for them ("" when none):
    their role and company as one text ("Principal Architect at Microsoft")."""

    name: str
    affiliation: str = ""


@dataclass(slots=True)
class Talk:
    """One event of a schedule. `start`/`end` are timezone-aware (or None when unscheduled)."""

    source_id: str
    title: str
    start: datetime | None = None
    end: datetime | None = None
    day: date | None = None  # the conference day it belongs to (after-midnight talks stay)
    subtitle: str = ""
    abstract: str = ""
    track: str = ""
    kind: str = ""  # frab <type>: lecture, workshop, keynote …
    room: str = ""
    language: str = ""
    url: str = ""
    speakers: list[str] = field(default_factory=list)
    affiliations: dict[str, str] = field(default_factory=dict)  # speaker name → affiliation
    links: list[Link] = field(default_factory=list)
    end_estimated: bool = False  # the source gave no end; a default duration was used
    is_break: bool = False  # Sessionize service sessions: coffee, lunch
    status: TalkStatus = TalkStatus.SCHEDULED
    starred: bool = False
    attended: bool = False
    id: int | None = None
    conference_id: int | None = None
    has_note: bool = False

    @property
    def speaker_details(self) -> list[Speaker]:
        """The speakers in order, each with their affiliation ("" when the schedule has none)."""
        return [Speaker(name, self.affiliations.get(name, "")) for name in self.speakers]


@dataclass(slots=True)
class Conference:
    title: str
    acronym: str = ""
    time_zone: str = "UTC"
    source_uri: str = ""  # the file or URL it was imported from (a URL without credentials)
    url: str = ""  # the conference's web site as the schedule gives it ("" when none)
    city: str = ""
    venue: str = ""
    imported_at: datetime | None = None
    id: int | None = None


@dataclass(slots=True)
class Schedule:
    """What an importer returns: a conference and its talks, not yet stored."""

    conference: Conference
    talks: list[Talk]
    format: str
    warnings: list[str] = field(default_factory=list)
    duplicate_ids: int = 0  # events whose source id repeated and was made unique

    @property
    def days(self) -> list[date]:
        return sorted({t.day for t in self.talks if t.day is not None})


@dataclass(slots=True)
class Note:
    """A talk's note (talk_id set) or a free "hallway" note (talk_id None)."""

    body: str = ""
    talk_id: int | None = None
    conference_id: int | None = None
    title: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None


@dataclass(slots=True)
class Photo:
    sha256: str
    original_name: str
    size_bytes: int
    width: int = 0
    height: int = 0
    captured_at: datetime | None = None
    capture_source: str = ""  # exif-offset | exif-zone | file-name | file-name-date | file-time
    caption: str = ""
    note_id: int | None = None
    id: int | None = None
    caption_typed: bool = False  # the user's own caption (a suggestion never replaces it)
    suggested_caption: str = ""  # the slide's title line, read by OCR
    text: str | None = None  # what the slide says (None: not read yet)
    duplicate_of: int | None = None  # another shot of the same slide, the one kept
    sharpness: float | None = None  # variance of the Laplacian (None: not measured yet)


@dataclass(slots=True)
class ImportSummary:
    conference_id: int
    title: str
    format: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    kept_annotated: int = 0
    duplicate_ids: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged

    def describe(self) -> list[str]:
        """The summary in words, one line each (CLI and GUI show the same)."""
        lines = [
            f'"{self.title}" ({self.format}), conference {self.conference_id}: {self.total} talks',
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.removed} removed, {self.kept_annotated} kept because they have notes",
        ]
        return lines + [f"warning: {w}" for w in self.warnings]  # repeated ids among them


@dataclass(frozen=True)
class NoteVersion:
    """An earlier text of a note, kept as it changed (viewable, restorable)."""

    id: int
    note_id: int
    body: str
    saved_at: datetime
    reason: str


RECAP_PARTS = ("intro", "wrapup")  # what a recap keeps besides its talks' notes


@dataclass(slots=True)
class SearchHit:
    note_id: int
    talk_id: int | None
    conference_id: int | None
    title: str
    speakers: str
    snippet: str  # with the matches between [ and ]
    source: str = "note"  # "note", or "slide": the words are on a photo of a slide
    speaker_details: list[Speaker] = field(default_factory=list)  # the talk's, in order
