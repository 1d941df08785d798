"""What Hugo and Jekyll exports share: front matter values, section Markdown, photo names."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from slugify import slugify

from desktop.core import photo_refs
from desktop.core.models import Talk
from desktop.exporters import frontmatter_io
from desktop.exporters.compose import RESERVED, Post, PostPhoto, Section, is_keynote
from desktop.exporters.links import talk_links
from desktop.exporters.literal import clean_text, link_target, markdown_literal
from desktop.exporters.profile import BlogProfile
from desktop.exporters.site_config import SiteConfig
from desktop.exporters.tags import conference_name

_NAME = re.compile(r"[^-A-Za-z0-9_]+")


def photo_filenames(post: Post) -> None:
    """Stable names: the camera's own name when it is unique in the post, else slug-n."""
    stems = []
    for photo in post.photos:
        stem = slugify(
            PurePosixPath(photo.original_name).stem, lowercase=False, regex_pattern=_NAME
        )[:60]
        stems.append(stem)
    for index, (photo, stem) in enumerate(zip(post.photos, stems, strict=True), start=1):
        if not stem or stems.count(stem) > 1 or stem.lower() in RESERVED:
            stem = f"{post.slug}-{index}"
        photo.filename = stem + photo_suffix(photo)


def photo_suffix(photo: PostPhoto) -> str:
    return ".png" if photo.source.suffix.lower() == ".png" else ".jpg"


