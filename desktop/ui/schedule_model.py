"""The sidebar's tree: conferences → days → talks (plus each conference's hallway notes)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from desktop.core import abstracts, agenda
from desktop.core.ids import saved_id
from desktop.core.models import Conference, Note, Talk, TalkStatus
from desktop.core.text_match import fold

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "conference" | "day" | "talk" | "hallway"
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # talk id, conference id or note id
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # text the filter box matches
STARRED_ROLE = Qt.ItemDataRole.UserRole + 4
NOTED_ROLE = Qt.ItemDataRole.UserRole + 5
DAY_ROLE = Qt.ItemDataRole.UserRole + 6
TRACK_ROLE = Qt.ItemDataRole.UserRole + 7
ROOM_ROLE = Qt.ItemDataRole.UserRole + 8
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 9  # SEARCH_ROLE's text folded (see fold)

# One column: the room is on each talk's second line (ui.talk_delegate). A hidden second
# column doubled the rows Qt and the filter map as the schedule first shows: ~4 ms a start.
COLUMNS = ["Talk"]
HALLWAY_TITLE = "Hallway notes"


def _day_label(day: date, index: int) -> str:
    return f"Day {index} · {day:%A} {day.day} {day:%B}"  # "Saturday 3 February", no 03


def _talk_tooltip(talk: Talk) -> str:
    who = ", ".join(talk.speakers) or "no speakers listed"
    gone = "\n⚠ no longer in the schedule" if talk.status == TalkStatus.REMOVED else ""
    return f"{talk.title}\n{who}\n{talk.room} · {talk.track}{gone}"


class _Node:
    """One row of the tree. A talk's texts (label, tooltip, search text) are made when a view
    or the filter first asks for them: a start shows ~30 of FOSDEM's 876 rows."""

    __slots__ = (
        "kind",
        "id",
        "parent",
        "row",
        "serial",
        "children",
        "text",
        "talk",
        "day",
        "banded",
    )

    def __init__(self, kind: str, item_id: int | None, parent: _Node | None, text: str = ""):
        self.kind, self.id, self.parent, self.text = kind, item_id, parent, text
        self.children: list[_Node] = []
        self.row = 0
        self.serial = -1  # its place in the model's list of nodes: an index's internalId()
        self.talk: Talk | None = None
        self.day = ""  # ISO date of a day row (and of a talk)
        self.banded = False  # a talk in an odd time slot of its day: parallel talks share it
        if parent is not None:
            self.row = len(parent.children)
            parent.children.append(self)


