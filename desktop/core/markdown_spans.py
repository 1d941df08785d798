"""Where the Markdown marks in one line of a note are, for the editor's colours."""

from __future__ import annotations

import re
from itertools import groupby

from desktop.core import photo_refs

# (pattern, kind), applied in order; a later match recolours what an earlier one coloured.
_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    # single * or _, not one of a pair (**bold** is not italic), so bold inside italic shows
    (re.compile(r"(?<![*_\w])([*_])(?![*_\s])(.+?)(?<![*_\s])\1(?![*_\w])"), "italic"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), "bold"),
    (re.compile(r"`[^`\n]+`"), "code"),
    (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), "link"),
    (re.compile(r"<https?://[^>\s]+>|https?://\S+"), "link"),
    (
        re.compile(r"\[\d{1,2}:\d{2}(?::\d{2})?(?: [A-Z][A-Za-z]*(?:[+-]\d{1,2}(?::\d{2})?)?)?\]"),
        "timestamp",
    ),
    (photo_refs.LOOSE, "photo"),
)
_HEADING = re.compile(r"\s*#{1,6}\s")
_LIST_MARK = re.compile(r"\s*([-*+]|\d+[.)])\s")
_FENCE = ("```", "~~~")

Span = tuple[int, int, str]  # start, length, kind


def line_spans(text: str, in_fence: bool) -> tuple[list[Span], bool]:
    """The coloured runs of one line, in order and not overlapping, and whether a fenced code
    block is still open after it."""
    if text.lstrip().startswith(_FENCE):
        return [(0, len(text), "code_block")], not in_fence
    if in_fence:  # even an empty line: what is typed into it is code
        return [(0, len(text), "code_block")], True
    if _HEADING.match(text):
        return [(0, len(text), "heading")], False
    base: list[Span] = []
    if text.lstrip().startswith(">"):
        base = [(0, len(text), "quote")]
    elif mark := _LIST_MARK.match(text):
        base = [(mark.start(1), mark.end(1) - mark.start(1), "list_mark")]
    marks = base + [
        (match.start(), match.end() - match.start(), kind)
        for pattern, kind in _INLINE
        for match in pattern.finditer(text)
    ]
    ordered = sorted(marks)
    if all(a[0] + a[1] <= b[0] for a, b in zip(ordered, ordered[1:], strict=False)):
        return _merged(ordered), False  # the common case: no marks overlap
    kinds: list[str | None] = [None] * len(text)
    for start, length, kind in marks:
        kinds[start : start + length] = [kind] * length
    return _runs(kinds), False


def unchanged_by_append(text: str, start: int) -> bool:
    """Whether the marks of `text` are those of text[:start] (a line-wide one reaching the
    end either way): true when everything from the word that text[:start] ends in to the end
    is letters, digits and spaces. No mark can open, close or grow then: each needs a
    character such as * _ ` ) ] : # - to do so, next to or in the words typed."""
    word = start
    while word > 0 and not text[word - 1].isspace():
        word -= 1
    return all(c.isalnum() or c == " " for c in text[word:])


def _merged(spans: list[Span]) -> list[Span]:
    """Ordered, non-overlapping spans with touching ones of a kind joined."""
    out: list[Span] = []
    for start, length, kind in spans:
        if out and out[-1][2] == kind and out[-1][0] + out[-1][1] == start:
            out[-1] = (out[-1][0], out[-1][1] + length, kind)
        else:
            out.append((start, length, kind))
    return out


def _runs(kinds: list[str | None]) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for kind, group in groupby(kinds):
        length = sum(1 for _ in group)
        if kind is not None:
            spans.append((start, length, kind))
        start += length
    return spans
