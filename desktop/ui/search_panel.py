"""Ctrl+Shift+F: search all notes, pick a hit, land in that note."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from desktop.services.library import Library
from desktop.services.notes import search_notes
from desktop.ui.backend import Backend

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPanel(QDialog):
    """Non-modal: results update as you type (debounced)."""

    hit_chosen = Signal(object)  # SearchHit

    def __init__(self, lib: Library, backend: Backend, parent=None) -> None:
        super().__init__(parent)
        self.lib, self.backend = lib, backend
        self._asked = ""  # the query whose hits are awaited
        self._choose_when_found = False
        self._shown: str | None = None
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
        """Search off the GUI thread, after the saves asked for (it finds what was just
        typed); the hits of an older query are dropped."""
        self._asked = text = self.query.text()
        self.backend.read(
            search_notes,
            self.lib,
            text,
            on_done=lambda hits: self._show(text, hits),
            after_writes=True,
        )

    def searching(self) -> bool:
        return self._asked != self._shown

    def _show(self, text: str, hits: list) -> None:
        if text != self._asked:
            return
        self._shown = text
        self.results.clear()
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
        if self._choose_when_found:
            self._choose_when_found = False
            if self.results.count():
                self._choose(self.results.item(0))

    def _choose_first(self) -> None:
        self._timer.stop()
        self._choose_when_found = True
        self.run_search()

    def _choose(self, item: QListWidgetItem) -> None:
        self.hit_chosen.emit(item.data(HIT_ROLE))
        self.hide()

    def open_panel(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()
