"""Recognise a Hugo or Jekyll blog and learn its conventions from the posts it has."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from desktop.core.errors import TalknotesError
from desktop.exporters import frontmatter_io, recap_style
from desktop.exporters.profile import BlogProfile
from desktop.exporters.registry import default_profile
from desktop.exporters.site_config import (
    HUGO_CONFIG_DIR,
    HUGO_CONFIGS,
    JEKYLL_CONFIGS,
    NotRead,
    SiteConfig,
    read_config,
    reason,
)

_FIGURE = re.compile(r"\{\{<\s*figure\s[^>]*?>\}\}")
_FIGURE_WIDTH = re.compile(r'width="([^"]+)"')
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
_RELATIVE_URL = re.compile(r"\{\{\s*['\"][^'\"]+['\"]\s*\|\s*relative_url\s*\}\}")


def detect(blog: Path) -> str:
    """ "hugo" or "jekyll"; raises when the folder is neither."""
    if not blog.is_dir():
        raise TalknotesError(str(blog), "not a folder")
    if any((blog / name).exists() for name in JEKYLL_CONFIGS) or (blog / "_posts").is_dir():
        return "jekyll"
    if (
        any((blog / name).exists() for name in HUGO_CONFIGS)
        or (blog / HUGO_CONFIG_DIR).is_dir()
        or (blog / "content").is_dir()
    ):
        return "hugo"
    raise TalknotesError(
        str(blog),
        "not a Hugo or Jekyll blog (no hugo.toml/config.*, content/, _config.yml or _posts/ "
        "found); for a plain Markdown post with an HTML copy use --format markdown",
    )


def _markdown_files(blog: Path, folder: Path) -> list[Path]:
    """Markdown files under `folder`, following symbolic links that stay inside the blog
    (a content folder linked from elsewhere in the repository is read; one leading out is not)."""
    root = blog.resolve()
    if not folder.is_dir() or not folder.resolve().is_relative_to(root):
        return []
    found = []
    for here, dirs, names in os.walk(folder, followlinks=True):
        dirs[:] = [d for d in dirs if Path(here, d).resolve().is_relative_to(root)]
        found += [Path(here, n) for n in names if n.endswith((".md", ".markdown"))]
    return sorted(found)


def _posts(blog: Path, site: SiteConfig) -> list[Path]:
    if site.generator == "jekyll":
        folder = blog / site.posts_folder() / "_posts"
        return [p for p in _markdown_files(blog, folder) if p.is_file()]
    folder = blog / site.content_dir
    return [p for p in _markdown_files(blog, folder) if p.name != "_index.md"]


def _front_matter_format(text: str) -> str:
    return "toml" if text.lstrip().startswith("+++") else "yaml"


def learn(blog: Path, problems: list[NotRead] | None = None) -> BlogProfile:
    """A profile matching what the blog's existing posts do (defaults when it has none).
    What could not be read (a post's front matter, the configuration) is skipped, and told in
    `problems` (file, why)."""
    generator = detect(blog)
    profile = default_profile(generator)
    unread_config: list[NotRead] = []
    site = read_config(blog, generator, unread_config)
    told: list[NotRead] = []
    posts = _posts(blog, site)
    parsed = []
    for path in posts:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            post = frontmatter_io.read(text)
        except Exception as exc:  # noqa: BLE001 (skip a post we cannot parse)
            name = path.relative_to(blog).as_posix()
            told.append(NotRead(name, f"skipped, front matter not read ({reason(exc)})"))
            continue
        if post.metadata:
            parsed.append((path, text, post))
    if problems is not None:
        problems += told + unread_config
    keep_case = generator == "hugo" and not site.path_to_lower
    if generator == "hugo" and profile.post_dir.startswith("content/"):
        profile.post_dir = site.content_dir + profile.post_dir.removeprefix("content")
    if not parsed:
        return profile

    profile.learned_from = len(parsed)
    formats = Counter(_front_matter_format(text) for _, text, _ in parsed)
    profile.front_matter = formats.most_common(1)[0][0]
    key_counts = Counter(key for _, _, post in parsed for key in post.metadata)
    common = {k for k, n in key_counts.items() if n * 2 >= len(parsed)}
    # the order of the (latest) post that uses the most of the common keys
    model = max(reversed(parsed), key=lambda x: len(common & set(x[2].metadata)))[2]
    ordered = [k for k in model.metadata if k in common]
    profile.keys = ordered + sorted(common - set(ordered))

    tags = [post.metadata.get("tags") for _, _, post in parsed if "tags" in post.metadata]
    if tags:
        lists = sum(isinstance(t, list) for t in tags)
        profile.tags_style = "list" if lists * 2 >= len(tags) else "string"
    for key in ("category", "categories"):
        values = [post.metadata[key] for _, _, post in parsed if key in post.metadata]
        if values and key in profile.keys:
            profile.category_key = key
            flat = [_first(v) for v in values]
            profile.category = Counter(flat).most_common(1)[0][0]
    profile.date_in_front_matter = "date" in profile.keys
    date_lines = [re.search(r"^date\s*[:=]\s*(\S)", text, re.M) for _, text, _ in parsed]
    quoted = [m.group(1) in "\"'" for m in date_lines if m]
    profile.date_quoted = bool(quoted) and sum(quoted) * 2 >= len(quoted)
    layouts = Counter(
        str(post.metadata["layout"]) for _, _, post in parsed if "layout" in post.metadata
    )
    profile.layout = layouts.most_common(1)[0][0] if layouts else ""
    authors = Counter(
        str(post.metadata["author"])
        for _, _, post in parsed
        if isinstance(post.metadata.get("author"), str)
    )
    profile.author = authors.most_common(1)[0][0] if authors else ""
    for key in ("toc", "sitemap", "comments"):
        values = [
            post.metadata[key] for _, _, post in parsed if isinstance(post.metadata.get(key), bool)
        ]
        if values and key in profile.keys:
            profile.defaults[key] = Counter(values).most_common(1)[0][0]

    # post by post: one search over all of a blog's posts (10 MB for 500) holds the GIL, and
    # so the window, for ~0.1 s
    bodies = [post.content for _, _, post in parsed]
    figures = [found for body in bodies for found in _FIGURE.findall(body)]
    md_images = [src for body in bodies for src in _MD_IMAGE.findall(body) if "://" not in src]
    drafts = [bool(post.metadata.get("draft")) for _, _, post in parsed]
    has_drafts = generator == "jekyll" and any(
        (blog / site.posts_folder() / "_drafts").glob("*.md*")
    )
    profile.draft = has_drafts or any(drafts)  # the blog publishes through drafts
    recap_style.learn_recaps(profile, parsed)
    if generator == "hugo":
        _learn_hugo_layout(blog, profile, [p for p, _, _ in parsed], keep_case)
        if figures and len(figures) >= len(md_images):
            profile.image_style = "figure"
            widths = Counter(w for f in figures for w in _FIGURE_WIDTH.findall(f))
            profile.image_width = widths.most_common(1)[0][0] if widths else ""
            profile.figure_alt = any(re.search(r"\salt=", f) for f in figures)
        elif md_images:
            profile.image_style = "markdown"
    else:
        profile.post_dir = "_posts"
        if any(_RELATIVE_URL.search(body) for body in bodies):
            profile.image_style = "relative_url"
        elif md_images:
            profile.image_style = "markdown"
        absolute = [src for src in md_images if src.startswith("/")]
        if absolute:
            folders = Counter(src.strip("/").split("/")[0] for src in absolute)
            profile.static_dir = folders.most_common(1)[0][0]
        profile.photos = "static"
    return profile


def _first(value: object) -> str:
    """A category as written: a name, a list of names (the first counts) or a number."""
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value)


def _learn_hugo_layout(
    blog: Path, profile: BlogProfile, posts: list[Path], keep_case: bool
) -> None:
    bundles = [p for p in posts if p.name == "index.md"]
    parents: Counter[str] = Counter()
    for post in posts:
        folder = post.parent.parent if post.name == "index.md" else post.parent
        parts = list(folder.relative_to(blog).parts)
        if parts and re.fullmatch(r"\d{4}", parts[-1]):
            parts[-1] = "{year}"
        parents["/".join(parts)] += 1
    if parents:
        profile.post_dir = parents.most_common(1)[0][0]
    siblings = [p for p in posts if p.name != "index.md" and p.with_suffix("").is_dir()]
    if bundles and len(bundles) >= len(siblings):
        profile.photos = "bundle"
    elif siblings:
        profile.photos = "sibling"
    else:
        profile.photos = "bundle"
    stems = [p.parent.name if p.name == "index.md" else p.stem for p in posts]
    has_upper = sum(any(c.isupper() for c in s) for s in stems)
    profile.name_case = "keep" if keep_case and has_upper * 2 >= len(stems) else "lower"
