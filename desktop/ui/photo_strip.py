"""The strip of a note's photos under the editor: jump, view large, caption, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from desktop.core.models import Photo

PHOTO_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB_SIZE_ROLE = Qt.ItemDataRole.UserRole + 2  # the thumbnail's size on screen (QSize)


def frame_colour(palette: QPalette) -> QColor:
    """Between the strip's background and its text: it stands out from the strip in a
    light theme and a dark one, and from a white or a black slide."""
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    share = 0.45  # of the text's colour
    return QColor(
        round(base.red() + (text.red() - base.red()) * share),
        round(base.green() + (text.green() - base.green()) * share),
        round(base.blue() + (text.blue() - base.blue()) * share),
    )


# Marks another shot of a slide already kept. "❐", not "⧉": common fonts (DejaVu, the
# Linux default) have no ⧉, which showed as an empty box.
ANOTHER_SHOT = "❐"


class FramedThumbnail(QStyledItemDelegate):
    """A thumbnail with a thin frame round it: a white slide on the light theme's white strip
    (a dark one on the dark theme's) could not be seen."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        size = index.data(THUMB_SIZE_ROLE)
        if not isinstance(size, QSize) or size.isEmpty():
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget  # (the strip: a view gives its delegate's options its widget)
        cell = widget.style().subElementRect(
            QStyle.SubElement.SE_ItemViewItemDecoration, opt, widget
        )
        shown = QStyle.alignedRect(opt.direction, opt.decorationAlignment, size, cell)
        painter.save()
        painter.setPen(frame_colour(opt.palette))
        painter.drawRect(QRect(shown).adjusted(-1, -1, 0, 0))  # (a pen's rect ends 1 px on)
        painter.restore()


class PhotoStrip(QListWidget):
    jump_requested = Signal(object)  # Photo
    view_requested = Signal(object)
    caption_requested = Signal(object)
    remove_requested = Signal(object)
    files_dropped = Signal(list)
    suggestion_accepted = Signal(object)  # Photo: its suggested caption becomes its caption
    keeper_requested = Signal(object)  # Photo: keep this shot of the slide (exported)
    slide_text_requested = Signal(object)  # Photo: insert its slide text into the note

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(QSize(96, 72))
        self.setFixedHeight(118)
        self.setGridSize(QSize(112, 96))
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps a caption's start and number
        self.setItemDelegate(FramedThumbnail(self))
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
            if pending_suggestion(photo):  # shown apart until accepted: italic, "?"
                label = f"{photo.suggested_caption}?"
            if photo.duplicate_of is not None:
                label = f"{ANOTHER_SHOT} {label}"
            item = QListWidgetItem(label)  # elided to the grid's width, in the middle
            item.setData(PHOTO_ROLE, photo)
            item.setToolTip(photo_details(photo))
            if pending_suggestion(photo) or photo.duplicate_of is not None:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(self.palette().placeholderText())
            if thumb is not None:  # keep only icon-sized pixels: 500 photos stay light
                ratio = self.devicePixelRatioF()
                pixmap = QPixmap(str(thumb)).scaled(
                    self.iconSize() * ratio,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                pixmap.setDevicePixelRatio(ratio)
                item.setIcon(QIcon(pixmap))
                item.setData(THUMB_SIZE_ROLE, pixmap.deviceIndependentSize().toSize())
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
        if pending_suggestion(photo):
            menu.addAction(
                f"Use Suggested Caption: {photo.suggested_caption[:40]}",
                lambda: self.suggestion_accepted.emit(photo),
            )
        if photo.text:
            menu.addAction("Insert Slide Text", lambda: self.slide_text_requested.emit(photo))
        if photo.duplicate_of is not None:
            menu.addAction(
                "Keep This Shot (export it, not the other)",
                lambda: self.keeper_requested.emit(photo),
            )
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


def pending_suggestion(photo: Photo) -> bool:
    """A caption suggested from the slide that the user has not taken (nor typed their own)."""
    return (
        bool(photo.suggested_caption)
        and not photo.caption_typed
        and photo.suggested_caption != photo.caption
    )


def photo_details(photo: Photo) -> str:
    """The tooltip: caption, suggestion, file, duplicate mark and the slide's text."""
    lines = [photo.caption]
    if pending_suggestion(photo):
        lines.append(f"Suggested caption (from the slide): {photo.suggested_caption}")
    lines.append(f"{photo.original_name} · {photo.width}×{photo.height}")
    if photo.duplicate_of is not None:
        lines.append("Another shot of the same slide: the sharper one is exported")
    if photo.text is None:
        lines.append("Slide text: not read yet")
    elif photo.text:
        text = photo.text if len(photo.text) <= 600 else photo.text[:600] + "…"
        lines.append("Slide text:\n" + text)
    else:
        lines.append("Slide text: none found")
    return "\n".join(lines)


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
