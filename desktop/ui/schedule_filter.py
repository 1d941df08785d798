"""The sidebar's filter over the schedule model: the filter box's words (at word starts,
accents and case ignored) and the quick filters (starred, with notes, day, track, room)."""

from __future__ import annotations

import re

from PySide6.QtCore import QSortFilterProxyModel, Qt

from desktop.core.text_match import fold, word_starts
from desktop.ui.schedule_model import (
    DAY_ROLE,
    FOLDED_ROLE,
    KIND_ROLE,
    NOTED_ROLE,
    ROOM_ROLE,
    SEARCH_ROLE,
    STARRED_ROLE,
    TRACK_ROLE,
)


class ScheduleFilter(QSortFilterProxyModel):
    """Text filter over SEARCH_ROLE (word starts, accents and case ignored) plus quick
    filters (starred only, with notes only, day, track, room)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(SEARCH_ROLE)
        self.starred_only = False
        self.noted_only = False
        self.day = ""  # ISO date, "" for all
        self.track = ""
        self.room = ""
        self.text = ""
        self._words: list[re.Pattern[str]] = []

    def set_text(self, text: str) -> None:
        """Filter by words starting with the text's words."""
        self.text = text.strip()
        self._words = word_starts(self.text)
        self.set_quick()

    @property
    def narrowed(self) -> bool:
        return bool(
            self.starred_only or self.noted_only or self.day or self.track or self.room or self.text
        )

    def set_quick(self, **flags: object) -> None:
        """starred=, noted= (bool); day=, track=, room= ("" for all)."""
        begin = getattr(self, "beginFilterChange", None)  # Qt ≥ 6.9
        if begin:
            begin()
        mapping = {"starred": "starred_only", "noted": "noted_only"}
        for key, value in flags.items():
            setattr(self, mapping.get(key, key), value)
        if begin:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 (Qt override)
        if not self.narrowed:
            return True  # no filter: every row (asked once per row as the schedule loads)
        index = self.sourceModel().index(row, 0, parent)
        kind = index.data(KIND_ROLE)
        if kind in ("hallway", "hallway-new"):  # a note of no talk: found by its words alone
            only_words = not (self.starred_only or self.noted_only or self.day or self.track)
            if not (self._words and only_words and not self.room):
                return False
            text = fold(index.data(SEARCH_ROLE) or "")
            return all(word.search(text) for word in self._words)
        if kind != "talk":
            # containers show when a child matches (recursive filtering); alone only when idle
            return not self.narrowed
        if self.starred_only and not index.data(STARRED_ROLE):
            return False
        if self.noted_only and not index.data(NOTED_ROLE):
            return False
        for wanted, role in (
            (self.day, DAY_ROLE),
            (self.track, TRACK_ROLE),
            (self.room, ROOM_ROLE),
        ):
            if wanted and index.data(role) != wanted:
                return False
        if not self._words:
            return True
        text = index.data(FOLDED_ROLE) or ""
        return all(word.search(text) for word in self._words)
