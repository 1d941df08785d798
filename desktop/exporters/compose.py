"""Compose a post from notes: one talk, a day recap or a whole conference. No files written.

A recap opens with an intro and may close with a wrap-up (each kept per conference or day),
groups its talks by day (with weekday and date) and, when the blog does, keynotes first.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial
from pathlib import Path
from typing import Protocol

from slugify import slugify

from desktop.core import links, photo_refs, stamps
from desktop.core.errors import TalknotesError
from desktop.core.ids import saved_id
from desktop.core.models import Conference, Note, Photo, Talk
from desktop.core.slide_text import caption_for_export
from desktop.core.timezones import get_zone
from desktop.exporters import wording
from desktop.exporters.literal import clean_text
from desktop.exporters.profile import BlogProfile
from desktop.exporters.tags import propose_tags

RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}  # names Windows will not create
PHOTO_REF = photo_refs.PATTERN  # kept for callers that match references themselves


@dataclass
class ExportRequest:
    scope: str  # "talk" | "day" | "conference"
    conference_id: int | None = None
    talk_id: int | None = None
    day: date | None = None
    talk_ids: list[int] | None = None  # picked and ordered; default: talks with notes
    title: str | None = None
    intro: str | None = None  # None: the intro kept for this recap, else a sentence made up
    wrapup: str | None = None  # None: the wrap-up kept for this recap (none when unwritten)
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
    talk_title: str = ""


@dataclass
class Section:
    talk: Talk
    body: str  # Markdown, photo references still as photo:KEY
    heading_level: int
    opens: list[tuple[int, str]] = field(default_factory=list)  # day/group headings before it
    titled: bool = True  # False in a one-talk post: its title is the post's, not repeated

    @property
    def day_heading(self) -> str:
        return next((text for _, text in self.opens if text.startswith("Day ")), "")


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
    wrapup: str = ""
    wrapup_level: int = 2
    warnings: list[str] = field(default_factory=list)
    missing_photos: list[str] = field(default_factory=list)  # "talk: file" not in the library
    draft: bool = False
    photo_slug: str = ""  # a copy shows the photos of the post it copies

    @property
    def photo_folder(self) -> str:
        return self.photo_slug or self.slug


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash-escaped ASCII punctuation mark
_HELD = 0xF0000  # escaped marks are held as private-use characters while the marks go


def _plain(markdown: str) -> str:
    """The words of Markdown: marks and link targets left out; escaped marks (\\[, from
    schedule text shown as written) and entities (&amp;) as the reader sees them."""
    text = photo_refs.strip(markdown)
    text = _ESCAPED.sub(lambda m: _hold(m.group(1)), text)
    text = _ENTITY.sub(lambda m: _hold(html.unescape(m.group(0))), text)
    text = re.sub(r"\]\([^)]*\)", "", text)  # [text](url) keeps its text
    text = re.sub(r"[#>*_`\[\]]", "", text)
    text = re.sub("[\U000f0021-\U000f007e]", lambda m: chr(ord(m.group(0)) - _HELD), text)
    return " ".join(text.split())


_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _hold(text: str) -> str:
    return "".join(chr(_HELD + ord(c)) if "!" <= c <= "~" else c for c in text)


def cut_at_word(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"


def first_paragraph(markdown: str, limit: int = 160) -> str:
    for block in re.split(r"\n\s*\n", markdown):
        plain = _plain(block)
        head = block.lstrip()
        if (
            plain
            and not head.startswith(("#", "!", "|", "```", ">", "- ", "* ", "+ "))
            and not re.match(r"\d+[.)]\s", head)
        ):
            return cut_at_word(plain, limit)
    return ""


def first_sentence(markdown: str, limit: int = 160) -> str:
    """The first sentence of the first paragraph, cut at a word boundary when long."""
    paragraph = first_paragraph(markdown, 10_000)
    match = re.search(r"(.+?[.!?])(\s|$)", paragraph)
    return cut_at_word(match.group(1) if match else paragraph, limit)


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


def is_keynote(talk: Talk) -> bool:
    return "keynote" in f"{talk.kind} {talk.track}".lower() or talk.title.lower().startswith(
        "keynote"
    )


class NotesSource(Protocol):
    """What a post is made from: the library as the service offers it (services.exporting).
    The exporters never query the store themselves."""

    def get_talk(self, talk_id: int) -> Talk: ...
    def get_conference(self, conference_id: int) -> Conference: ...
    def list_talks(self, conference_id: int, day: date | None = None) -> list[Talk]: ...
    def talk_note(self, talk_id: int) -> Note: ...
    def note_photos(self, note_id: int) -> list[Photo]: ...
    def recap_note(self, conference_id: int, day: date | None, part: str) -> str | None: ...
    def original_file(self, sha256: str) -> Path | None: ...


def _group(talk: Talk, by: str) -> str:
    if by == "kind":
        return "Keynotes" if is_keynote(talk) else "Talks"
    if by == "track":
        return "Keynotes" if is_keynote(talk) else (" ".join(talk.track.split()) or "Talks")
    return ""


def _chosen_talks(lib: NotesSource, request: ExportRequest) -> tuple[Conference, list[Talk]]:
    if request.scope == "talk":
        if request.talk_id is None:
            raise TalknotesError("export", "--talk ID is needed")
        talk = lib.get_talk(request.talk_id)
        return lib.get_conference(saved_id(talk.conference_id)), [talk]
    if request.conference_id is None:
        raise TalknotesError("export", "--conference ID is needed")
    conf = lib.get_conference(request.conference_id)
    day = request.day if request.scope == "day" else None
    if request.scope == "day" and day is None:
        raise TalknotesError("export", "--day DATE is needed for a day recap")
    candidates = lib.list_talks(saved_id(conf.id), day)
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


def _slide_photos(body: str, attached: list[Photo], told: list[str]) -> str:
    """What slide OCR changes in a note's photo references: a default caption gives way to the
    slide's title line, and another shot of a slide shows the one kept (or nothing, when the
    note shows that one too). What a blogger would not see coming is added to `told`: a
    photo placed in the note left out, or shown by another shot."""
    by_key = {photo_refs.key_of(p.sha256): p for p in attached}
    by_id = {p.id: p for p in attached}
    placed = set(photo_refs.keys(body))

    def replace(ref: photo_refs.PhotoRef) -> str:
        photo = by_key.get(ref.key)
        if photo is None:
            return photo_refs.make(ref.caption, ref.key)
        kept = by_id.get(photo.duplicate_of, photo)
        if kept is not photo and photo_refs.key_of(kept.sha256) in placed:
            told.append(
                f"{photo.original_name} left out: another shot of the same slide, "
                f"{kept.original_name}, is shown (the sharpest; to choose, Keep This Shot "
                "on a photo)"
            )
            return ""  # the slide is shown already, by its kept shot
        if kept is not photo:
            told.append(
                f"{photo.original_name} shown as {kept.original_name}: the sharpest shot of "
                "the same slide (to choose, Keep This Shot on a photo)"
            )
        written = ref.caption if kept is photo else ""
        caption = caption_for_export(
            written, kept.caption, kept.caption_typed, kept.suggested_caption
        )
        key = photo_refs.key_of(kept.sha256)
        if caption in (written, kept.caption):  # no slide title to put in: as written (an
            # empty caption lets the exporter show the photo's own, brackets and all)
            return f"![{written}]({photo_refs.SCHEME}{key})"
        return photo_refs.make(caption, key)

    return photo_refs.replace(body, replace)


def _without_photo(key: str, ref: photo_refs.PhotoRef) -> str:
    """A photo reference as it is, or nothing when it shows the photo `key`."""
    return "" if ref.key == key else photo_refs.make(ref.caption, ref.key)


def _ordered(chosen: list[Talk], request: ExportRequest, group_by: str) -> list[Talk]:
    """Picked order when the blogger ordered the talks, else by day and time; grouped, each
    group once a day (keynotes first, the others as they first come), the order kept within
    it: a picked order made "Talks, Keynotes, Talks" sections."""
    if request.scope == "talk":
        return chosen
    talks = chosen
    if request.talk_ids is None:
        far = datetime.max.replace(tzinfo=None)
        talks = sorted(
            chosen,
            key=lambda t: (t.day or date.max, t.start.replace(tzinfo=None) if t.start else far),
        )
    if not group_by:
        return talks
    rank: dict[str, int] = {"Keynotes": 0}
    for talk in talks:
        rank.setdefault(_group(talk, group_by), len(rank))
    return sorted(talks, key=lambda t: (t.day or date.max, rank[_group(t, group_by)]))


def recap_text(
    lib: NotesSource, conf: Conference, day: date | None, part: str, days: list[date]
) -> str:
    """The intro or wrap-up kept for this recap, else the intro made up from the schedule."""
    kept = lib.recap_note(saved_id(conf.id), day, part)
    if kept is not None:
        return kept
    return wording.default_intro(conf, day, days) if part == "intro" else ""


def build_post(
    lib: NotesSource, request: ExportRequest, profile: BlogProfile | int | None = None
) -> Post:
    if not isinstance(profile, BlogProfile):
        level = profile if isinstance(profile, int) else 2
        profile = BlogProfile(generator="hugo")  # composing needs no engine's defaults
        profile.heading_level = level
    conf, chosen = _chosen_talks(lib, request)
    zone = get_zone(conf.time_zone)
    days = sorted({t.day for t in lib.list_talks(saved_id(conf.id)) if t.day})
    groups = {_group(t, profile.group_by) for t in chosen}
    grouping = request.scope != "talk" and len(groups) > 1 and "Keynotes" in groups
    group_by = profile.group_by if grouping else ""
    top = max(profile.heading_level, 1)  # where the recap's sections start
    talk_level = top + 1 if grouping else top
    if request.scope == "conference":
        talk_level += 1
    warnings: list[str] = []
    sections: list[Section] = []
    post_photos: dict[str, PostPhoto] = {}
    missing: list[str] = []
    last_day: date | None = None
    last_group: str | None = None
    for talk in _ordered(chosen, request, group_by):
        note = lib.talk_note(saved_id(talk.id))
        body = clean_text(note.body.strip())
        opens: list[tuple[int, str]] = []
        if request.scope == "conference" and talk.day != last_day:
            last_day, last_group = talk.day, None
            if talk.day in days:
                opens.append((top, wording.day_heading(days.index(talk.day) + 1, talk.day)))
        group = _group(talk, group_by) if group_by else ""
        if group and group != last_group:
            last_group = group
            opens.append((talk_level - 1, group))  # top, or below the day
        attached = lib.note_photos(note.id) if note.id is not None else []
        body = stamps.for_readers(body, links.recording(talk))  # [12:34]: "(12:34 in)"
        told: list[str] = []
        body = _slide_photos(body, attached, told)
        warnings += [f"{talk.title}: {line}" for line in dict.fromkeys(told)]
        referenced = set(photo_refs.keys(body))
        for photo in attached:
            key = photo_refs.key_of(photo.sha256)
            source = lib.original_file(photo.sha256)
            if source is None:
                missing.append(f"{talk.title}: {photo.original_name}")
                body = photo_refs.replace(body, partial(_without_photo, key))
                continue
            caption = clean_text(
                caption_for_export("", photo.caption, photo.caption_typed, photo.suggested_caption)
            )
            post_photos.setdefault(
                key,
                PostPhoto(
                    key,
                    photo.sha256,
                    source,
                    photo.original_name,
                    caption,
                    talk_title=clean_text(talk.title),
                ),
            )
            if key not in referenced and photo.duplicate_of is None:  # attached, not placed
                body += "\n\n" + photo_refs.make(caption, key)  # (another shot of a slide: not)
        if not _plain(body) and not photo_refs.keys(body):
            warnings.append(f"{talk.title}: no note; its section is only a heading")
        if request.scope == "talk":  # the post's title is the talk's: no heading of its own,
            # and the note's headings sit right below the title
            body = nest_headings(body, max(talk_level - 1, 1))
            sections.append(Section(talk, body, talk_level, opens, titled=False))
            continue
        sections.append(Section(talk, nest_headings(body, talk_level), talk_level, opens))

    recap_day = request.day if request.scope == "day" else None
    if request.scope == "talk":
        title = chosen[0].title
        intro = request.intro or ""
        wrapup = request.wrapup or ""
    else:
        number = days.index(recap_day) + 1 if recap_day in days else 1
        title = wording.recap_title(profile, conf, number if recap_day else None)
        intro = (
            request.intro
            if request.intro is not None
            else recap_text(lib, conf, recap_day, "intro", days)
        )
        wrapup = (
            request.wrapup
            if request.wrapup is not None
            else recap_text(lib, conf, recap_day, "wrapup", days)
        )
    starts = [t.start for t in chosen if t.start]
    when = (
        min(starts) if starts else datetime.combine(request.day or date.today(), time(9, 0), zone)
    )
    intro = clean_text(intro.strip())
    description = request.description
    if not description:
        description = first_sentence(intro)
    if not description:
        lead = sections[0].body if request.scope == "talk" and sections else ""
        description = first_paragraph(lead) or wording.default_description(
            title, [t.title for t in chosen]
        )
    tags = request.tags
    if tags is None:
        tags = propose_tags(profile, conf, chosen)
    title = clean_text(request.title if request.title is not None else title)
    slug = request.slug or make_slug(title, profile)
    if slug.lower() in RESERVED:
        slug += "-post"
    ordered_keys = [key for s in sections for key in photo_refs.keys(s.body)]
    ordered = [post_photos[k] for k in dict.fromkeys(ordered_keys) if k in post_photos]
    cover = post_photos.get(request.cover) if request.cover else None
    return Post(
        title=title,
        date=when.astimezone(zone),
        description=clean_text(description),
        tags=[t for t in (clean_tag(t) for t in tags) if t],
        slug=slug,
        intro=intro,
        sections=sections,
        photos=ordered,
        cover=cover,
        conference=conf,
        wrapup=clean_text(wrapup.strip()),
        wrapup_level=top,
        warnings=warnings,
        missing_photos=missing,
    )


_APOSTROPHES = [["'", ""], ["\u2019", ""]]


def make_slug(title: str, profile: BlogProfile) -> str:
    """The post's file name from its title, in the blog's case and apostrophe style."""
    keep = profile.generator == "hugo" and profile.name_case == "keep"
    replacements = [] if profile.apostrophes == "split" else _APOSTROPHES
    slug = slugify(
        title,
        max_length=80,
        word_boundary=True,
        lowercase=not keep,
        replacements=replacements,
    )
    return slug or "talknotes-post"


_TAG_UNSAFE = re.compile(r"[/\\?#%<>{}|^`\"*\[\]:;=&@!$'(),~]")


def clean_tag(tag: str) -> str:
    """A tag every generator can make a page for: no path parts, no URL or template syntax."""
    text = _TAG_UNSAFE.sub(" ", clean_text(tag))
    text = " ".join(part for part in text.split() if part.strip("."))
    return text.strip(" .-_")[:60]
