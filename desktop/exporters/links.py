"""A talk's links as a recap shows them: the talk page, slides and recording, by kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core import links as core_links
from desktop.core.models import Talk

# Links a reader of the recap has no use for (the conference's chat rooms, feedback forms).
_SKIP = re.compile(r"\b(chat|feedback|matrix|rate|survey)\b", re.I)
LABELS = {"page": "Talk page", "slides": "Slides", "video": "Recording"}
ORDER = {"page": 0, "slides": 1, "video": 2, "other": 3}


@dataclass(frozen=True)
class TalkLink:
    kind: str  # "page" | "slides" | "video" | "other"
    label: str
    url: str


def talk_links(talk: Talk) -> list[TalkLink]:
    """The talk page, then slides, then recordings, then anything else worth reading."""
    found: list[TalkLink] = []
    seen: set[str] = set()
    if talk.url.startswith(("http://", "https://")):
        found.append(TalkLink("page", LABELS["page"], talk.url))
        seen.add(talk.url)
    for link in talk.links:
        if link.url in seen or not link.url.startswith(("http://", "https://")):
            continue
        if _SKIP.search(link.title):
            continue
        seen.add(link.url)
        kind = link.kind if link.kind in core_links.KINDS else core_links.link_kind(link)
        if kind == "page" and link.url.rstrip("/") == talk.url.rstrip("/"):
            continue
        label = LABELS.get(kind) if kind != "other" else None
        found.append(TalkLink(kind, label or " ".join(link.title.split()) or "Link", link.url))
    return sorted(found, key=lambda link: ORDER[link.kind])  # stable: schedule order within
