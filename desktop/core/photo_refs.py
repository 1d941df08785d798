"""The photo reference in notes, `![caption](photo:KEY)`: the one place that makes, finds and
replaces it (editor, preview, exporters and services all go through here)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

SCHEME = "photo:"
KEY_LENGTH = 16  # the first 16 hex digits of the photo's SHA-256
# A caption may hold anything but brackets and line breaks: make() guarantees that.
PATTERN = re.compile(r"!\[([^\]\n]*)\]\(photo:([0-9a-f]{8,64})\)")
# What looks like a reference while it is typed (the editor colours it before the key is whole).
LOOSE = re.compile(r"!\[[^\]\n]*\]\(photo:[^)\n]*\)")


@dataclass(frozen=True)
class PhotoRef:
    caption: str
    key: str
    start: int
    end: int


def key_of(sha256: str) -> str:
    """The key a note uses for the photo with this SHA-256."""
    return sha256[:KEY_LENGTH]


def clean_caption(caption: str) -> str:
    """A caption that fits between `![` and `]`: brackets become parentheses, one line, and
    no backslash at the end (it would escape the closing bracket)."""
    text = caption.replace("[", "(").replace("]", ")")
    return " ".join(text.split()).rstrip("\\").rstrip()


def make(caption: str, key: str) -> str:
    """The reference to put into a note (found again by find(), whatever the caption)."""
    return f"![{clean_caption(caption)}]({SCHEME}{key})"


def target(key: str) -> str:
    """The `(photo:KEY)` part, by which the editor finds a photo's reference."""
    return f"({SCHEME}{key})"


def find(markdown: str) -> Iterator[PhotoRef]:
    for match in PATTERN.finditer(markdown):
        yield PhotoRef(match.group(1), match.group(2), match.start(), match.end())


def keys(markdown: str) -> list[str]:
    """The keys referenced, in order, each once."""
    return list(dict.fromkeys(ref.key for ref in find(markdown)))


def replace(markdown: str, render: Callable[[PhotoRef], str]) -> str:
    """`markdown` with each reference replaced by render(ref)."""
    return PATTERN.sub(
        lambda m: render(PhotoRef(m.group(1), m.group(2), m.start(), m.end())), markdown
    )


def split(markdown: str) -> Iterator[str | PhotoRef]:
    """The text between references and the references, in order (for escaping the text)."""
    last = 0
    for ref in find(markdown):
        yield markdown[last : ref.start]
        yield ref
        last = ref.end
    yield markdown[last:]


def strip(markdown: str) -> str:
    return PATTERN.sub("", markdown)


def recaption(markdown: str, key: str, caption: str) -> str:
    """Every reference to `key` with the new caption."""
    return PATTERN.sub(lambda m: make(caption, key) if m.group(2) == key else m.group(0), markdown)
