"""What a talk's link points to: a video (recording), slides, the talk's page, or other.

Named from the schedule's own word for it when it gives one (frab/pretalx reference types,
FOSDEM's attachment types, Sessionize's "Recording"), else from the link's title, its host
and its file type.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urlsplit

from desktop.core.models import Link, Talk

VIDEO, SLIDES, PAGE, OTHER = "video", "slides", "page", "other"
KINDS = (VIDEO, SLIDES, PAGE, OTHER)

# Types schedules declare: frab/c3voc Reference.type, FOSDEM <attachment type>, pretalx.
_DECLARED = {
    "slides": SLIDES,
    "presentation": SLIDES,
    "paper": OTHER,
    "media": VIDEO,
    "video": VIDEO,
    "recording": VIDEO,
    "web": OTHER,
    "page": PAGE,
    "blog": OTHER,
    "article": OTHER,
    "feedback": OTHER,
}
_VIDEO_FILES = {".webm", ".mp4", ".mkv", ".ogv", ".mov", ".m4v", ".avi", ".m3u8", ".mpd"}
_SLIDE_FILES = {".pdf", ".ppt", ".pptx", ".odp", ".key", ".pps", ".ppsx"}
_VIDEO_HOSTS = (
    "youtube.com",
    "youtu.be",
    "vimeo.com",
    "media.ccc.de",
    "video.fosdem.org",
    "peertube",
    "tube.",
    "archive.org",
    "twitch.tv",
    "recordings.",
)
_SLIDE_HOSTS = ("speakerdeck.com", "slideshare.net", "slides.com", "slideshare.")
_VIDEO_WORDS = re.compile(r"\b(video|recording|recorded|webm|mp4|youtube|vimeo)\b", re.I)
_SLIDE_WORDS = re.compile(r"\b(slides?|slide ?deck|presentation|folien)\b", re.I)
_LIVE_WORDS = re.compile(r"\b(live|stream|chat|feedback)\b", re.I)
_PAGE_WORDS = re.compile(r"^\s*(talk|event|session) (page|details)\s*$", re.I)


def link_kind(link: Link, declared: str = "", talk_url: str = "") -> str:
    """The kind of `link`: `declared` (the schedule's own type) first, then title, URL."""
    return _kind(link.title, link.url, declared, talk_url)


@lru_cache(maxsize=4096)  # FOSDEM's 876 talks share their rooms' chat links
def _kind(title: str, url: str, declared: str, talk_url: str) -> str:
    declared = declared.strip().lower()
    kind = _DECLARED.get(declared)
    if kind:
        return kind
    if declared.startswith(("video/", "audio/")):  # FOSDEM's <link type="video/webm">
        return VIDEO
    parts = urlsplit(url)
    host = parts.netloc.lower()
    name = parts.path.rpartition("/")[2]
    suffix = "." + name.rpartition(".")[2].lower() if "." in name else ""
    if suffix in _VIDEO_FILES:
        return VIDEO
    if suffix in _SLIDE_FILES:
        return SLIDES
    if "docs.google.com" in host and "/presentation/" in parts.path:
        return SLIDES
    title = title if title != url else ""
    if _LIVE_WORDS.search(title):
        return OTHER
    if _VIDEO_WORDS.search(title) or any(h in host for h in _VIDEO_HOSTS):
        return VIDEO
    if _SLIDE_WORDS.search(title) or any(h in host for h in _SLIDE_HOSTS):
        return SLIDES
    if (talk_url and url.rstrip("/") == talk_url.rstrip("/")) or _PAGE_WORDS.search(title):
        return PAGE
    return OTHER


def with_kinds(links: list[Link], talk_url: str = "") -> list[Link]:
    """The links, each with its kind (a kind already given is kept)."""
    for link in links:
        if link.kind not in KINDS:
            link.kind = link_kind(link, link.kind, talk_url)
    return links


def has_recording(links: list[Link]) -> bool:
    return any((link.kind or link_kind(link)) == VIDEO for link in links)


_ORDER = {VIDEO: 0, SLIDES: 1, PAGE: 2, OTHER: 3}
LABELS = {VIDEO: "▶ Video", SLIDES: "Slides", PAGE: "Talk page", OTHER: ""}


def by_kind(links: list[Link]) -> list[Link]:
    """Recordings first, then slides, the talk's page, the rest; the schedule's order within."""
    return sorted(links, key=lambda link: _ORDER.get(link.kind or link_kind(link), 3))


def recording(talk: Talk) -> str:
    """The address of the talk's recording, the first the schedule gives ("" when none)."""
    return next(
        (link.url for link in by_kind(talk.links) if (link.kind or link_kind(link)) == VIDEO),
        "",
    )


def watch_later(talks: list[Talk]) -> list[Talk]:
    """Starred talks without a note that now have a recording: the ones missed, to watch."""
    return [t for t in talks if t.starred and not t.has_note and has_recording(t.links)]


MAX_HEADER_LINKS = 8


def header_links(talk: Talk) -> list[str]:
    """The talk's links for its header, recordings and slides first, each named by kind."""
    esc = html.escape
    shown = [f'<a href="{esc(talk.url)}">Talk page</a>'] if talk.url else []
    for link in by_kind(talk.links):
        kind = link.kind or link_kind(link, talk_url=talk.url)
        if kind == PAGE and link.url.rstrip("/") == talk.url.rstrip("/"):
            continue  # already shown
        label = LABELS.get(kind, "")
        text = (
            f"{label}: {link.title}"
            if label and link.title.lower() not in label.lower()
            else (link.title or label)
        )
        shown.append(f'<a href="{esc(link.url)}">{esc(text)}</a>')
    return shown[:MAX_HEADER_LINKS]
