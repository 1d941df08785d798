"""Talk → Note History…: earlier versions of the note, what restoring one would change, restore.

Each version is listed with how many lines restoring it brings back and removes; the text is
shown with those lines marked (or plain, unticking "Show changes").
"""

from __future__ import annotations

import html

import shiboken6
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import NoteVersion
from desktop.core.text_changes import Line, counts, restore_changes
from desktop.ui.workers import submit

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1
# Translucent marks read on light and dark palettes alike
BACK_STYLE = "background-color: rgba(46, 160, 67, 0.28);"
GONE_STYLE = "background-color: rgba(248, 81, 73, 0.28); text-decoration: line-through;"
LEGEND = (
    f'<span style="{BACK_STYLE}">&nbsp;comes back&nbsp;</span> &nbsp; '
    f'<span style="{GONE_STYLE}">&nbsp;goes&nbsp;</span> &nbsp; when you restore this version'
)


def changes_html(lines: list[Line]) -> str:
    """The lines as HTML, those that come back or go marked."""
    style = {"same": "", "back": BACK_STYLE, "gone": GONE_STYLE}
    rows = []
    for x in lines:
        text = html.escape(x.text) if x.text.strip() else "&nbsp;"
        mark = style[x.kind] if x.text.strip() else style[x.kind].split(";")[0] + ";"
        rows.append(f'<div style="{mark} white-space: pre-wrap;">{text}</div>')
    return "".join(rows)


def _label(version: NoteVersion, change: str) -> str:
    local = version.saved_at.astimezone()
    first = next((line for line in version.body.splitlines() if line.strip()), "")
    return f"{local:%a %d %b %H:%M:%S}  ·  {version.reason}  ·  {change}\n{first[:60]}"


def _all_counts(current: str, versions: list[NoteVersion]) -> list[tuple[int, int]]:
    """Runs off the GUI thread: per version, the lines restoring it brings back and removes."""
    return [counts(restore_changes(current, v.body)) for v in versions]


class HistoryDialog(QDialog):
    """Pick a version; `chosen` is set when the user restores one."""

    def __init__(
        self,
        versions: list[NoteVersion],
        current: str,
        compute: QThreadPool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note history")
        self.resize(900, 560)
        self.current = current
        self.chosen: NoteVersion | None = None
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for version in versions:
            item = QListWidgetItem(_label(version, "…"))
            item.setData(VERSION_ROLE, version)
            self.list.addItem(item)
        # Comparing a long note with up to 200 versions takes ~10 ms each: off the GUI thread
        submit(compute, _all_counts, current, versions, on_done=self._counted)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.show_changes = QCheckBox("Show changes")
        self.show_changes.setChecked(True)
        self.show_changes.setToolTip("Mark what restoring this version brings back and removes")
        self.legend = QLabel(LEGEND)
        self.list.currentItemChanged.connect(self._show)
        self.show_changes.toggled.connect(lambda _on: self._show(self.list.currentItem()))

        right = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.show_changes)
        top.addWidget(self.legend, 1)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.text, 1)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([320, 580])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            "Restore This Version", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(versions))
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not versions:
            layout.addWidget(
                QLabel(
                    "No earlier versions yet. One is kept when you change a note after a "
                    "pause of a few minutes, and before imports and restores."
                )
            )
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        if versions:
            self.list.setCurrentRow(0)

    def _counted(self, all_counts: list[tuple[int, int]]) -> None:
        if not shiboken6.isValid(self):  # (the dialog may be gone by now)
            return
        for row, (back, gone) in enumerate(all_counts):
            item = self.list.item(row)
            change = f"+{back} −{gone} lines" if back or gone else "same as now"
            item.setText(_label(item.data(VERSION_ROLE), change))

    def _show(self, item: QListWidgetItem | None, _previous=None) -> None:
        version: NoteVersion | None = item.data(VERSION_ROLE) if item else None
        self.legend.setVisible(self.show_changes.isChecked())
        if version is None:
            self.text.clear()
        elif self.show_changes.isChecked():
            self.text.setHtml(changes_html(restore_changes(self.current, version.body)))
        else:
            self.text.setPlainText(version.body)

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(VERSION_ROLE)
            self.accept()
