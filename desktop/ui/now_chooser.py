"""Ctrl+J among parallel talks: the running talks, starred first; a digit or arrows+Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from desktop.core import agenda
from desktop.core.models import Talk


class NowChooser(QDialog):
    chosen = Signal(int)  # talk id

    def __init__(self, talks: list[Talk], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which talk are you in?")
        self.setAccessibleName("Choose the running talk")
        hint = QLabel("Several talks are running. Press a number, or arrows and Enter:")
        hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Running talks")
        for number, talk in enumerate(talks, start=1):
            key = f"{number}  " if number <= 9 else "    "
            marks = ("★ " if talk.starred else "") + ("✎ " if talk.has_note else "")
            item = QListWidgetItem(
                f"{key}{marks}{talk.title}  ·  {talk.room}  ·  {agenda.time_label(talk)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, talk.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._choose)
        self.list.installEventFilter(self)  # digits before the list's type-ahead search
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        rows = self.list.sizeHintForRow(0) * min(len(talks), 12) + 2 * self.list.frameWidth()
        self.list.setFixedHeight(rows + 4)  # as tall as its rows (up to 12), no empty band
        self.resize(min(max(self.list.sizeHintForColumn(0) + 48, 420), 900), 0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress:
            text = event.text()
            if text.isdigit() and 1 <= int(text) <= min(self.list.count(), 9):
                self._choose(self.list.item(int(text) - 1))
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.currentItem():
            self._choose(self.list.currentItem())
            return
        super().keyPressEvent(event)

    def _choose(self, item: QListWidgetItem) -> None:
        if self.result() == QDialog.DialogCode.Accepted:
            return  # Enter: the list's activation, then the dialog's key
        self.accept()
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