class Generator:
    """A blog generator's conventions. Subclasses say where things go and how images look."""

    name = ""
    label = ""  # as the export dialog names it
    future_setting = ""  # the config setting that builds posts dated in the future

    @staticmethod
    def default_profile() -> BlogProfile:
        """Sensible defaults when a blog has no posts to learn from."""
        raise NotImplementedError

    def __init__(self, profile: BlogProfile, site: SiteConfig | None = None) -> None:
        self.profile = profile
        self.site = site or SiteConfig(self.name)  # the blog's configuration, as read

    # --- where ---------------------------------------------------------------------------
    def post_path(self, post: Post) -> str:
        raise NotImplementedError

    def photo_dir(self, post: Post) -> str:
        raise NotImplementedError

    def photo_url(self, post: Post, photo: PostPhoto) -> str:
        """How the post refers to the photo (relative or site-absolute)."""
        raise NotImplementedError

    # --- when and at which address, as the blog's engine builds it -------------------------
    def publish_time(self, post: Post) -> datetime | None:
        """The time the engine compares with the build's to decide whether the post is out
        yet; None when it has none (it is built at once)."""
        return None

    def builds_future(self) -> bool:
        """Whether the engine builds a post dated after the build (its config says)."""
        return True

    def post_url(self, post: Post) -> str | None:
        """The post's address on the site once built; None when it is not published (a
        draft) or the engine makes no site."""
        return None

    # --- what ----------------------------------------------------------------------------
    def image(self, post: Post, photo: PostPhoto, caption: str) -> str:
        return f"![{self.escape_text(escape_alt(caption))}]({self.photo_url(post, photo)})"

    def note_text(self, markdown: str) -> str:
        """A note's Markdown as this engine needs it to read as the note's author meant."""
        return markdown

    def escape_text(self, text: str) -> str:
        """Keep the generator's template syntax in notes from being executed."""
        return text

    def front_matter(self, post: Post) -> dict[str, Any]:
        p = self.profile
        values: dict[str, Any] = {
            "title": post.title,
            "description": post.description,
            "author": p.author,
            "tags": post.tags
            if p.tags_style == "list"
            else " ".join(t.replace(" ", "-") for t in post.tags),
            "layout": p.layout,
            "slug": post.slug,
            "draft": post.draft,
            **p.defaults,
        }
        if p.date_in_front_matter:
            values["date"] = post.date.isoformat() if p.date_quoted else post.date
        if p.category_key:
            values[p.category_key] = (
                [p.category] if p.category_key == "categories" and p.category else p.category
            )
        cover = post.cover or (post.photos[0] if post.photos and "cover" in p.keys else None)
        if cover is not None:
            values["cover"] = self.site_url(post, cover)
        values.update(p.extra)
        ordered = {k: values[k] for k in p.keys if k in values and values[k] not in ("", None)}
        for key in ("title", "date", "draft", "tags"):
            if key not in ordered and key in values and self.wants(key, post.draft):
                ordered[key] = values[key]
        for key, value in p.extra.items():  # keys the user gave a value: always written
            ordered.setdefault(key, value)
        return ordered

    def wants(self, key: str, post_draft: bool = False) -> bool:
        """Keys written even when the blog's posts don't show them."""
        return (
            key in ("title", "tags")
            or (key == "draft" and post_draft)
            or (key == "date" and self.profile.date_in_front_matter)
        )

    def site_url(self, post: Post, photo: PostPhoto) -> str:
        return self.photo_url(post, photo)

    def drafts_hide_photos(self, post: Post) -> bool:
        """Whether the blog keeps a draft's photos unpublished until the post is (else the
        writer holds them back while the post is a draft)."""
        return False

    def extra_files(self, post: Post, content: bytes) -> dict[str, bytes]:
        """Files written beside the post (relative path → content)."""
        return {}

    def document(self, post: Post) -> str:
        """The post file: front matter, then the body."""
        meta = frontmatter_io.dump(self.front_matter(post), self.profile.front_matter)
        return meta + "\n" + self.body(post)

    # --- body ----------------------------------------------------------------------------
    def body(self, post: Post) -> str:
        parts = []
        if post.intro:
            parts.append(self.with_photos(post, post.intro))
        for section in post.sections:
            for level, text in section.opens:
                parts.append(self.heading(level, text))
            parts.extend(self.talk_head(section))
            if section.body:
                parts.append(self.with_photos(post, section.body))
        if post.wrapup:
            if not re.match(r"#{1,6}\s", post.wrapup):
                parts.append(self.heading(post.wrapup_level, self.profile.wrapup_heading))
            parts.append(self.with_photos(post, post.wrapup))
        return one_blank_line("\n\n".join(parts)).rstrip() + "\n"

    def heading(self, level: int, text: str) -> str:
        return "#" * min(max(level, 1), 6) + " " + self.schedule_text(text)

    def schedule_text(self, text: str) -> str:
        """Text from the schedule (titles, names) shown as written: no Markdown, HTML or
        template syntax in it takes effect, and no control characters reach the page."""
        return self.escape_text(markdown_literal(clean_text(one_line(text))))

    def talk_head(self, section: Section) -> list[str]:
        """The talk's heading in the blog's form, then its speakers and links."""
        p, talk = self.profile, section.talk
        speakers = who_spoke(talk)
        title = talk.title
        if p.keynote_prefix and is_keynote(talk) and not title.lower().startswith("keynote"):
            title = f"Keynote: {title}"
        lines: list[str] = []
        if not section.titled:  # the post's own title: who spoke and the links only
            meta = [f"_{self.schedule_text(speakers)}_"] if speakers else []
            meta += [
                f"[{self.schedule_text(link.label)}]({link_target(link.url)})"
                for link in (talk_links(talk) if p.links else [])
            ]
            return [" · ".join(meta)] if meta else []
        if p.heading_form == "title_speakers":
            lines.append(
                self.heading(section.heading_level, f"{title} - {speakers}" if speakers else title)
            )
        elif p.heading_form == "bold":
            lines.append(f"**{self.schedule_text(title)}**")
            if speakers:
                lines[-1] += f"  \n_{self.schedule_text(speakers)}_"
        else:
            lines.append(self.heading(section.heading_level, title))
            if p.speakers_line and speakers:
                lines.append("– " + self.schedule_text(speakers))
        meta = []
        if p.heading_form == "plain" and not p.speakers_line and speakers:
            meta.append(f"_{self.schedule_text(speakers)}_")  # who spoke, beside the links
        if p.links:
            meta += [
                f"[{self.schedule_text(link.label)}]({link_target(link.url)})"
                for link in talk_links(talk)
            ]
        if meta:
            lines.append(" · ".join(meta))
        return lines

    def caption_title(self, post: Post, photo: PostPhoto, caption: str) -> str:
        """The text shown with a photo, in the blog's pattern ('KubeCon - Keynote - …')."""
        pattern = self.profile.caption_title
        if "{conference}" not in pattern and "{talk}" not in pattern:
            return caption or photo.talk_title  # never an empty alt text
        talk = next((s.talk for s in post.sections if photo.key in photo_refs.keys(s.body)), None)
        talk_part = photo.talk_title or (talk.title if talk else "")
        if talk is not None and is_keynote(talk) and caption:
            talk_part = "Keynote"
        conference = conference_name(post.conference) if post.conference else ""
        values = {"conference": conference, "talk": talk_part, "caption": caption}
        pieces = [
            values[name]
            for name in re.findall(r"\{(\w+)\}", pattern)
            if values.get(name, "").strip()
        ]
        return " - ".join(one_line(x) for x in pieces)

    def with_photos(self, post: Post, markdown: str) -> str:
        """Escape the note's text and replace photo:KEY references with the blog's markup."""
        by_key = {p.key: p for p in post.photos}
        out = []
        for part in photo_refs.split(self.note_text(markdown)):
            if isinstance(part, str):
                out.append(self.escape_text(part))
                continue
            photo = by_key.get(part.key)
            if photo is not None:
                caption = clean_text(part.caption or photo.caption)
                out.append(self.image(post, photo, self.caption_title(post, photo, caption)))
        return "".join(out)


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def one_blank_line(markdown: str) -> str:
    """Runs of blank lines as one (a note's own, or those around a photo left out): Markdown
    reads them alike, the post reads cleaner. Code keeps its blank lines: fenced, and before
    an indented line."""
    out: list[str] = []
    fence = ""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if fence:
            fence = "" if line.strip().startswith(fence) else fence
        elif opening := _FENCE.match(line):
            fence = opening.group(1)
        elif not line.strip() and out and not out[-1].strip():
            following = next((n for n in lines[i + 1 :] if n.strip()), "")
            if not following.startswith("    "):
                continue  # a second blank line
        out.append(line)
    return "\n".join(out)


def who_spoke(talk: Talk) -> str:
    """The speakers as a recap names them: 'Name, Affiliation' each, as the schedule gives
    them; several are joined with '; ' once any has an affiliation (the affiliation has
    commas of its own), else with ', '."""
    people = [
        (one_line(s.name), one_line(s.affiliation)) for s in talk.speaker_details if s.name.strip()
    ]
    if not any(affiliation for _, affiliation in people):
        return ", ".join(name for name, _ in people)
    return "; ".join(f"{name}, {aff}" if aff else name for name, aff in people)


def one_line(text: str) -> str:
    return " ".join(text.split())


def escape_alt(text: str) -> str:
    """Alt text of a Markdown image: brackets and backslashes escaped, HTML shown as text."""
    text = one_line(clean_text(text)).replace("&", "&amp;").replace("<", "&lt;")
    for char, entity in (("|", "&#124;"), ("`", "&#96;"), ("*", "&#42;"), ("_", "&#95;")):
        text = text.replace(char, entity)  # | starts a kramdown table; the rest, emphasis
    text = re.sub(r"-{2,}", lambda m: "&#45;" * len(m.group(0)), text)
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
