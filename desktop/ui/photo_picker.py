"""Choosing photos to attach: the platform's file dialog where there is one (it shows
thumbnails), else Qt's own with a preview of the photo under the cursor."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QWidget

PREVIEW = QSize(240, 180)


def has_platform_dialog() -> bool:
    """Windows and macOS always; a Linux desktop session (GNOME, KDE… through their
    platform theme or the portal); not a bare X server or a window manager alone."""
    if sys.platform in ("win32", "darwin"):
        return True
    return QGuiApplication.platformName() in ("xcb", "wayland") and bool(
        os.environ.get("XDG_CURRENT_DESKTOP")
    )


class PhotoPicker(QFileDialog):
    """Qt's file dialog with a preview pane: the photo under the cursor, decoded at preview
    size (a camera's JPEG decodes scaled, not whole)."""

    def __init__(self, parent: QWidget | None, name_filter: str) -> None:
        super().__init__(parent, "Attach photos")
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.setNameFilter(name_filter)
        self.preview = QLabel("No photo", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName("Photo preview")
        self.preview.setMinimumSize(PREVIEW)
        layout = self.layout()
        if isinstance(layout, QGridLayout):
            layout.addWidget(self.preview, 0, layout.columnCount(), layout.rowCount(), 1)
        self.currentChanged.connect(self.show_preview)

    def show_preview(self, path: str) -> None:
        reader = QImageReader(path)
        reader.setAutoTransform(True)  # upright, as attached
        size = reader.size()
        if not size.isValid():
            self.preview.setPixmap(QPixmap())
            self.preview.setText("No photo")
            return
        reader.setScaledSize(size.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        self.preview.setPixmap(QPixmap.fromImage(image))


def choose_photos(parent: QWidget | None, name_filter: str) -> list[str]:
    if has_platform_dialog():
        paths, _ = QFileDialog.getOpenFileNames(parent, "Attach photos", "", name_filter)
        return paths
    picker = PhotoPicker(parent, name_filter)
    return picker.selectedFiles() if picker.exec() == QFileDialog.DialogCode.Accepted else []
