"""File → Import Photos from Folder…: review photo → talk before anything is attached."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.models import Talk
from desktop.services import camera_roll
from desktop.services.library import Library, list_talks
from desktop.ui.backend import Backend

SKIP, HALLWAY = -1, 0


def plan_with_talks(
    lib: Library, folder: Path, offset: int
) -> tuple[list[camera_roll.Filing], dict[int, list[Talk]]]:
    """Off the GUI thread: where each photo would go, and the talks each may go to instead."""
    filings = camera_roll.plan(lib, folder, None, offset)
    conferences = {f.conference_id for f in filings if f.conference_id is not None}
    return filings, {c: list_talks(lib, c) for c in conferences}


def shot_label(entry: camera_roll.Filing) -> str:
    """Shots that look like one slide: their group, and which is the sharpest (kept)."""
    if not entry.group:
        return ""
    return f"shots {entry.group}: " + ("sharpest, kept" if entry.sharpest else "another shot")


class CameraRollDialog(QDialog):
    applied = Signal(int)  # photos added

    def __init__(self, lib: Library, folder: Path, backend: Backend, parent=None) -> None:
        super().__init__(parent)
        self.lib, self.folder, self.backend = lib, folder, backend
        self.filings: list[camera_roll.Filing] = []
        self.setWindowTitle(f"File photos from {folder.name}")
        self.resize(900, 560)
        self.offset = QSpinBox(minimum=-24 * 60, maximum=24 * 60, suffix=" min")
        self.offset.setToolTip("If the camera's clock was wrong: minutes to add to it")
        self.offset.valueChanged.connect(lambda _v: self.replan())
        self.status = QLabel("Reading photos…")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Photo", "Taken", "File to", "Why", "Same slide"])
        header = self.table.horizontalHeader()
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the talk: room to read
        self.table.verticalHeader().setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("File Photos")
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel("Camera clock correction:"))
        top.addWidget(self.offset)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.replan()

    def replan(self) -> None:
        self.status.setText("Reading photos…")
        self.buttons.setEnabled(False)
        self.backend.read(
            plan_with_talks,
            self.lib,
            self.folder,
            self.offset.value(),
            on_done=self._show,
            on_error=lambda exc: self.status.setText(str(exc)),
        )

    def _show(self, planned: tuple[list[camera_roll.Filing], dict[int, list[Talk]]]) -> None:
        filings, talks_by_conf = planned
        self.filings = filings
        self.table.setRowCount(len(filings))
        for row, entry in enumerate(filings):
            self.table.setItem(row, 0, QTableWidgetItem(entry.path.name))
            taken = f"{entry.captured_at:%a %H:%M}" if entry.captured_at else "—"
            self.table.setItem(row, 1, QTableWidgetItem(taken))
            self.table.setItem(row, 3, QTableWidgetItem(entry.reason))
            self.table.setItem(row, 4, QTableWidgetItem(shot_label(entry)))
            box = QComboBox()
            box.addItem("Skip", SKIP)
            if entry.conference_id is not None:
                box.addItem(
                    entry.title if entry.talk_id is None else camera_roll.hallway_title(entry.day),
                    HALLWAY,
                )  # type: ignore[arg-type]
                for talk in talks_by_conf.get(entry.conference_id, []):
                    if talk.day == entry.day and talk.start:
                        box.addItem(f"{talk.start:%H:%M} {talk.title}", talk.id)
                chosen = SKIP if entry.skip else (entry.talk_id or HALLWAY)
                box.setCurrentIndex(max(box.findData(chosen), 0))
            self.table.setCellWidget(row, 2, box)
        filed = sum(not f.skip for f in filings)
        self.status.setText(f"{len(filings)} photos, {filed} to file")
        self.buttons.setEnabled(True)

    def edited_filings(self) -> list[camera_roll.Filing]:
        """The plan with the user's choices applied."""
        for row, entry in enumerate(self.filings):
            choice = self.table.cellWidget(row, 2).currentData()
            entry.skip = choice == SKIP or entry.conference_id is None
            if not entry.skip:
                entry.talk_id = None if choice == HALLWAY else int(choice)
                if choice == HALLWAY:
                    entry.title = camera_roll.hallway_title(entry.day)  # type: ignore[arg-type]
        return self.filings

    def apply(self) -> None:
        self.buttons.setEnabled(False)
        self.status.setText("Filing photos…")
        self.backend.write(
            camera_roll.apply,
            self.lib,
            self.edited_filings(),
            on_done=self._applied,
            on_error=lambda exc: self.status.setText(str(exc)),
        )

    def _applied(self, added: int) -> None:
        self.applied.emit(added)
        self.accept()
