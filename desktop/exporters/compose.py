"""Compose a post from notes: one talk, a day recap or a whole conference. No files written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from slugify import slugify

from desktop.core.errors import TalknotesError
from desktop.core.models import Conference, Talk
from desktop.core.slide_text import caption_for_export
from desktop.core.timezones import get_zone
from desktop.media import files
from desktop.store import conferences, notes, photos, talks
from desktop.store.library import Library

RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}  # names Windows will not create
PHOTO_REF = re.compile(r"!\[([^\]\n]*)\]\(photo:([0-9a-f]{8,64})\)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """Published text without control characters (tab and newline stay); Unicode line and
    paragraph separators, which YAML folds, become spaces."""
    return _CONTROL.sub("", value).replace("\u2028", " ").replace("\u2029", " ")


@dataclass
class ExportRequest:
    scope: str  # "talk" | "day" | "conference"
    conference_id: int | None = None
    talk_id: int | None = None
    day: date | None = None
    talk_ids: list[int] | None = None  # picked and ordered; default: talks with notes
    title: str | None = None
    intro: str = ""
    description: str | None = None
    tags: list[str] | None = None
    slug: str | None = None
    cover: str | None = None  # photo key


@dataclass
class PostPhoto:
    key: str
    sha256: str
    source: Path
    original_name: str
    caption: str
    filename: str = ""  # set by the writer: stable across re-exports


@dataclass
class Section:
    talk: Talk
    body: str  # Markdown, photo references still as photo:KEY
    heading_level: int
    day_heading: str = ""  # "Day 1" before the first talk of a day (conference scope)


@dataclass
class Post:
    title: str
    date: datetime
    description: str
    tags: list[str]
    slug: str
    intro: str
    sections: list[Section]
    photos: list[PostPhoto] = field(default_factory=list)
    cover: PostPhoto | None = None
    conference: Conference | None = None


def _plain(markdown: str) -> str:
    text = PHOTO_REF.sub("", markdown)
    text = re.sub(r"[#>*_`\[\]]|\(https?://[^)]*\)", "", text)
    return " ".join(text.split())


def first_paragraph(markdown: str, limit: int = 160) -> str:
    for block in re.split(r"\n\s*\n", markdown):
        plain = _plain(block)
        head = block.lstrip()
        if (
            plain
            and not head.startswith(("#", "!", "|", "```", ">", "- ", "* ", "+ "))
            and not re.match(r"\d+[.)]\s", head)
        ):
            if len(plain) <= limit:
                return plain
            return plain[:limit].rsplit(" ", 1)[0] + "…"
    return ""


def nest_headings(markdown: str, level: int) -> str:
    """Shift the note's own headings so they sit below a section heading of `level`."""
    lines = markdown.split("\n")
    fence = False
    levels = []
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        elif not fence and (m := re.match(r"(#{1,6})\s", line)):
            levels.append(len(m.group(1)))
    if not levels or min(levels) > level:
        return markdown
    shift = level + 1 - min(levels)
    out, fence = [], False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        elif not fence and (m := re.match(r"(#{1,6})(\s.*)", line)):
            line = "#" * min(len(m.group(1)) + shift, 6) + m.group(2)
        out.append(line)
    return "\n".join(out)


def _chosen_talks(lib: Library, request: ExportRequest) -> tuple[Conference, list[Talk]]:
    if request.scope == "talk":
        if request.talk_id is None:
            raise TalknotesError("export", "--talk ID is needed")
        talk = talks.get_talk(lib, request.talk_id)
        return conferences.get_conference(lib, talk.conference_id), [talk]  # type: ignore[arg-type]
    if request.conference_id is None:
        raise TalknotesError("export", "--conference ID is needed")
    conf = conferences.get_conference(lib, request.conference_id)
    day = request.day if request.scope == "day" else None
    if request.scope == "day" and day is None:
        raise TalknotesError("export", "--day DATE is needed for a day recap")
    candidates = talks.list_talks(lib, conf.id, day)
    if request.talk_ids is not None:
        by_id = {t.id: t for t in candidates}
        missing = [i for i in request.talk_ids if i not in by_id]
        if missing:
            raise TalknotesError(f"talk {missing[0]}", "not part of this export")
        return conf, [by_id[i] for i in request.talk_ids]
    chosen = [t for t in candidates if t.has_note]
    if not chosen:
        where = f"{day:%a %d %b}" if day else conf.title
        raise TalknotesError("export", f"no talk of {where} has notes yet")
    return conf, chosen


