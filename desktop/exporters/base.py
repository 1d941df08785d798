"""What Hugo and Jekyll exports share: front matter values, section Markdown, photo names."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from slugify import slugify

from desktop.exporters.compose import PHOTO_REF, RESERVED, Post, PostPhoto
from desktop.exporters.profile import BlogProfile

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

    def __init__(self, profile: BlogProfile) -> None:
        self.profile = profile

    # --- where ---------------------------------------------------------------------------
    def post_path(self, post: Post) -> str:
        raise NotImplementedError

    def photo_dir(self, post: Post) -> str:
        raise NotImplementedError

    def photo_url(self, post: Post, photo: PostPhoto) -> str:
        """How the post refers to the photo (relative or site-absolute)."""
        raise NotImplementedError

    # --- what ----------------------------------------------------------------------------
    def image(self, post: Post, photo: PostPhoto, caption: str) -> str:
        return f"![{escape_alt(caption)}]({self.photo_url(post, photo)})"

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
            "draft": p.draft,
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
            if key not in ordered and key in values and self.wants(key):
                ordered[key] = values[key]
        for key, value in p.extra.items():  # keys the user gave a value: always written
            ordered.setdefault(key, value)
        return ordered

    def wants(self, key: str) -> bool:
        """Keys written even when the blog's posts don't show them."""
        return (
            key in ("title", "tags")
            or (key == "draft" and self.profile.draft)
            or (key == "date" and self.profile.date_in_front_matter)
        )

    def site_url(self, post: Post, photo: PostPhoto) -> str:
        return self.photo_url(post, photo)

    # --- body ----------------------------------------------------------------------------
    def body(self, post: Post) -> str:
        p = self.profile
        parts = []
        if post.intro:
            parts.append(self.with_photos(post, post.intro))
        for section in post.sections:
            if section.day_heading:
                parts.append("#" * max(section.heading_level - 1, 1) + " " + section.day_heading)
            talk = section.talk
            parts.append("#" * section.heading_level + " " + one_line(talk.title))
            if p.speakers_line and talk.speakers:
                parts.append("– " + ", ".join(talk.speakers))
            if section.body:
                parts.append(self.with_photos(post, section.body))
            if p.links:
                links = ([("Talk page", talk.url)] if talk.url else []) + [
                    (link.title, link.url) for link in talk.links
                ]
                if links:
                    parts.append(" · ".join(f"[{escape_alt(t)}]({u})" for t, u in links))
        return "\n\n".join(parts).rstrip() + "\n"

    def with_photos(self, post: Post, markdown: str) -> str:
        """Escape the note's text and replace photo:KEY references with the blog's markup."""
        by_key = {p.key: p for p in post.photos}
        out, last = [], 0
        for match in PHOTO_REF.finditer(markdown):
            out.append(self.escape_text(markdown[last : match.start()]))
            photo = by_key.get(match.group(2))
            out.append(self.image(post, photo, match.group(1) or photo.caption) if photo else "")
            last = match.end()
        out.append(self.escape_text(markdown[last:]))
        return "".join(out)


def one_line(text: str) -> str:
    return " ".join(text.split())


def escape_alt(text: str) -> str:
    return one_line(text).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
