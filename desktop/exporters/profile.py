"""A blog profile: how one blog writes its posts. Learned from its posts, editable, saved."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop.core.errors import TalknotesError


@dataclass
class BlogProfile:
    generator: str  # a name in exporters.registry: "hugo", "jekyll", "markdown"
    front_matter: str = "yaml"  # "yaml" (---) | "toml" (+++)
    keys: list[str] = field(default_factory=list)  # front matter keys, in the blog's order
    tags_style: str = "list"  # "list" | "string" (space separated, as some Jekyll posts do)
    category_key: str = ""  # "category" | "categories" | ""
    category: str = ""
    date_in_front_matter: bool = True  # Jekyll posts often take the date from the file name
    date_quoted: bool = True
    layout: str = ""  # Jekyll: "post"
    post_dir: str = "content/post"  # may contain {year}
    name_case: str = "lower"  # "lower" | "keep" (Hugo with disablePathToLower)
    photos: str = "sibling"  # "sibling" (post.md + post/), "bundle" (post/index.md), "static"
    image_style: str = "markdown"  # "figure" (Hugo shortcode) | "markdown" | "relative_url"
    image_width: str = ""  # figure width, e.g. "600px"
    figure_alt: bool = True  # write alt= beside title= (off when the blog's figures have none)
    static_dir: str = ""  # photos = "static": folder under the site root, e.g. "img"
    author: str = ""
    defaults: dict[str, Any] = field(default_factory=dict)  # toc, sitemap, comments …
    extra: dict[str, Any] = field(default_factory=dict)  # values for other keys the blog uses
    heading_level: int = 2  # where a recap's sections start: talk headings, or the groups
    heading_form: str = "plain"  # "plain" (## Title) | "title_speakers" | "bold" (**Title**)
    keynote_prefix: bool = False  # "Keynote: Title" for keynotes
    group_by: str = "kind"  # "kind" (keynotes, then talks) | "track" | "" (flat)
    speakers_line: bool = True
    links: bool = True
    caption_title: str = "{caption}"  # e.g. "{conference} - {talk} - {caption}"
    day_title: str = "{conference} – Day {n} Recap"
    conference_title: str = "{conference} Recap"
    wrapup_heading: str = "Wrap-up"
    apostrophes: str = "drop"  # file names: "drop" (youre) | "split" (you-re)
    tag_vocabulary: dict[str, int] = field(default_factory=dict)  # the blog's tags, how often
    max_width: int | None = 1600  # None: original size
    quality: int = 85
    draft: bool = True
    learned_from: int = 0  # how many posts the profile was learned from

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> BlogProfile:
        data = json.loads(text)
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def saved_profile(folder: Path, blog: Path) -> BlogProfile | None:
    path = profile_path(folder, blog)
    if not path.exists():
        return None
    try:
        return BlogProfile.from_json(path.read_text(encoding="utf-8"))
    except (ValueError, TypeError, AttributeError) as exc:  # (not JSON, or not an object)
        raise TalknotesError(
            str(path), f"not a blog profile Talknotes can read ({exc}); delete it to learn anew"
        ) from exc


def profile_path(folder: Path, blog: Path) -> Path:
    import hashlib

    key = hashlib.sha256(str(blog.resolve()).encode()).hexdigest()[:16]
    return folder / "blog-profiles" / f"{key}.json"


def save_profile(folder: Path, blog: Path, profile: BlogProfile) -> Path:
    path = profile_path(folder, blog)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(profile.to_json(), encoding="utf-8")
    tmp.replace(path)
    return path
