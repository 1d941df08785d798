"""The one Markdown renderer: the preview shows what the exporters publish.

Photos are referenced in notes as `![caption](photo:SHA256PREFIX)`; a resolver maps that to a
path or URL (a thumbnail for the preview, the exported file for a blog).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.markdown_options import (  # noqa: F401 (re-exported)
    EXTENSIONS,
    PHOTO_SCHEME,
    Resolver,
)


def render_html(text: str, resolve_photo: Resolver | None = None, flavor: str = "hugo") -> str:
    """Markdown to an HTML fragment, read as `flavor`'s engine ("hugo" or "jekyll") reads
    it (see core.markdown_flavor). Thread-safe (one parser per thread)."""
    # python-markdown loads on the first render, not with this module: ~20 ms of start-up
    from desktop.core.markdown_parser import convert

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
_paragraph_words: dict[str, int] = {}  # the last long text's paragraphs, counted


def _count(text: str) -> int:
    read = text
    for pattern, replacement in _UNREAD:
        read = pattern.sub(replacement, read)
    return len(read.split()) - len(_NOT_WORDS.findall(read))


def word_count(text: str) -> int:
    """The words a reader reads: tokens with a letter or digit, once the Markdown that does
    not show (photo captions, link targets, list/quote/heading markers, lone dashes) is gone.

    Counted a paragraph at a time, and only the paragraphs that changed since the last long
    text: the status bar counts the note once a second while typing goes on, and counting a
    whole 100,000-word note took ~150 ms of the GUI thread."""
    global _paragraph_words
    if len(text) < 20_000:
        return _count(text)
    known, total = _paragraph_words, 0
    counts: dict[str, int] = {}
    for paragraph in text.split("\n\n"):  # a word never spans a blank line
        words = known.get(paragraph)
        if words is None:
            words = counts.get(paragraph)
            if words is None:
                words = _count(paragraph)
        counts[paragraph] = words
        total += words
    _paragraph_words = counts
    return total


# --- incremental rendering, for the live preview of long notes ---------------------------------

# Markdown whose parts refer to each other across blank lines: render the note whole.
_WHOLE_NOTE = re.compile(
    r"^ {0,3}\[[^\]]+\]:"  # reference link definitions
    r"|\[\^"  # footnotes
    r"|^ {0,3}<[a-zA-Z!/?]",  # raw HTML blocks, which may span blank lines
    re.M,
)


def _refers(block: str) -> bool:
    """Whether `block` may refer to other parts (_WHOLE_NOTE). The plain substring tests
    first: the pattern alone took ~30 ms over a 100,000-word note."""
    return ("]:" in block or "[^" in block or "<" in block) and bool(_WHOLE_NOTE.search(block))


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


# The text locate() split last, and its parts: a render asks where the writer is, and its
# showing asks again (a 100,000-word note: ~7 ms a split).
_last_split: tuple[str, list[str]] | None = None


def _split_once(text: str) -> list[str]:
    """split_blocks(text), once per text: the render thread splits the text it renders and
    then locates the writer in it, and the window asks again where the writer is."""
    global _last_split
    last = _last_split  # (one read: another thread may replace it)
    if last is not None and last[0] is text:
        return last[1]
    blocks = split_blocks(text)
    _last_split = (text, blocks)
    return blocks


def locate(text: str, position: int) -> tuple[int, int, float]:
    """Where `position` lies in split_blocks(text): (part index, number of parts, how far
    into that part from 0 to 1). The preview scrolls to show the part being typed."""
    blocks = _split_once(text)
    start = 0
    for index, block in enumerate(blocks):
        end = start + len(block)
        if position <= end or index == len(blocks) - 1:
            within = (position - start) / len(block) if block else 0.0
            return index, len(blocks), min(1.0, max(0.0, within))
        start = end + 1  # the newline between parts
    return 0, 0, 0.0


@dataclass(frozen=True)
class Window:
    """Some of a long note's parts, rendered: parts[first : first + len(blocks)] of `total`
    (parts that render to nothing are left out of `parts`)."""

    first: int
    count: int  # how many parts of the note it covers
    total: int
    parts: list[str]


def window_start(total: int, size: int, focus: int | None, current: int | None) -> int:
    """Where a window of `size` parts of `total` begins: where it is (`current`) while the
    writer's part (`focus`) stays a few parts inside it, else centred on the writer."""
    last = max(0, total - size)
    margin = min(size // 8, 6)
    if current is not None:
        current = min(max(0, current), last)
        if focus is None or (
            (current == 0 or focus >= current + margin)
            and (current == last or focus < current + size - margin)
        ):
            return current
    if focus is None:
        return 0
    return min(max(0, focus - size // 2), last)


class IncrementalRenderer:
    """render_html for a note edited a little at a time: each top-level part is rendered once
    and reused while its text is unchanged, so a keystroke re-renders one paragraph, not the
    whole note (python-markdown takes ~0.7 s for 20,000 words, holding the GIL all along).
    Use from one thread at a time."""

    def __init__(self, flavor: str = "hugo") -> None:
        self._parts: dict[str, str] = {}
        self.flavor = flavor
        self._checked: set[str] = set()  # parts known to render on their own

    def render(self, text: str, resolve_photo: Resolver | None = None) -> str:
        parts = self.render_parts(text, resolve_photo)
        return parts if isinstance(parts, str) else "\n".join(parts)

    def render_parts(self, text: str, resolve_photo: Resolver | None = None) -> list[str] | str:
        """The HTML of each top-level part, in order (joined with newlines they are
        render_html(text)); or the whole note's HTML when its parts refer to each other."""
        rendered = self.render_window(text, resolve_photo)
        return rendered if isinstance(rendered, str) else rendered.parts

    def render_window(
        self,
        text: str,
        resolve_photo: Resolver | None = None,
        size: int | None = None,
        focus: int | None = None,
        current: int | None = None,
    ) -> Window | str:
        """render_parts for `size` parts only (all when None), placed by window_start; or
        the whole note's HTML when its parts refer to each other."""
        blocks = _split_once(text)
        # Searched per part, and only in parts not seen before: the search over a whole
        # 20,000-word note took 6 ms, holding the GIL the typing thread needs.
        if any(b not in self._checked and _refers(b) for b in blocks):
            self._parts, self._checked = {}, set()
            return render_html(text, resolve_photo, self.flavor)
        self._checked = set(blocks)
        first = 0 if size is None else window_start(len(blocks), size, focus, current)
        shown = blocks if size is None else blocks[first : first + size]
        parts: dict[str, str] = {}
        out = []
        for block in shown:
            html = self._parts.get(block)
            if html is None:
                html = render_html(block, resolve_photo, self.flavor)
            if PHOTO_SCHEME not in block:  # a photo's thumbnail may appear later: re-resolve
                parts[block] = html
            if html:
                out.append(html)
        self._parts = parts
        return Window(first, len(shown), len(blocks), out)
