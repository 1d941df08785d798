"""Matching what a user types against text: case and accents ignored, at word starts. The
sidebar's filter uses it ("Zoë" is found by "zoe", "rust" finds "rustc" but not "trust")."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Text as the filter compares it: without case or accents ("Zoë" matches "zoe").

    Character by character, folding FOSDEM's titles and abstracts took ~150 ms as the schedule
    loaded: ASCII text is only case-folded, and the accents are dropped by str.translate."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    drop = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}
    return decomposed.translate(drop) if drop else decomposed


def word_starts(query: str) -> list[re.Pattern[str]]:
    """One pattern per word of the query, each at the start of a word (all must match, in
    any order): "rust" finds "Rust" and "rustc", not "trust"."""
    return [re.compile(rf"(?<!\w){re.escape(word)}") for word in fold(query).split()]
