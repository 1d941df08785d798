"""What Enter and Tab do on a Markdown list or quote line, as ghostwriter and Obsidian do it.

Plain functions over line text (no Qt): the editor asks, then applies the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# indent, marker (bullet, "1." or "1)"), space, optional task box, content
_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])(?P<space>[ \t]+)"
    r"(?P<task>\[[ xX]\][ \t]+)?(?P<content>.*)$"
)
_QUOTE = re.compile(r"^(?P<prefix>[ \t]*(?:>[ \t]?)+)(?P<content>.*)$")


@dataclass(frozen=True)
class Enter:
    """end_line: replace the line with this (the item or quote ends) — else
    continuation: insert a line break and this after the cursor's text."""

    continuation: str | None = None
    end_line: str | None = None


def on_enter(line: str) -> Enter | None:
    """None when Enter is a plain line break (not in a list item or a quote)."""
    item = _ITEM.match(line)
    if item:
        if not item["content"].strip():  # an empty item ends the list
            return Enter(end_line="")
        marker = item["marker"]
        if marker[0].isdigit():
            marker = f"{int(marker[:-1]) + 1}{marker[-1]}"
        task = "[ ] " if item["task"] else ""
        return Enter(continuation=f"{item['indent']}{marker}{item['space']}{task}")
    quote = _QUOTE.match(line)
    if quote:
        if not quote["content"].strip():
            return Enter(end_line="")
        return Enter(
            continuation=quote["prefix"] if quote["prefix"].endswith(" ") else quote["prefix"] + " "
        )
    return None


def closes_quote(line: str, column: int) -> bool:
    """Whether Enter at `column` of `line` should first step over the closing mark: on a quote
    line with nothing after the cursor but that `"` (and spaces), as the Quote command leaves
    it once the words are typed. Split there, the mark went to a line of its own."""
    return line[column:].rstrip() == '"' and _QUOTE.match(line) is not None


def joins_quote(line: str) -> bool:
    """Whether a line put right under `line` would be read as part of a quote: under a quote
    line, Markdown's lazy continuation (Python-Markdown, goldmark, kramdown) carries the
    quote on. Text the app puts on a new line there needs a blank line before it."""
    return _QUOTE.match(line) is not None


def is_attribution(line: str) -> bool:
    """A quote's last line as the Quote command writes it: `> \\- Speaker`."""
    quote = _QUOTE.match(line)
    return quote is not None and quote["content"].startswith("\\- ")


def is_item(line: str) -> bool:
    return _ITEM.match(line) is not None


def content_column(line: str) -> int:
    """Where an item's text starts: a nested item indents to here (CommonMark: goldmark,
    kramdown)."""
    item = _ITEM.match(line)
    if not item:
        return 0
    return len(item["indent"]) + len(item["marker"]) + len(item["space"])


def indent(line: str, previous_items: list[str]) -> str:
    """Tab on an item: nest it under the nearest item above it at its level (indent to that
    item's content column); numbered items restart at 1 when nested."""
    item = _ITEM.match(line)
    if not item:
        return line
    own = len(item["indent"])
    parent = next((p for p in reversed(previous_items) if _indent_of(p) == own), None)
    if parent is None:
        return line
    marker = item["marker"]
    if marker[0].isdigit():
        marker = f"1{marker[-1]}"
    new_indent = " " * content_column(parent)
    return f"{new_indent}{marker}{item['space']}{item['task'] or ''}{item['content']}"


def outdent(line: str, previous_items: list[str]) -> str:
    """Shift+Tab on an item: to the indent of its parent item (the nearest item above with a
    smaller indent)."""
    item = _ITEM.match(line)
    if not item or not item["indent"]:
        return line
    own = len(item["indent"])
    parent = next((p for p in reversed(previous_items) if _indent_of(p) < own), None)
    new_indent = " " * (_indent_of(parent) if parent is not None else 0)
    return f"{new_indent}{item['marker']}{item['space']}{item['task'] or ''}{item['content']}"


def _indent_of(line: str) -> int:
    item = _ITEM.match(line)
    return len(item["indent"].expandtabs(4)) if item else -1


def renumber(lines: list[str]) -> list[str]:
    """Number each run of numbered items at one indent 1, 2, 3… from its first number (lines
    of other kinds at a deeper indent, or blank lines, do not break a run)."""
    out = list(lines)
    counters: dict[int, int] = {}
    for i, line in enumerate(lines):
        item = _ITEM.match(line)
        if not line.strip():
            continue
        if item is None:
            depth = len(line) - len(line.lstrip())
            counters = {k: v for k, v in counters.items() if k < depth}
            continue
        own = len(item["indent"])
        counters = {k: v for k, v in counters.items() if k <= own}
        marker = item["marker"]
        if not marker[0].isdigit():
            counters.pop(own, None)
            continue
        number = counters[own] + 1 if own in counters else int(marker[:-1])
        counters[own] = number
        out[i] = f"{item['indent']}{number}{marker[-1]}{line[own + len(marker) :]}"
    return out