def _slide_photos(body: str, attached: list) -> str:
    """What slide OCR changes in a note's photo references: a numbered default caption gives
    way to the slide's title line, and another shot of a slide shows the one kept (or nothing,
    when the note shows that one too)."""
    by_key = {photos.photo_key(p.sha256): p for p in attached}
    by_id = {p.id: p for p in attached}
    placed = {key for _, key in PHOTO_REF.findall(body)}

    def replace(match: re.Match[str]) -> str:
        photo = by_key.get(match.group(2))
        if photo is None:
            return match.group(0)
        kept = by_id.get(photo.duplicate_of, photo)
        if kept is not photo and photos.photo_key(kept.sha256) in placed:
            return ""  # the slide is shown already, by its kept shot
        written = match.group(1) if kept is photo else ""
        caption = caption_for_export(
            written, kept.caption, kept.caption_typed, kept.suggested_caption
        )
        safe = " ".join(caption.replace("[", "(").replace("]", ")").split())
        return f"![{safe}](photo:{photos.photo_key(kept.sha256)})"

    return PHOTO_REF.sub(replace, body)


def build_post(lib: Library, request: ExportRequest, heading_level: int = 2) -> Post:
    conf, chosen = _chosen_talks(lib, request)
    zone = get_zone(conf.time_zone)
    days = sorted({t.day for t in talks.list_talks(lib, conf.id) if t.day})
    sections: list[Section] = []
    post_photos: dict[str, PostPhoto] = {}
    last_day: date | None = None
    for talk in chosen:
        note = notes.talk_note(lib, talk.id)  # type: ignore[arg-type]
        body = clean_text(note.body.strip())
        level = heading_level + (1 if request.scope == "conference" else 0)
        day_heading = ""
        if request.scope == "conference" and talk.day != last_day and talk.day in days:
            day_heading = f"Day {days.index(talk.day) + 1}"
            last_day = talk.day
        attached = photos.note_photos(lib, note.id) if note.id is not None else []
        body = _slide_photos(body, attached)
        referenced = {key for _, key in PHOTO_REF.findall(body)}
        for photo in attached:
            key = photos.photo_key(photo.sha256)
            source = files.find_original(lib.media_dir, photo.sha256)
            if source is None:
                continue
            caption = caption_for_export(
                "", photo.caption, photo.caption_typed, photo.suggested_caption
            )
            post_photos.setdefault(
                key, PostPhoto(key, photo.sha256, source, photo.original_name, clean_text(caption))
            )
            if key not in referenced and photo.duplicate_of is None:  # attached, not placed
                body += f"\n\n![{caption}](photo:{key})"  # (another shot of a slide: not)
        sections.append(Section(talk, nest_headings(body, level), level, day_heading))

    first = chosen[0]
    if request.scope == "talk":
        title = first.title
    elif request.scope == "day":
        number = days.index(request.day) + 1 if request.day in days else 1  # type: ignore[arg-type]
        title = f"{conf.title} – Day {number} Recap"
    else:
        title = f"{conf.title} Recap"
    starts = [t.start for t in chosen if t.start]
    when = (
        min(starts) if starts else datetime.combine(request.day or date.today(), time(9, 0), zone)
    )
    intro = clean_text(request.intro.strip())
    description = request.description
    if description is None:
        description = first_paragraph(intro)
    if description is None or not description:
        if request.scope == "talk":
            description = first_paragraph(sections[0].body) if sections else ""
        else:
            names = ", ".join(t.title for t in chosen[:4]) + (
                " and more" if len(chosen) > 4 else ""
            )
            what = title.removesuffix(" Recap").strip()
            description = first_paragraph(f"Notes and photos from {what}: {names}.", 200)
    tags = request.tags
    if tags is None:
        tags = [conf.acronym or conf.title]
        for t in chosen:
            if t.track and t.track not in tags and len(tags) < 6:
                tags.append(t.track)
    title = clean_text(request.title if request.title is not None else title)
    slug = request.slug or slugify(title, max_length=80, word_boundary=True) or "talknotes-post"
    if slug in RESERVED:
        slug += "-post"
    ordered_keys = [key for s in sections for _, key in PHOTO_REF.findall(s.body)]
    ordered = [post_photos[k] for k in dict.fromkeys(ordered_keys) if k in post_photos]
    cover = post_photos.get(request.cover) if request.cover else None
    return Post(
        title=title,
        date=when.astimezone(zone),
        description=clean_text(description),
        tags=[clean_text(t) for t in tags],
        slug=slug,
        intro=intro,
        sections=sections,
        photos=ordered,
        cover=cover,
        conference=conf,
    )
