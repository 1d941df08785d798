"""SQLModel table definitions. Every change here needs an Alembic migration."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop.store.types import UtcDateTime


class ConferenceRow(SQLModel, table=True):
    __tablename__ = "conference"

    id: int | None = Field(default=None, primary_key=True)
    title: str
    acronym: str = ""
    time_zone: str = "UTC"
    source_uri: str = ""  # file path or URL the schedule came from
    source_copy: str = ""  # the copy kept in the library, relative to it
    imported_at: datetime = Field(sa_type=UtcDateTime)
    url: str = ""  # the conference's web site, as its schedule gives it
    city: str = ""
    venue: str = ""


class TalkRow(SQLModel, table=True):
    __tablename__ = "talk"
    __table_args__ = (
        UniqueConstraint("conference_id", "source_id", name="uq_talk_source"),
        Index("ix_talk_conference_start", "conference_id", "start_utc"),
        Index("ix_talk_conference_day", "conference_id", "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    conference_id: int = Field(
        sa_column=Column(Integer, ForeignKey("conference.id", ondelete="CASCADE"), nullable=False)
    )
    source_id: str
    title: str
    subtitle: str = ""
    abstract: str = ""
    track: str = ""
    kind: str = ""
    room: str = ""
    language: str = ""
    start_utc: datetime | None = Field(default=None, sa_type=UtcDateTime)
    end_utc: datetime | None = Field(default=None, sa_type=UtcDateTime)
    day: date | None = None
    url: str = ""
    links_json: str = "[]"
    starred: bool = False
    attended: bool = False
    status: str = "scheduled"
    end_estimated: bool = False
    is_break: bool = False


class SpeakerRow(SQLModel, table=True):
    __tablename__ = "speaker"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class TalkSpeakerRow(SQLModel, table=True):
    __tablename__ = "talk_speaker"

    talk_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("talk.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    speaker_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("speaker.id", ondelete="CASCADE"),
            primary_key=True,
            nullable=False,
            index=True,
        )
    )
    position: int = 0
    affiliation: str = ""  # the speaker's role and company for this talk, as the schedule says


class NoteRow(SQLModel, table=True):
    __tablename__ = "note"

    id: int | None = Field(default=None, primary_key=True)
    talk_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("talk.id", ondelete="CASCADE"), unique=True, nullable=True
        ),
    )
    conference_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("conference.id", ondelete="CASCADE"), nullable=True, index=True
        ),
    )
    title: str = ""  # hallway notes have a title of their own
    body: str = ""
    created_at: datetime = Field(sa_type=UtcDateTime)
    updated_at: datetime = Field(sa_type=UtcDateTime)


class PhotoRow(SQLModel, table=True):
    __tablename__ = "photo"
    __table_args__ = (UniqueConstraint("note_id", "sha256", name="uq_photo_note_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(index=True)
    original_name: str
    size_bytes: int
    width: int = 0
    height: int = 0
    captured_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    capture_source: str = ""
    caption: str = ""
    note_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("note.id", ondelete="SET NULL"), nullable=True, index=True
        ),
    )
    added_at: datetime = Field(sa_type=UtcDateTime)
    caption_typed: bool = False  # the user's own caption: a suggestion never replaces it
    suggested_caption: str = ""  # the slide's title line (OCR), "" until read or when none
    duplicate_of: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("photo.id", ondelete="SET NULL"), nullable=True, index=True
        ),
    )  # another shot of the same slide, the one kept (the sharpest unless the user chose)
    keeper_chosen: bool = False  # the user made this shot its group's keeper


class PhotoTextRow(SQLModel, table=True):
    """What OCR read in one image (by content: the same file in two notes is read once)."""

    __tablename__ = "photo_text"

    sha256: str = Field(primary_key=True)
    text: str = ""  # the lines in reading order, one a line
    lines_json: str = "[]"  # [{text, confidence, box: [[x, y] × 4]}] in upright pixels
    width: int = 0
    height: int = 0
    dhash: str = ""  # 16 hex digits, "" when unknown
    sharpness: float = 0.0
    engine: str = ""
    error: str = ""  # why the photo could not be read ("" when it was)
    read_at: datetime = Field(sa_type=UtcDateTime)


class OcrQueueRow(SQLModel, table=True):
    """Images waiting to be read; the worker takes the oldest first."""

    __tablename__ = "ocr_queue"

    sha256: str = Field(primary_key=True)
    queued_at: datetime = Field(sa_type=UtcDateTime)


class NoteVersionRow(SQLModel, table=True):
    """An earlier version of a note (history), kept when a note changes."""

    __tablename__ = "note_version"

    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("note.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    body: str
    saved_at: datetime = Field(sa_type=UtcDateTime)
    reason: str = ""  # "edit" | "restore" | "photos" | …


class RecapNoteRow(SQLModel, table=True):
    """A recap's own text: the intro or wrap-up of a conference (day None) or of one day."""

    __tablename__ = "recap_note"
    __table_args__ = (UniqueConstraint("conference_id", "day", "part", name="uq_recap_note"),)

    id: int | None = Field(default=None, primary_key=True)
    conference_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("conference.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    day: date | None = None
    part: str  # "intro" | "wrapup"
    body: str = ""
    updated_at: datetime = Field(sa_type=UtcDateTime)
