"""The sidebar's tree: conferences → days → talks (plus each conference's hallway notes)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from desktop.core import abstracts, agenda
from desktop.core.ids import saved_id
from desktop.core.models import Conference, Note, Talk, TalkStatus

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "conference" | "day" | "talk" | "hallway"
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # talk id, conference id or note id
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # text the filter box matches
STARRED_ROLE = Qt.ItemDataRole.UserRole + 4
NOTED_ROLE = Qt.ItemDataRole.UserRole + 5
DAY_ROLE = Qt.ItemDataRole.UserRole + 6
TRACK_ROLE = Qt.ItemDataRole.UserRole + 7
ROOM_ROLE = Qt.ItemDataRole.UserRole + 8
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 9  # SEARCH_ROLE's text folded (see fold)

COLUMNS = ["Talk", "Room"]
HALLWAY_TITLE = "Hallway notes"


def _day_label(day: date, index: int) -> str:
    return f"Day {index} · {day:%A %d %B}"


def _talk_tooltip(talk: Talk) -> str:
    who = ", ".join(talk.speakers) or "no speakers listed"
    gone = "\n⚠ no longer in the schedule" if talk.status == TalkStatus.REMOVED else ""
    return f"{talk.title}\n{who}\n{talk.room} · {talk.track}{gone}"


class ScheduleModel(QStandardItemModel):
    """Rebuilt from core objects; never touches the database itself."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        self._talk_rows: dict[int, list[QStandardItem]] = {}
        self._talks: dict[int, Talk] = {}
        self._conferences: list[Conference] = []
        self._hallway_conference: dict[int, int | None] = {}
        self._hallway_rows: dict[int, QStandardItem] = {}
        self._band: dict[int, QBrush | None] = {}  # slot banding, restored after highlighting
        self._state: dict[int, str] = {}  # "running" | "next" | ""
        self._fonts: dict[int, tuple[bool, bool]] = {}  # a row's (struck out, bold) if set

    def talk(self, talk_id: int) -> Talk | None:
        return self._talks.get(talk_id)

    def talks(self) -> list[Talk]:
        return list(self._talks.values())

    def conferences(self) -> list[Conference]:
        return list(self._conferences)

    def hallway_conference(self, note_id: int) -> int | None:
        """The conference a hallway note belongs to (None: to none, or not shown)."""
        return self._hallway_conference.get(note_id)

    def populate(
        self, conferences: list[Conference], talks: list[Talk], hallway: list[Note]
    ) -> None:
        self.removeRows(0, self.rowCount())
        self._talk_rows.clear()
        self._hallway_rows.clear()
        self._band.clear()
        self._state.clear()
        self._fonts.clear()
        self._talks = {t.id: t for t in talks if t.id is not None}
        self._conferences = list(conferences)
        self._hallway_conference = {n.id: n.conference_id for n in hallway if n.id is not None}
        for conf in conferences:
            conf_item = QStandardItem(conf.title)
            conf_item.setData("conference", KIND_ROLE)
            conf_item.setData(conf.id, ID_ROLE)
            conf_item.setData(conf.title, SEARCH_ROLE)
            bold = QFont()
            bold.setBold(True)
            conf_item.setFont(bold)
            # built apart from the model and added whole: one insertion for the views and the
            # filter to follow, not one per row (FOSDEM: 876 rows, ~60 ms less)
            conf_talks = [t for t in talks if t.conference_id == conf.id]
            days = sorted({t.day for t in conf_talks if t.day})
            for index, day in enumerate(days, start=1):
                day_item = QStandardItem(_day_label(day, index))
                day_item.setData("day", KIND_ROLE)
                day_item.setData(day.isoformat(), DAY_ROLE)
                day_item.setData(conf.id, ID_ROLE)
                conf_item.appendRow([day_item, QStandardItem()])
                self._add_talks(day_item, [t for t in conf_talks if t.day == day])
            undated = [t for t in conf_talks if t.day is None]
            if undated:
                item = QStandardItem("Unscheduled")
                item.setData("day", KIND_ROLE)
                conf_item.appendRow([item, QStandardItem()])
                self._add_talks(item, undated)
            own = [n for n in hallway if n.conference_id == conf.id]
            for note in own:
                self._add_hallway(conf_item, note)
            if not any(n.title == HALLWAY_TITLE for n in own):  # made when first chosen
                item = QStandardItem(f"☕ {HALLWAY_TITLE}")
                item.setData("hallway-new", KIND_ROLE)
                item.setData(conf.id, ID_ROLE)
                item.setData(HALLWAY_TITLE, SEARCH_ROLE)
                conf_item.appendRow([item, QStandardItem()])
            self.appendRow([conf_item, QStandardItem()])
        for note in [n for n in hallway if n.conference_id is None]:
            self._add_hallway(self.invisibleRootItem(), note)

    def _add_hallway(self, parent: QStandardItem, note: Note) -> None:
        item = QStandardItem(f"☕ {note.title or HALLWAY_TITLE}")
        item.setData("hallway", KIND_ROLE)
        item.setData(note.id, ID_ROLE)
        self._hallway_rows[saved_id(note.id)] = item
        item.setData(f"{note.title} {note.body[:2000]}", SEARCH_ROLE)
        parent.appendRow([item, QStandardItem()])

    def _add_talks(self, parent: QStandardItem, talks: list[Talk]) -> None:
        band = QApplication.palette().color(QPalette.ColorRole.AlternateBase)
        slot_index, last_start = -1, None
        for talk in talks:
            if talk.start != last_start:
                slot_index, last_start = slot_index + 1, talk.start
            row = [QStandardItem(), QStandardItem(talk.room)]
            brush = QBrush(band) if slot_index % 2 else None  # parallel talks share a band
            self._band[saved_id(talk.id)] = brush
            tooltip = _talk_tooltip(talk)
            for item in row:
                item.setData("talk", KIND_ROLE)
                item.setData(talk.id, ID_ROLE)
                item.setToolTip(tooltip)
                item.setEditable(False)
                if brush is not None:
                    item.setBackground(brush)
            row[0].setData(talk.track, TRACK_ROLE)
            row[0].setData(talk.room, ROOM_ROLE)
            row[0].setData(talk.day.isoformat() if talk.day else "", DAY_ROLE)
            row[0].setData(
                " ".join(
                    [
                        talk.title,
                        talk.subtitle,
                        *talk.speakers,
                        talk.room,
                        talk.track,
                        abstracts.search_text(talk.abstract),
                    ]
                ),
                SEARCH_ROLE,
            )
            row[0].setData(fold(row[0].data(SEARCH_ROLE)), FOLDED_ROLE)
            parent.appendRow(row)
            self._talk_rows[saved_id(talk.id)] = row
            self.update_talk(talk)

    def _label(self, talk: Talk) -> str:
        state = self._state.get(saved_id(talk.id), "")
        when = agenda.time_label(talk)
        prefix = {"running": "▶ ", "next": "next · "}.get(state, "")
        marks = ("★ " if talk.starred else "") + ("✎ " if talk.has_note else "")
        who = f" — {', '.join(talk.speakers)}" if talk.speakers else ""
        gone = " (no longer in the schedule)" if talk.status == TalkStatus.REMOVED else ""
        return f"{prefix}{when}   {marks}{talk.title}{who}{gone}"

    def update_talk(self, talk: Talk) -> None:
        """Refresh a talk's row (marks for starred / notes / removed)."""
        talk_id = saved_id(talk.id)
        row = self._talk_rows.get(talk_id)
        if row is None:
            return
        self._talks[talk_id] = talk
        row[0].setText(self._label(talk))
        row[0].setData(talk.starred, STARRED_ROLE)
        row[0].setData(talk.has_note, NOTED_ROLE)
        struck = talk.status == TalkStatus.REMOVED
        bold = self._state.get(talk_id, "") == "running"
        if self._fonts.get(talk_id, (False, False)) != (struck, bold):
            font = row[0].font()  # (a new row's is the view's: most rows keep it)
            font.setStrikeOut(struck)
            font.setBold(bold)
            row[0].setFont(font)
            self._fonts[talk_id] = (struck, bold)

    def mark_time(self, now: datetime) -> None:
        """Highlight the running talks and mark the next ones (only rows that change)."""
        talks = self.talks()
        running = {t.id for t in agenda.running(talks, now)}
        following = {t.id for t in agenda.upcoming(talks, now)}
        accent = QApplication.palette().color(QPalette.ColorRole.Highlight)
        accent.setAlpha(70)
        for talk_id, row in self._talk_rows.items():
            state = "running" if talk_id in running else "next" if talk_id in following else ""
            if self._state.get(talk_id, "") == state:
                continue
            self._state[talk_id] = state
            brush = QBrush(accent) if state == "running" else self._band.get(talk_id)
            for item in row:
                item.setData(brush, Qt.ItemDataRole.BackgroundRole)
            self.update_talk(self._talks[talk_id])

    def drop_conference(self, conference_id: int) -> set[tuple[str, int]]:
        """Take a conference out of the tree at once (it is being removed); the notes it
        held, as (kind, id): ("talk", talk id), ("hallway", note id)."""
        talks = [i for i, t in self._talks.items() if t.conference_id == conference_id]
        hallway = [n for n, c in self._hallway_conference.items() if c == conference_id]
        for talk_id in talks:
            for table in (self._talks, self._talk_rows, self._band, self._state, self._fonts):
                table.pop(talk_id, None)
        for note_id in hallway:
            self._hallway_conference.pop(note_id, None)
            self._hallway_rows.pop(note_id, None)
        self._conferences = [c for c in self._conferences if c.id != conference_id]
        for row in range(self.rowCount()):
            item = self.item(row)
            if item.data(KIND_ROLE) == "conference" and item.data(ID_ROLE) == conference_id:
                self.removeRow(row)
                break
        return {("talk", t) for t in talks} | {("hallway", n) for n in hallway}

    def index_of_hallway(self, note_id: int):
        item = self._hallway_rows.get(note_id)
        return item.index() if item else None

    def index_of_talk(self, talk_id: int):
        row = self._talk_rows.get(talk_id)
        return row[0].index() if row else None


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
