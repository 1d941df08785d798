"""Learn how a blog writes its conference recaps: talk headings, groups, titles, captions,
file names and tags, from the recap posts it has."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from desktop.exporters.profile import BlogProfile

_RECAP_TITLE = re.compile(r"\b(recap|day\s*#?\d|keynotes?|conference|summit|con)\b", re.I)
_RECAP_TAG = {"conference", "conferences", "recap", "event", "events"}
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_GROUP = re.compile(r"^((morning|afternoon|evening|closing|opening)\s+)?(keynotes|talks)$", re.I)
_WRAPUP = re.compile(r"^(wrap[\s-]?up|conclusion|summary|final thoughts)\b", re.I)
_TITLE_SPEAKERS = re.compile(r".+\s-\s[^-]+$")
_BOLD_TITLE = re.compile(r"^\*\*[^*]+\*\*\s*$")
_ITALIC_LINE = re.compile(r"^_[^_]+_\s*$")
_FIGURE_TITLE = re.compile(r'\{\{<\s*figure\s[^>]*?title="([^"]+)"')
_DAY_TITLE = re.compile(r"^(?P<conf>.+?)(?P<sep>\s[-–—:]\s)Day\s*#?(?P<n>\d+)(?P<rest>.*)$", re.I)

Parsed = tuple[Path, str, Any]  # path, text, frontmatter.Post


def _tags(meta: dict[str, Any]) -> list[str]:
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = tags.split()
    return [str(t) for t in tags if str(t).strip()]


def is_recap(meta: dict[str, Any]) -> bool:
    if any(t.lower() in _RECAP_TAG for t in _tags(meta)):
        return True
    return bool(_RECAP_TITLE.search(str(meta.get("title", ""))))


def _headings(content: str) -> list[tuple[int, str, str]]:
    """(level, text, the next non-blank line) of each heading outside code fences."""
    lines = content.split("\n")
    found, fence = [], False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        elif not fence and (m := _HEADING.match(line)):
            after = next((x.strip() for x in lines[i + 1 :] if x.strip()), "")
            found.append((len(m.group(1)), m.group(2), after))
    return found


def learn_recaps(profile: BlogProfile, parsed: list[Parsed]) -> None:
    vocabulary: Counter[str] = Counter()
    for _, _, post in parsed:
        vocabulary.update(dict.fromkeys(_tags(post.metadata), 1))
    profile.tag_vocabulary = dict(vocabulary.most_common())
    _learn_apostrophes(profile, parsed)
    recaps = [(path, text, post) for path, text, post in parsed if is_recap(post.metadata)]
    if not recaps:
        return
    headings = [h for _, _, post in recaps for h in _headings(post.content)]
    talks = [
        h
        for h in headings
        if _TITLE_SPEAKERS.match(h[1]) and not _GROUP.match(h[1]) and not _WRAPUP.match(h[1])
    ]
    bold = sum(
        1
        for _, _, post in recaps
        for a, b in zip(post.content.split("\n"), post.content.split("\n")[2:], strict=False)
        if _BOLD_TITLE.match(a) and _ITALIC_LINE.match(b)
    )
    groups = [h for h in headings if _GROUP.match(h[1])]
    days = [r for r in recaps if _DAY_TITLE.match(str(r[2].metadata.get("title", "")))]
    tops = Counter(
        min(h[0] for h in _headings(post.content) or [(2, "", "")]) for _, _, post in days or recaps
    )
    profile.heading_level = tops.most_common(1)[0][0]  # where a recap's sections start
    if len(talks) >= 3:
        profile.heading_form = "title_speakers"
        profile.keynote_prefix = any(t.lower().startswith("keynote:") for _, t, _ in talks)
        profile.speakers_line = False
    elif bold >= 3:
        profile.heading_form = "bold"
        profile.speakers_line = True
    elif headings:
        profile.heading_form = "plain"
        plain = [h for h in headings if not _GROUP.match(h[1]) and not _WRAPUP.match(h[1])]
        # a speaker line is a short line of names right under the heading ("– Name")
        speakers = sum(1 for _, _, after in plain if after.startswith(("– ", "- ", "_by ")))
        profile.speakers_line = speakers * 2 >= len(plain) > 0
    profile.group_by = "kind" if groups else ""
    wrapups = [text for _, text, _ in headings if _WRAPUP.match(text)]
    if wrapups:
        profile.wrapup_heading = Counter(wrapups).most_common(1)[0][0]
    _learn_titles(profile, recaps)
    _learn_caption_title(profile, recaps)


def _learn_titles(profile: BlogProfile, recaps: list[Parsed]) -> None:
    patterns: Counter[str] = Counter()
    for _, _, post in recaps:
        m = _DAY_TITLE.match(str(post.metadata.get("title", "")))
        if m:
            patterns[f"{{conference}}{m.group('sep')}Day {{n}}{m.group('rest')}"] += 1
    if patterns:
        profile.day_title = patterns.most_common(1)[0][0]
        profile.conference_title = (
            "{conference} Recap" if "recap" in profile.day_title.lower() else "{conference}"
        )


def _learn_caption_title(profile: BlogProfile, recaps: list[Parsed]) -> None:
    """'KubeCon - Keynote - NATS feature list': captions that start with the conference and
    the talk (or kind) become '{conference} - {talk} - {caption}'."""
    titles: list[str] = []
    for _, _, post in sorted(recaps, key=_when, reverse=True):  # the blog's current habit
        titles += _FIGURE_TITLE.findall(post.content)
        if len(titles) >= 20:
            break
    parts = [t.split(" - ") for t in titles]
    firsts = Counter(p[0] for p in parts if len(p) >= 2)
    first = firsts.most_common(1)[0][0] if firsts else None
    prefixed = [p for p in parts if len(p) >= 2 and p[0] == first]
    if titles and len(prefixed) * 2 >= len(titles):
        three = sum(len(p) >= 3 for p in prefixed) * 2 >= len(prefixed)
        profile.caption_title = (
            "{conference} - {talk} - {caption}" if three else "{conference} - {caption}"
        )


def _when(parsed: Parsed) -> str:
    path, _, post = parsed
    value = post.metadata.get("date")
    if value:
        return str(value)[:19]
    found = re.match(r"\d{4}-\d\d-\d\d", path.name)
    return found.group(0) if found else ""


def _learn_apostrophes(profile: BlogProfile, parsed: list[Parsed]) -> None:
    """ "You're" in a title: 'youre' or 'you-re' in the file name?"""
    split = joined = 0
    for path, _, post in parsed:
        name = path.parent.name if path.name == "index.md" else path.stem
        for word in re.findall(r"(\w+)['’](\w+)", str(post.metadata.get("title", ""))):
            a, b = (w.lower() for w in word)
            if f"{a}-{b}" in name.lower():
                split += 1
            elif f"{a}{b}" in name.lower():
                joined += 1
    profile.apostrophes = "split" if split > joined else "drop"
