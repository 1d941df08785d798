"""Two-line talk rows in the sidebar: time and title, then speakers and room (muted)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.core.models import Talk
from desktop.ui.schedule_model import ID_ROLE, KIND_ROLE


class TalkDelegate(QStyledItemDelegate):
    """`open_note()`: the (kind, id) of the note the editor shows, marked by a bar at its
    row's left edge: browsing the list with the arrows moves the selection off it."""

    def __init__(self, model, parent=None, open_note: Callable[[], tuple | None] | None = None):
        super().__init__(parent)
        self.model = model
        self.open_note = open_note or (lambda: None)

    def _talk(self, index: QModelIndex | QPersistentModelIndex) -> Talk | None:
        if index.column() != 0 or index.data(KIND_ROLE) != "talk":
            return None
        return self.model.talk(int(index.data(ID_ROLE)))

    def initStyleOption(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if self._talk(index) is not None:
            option.text = ""  # a talk's two lines are drawn by paint(), over Qt's background

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if self._talk(index) is not None:
            size.setHeight(QFontMetrics(option.font).lineSpacing() * 2 + 6)
        return size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # The row's background, selection and focus are Qt's own (super().paint, the text
        # left out by initStyleOption). Neither QStyle nor option.state is touched here: the
        # first touch makes PySide build QStyle's 13 Python enums (~800 values, 5-10 ms), on
        # the first row painted at every start. Whether the row is selected is the view's.
        super().paint(painter, option, index)
        opened = self.open_note()
        if opened is not None and (index.data(KIND_ROLE), index.data(ID_ROLE)) == opened:
            bar = QRect(option.rect.left(), option.rect.top() + 1, 3, option.rect.height() - 2)
            painter.fillRect(bar, option.palette.color(QPalette.ColorRole.Highlight))
        talk = self._talk(index)
        if talk is None:
            return
        view = self.parent()
        selected = isinstance(view, QAbstractItemView) and (view.selectionModel().isSelected(index))
        from PySide6.QtWidgets import QStyleOptionViewItem  # (made with the first row shown)

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)  # the row's font: bold while running, struck if gone
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(4, 2, -4, -2)
        line = QFontMetrics(opt.font).lineSpacing()
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        first = QRect(rect.left(), rect.top(), rect.width(), line)
        title_line = str(index.data(Qt.ItemDataRole.DisplayRole) or "").split(" — ")[0]
        painter.drawText(
            first,
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(opt.font).elidedText(
                title_line, Qt.TextElideMode.ElideRight, rect.width()
            ),
        )
        small = QFont(opt.font)
        small.setBold(False)
        small.setPointSizeF(max(opt.font.pointSizeF() - 1, 7))
        painter.setFont(small)
        muted = opt.palette.color(role)
        if not selected:
            muted.setAlpha(150)
        painter.setPen(muted)
        details = " · ".join(x for x in (", ".join(talk.speakers), talk.room, talk.track) if x)
        second = QRect(rect.left() + 12, rect.top() + line, rect.width() - 12, line)
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(small).elidedText(details, Qt.TextElideMode.ElideRight, second.width()),
        )
        painter.restore()
