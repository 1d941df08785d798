"""Small pieces of the wording messages share."""

from __future__ import annotations


def counted(n: int, word: str) -> str:
    """ "1 note", "3 notes": the nouns messages count all take an s."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
