"""The schedule sidebar: filter box, quick filters, and the conference → day → talk tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text_match import fold, word_starts
from desktop.ui.filter_bar import FilterBar
from desktop.ui.schedule_filter import ScheduleFilter
from desktop.ui.schedule_model import DAY_ROLE, ID_ROLE, KIND_ROLE, ScheduleModel
from desktop.ui.talk_delegate import TalkDelegate
from desktop.ui.viewport import viewport_height

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu


class Sidebar(QWidget):
    talk_selected = Signal(int)
    hallway_selected = Signal(int)
    hallway_requested = Signal(int)  # conference id: make its hallway note
    note_wanted = Signal()  # Enter on a row: the typing goes to its note
    import_wanted = Signal()
    sample_wanted = Signal()
    removal_wanted = Signal(int)  # conference id: File → Remove Conference… on it

    def __init__(self, model: ScheduleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = ScheduleFilter(self)
        self.proxy.setSourceModel(model)

        self.filters = FilterBar(self.proxy)
        self.filters.changed.connect(self._expand_after_filter)
        self.filters.into_results.connect(self._into_results)
        # (the filters' widgets, as the window and its tests know them)
        bar = self.filters
        self.filter_edit, self.no_match = bar.filter_edit, bar.no_match
        self.starred_button, self.noted_button = bar.starred_button, bar.noted_button
        self.day_box, self.track_box, self.room_box = bar.day_box, bar.track_box, bar.room_box

        self.tree = ScheduleTree()
        self.tree.setAccessibleName("Schedule")
        # The tree shows the model itself until a filter narrows it, then the filter: through
        # the proxy, FOSDEM's first showing took ~4 ms more (every row mapped, and asked of
        # the filter). to_view() gives a model row's index in whichever the tree shows.
        self.tree.setModel(model)
        self._open_unfiltered: set[tuple] = set()  # the days open before a filter (_show)
        self.tree.setItemDelegate(  # two-line talk rows; the open note's marked
            TalkDelegate(model, self.tree, open_note=lambda: self._open)
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.header().setStretchLastSection(True)  # (one column: kept across models)
        self.tree.setHeaderHidden(True)
        self._open: tuple[str, int] | None = None
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.context_menu: QMenu | None = None  # the last one shown
        self.tree.clicked.connect(self._chosen)
        self.tree.activated.connect(self._entered)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.filters)
        layout.addWidget(self.tree, 1)
        self.empty_panel = self._empty_panel()
        layout.addWidget(self.empty_panel, 1)

    def _empty_panel(self) -> QWidget:
        """Shown instead of the tree while the library holds no conference (a new library, or
        one emptied): what to do next, with the sample conference to try things on."""
        panel = QWidget()
        text = QLabel(
            "<b>No conference yet.</b><br>Import a conference's schedule, or try Talknotes "
            "on a sample conference first.",
            wordWrap=True,
        )
        self.import_button = QPushButton("Import Schedule…")
        self.import_button.setAccessibleName("Import a schedule")
        self.sample_button = QPushButton("Try the Sample Conference")
        self.sample_button.setAccessibleName("Load the sample conference")
        self.import_button.clicked.connect(self.import_wanted)
        self.sample_button.clicked.connect(self.sample_wanted)
        column = QVBoxLayout(panel)
        column.addWidget(text)
        column.addWidget(self.import_button)
        column.addWidget(self.sample_button)
        column.addStretch(1)
        panel.setVisible(False)
        return panel

    def conference_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu of a conference's row (None for other rows)."""
        if index.data(KIND_ROLE) != "conference" or index.data(ID_ROLE) is None:
            return None
        from PySide6.QtWidgets import QMenu  # (loaded when first asked for, as dialogs are)

        conference_id = int(index.data(ID_ROLE))
        menu = QMenu(self.tree)
        remove = menu.addAction("Remove Conference…")
        remove.setStatusTip("Remove it with its talks, notes and photos (a backup is taken first)")
        remove.triggered.connect(lambda: self.removal_wanted.emit(conference_id))
        return menu

    def _context_menu(self, pos) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid():  # the menu key: the current row
            index = self.tree.currentIndex()
        menu = self.conference_menu(index)
        if menu is None:
            return
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        self.context_menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def show_empty(self, empty: bool) -> None:
        self.empty_panel.setVisible(empty)
        self.tree.setVisible(not empty)

    def refresh_choices(self) -> None:
        """Fill the day / track / room boxes from the talks in the model."""
        self.filters.refresh_choices(self.model.talks())

    def _into_results(self) -> None:
        """Down in the filter field moves to the first match (selected, not opened: Enter
        there opens it, as on any row); with no match the field keeps the focus."""
        first = self._first_title_match() or self._first_note_row(QModelIndex())
        if first.isValid():
            self.tree.setCurrentIndex(first)
            self.tree.scrollTo(first)
            self.tree.setFocus(Qt.FocusReason.TabFocusReason)

    def _first_title_match(self) -> QModelIndex | None:
        """The first talk shown whose title has the filter's words ("state of go": The State
        of Go, not an earlier talk naming Go in its abstract); None when none has."""
        words = word_starts(self.proxy.text)
        if not words or self.tree.model() is not self.proxy:
            return None
        shown = self.proxy
        for conf_row in range(shown.rowCount()):
            conf = shown.index(conf_row, 0)
            for day_row in range(shown.rowCount(conf)):
                day = shown.index(day_row, 0, conf)
                for row in range(shown.rowCount(day)):
                    index = shown.index(row, 0, day)
                    kind, talk_id = index.data(KIND_ROLE), index.data(ID_ROLE)
                    talk = self.model.talk(talk_id) if kind == "talk" else None
                    if talk is not None and all(w.search(fold(talk.title)) for w in words):
                        self.tree.expand(conf)
                        self.tree.expand(day)
                        return index
        return None

    def _first_note_row(self, parent: QModelIndex) -> QModelIndex:
        """The first talk or hallway note shown under `parent`, depth first."""
        shown = self.tree.model()
        for row in range(shown.rowCount(parent)):
            index = shown.index(row, 0, parent)
            if index.data(KIND_ROLE) in ("talk", "hallway") and index.data(ID_ROLE) is not None:
                return index
            found = self._first_note_row(index)
            if found.isValid():
                self.tree.expand(index)
                return found
        return QModelIndex()

    def apply_filter(self) -> None:
        """Filter by the filter box's text now."""
        self.filters.apply_filter()

    def _expand_after_filter(self) -> None:
        self._show(self.proxy if self.proxy.narrowed else self.model)
        if self.proxy.narrowed:
            self.tree.expandAll()
        self.show_open()
        self.filters.say_if_nothing_matches()

    def _show(self, shown: QAbstractItemModel) -> None:
        """Let the tree show `shown` (the model, or the filter over it, which opens every day
        that matches). Leaving the filter, the days and conferences open before it open
        again. (The open note's row: show_open, after.)"""
        before = self.tree.model()
        if before is shown:
            return
        was_open: set[tuple] = set()
        for conf_row in range(before.rowCount()):
            conf = before.index(conf_row, 0)
            if self.tree.isExpanded(conf):
                was_open.add(_key(conf))
            for row in range(before.rowCount(conf)):
                child = before.index(row, 0, conf)
                if self.tree.isExpanded(child):
                    was_open.add(_key(child))
        if shown is self.proxy:
            self._open_unfiltered = was_open
        else:
            was_open = self._open_unfiltered or was_open
        selection = self.tree.selectionModel()
        self.tree.setModel(shown)
        selection.deleteLater()  # (the view makes one per model and keeps the old ones)
        for conf_row in range(shown.rowCount()):
            conf = shown.index(conf_row, 0)
            if _key(conf) in was_open:
                self.tree.expand(conf)
            for row in range(shown.rowCount(conf)):
                child = shown.index(row, 0, conf)
                if _key(child) in was_open:
                    self.tree.expand(child)

    def to_view(self, source: QModelIndex | None) -> QModelIndex:
        """A model row's index in what the tree shows (invalid: filtered out, or None)."""
        if source is None or not source.isValid():
            return QModelIndex()
        return self.proxy.mapFromSource(source) if self.tree.model() is self.proxy else source

    # --- the open note: changed only by an explicit choice ---------------------------------
    # Browsing the tree (arrows, a filter moving the current row, a reload) never opens a
    # talk: only a click, Enter, or the window's own commands (Ctrl+J, a search hit) do.

    def _chosen(self, index: QModelIndex) -> bool:
        """Open the row's note; False when the row holds none (a day, a conference)."""
        kind, item_id = index.data(KIND_ROLE), index.data(ID_ROLE)
        if item_id is None or kind not in ("talk", "hallway", "hallway-new"):
            return False
        if (kind, int(item_id)) != self._open:  # else a double click: clicked, then activated
            # (the model may be rebuilt meanwhile: `index` is not used after this)
            {
                "talk": self.talk_selected,
                "hallway": self.hallway_selected,
                "hallway-new": self.hallway_requested,
            }[kind].emit(int(item_id))
        return True

    def _entered(self, index: QModelIndex) -> None:
        """Enter on a row: open it and go to its note."""
        if self._chosen(index):
            self.note_wanted.emit()

    def mark_open(self, kind: str | None, item_id: int | None) -> None:
        """The editor shows this talk / hallway note: keep it selected and in view."""
        before = self._open
        self._open = (kind, item_id) if kind is not None and item_id is not None else None
        if before != self._open:  # the mark moves (ui.talk_delegate)
            for row in (before, self._open):
                if row is not None:
                    self.model.row_changed(*row)
        self.show_open()

    def _open_index(self) -> QModelIndex:
        if self._open is None:
            return QModelIndex()
        kind, item_id = self._open
        source = (
            self.model.index_of_talk(item_id)
            if kind == "talk"
            else self.model.index_of_hallway(item_id)
        )
        return self.to_view(source)

    def show_open(self) -> None:
        """Select the open note's row and scroll it into view when the filter shows it, else
        select nothing (another row selected would look like the one receiving the typing)."""
        index = self._open_index()
        if not index.isValid():
            self.tree.selectionModel().clear()
            return
        self.tree.expand(index.parent().parent())
        self.tree.expand(index.parent())
        rect = self.tree.visualRect(index)
        in_view = rect.isValid() and rect.bottom() >= 0 and rect.top() < viewport_height(self.tree)
        self.tree.setCurrentIndex(index)
        if not in_view:  # (Ctrl+J, a search hit, a reload): brought to the middle. A row in
            # view, even in part, stays where it is: a click that scrolled the list moved
            # other talks under the pointer, and the next click opened a talk not aimed at
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def reveal(self, talk_id: int) -> None:
        """Scroll to a talk (its day opened) without opening it: the slot running now."""
        index = self.to_view(self.model.index_of_talk(talk_id))
        if index.isValid():
            self.tree.expand(index.parent().parent())
            self.tree.expand(index.parent())
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def select_talk(self, talk_id: int) -> bool:
        """Open the talk (an explicit choice: Ctrl+J, a search hit), clearing filters that hide
        it."""
        source = self.model.index_of_talk(talk_id)
        if source is None:
            return False
        if not self.to_view(source).isValid():
            self.clear_filters()
        self.talk_selected.emit(talk_id)
        return True

    def clear_filters(self) -> None:
        self.filters.clear()

    def select_hallway(self, note_id: int) -> bool:
        """Open the hallway note (an explicit choice)."""
        source = self.model.index_of_hallway(note_id)
        if source is None:
            return False
        if not self.to_view(source).isValid():
            self.clear_filters()
        self.hallway_selected.emit(note_id)
        return True

    def current_conference_id(self) -> int | None:
        index = self.tree.currentIndex()
        while index.isValid() and index.data(KIND_ROLE) != "conference":
            if index.data(KIND_ROLE) in ("talk", "day"):
                talk = (
                    self.model.talk(int(index.data(ID_ROLE)))
                    if index.data(KIND_ROLE) == "talk"
                    else None
                )
                if talk is not None:
                    return talk.conference_id
                if index.data(KIND_ROLE) == "day":
                    return int(index.data(ID_ROLE))
            index = index.parent()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def current_talk_id(self) -> int | None:
        index = self.tree.currentIndex()
        return int(index.data(ID_ROLE)) if index.data(KIND_ROLE) == "talk" else None

    def expand_initial(self) -> None:
        """Conferences open, days collapsed except the first: the day list fits the screen."""
        shown = self.tree.model()
        for row in range(shown.rowCount()):
            conf = shown.index(row, 0)
            self.tree.expand(conf)
            if shown.rowCount(conf):
                self.tree.expand(shown.index(0, 0, conf))


def _key(index: QModelIndex) -> tuple:
    """A conference's or a day's row, as it stays across a reload (its row may move)."""
    return (index.data(KIND_ROLE), index.data(ID_ROLE), index.data(DAY_ROLE) or index.data())


class ScheduleTree(QTreeView):
    """The schedule's tree. A click never scrolls it: Qt brings a row cut off at an edge into
    view as the mouse presses it, so the second click of a double click (or the next click)
    landed on another talk, and opened it. Keys still scroll to the current row."""

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802, B008
        if (
            hint == QAbstractItemView.ScrollHint.EnsureVisible
            and QApplication.mouseButtons() != Qt.MouseButton.NoButton
        ):
            return
        super().scrollTo(index, hint)
