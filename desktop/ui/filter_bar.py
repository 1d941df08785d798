"""The sidebar's filters: the filter box (applied once the typist pauses), the quick filters
(★ My agenda, ✎ With notes), the day / track / room boxes, and the line that says when
nothing matches. They set the ScheduleFilter; the sidebar shows what it lets through."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.core.models import Talk
    from desktop.ui.schedule_filter import ScheduleFilter

FILTER_PAUSE_MS = 150


class FilterBar(QWidget):
    changed = Signal()  # the filter lets other rows through: the tree shows them
    into_results = Signal()  # Down in the filter box: to the first match

    def __init__(self, proxy: ScheduleFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.filter_edit = QLineEdit(placeholderText="Filter: title, speaker, room, track…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter talks")
        # Filtering FOSDEM's 876 talks takes the tree 15-65 ms: done per key, every letter
        # would show that late. So the filter applies once the typist pauses.
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_PAUSE_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._filter_typed)
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.filter_edit.installEventFilter(self)  # Down: into the results
        self.starred_button = self._toggle("★ My agenda", "Show starred talks only")
        self.starred_button.toggled.connect(lambda on: self._quick(starred=on))
        self.noted_button = self._toggle("✎ With notes", "Show talks that have notes")
        self.noted_button.toggled.connect(lambda on: self._quick(noted=on))
        self.day_box = self._combo("All days", "day")
        self.track_box = self._combo("All tracks", "track")
        self.room_box = self._combo("All rooms", "room")
        self.no_match = QLabel(
            'No talk matches these filters. <a href="clear">Show all talks</a>', wordWrap=True
        )
        self.no_match.setAccessibleName("No talk matches")
        self.no_match.setVisible(False)
        self.no_match.linkActivated.connect(lambda _link: self.clear())
        for shown_changed in (
            proxy.modelReset,
            proxy.rowsInserted,
            proxy.rowsRemoved,
            proxy.layoutChanged,
        ):
            shown_changed.connect(self.say_if_nothing_matches)

        quick = QHBoxLayout()
        quick.setContentsMargins(0, 0, 0, 0)
        quick.addWidget(self.starred_button)
        quick.addWidget(self.noted_button)
        quick.addStretch(1)
        combos = QHBoxLayout()
        combos.setContentsMargins(0, 0, 0, 0)
        for box in (self.day_box, self.track_box, self.room_box):
            combos.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addLayout(quick)
        layout.addLayout(combos)
        layout.addWidget(self.no_match)

    @staticmethod
    def _toggle(text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _combo(self, everything: str, key: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(f"Show only one {key}")
        box.addItem(everything, "")
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        box.currentIndexChanged.connect(lambda _i: self._quick(**{key: box.currentData()}))
        return box

    def refresh_choices(self, talks: list[Talk]) -> None:
        """Fill the day / track / room boxes from the talks shown."""
        days = sorted({t.day for t in talks if t.day})
        choices = (
            (self.day_box, [(f"{d:%a %d %b}", d.isoformat()) for d in days]),
            (self.track_box, [(x, x) for x in sorted({t.track for t in talks if t.track})]),
            (self.room_box, [(x, x) for x in sorted({t.room for t in talks if t.room})]),
        )
        for box, items in choices:
            current = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for label, value in items:
                box.addItem(label, value)
            index = box.findData(current)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)
            # the box stays narrow in the sidebar; its list is as wide as its longest entry
            metrics = box.view().fontMetrics()
            widest = max(metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count()))
            box.view().setMinimumWidth(
                widest + box.view().verticalScrollBar().sizeHint().width() + 24
            )

    def _filter_typed(self, text: str) -> None:
        if text.strip():
            self._filter_timer.start()
        else:  # cleared: show everything at once
            self.apply_filter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Down in the filter field: to the first match (the sidebar's into_results; with no
        match the field keeps the focus)."""
        if (
            watched is self.filter_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            self.apply_filter()  # (a filter still waiting for the pause applies now)
            self.into_results.emit()
            return True
        return super().eventFilter(watched, event)

    def apply_filter(self) -> None:
        """Filter by the filter box's text now."""
        self._filter_timer.stop()
        self.proxy.set_text(self.filter_edit.text())
        self.changed.emit()

    def _quick(self, **flags: bool) -> None:
        self.proxy.set_quick(**flags)
        self.changed.emit()

    def clear(self) -> None:
        """Every filter off: every talk shows."""
        self.filter_edit.clear()
        self.starred_button.setChecked(False)
        self.noted_button.setChecked(False)
        for box in (self.day_box, self.track_box, self.room_box):
            box.setCurrentIndex(0)

    def say_if_nothing_matches(self) -> None:
        """A filter that matches nothing says so (it left a blank list), with a way back."""
        source = self.proxy.sourceModel()
        nothing = self.proxy.narrowed and self.proxy.rowCount() == 0 and source.rowCount() > 0
        self.no_match.setVisible(nothing)
