"""Talk → History…: earlier versions of the note, viewable and restorable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
)

from desktop.store.history import NoteVersion

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryDialog(QDialog):
    """Pick a version; `chosen_text` is set when the user restores one."""

    def __init__(self, versions: list[NoteVersion], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note history")
        self.resize(860, 520)
        self.chosen_text: str | None = None
        self.list = QListWidget()
        for version in versions:
            local = version.saved_at.astimezone()
            first = next((line for line in version.body.splitlines() if line.strip()), "")
            item = QListWidgetItem(f"{local:%a %d %b %H:%M:%S}  ·  {version.reason}\n{first[:60]}")
            item.setData(VERSION_ROLE, version)
            self.list.addItem(item)
        self.text = QPlainTextEdit(readOnly=True)
        self.list.currentItemChanged.connect(
            lambda item, _prev: self.text.setPlainText(item.data(VERSION_ROLE).body if item else "")
        )
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.text)
        split.setSizes([300, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            "Restore This Version", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(versions))
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        if versions:
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None, _previous=None) -> None:
        self.text.setPlainText(item.data(VERSION_ROLE).body if item else "")

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen_text = item.data(VERSION_ROLE).body
            self.accept()
