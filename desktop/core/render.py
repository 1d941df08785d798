"""The one Markdown renderer: the preview shows what the exporters publish.

Photos are referenced in notes as `![caption](photo:SHA256PREFIX)`; a resolver maps that to a
path or URL (a thumbnail for the preview, the exported file for a blog).
"""

from __future__ import annotations

import re

from desktop.core.markdown_options import (  # noqa: F401 (re-exported)
    EXTENSIONS,
    PHOTO_SCHEME,
    Resolver,
)


def render_html(text: str, resolve_photo: Resolver | None = None, flavor: str = "hugo") -> str:
    """Markdown to an HTML fragment, read as `flavor`'s engine ("hugo" or "jekyll") reads
    it (see core.markdown_flavor). Thread-safe (one parser per thread)."""
    # python-markdown loads on the first render, not with this module: ~20 ms of start-up
    from desktop.core.markdown_html import convert

    return convert(text, resolve_photo, flavor)


# What a reader does not read: photos (their captions are not the note's text), link and
# autolink targets, HTML tags, and the markers of lists, quotes and headings. One pattern per
# opening character: a literal start lets the regex engine skip ahead (one alternation of
# them took 10 ms over 20,000 words, these 1-2 ms).
_UNREAD = (
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), " "),  # ![caption](photo:… or url)
    (re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"), "] "),  # the (target) of [text](target)
    (re.compile(r"<(?:https?://|mailto:)[^>\s]*>|</?[a-zA-Z][^>\n]*>"), " "),  # autolinks, tags
)
_NOT_WORDS = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")  # a token of marks only: -, >, ##, \-


def word_count(text: str) -> int:
    """The words a reader reads: tokens with a letter or digit, once the Markdown that does
    not show (photo captions, link targets, list/quote/heading markers, lone dashes) is gone.
    A few passes of C regex and a split: ~5 ms for 20,000 words (once a second while typing)."""
    read = text
    for pattern, replacement in _UNREAD:
        read = pattern.sub(replacement, read)
    return len(read.split()) - len(_NOT_WORDS.findall(read))


# --- incremental rendering, for the live preview of long notes ---------------------------------

# Markdown whose parts refer to each other across blank lines: render the note whole.
_WHOLE_NOTE = re.compile(
    r"^ {0,3}\[[^\]]+\]:"  # reference link definitions
    r"|\[\^"  # footnotes
    r"|^ {0,3}<[a-zA-Z!/?]",  # raw HTML blocks, which may span blank lines
    re.M,
)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# A line that may continue the block before it even after a blank line: indented (list item
# paragraphs, code), a list item (a loose list), a quote (python-markdown merges them).
_CONTINUES = re.compile(r"[ \t]|[-*+>][ \t]|[-*+>]$|\d{1,9}[.)]([ \t]|$)")


def split_blocks(text: str) -> list[str]:
    """Split Markdown into top-level parts that render on their own exactly as they do in
    the whole note (checked against whole renders in tests)."""
    blocks: list[str] = []
    current: list[str] = []
    fence = ""
    blank_before = False
    for line in text.split("\n"):
        if fence:
            if line.lstrip(" ").startswith(fence) and len(line) - len(line.lstrip(" ")) < 4:
                fence = ""
            current.append(line)
            continue
        if not line.strip():
            blank_before = bool(current)
            current.append(line)
            continue
        if blank_before and not _CONTINUES.match(line):
            blocks.append("\n".join(current))
            current = []
        blank_before = False
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def locate(text: str, position: int) -> tuple[int, int, float]:
    """Where `position` lies in split_blocks(text): (part index, number of parts, how far
    into that part from 0 to 1). The preview scrolls to show the part being typed."""
    blocks = split_blocks(text)
    start = 0
    for index, block in enumerate(blocks):
        end = start + len(block)
        if position <= end or index == len(blocks) - 1:
            within = (position - start) / len(block) if block else 0.0
            return index, len(blocks), min(1.0, max(0.0, within))
        start = end + 1  # the newline between parts
    return 0, 0, 0.0


class IncrementalRenderer:
    """render_html for a note edited a little at a time: each top-level part is rendered once
    and reused while its text is unchanged, so a keystroke re-renders one paragraph, not the
    whole note (python-markdown takes ~0.7 s for 20,000 words, holding the GIL all along).
    Use from one thread at a time."""

    def __init__(self, flavor: str = "hugo") -> None:
        self._parts: dict[str, str] = {}
        self.flavor = flavor

    def render(self, text: str, resolve_photo: Resolver | None = None) -> str:
        parts = self.render_parts(text, resolve_photo)
        return parts if isinstance(parts, str) else "\n".join(parts)

    def render_parts(self, text: str, resolve_photo: Resolver | None = None) -> list[str] | str:
        """The HTML of each top-level part, in order (joined with newlines they are
        render_html(text)); or the whole note's HTML when its parts refer to each other."""
        blocks = split_blocks(text)
        # Searched per part, and only in parts not seen before: the search over a whole
        # 20,000-word note took 6 ms, holding the GIL the typing thread needs.
        if any(b not in self._parts and _WHOLE_NOTE.search(b) for b in blocks):
            self._parts = {}
            return render_html(text, resolve_photo, self.flavor)
        parts: dict[str, str] = {}
        out = []
        for block in blocks:
            html = self._parts.get(block)
            if html is None:
                html = render_html(block, resolve_photo, self.flavor)
            if PHOTO_SCHEME not in block:  # a photo's thumbnail may appear later: re-resolve
                parts[block] = html
            if html:
                out.append(html)
        self._parts = parts
        return out
