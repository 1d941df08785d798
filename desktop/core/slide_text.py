"""What a slide photo's text means: its title line, the deck's repeated lines, near-duplicates.

Plain functions over the lines an OCR engine read (text, confidence, box); no image code here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]

MIN_TITLE_CONFIDENCE = 0.8
TITLE_HEIGHT_SHARE = 0.6  # a title is at least this tall relative to the slide's tallest line
MIN_TITLE_IMAGE_SHARE = 0.025  # smaller than this share of the photo's height: not a slide title
# Measured on rendered slides (tests/slides.py): shots of one slide (rotated 4°, skewed,
# blurred, moiré, JPEG 50) lie 0–24 bits apart and agree ≥ 0.74; other slides of the same
# template lie 4–29 bits apart (a template is mostly one background) and agree ≤ 0.29.
MAX_SHOT_DISTANCE = 26
MIN_TEXT_AGREEMENT = 0.6
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class TextLine:
    """One line of text as read: its 4 corners clockwise from the top left, in pixels."""

    text: str
    confidence: float
    box: tuple[Point, Point, Point, Point]

    @property
    def top(self) -> float:
        return min(p[1] for p in self.box)

    @property
    def bottom(self) -> float:
        return max(p[1] for p in self.box)

    @property
    def left(self) -> float:
        return min(p[0] for p in self.box)

    @property
    def right(self) -> float:
        return max(p[0] for p in self.box)

    @property
    def height(self) -> float:
        """The glyphs' height (the mean of the left and right edges: skew-tolerant)."""
        (_, y0), (_, y1), (_, y2), (_, y3) = self.box
        return max(((y3 - y0) + (y2 - y1)) / 2, 1.0)

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "confidence": round(self.confidence, 4), "box": self.box}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TextLine:
        a, b, c, d = ((float(x), float(y)) for x, y in data["box"])
        return cls(str(data["text"]), float(data["confidence"]), (a, b, c, d))


def normalize(text: str) -> str:
    """Lower case, words only: how lines are compared across slides and shots."""
    return " ".join(_WORD.findall(text.lower()))


def reading_order(lines: Iterable[TextLine]) -> list[TextLine]:
    """Top to bottom, and left to right within a row (rows: tops closer than half a line)."""
    ordered = sorted(lines, key=lambda line: line.top)
    rows: list[list[TextLine]] = []
    for line in ordered:
        if rows and line.top - rows[-1][0].top < 0.5 * rows[-1][0].height:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda item: item.left)]


_BULLET = re.compile(r"^[•\-–·*>▪►‣◦]+\s*")


def _continues(line: TextLine, above: TextLine) -> bool:
    """`line` goes on from `above`: right under it, the same size, the same left edge."""
    gap = line.top - above.bottom
    return (
        -0.3 * above.height <= gap <= 0.7 * above.height
        and abs(line.height - above.height) <= 0.2 * above.height
        and abs(line.left - above.left) <= 1.5 * above.height
        and not _BULLET.match(line.text.strip())
    )


def paragraphs(lines: Iterable[TextLine]) -> list[str]:
    """The slide's text as its points: a sentence wrapped over lines is joined again (columns
    are kept apart: a line joins the one right above it, not the one before it in the row)."""
    found: list[list[TextLine]] = []
    for line in reading_order(lines):
        if not line.text.strip():
            continue
        for group in reversed(found):
            if _continues(line, group[-1]):
                group.append(line)
                break
        else:
            found.append([line])
    return [" ".join(" ".join(item.text.split()) for item in group) for group in found]


def plain_text(lines: Iterable[TextLine]) -> str:
    return "\n".join(line.text for line in reading_order(lines))


