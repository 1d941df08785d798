"""Two-line talk rows in the sidebar: time and title, then speakers and room (muted)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyledItemDelegate

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.core.models import Talk
from desktop.ui.schedule_model import ID_ROLE, KIND_ROLE


class TalkDelegate(QStyledItemDelegate):
    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.model = model

    def _talk(self, index: QModelIndex | QPersistentModelIndex) -> Talk | None:
        if index.column() != 0 or index.data(KIND_ROLE) != "talk":
            return None
        return self.model.talk(int(index.data(ID_ROLE)))

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
        # Imported on the first row painted, not with the window: these Qt classes (QStyle's
        # many enums) took ~10 ms of the start before the first paint, when no row shows.
        from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

        talk = self._talk(index)
        if talk is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text_line = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(4, 2, -4, -2)
        line = QFontMetrics(opt.font).lineSpacing()
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        first = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(
            first,
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(opt.font).elidedText(
                text_line.split(" — ")[0], Qt.TextElideMode.ElideRight, rect.width()
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
