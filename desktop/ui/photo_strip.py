"""The strip of a note's photos under the editor: jump, view large, caption, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QVBoxLayout,
)

from desktop.core.models import Photo

PHOTO_ROLE = Qt.ItemDataRole.UserRole + 1


class PhotoStrip(QListWidget):
    jump_requested = Signal(object)  # Photo
    view_requested = Signal(object)
    caption_requested = Signal(object)
    remove_requested = Signal(object)
    files_dropped = Signal(list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(QSize(96, 72))
        self.setFixedHeight(118)
        self.setGridSize(QSize(112, 96))
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps a caption's start and number
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.setToolTip(
            "Photos of this note: click to find, double-click to view, "
            "right-click for caption and remove"
        )
        self.itemClicked.connect(lambda item: self.jump_requested.emit(item.data(PHOTO_ROLE)))
        self.itemDoubleClicked.connect(lambda item: self.view_requested.emit(item.data(PHOTO_ROLE)))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def show_photos(self, photos: list[tuple[Photo, Path | None]]) -> None:
        self.clear()
        for photo, thumb in photos:
            label = photo.caption or photo.original_name
            item = QListWidgetItem(label)  # elided to the grid's width, in the middle
            item.setData(PHOTO_ROLE, photo)
            item.setToolTip(
                f"{photo.caption}\n{photo.original_name} · {photo.width}×{photo.height}"
            )
            if thumb is not None:  # keep only icon-sized pixels: 500 photos stay light
                ratio = self.devicePixelRatioF()
                pixmap = QPixmap(str(thumb)).scaled(
                    self.iconSize() * ratio,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                pixmap.setDevicePixelRatio(ratio)
                item.setIcon(QIcon(pixmap))
            self.addItem(item)
        self.setVisible(bool(photos))

    def photos(self) -> list[Photo]:
        return [self.item(i).data(PHOTO_ROLE) for i in range(self.count())]

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        if item is None:
            return
        photo = item.data(PHOTO_ROLE)
        menu = QMenu(self)
        menu.addAction("Find in Note", lambda: self.jump_requested.emit(photo))
        menu.addAction("View Large", lambda: self.view_requested.emit(photo))
        menu.addAction("Edit Caption…", lambda: self.caption_requested.emit(photo))
        menu.addSeparator()
        menu.addAction("Remove Photo…", lambda: self.remove_requested.emit(photo))
        menu.exec(self.mapToGlobal(pos))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()


class PhotoViewer(QDialog):
    """A photo, large and upright."""

    def __init__(self, path: Path, caption: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(caption or path.name)
        label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap(str(path))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and (
            pixmap.width() > screen.width() * 0.9 or pixmap.height() > screen.height() * 0.85
        ):
            pixmap = pixmap.scaled(
                int(screen.width() * 0.9),
                int(screen.height() * 0.85),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        label.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(label)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(QLabel(caption))
        self.resize(min(pixmap.width() + 40, 1600), min(pixmap.height() + 70, 1000))