def deck_furniture(slides: Sequence[Sequence[str]], min_slides: int = 3) -> set[str]:
    """Lines repeated across a deck's slides (the conference logo, a footer, the speaker's
    handle): normalized lines found on at least half the distinct slides, and on `min_slides`.
    Shots of the same slide count once, so a title shot three times is not furniture."""
    distinct: list[set[str]] = []
    joined: list[str] = []
    for slide in slides:
        lines = {normalize(text) for text in slide} - {""}
        text = " ".join(sorted(lines))
        if not lines or any(agreement(text, other) >= MIN_TEXT_AGREEMENT for other in joined):
            continue
        distinct.append(lines)
        joined.append(text)
    if len(distinct) < min_slides:
        return set()
    counts = Counter(line for lines in distinct for line in lines)
    needed = max(min_slides, (len(distinct) + 1) // 2)
    return {line for line, count in counts.items() if count >= needed}


def _title_like(line: TextLine, furniture: AbstractSet[str]) -> bool:
    text = line.text.strip()
    letters = sum(ch.isalpha() for ch in text)
    if line.confidence < MIN_TITLE_CONFIDENCE or letters < 3 or letters < len(text) * 0.5:
        return False
    if text.startswith(("@", "#", "http", "www.")) or "://" in text:
        return False  # a handle or a link, not a title
    return normalize(text) not in furniture


def title_lines(
    lines: Sequence[TextLine], furniture: AbstractSet[str] = frozenset(), image_height: int = 0
) -> list[TextLine]:
    """The slide's title: the topmost of the large, confident lines (large: at least 60% of the
    tallest such line), with the lines right under it that continue it (same size, aligned)."""
    smallest = image_height * MIN_TITLE_IMAGE_SHARE
    candidates = [
        line for line in lines if _title_like(line, furniture) and line.height >= smallest
    ]
    if not candidates:
        return []
    tallest = max(line.height for line in candidates)
    large = [line for line in candidates if line.height >= TITLE_HEIGHT_SHARE * tallest]
    top = min(line.top for line in large)
    first_row = [line for line in large if line.top - top < 0.5 * line.height]
    title = [max(first_row, key=lambda line: (line.height, -line.left))]
    for line in sorted(large, key=lambda item: item.top):
        last = title[-1]
        if line in title or line.top < last.bottom - 0.3 * last.height:
            continue
        gap = line.top - last.bottom
        same_size = abs(line.height - last.height) <= 0.2 * last.height
        aligned = abs(line.left - last.left) < 1.5 * last.height or (
            abs((line.left + line.right) - (last.left + last.right)) < 3 * last.height
        )
        if gap <= 0.9 * last.height and same_size and aligned and len(title) < 3:
            title.append(line)
        else:
            break
    return title


def suggest_caption(
    lines: Sequence[TextLine], furniture: AbstractSet[str] = frozenset(), image_height: int = 0
) -> str:
    """The title line(s) as a caption; "" when the photo shows no slide title."""
    title = " ".join(line.text.strip() for line in title_lines(lines, furniture, image_height))
    title = " ".join(title.split()).rstrip(" .:…")
    return title[:120]


def tallest_line(lines: Sequence[TextLine]) -> str:
    """The naive rule the suggestion is measured against (bench): the tallest confident line."""
    confident = [line for line in lines if line.confidence >= 0.5]
    return max(confident, key=lambda line: line.height).text if confident else ""


def _trigrams(text: str) -> set[str]:
    letters = "".join(_WORD.findall(text.lower()))
    return {letters[i : i + 3] for i in range(len(letters) - 2)}


def agreement(a: str, b: str) -> float:
    """How alike two texts read, 0..1: the Dice overlap of their letter trigrams. Spaces and
    order do not count, so a blurred shot read as "DistributedComputing", or two columns read
    in another order, still agree with a sharp one."""
    ga, gb = _trigrams(a), _trigrams(b)
    if not ga and not gb:
        return 1.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


# --- near-duplicate shots ----------------------------------------------------------------


@dataclass(frozen=True)
class Shot:
    """What grouping needs to know about one photo of a talk."""

    id: int
    dhash: int | None  # 64-bit difference hash of the upright photo
    text: str  # the slide's text without the deck's repeated lines
    sharpness: float
    pinned: bool = False  # the user chose this one as the group's keeper


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def same_slide(a: Shot, b: Shot) -> bool:
    """Two shots of one slide: pictures alike and, when there is text, the text alike too.
    Slides of one deck share a template, so a close hash alone never groups slides with
    text; slides differ in their words."""
    if a.dhash is None or b.dhash is None:
        return False
    distance = hamming(a.dhash, b.dhash)
    words_a, words_b = normalize(a.text), normalize(b.text)
    if not words_a and not words_b:
        return distance <= 6  # no text to compare: only nearly identical pictures
    if not words_a or not words_b:
        return False
    return distance <= MAX_SHOT_DISTANCE and agreement(words_a, words_b) >= MIN_TEXT_AGREEMENT


def group_duplicates(shots: Sequence[Shot]) -> dict[int, int | None]:
    """Each shot's keeper: None for the one kept (the pinned one, else the sharpest of its
    group), the keeper's id for the others. Groups are the connected shots (same_slide)."""
    parent = {shot.id: shot.id for shot in shots}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(shots):
        for b in shots[i + 1 :]:
            if find(a.id) != find(b.id) and same_slide(a, b):
                parent[find(b.id)] = find(a.id)
    groups: dict[int, list[Shot]] = {}
    for shot in shots:
        groups.setdefault(find(shot.id), []).append(shot)
    result: dict[int, int | None] = {}
    for members in groups.values():
        keeper = max(members, key=lambda s: (s.pinned, s.sharpness, -s.id))
        for shot in members:
            result[shot.id] = None if shot.id == keeper.id else keeper.id
    return result


def caption_for_export(written: str, caption: str, typed: bool, suggested: str) -> str:
    """The caption a post shows for a photo: the words written in the note's reference, unless
    they are still the numbered default caption (not typed by the user) and the slide's title
    line was read: then that."""
    if suggested and not typed and written.strip() in ("", caption.strip()):
        return suggested
    return written or caption


# --- into the note -----------------------------------------------------------------------


def as_markdown(
    lines: Sequence[TextLine], style: str = "quote", leave_out: AbstractSet[str] = frozenset()
) -> str:
    """The slide's text for a note: a block quote (the title in bold, the rest as a list) or a
    list under the title. `leave_out`: the deck's repeated lines (normalized)."""
    kept = [line for line in lines if normalize(line.text) not in leave_out]
    ordered = paragraphs(kept)
    if not ordered:
        return ""
    title, rest = ordered[0], ordered[1:]
    items = [item for item in (_BULLET.sub("", text) for text in rest) if item]
    if style == "list":
        return "\n".join([f"**{title}**", ""] + [f"- {item}" for item in items])
    return "\n".join([f"> **{title}**"] + ([">"] if items else []) + [f"> - {i}" for i in items])
