"""Choosing photos to attach: the platform's file dialog where there is one (it shows
thumbnails), else Qt's own with a preview of the photo under the cursor."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, QStandardPaths, Qt
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


LAST_FOLDER_KEY = "photos/last-folder"


def start_folder(settings: QSettings) -> str:
    """Where the picker opens: the folder photos were last attached from, else the user's
    pictures folder, else home (not the folder the app was started from)."""
    last = settings.value(LAST_FOLDER_KEY, "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return last
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return pictures if pictures and Path(pictures).is_dir() else str(Path.home())


def choose_photos(parent: QWidget | None, name_filter: str) -> list[str]:
    settings = QSettings()
    folder = start_folder(settings)
    if has_platform_dialog():
        paths, _ = QFileDialog.getOpenFileNames(parent, "Attach photos", folder, name_filter)
    else:
        picker = PhotoPicker(parent, name_filter)
        picker.setDirectory(folder)
        fit_picker(picker, parent)
        accepted = picker.exec() == QFileDialog.DialogCode.Accepted
        paths = picker.selectedFiles() if accepted else []
    if paths:
        settings.setValue(LAST_FOLDER_KEY, str(Path(paths[0]).parent))
    return paths


def fit_picker(picker: QFileDialog, parent: QWidget | None) -> None:
    """Qt's dialog opens small: its folder box and columns cut. As wide as the window allows
    (at most 1000 × 640), within the screen."""
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() if screen is not None else QSize(1000, 640)
    picker.resize(min(1000, room.width() - 40), min(640, room.height() - 60))
