"""Ctrl+Shift+F: search all notes, pick a hit, land in that note."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from desktop.services.library import Library
from desktop.services.notes import search_notes

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPanel(QDialog):
    """Non-modal: results update as you type (debounced)."""

    hit_chosen = Signal(object)  # SearchHit

    def __init__(self, lib: Library, parent=None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.setWindowTitle("Search notes")
        self.resize(620, 460)
        self.query = QLineEdit(placeholderText="Search all notes, talk titles and speakers…")
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName("Search notes")
        self.results = QListWidget()
        self.results.setAccessibleName("Notes found")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._choose_first)
        self.results.itemActivated.connect(self._choose)

    def run_search(self) -> None:
        self.results.clear()
        hits = search_notes(self.lib, self.query.text())
        for hit in hits:
            snippet = html.escape(hit.snippet).replace("[", "<b>").replace("]", "</b>")
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
            label = QLabel(f"<b>{html.escape(hit.title)}</b><br>{snippet}")
            label.setWordWrap(True)
            label.setContentsMargins(6, 4, 6, 4)
            # a wrapped label's sizeHint is for a narrow width: far taller than the row shows
            # (a blank band above each result); its height at the list's width instead
            width = self.results.viewport().width() - 4
            item.setSizeHint(QSize(width, label.heightForWidth(width)))
            self.results.setItemWidget(item, label)
        text = self.query.text().strip()
        count = len(hits)
        self.status.setText(
            f"{count} note matches" if count == 1 else f"{count} notes match" if text else ""
        )

    def _choose_first(self) -> None:
        self._timer.stop()
        self.run_search()
        if self.results.count():
            self._choose(self.results.item(0))

    def _choose(self, item: QListWidgetItem) -> None:
        self.hit_chosen.emit(item.data(HIT_ROLE))
        self.hide()

    def open_panel(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()