class ScheduleModel(QAbstractItemModel):
    """Rebuilt from core objects; never touches the database itself.

    A tree of plain Python rows answered on demand (data()), not a QStandardItemModel: filling
    one with FOSDEM's 876 talks took ~75 ms of the GUI thread at every start, for rows most of
    which are never shown before the user scrolls or filters. Its rows are selectable and not
    editable: QAbstractItemModel's own flags() (no Python call per row)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._root = _Node("root", None, None)
        self._nodes: list[_Node] = []  # by internal id (an index's internalId())
        self._talk_rows: dict[int, _Node] = {}
        self._talks: dict[int, Talk] = {}
        self._conferences: list[Conference] = []
        self._hallway_conference: dict[int, int | None] = {}
        self._hallway_rows: dict[int, _Node] = {}
        self._hallway_search: dict[int, str] = {}
        self._state: dict[int, str] = {}  # "running" | "next" | ""
        self._labels: dict[int, str] = {}  # a talk's shown line, made when first asked
        self._folded: dict[int, str] = {}  # a talk's search text folded, made when first asked
        self._palette_key = -1  # the palette the brushes below were made from (_colours)
        self._band = self._accent = QBrush()

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
        self.beginResetModel()
        self._root = root = _Node("root", None, None)
        self._talk_rows.clear()
        self._hallway_rows.clear()
        self._hallway_search.clear()
        self._state.clear()
        self._labels.clear()
        self._folded.clear()
        self._talks = {t.id: t for t in talks if t.id is not None}
        self._conferences = list(conferences)
        self._hallway_conference = {n.id: n.conference_id for n in hallway if n.id is not None}
        by_conference: dict[int | None, list[Talk]] = {}
        for talk in talks:
            by_conference.setdefault(talk.conference_id, []).append(talk)
        for conf in conferences:
            conf_node = _Node("conference", conf.id, root, conf.title)
            conf_talks = by_conference.get(conf.id, [])
            by_day: dict[date | None, list[Talk]] = {}
            for talk in conf_talks:
                by_day.setdefault(talk.day, []).append(talk)
            days = sorted(d for d in by_day if d is not None)
            for index, day in enumerate(days, start=1):
                day_node = _Node("day", conf.id, conf_node, _day_label(day, index))
                day_node.day = day.isoformat()
                self._add_talks(day_node, by_day[day])
            if None in by_day:
                self._add_talks(_Node("day", None, conf_node, "Unscheduled"), by_day[None])
            own = [n for n in hallway if n.conference_id == conf.id]
            for note in own:
                self._add_hallway(conf_node, note)
            if not any(n.title == HALLWAY_TITLE for n in own):  # made when first chosen
                _Node("hallway-new", conf.id, conf_node, f"☕ {HALLWAY_TITLE}")
        for note in [n for n in hallway if n.conference_id is None]:
            self._add_hallway(root, note)
        self._nodes = []
        self._number(root)
        self.endResetModel()

    def _number(self, node: _Node) -> None:
        for child in node.children:
            child.serial = len(self._nodes)
            self._nodes.append(child)
            self._number(child)

    def _add_talks(self, parent: _Node, talks: list[Talk]) -> None:
        slot_index, last_start = -1, None
        for talk in talks:
            if talk.start != last_start:
                slot_index, last_start = slot_index + 1, talk.start
            node = _Node("talk", talk.id, parent)
            node.talk = talk
            node.day = talk.day.isoformat() if talk.day else ""
            node.banded = bool(slot_index % 2)
            self._talk_rows[saved_id(talk.id)] = node

    def _add_hallway(self, parent: _Node, note: Note) -> None:
        node = _Node("hallway", note.id, parent, f"☕ {note.title or HALLWAY_TITLE}")
        self._hallway_rows[saved_id(note.id)] = node
        self._hallway_search[saved_id(note.id)] = f"{note.title} {note.body[:2000]}"

    # --- Qt's model interface ---------------------------------------------------------------

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node:
        return self._nodes[index.internalId()] if index.isValid() else self._root

    def _index(self, node: _Node, column: int = 0) -> QModelIndex:
        return self.createIndex(node.row, column, node.serial)

    def index(self, row, column, parent=QModelIndex()):  # noqa: B008 (Qt's signature)
        # (the view asks ~2,700 times as FOSDEM first shows: as few calls into Qt as can be)
        if parent.isValid():
            if parent.column():
                return QModelIndex()
            children = self._nodes[parent.internalId()].children
        else:
            children = self._root.children
        if 0 <= row < len(children) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, children[row].serial)
        return QModelIndex()

    def parent(self, index=QModelIndex()):  # noqa: B008 (Qt's signature)
        if not index.isValid():
            return QModelIndex()
        up = self._nodes[index.internalId()].parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up.serial)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008 (Qt override)
        if parent.column() > 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008 (Qt override)
        return len(COLUMNS)

    def hasChildren(self, parent=QModelIndex()):  # noqa: N802, B008 (Qt override)
        return parent.column() <= 0 and bool(self._node(parent).children)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        talk = node.talk
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(talk) if talk is not None else node.text
        if role == KIND_ROLE:
            return node.kind
        if role == ID_ROLE:
            return node.id
        if talk is None:
            return self._other_data(node, index.column(), role)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._state.get(saved_id(talk.id)) == "running":
                return self._colours()[1]
            return self._colours()[0] if node.banded else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return _talk_tooltip(talk)
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.FontRole:
            struck = talk.status == TalkStatus.REMOVED
            bold = self._state.get(saved_id(talk.id)) == "running"
            if not (struck or bold):
                return None  # the view's font
            font = QFont()
            font.setStrikeOut(struck)
            font.setBold(bold)
            return font
        if role == STARRED_ROLE:
            return talk.starred
        if role == NOTED_ROLE:
            return talk.has_note
        if role == DAY_ROLE:
            return node.day
        if role == TRACK_ROLE:
            return talk.track
        if role == ROOM_ROLE:
            return talk.room
        if role == SEARCH_ROLE:
            return _search_text(talk)
        if role == FOLDED_ROLE:
            folded = self._folded.get(saved_id(talk.id))
            if folded is None:
                folded = self._folded[saved_id(talk.id)] = fold(_search_text(talk))
            return folded
        return None

    def _colours(self) -> tuple[QBrush, QBrush]:
        """The band of alternate slots and the running talks' accent, from the palette now: the
        theme may have changed (made once, a light theme's band stayed on dark rows)."""
        palette = QApplication.palette()
        if palette.cacheKey() != self._palette_key:
            self._palette_key = palette.cacheKey()
            self._band = QBrush(palette.color(QPalette.ColorRole.AlternateBase))
            accent = palette.color(QPalette.ColorRole.Highlight)
            accent.setAlpha(70)
            self._accent = QBrush(accent)
        return self._band, self._accent

    def _other_data(self, node: _Node, column: int, role: int):
        """A conference's, a day's or a hallway note's row."""
        if column != 0:
            return None
        if role == Qt.ItemDataRole.FontRole and node.kind == "conference":
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == SEARCH_ROLE:
            if node.kind == "conference":
                return node.text
            if node.kind == "hallway":
                return self._hallway_search.get(saved_id(node.id), "")
            if node.kind == "hallway-new":
                return HALLWAY_TITLE
        if role == DAY_ROLE and node.kind == "day":
            return node.day or None
        return None

    # --- the schedule's state -----------------------------------------------------------------

    def _label(self, talk: Talk) -> str:
        talk_id = saved_id(talk.id)
        label = self._labels.get(talk_id)
        if label is None:
            state = self._state.get(talk_id, "")
            when = agenda.time_label(talk)
            prefix = {"running": "▶ ", "next": "next · "}.get(state, "")
            marks = ("★ " if talk.starred else "") + ("✎ " if talk.has_note else "")
            who = f" — {', '.join(talk.speakers)}" if talk.speakers else ""
            gone = " (no longer in the schedule)" if talk.status == TalkStatus.REMOVED else ""
            label = self._labels[talk_id] = f"{prefix}{when}   {marks}{talk.title}{who}{gone}"
        return label

    def _changed(self, node: _Node) -> None:
        self.dataChanged.emit(self._index(node, 0), self._index(node, len(COLUMNS) - 1))

    def update_talk(self, talk: Talk) -> None:
        """Refresh a talk's row (marks for starred / notes / removed)."""
        talk_id = saved_id(talk.id)
        node = self._talk_rows.get(talk_id)
        if node is None:
            return
        self._talks[talk_id] = node.talk = talk
        self._labels.pop(talk_id, None)
        self._folded.pop(talk_id, None)
        self._changed(node)

    def mark_time(self, now: datetime) -> None:
        """Highlight the running talks and mark the next ones (only rows that change)."""
        talks = self.talks()
        running = {t.id for t in agenda.running(talks, now)}
        following = {t.id for t in agenda.upcoming(talks, now)}
        for talk_id, node in self._talk_rows.items():
            state = "running" if talk_id in running else "next" if talk_id in following else ""
            if self._state.get(talk_id, "") == state:
                continue
            self._state[talk_id] = state
            self._labels.pop(talk_id, None)
            self._changed(node)

    def drop_conference(self, conference_id: int) -> set[tuple[str, int]]:
        """Take a conference out of the tree at once (it is being removed); the notes it
        held, as (kind, id): ("talk", talk id), ("hallway", note id)."""
        talks = [i for i, t in self._talks.items() if t.conference_id == conference_id]
        hallway = [n for n, c in self._hallway_conference.items() if c == conference_id]
        node = next(
            (n for n in self._root.children if n.kind == "conference" and n.id == conference_id),
            None,
        )
        if node is not None:
            self.beginRemoveRows(QModelIndex(), node.row, node.row)
            del self._root.children[node.row]
            for row, sibling in enumerate(self._root.children):
                sibling.row = row
            self.endRemoveRows()
        for talk_id in talks:
            for table in (self._talks, self._talk_rows, self._state, self._labels, self._folded):
                table.pop(talk_id, None)
        for note_id in hallway:
            for notes in (self._hallway_conference, self._hallway_rows, self._hallway_search):
                notes.pop(note_id, None)
        self._conferences = [c for c in self._conferences if c.id != conference_id]
        return {("talk", t) for t in talks} | {("hallway", n) for n in hallway}

    def row_changed(self, kind: str, item_id: int) -> None:
        """Have the views repaint a talk's or a hallway note's row (it became, or stopped
        being, the open note)."""
        node = (self._talk_rows if kind == "talk" else self._hallway_rows).get(item_id)
        if node is not None:
            self._changed(node)

    def index_of_hallway(self, note_id: int):
        node = self._hallway_rows.get(note_id)
        return self._index(node) if node else None

    def index_of_talk(self, talk_id: int):
        node = self._talk_rows.get(talk_id)
        return self._index(node) if node else None


def _search_text(talk: Talk) -> str:
    """What the filter box matches in a talk's row."""
    return " ".join(
        [
            talk.title,
            talk.subtitle,
            *talk.speakers,
            talk.room,
            talk.track,
            abstracts.search_text(talk.abstract),
        ]
    )
