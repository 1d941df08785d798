"""Slide text in the window: runs the OCR worker process while the app runs (paused while the
user types fast), refreshes the photo strip as photos are read, Insert Slide Text, suggested
captions and the choice of which shot of a slide is kept."""

from __future__ import annotations

import time
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from desktop.core.models import Photo

if TYPE_CHECKING:
    from desktop.services.library import Library
    from desktop.services.ocr_worker import OcrWorker
    from desktop.ui.main_window import MainWindow

SETTING = "ocr/enabled"
FAST_TYPING_KEYS = 3  # this many edits within a second is typing: the worker pauses
RESUME_AFTER_MS = 1500  # and goes on after this long without an edit
START_DELAY_MS = 3000  # the worker starts this long after the library opened


class SlideReading(QObject):
    event_received = Signal(object)  # a worker event (dict), delivered on the GUI thread
    photo_read = Signal(object)  # the worker's "read" event, after the strip was refreshed

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.worker: OcrWorker | None = None
        self.status = ""
        self.settings = QSettings()
        self._edits: deque[float] = deque(maxlen=FAST_TYPING_KEYS)
        self._resume = QTimer(self, singleShot=True, interval=RESUME_AFTER_MS)
        self._resume.timeout.connect(self._typing_stopped)
        self._retry = QTimer(self, singleShot=True, interval=50)  # it was writing: try again
        self._retry.timeout.connect(self._pause)
        self.event_received.connect(self._on_event, Qt.ConnectionType.QueuedConnection)

        self.act_insert = QAction("Insert S&lide Text", window)
        self.act_insert.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.act_insert.setStatusTip("Put the selected photo's slide text into the note")
        self.act_insert.triggered.connect(self.insert_selected)
        self.act_enabled = QAction("&Read Slide Text in the Background", window, checkable=True)
        self.act_enabled.setStatusTip("OCR of slide photos, offline, on this computer")
        self.act_enabled.setChecked(self.enabled())
        self.act_enabled.toggled.connect(self.set_enabled)
        window.addAction(self.act_insert)
        menu = getattr(window, "talk_menu", None)
        if menu is not None:
            menu.addSeparator()
            menu.addActions([self.act_insert, self.act_enabled])

        strip = window.editor.strip
        strip.suggestion_accepted.connect(self.accept_suggestion)
        strip.keeper_requested.connect(self.keep_shot)
        strip.slide_text_requested.connect(self.insert_slide_text)
        window.photos.attached.connect(lambda _r: self.wake())
        window.editor.edit.textChanged.connect(self._edited)
        window.installEventFilter(self)  # closing the window ends the worker

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    # --- the worker's life -----------------------------------------------------------------

    def enabled(self) -> bool:
        return bool(self.settings.value(SETTING, True, type=bool))

    def start_soon(self) -> None:
        """Once the library is open: start a few seconds later, off the start's busy moment."""
        QTimer.singleShot(START_DELAY_MS, lambda: self.window.lib and self.start(self.window.lib))

    def start(self, lib: Library) -> bool:
        """Read the library's queued photos (the worker process starts when there are some);
        False when OCR is off or not installed."""
        from desktop.media import ocr

        if not ocr.available():
            self.act_enabled.setEnabled(False)
            self._say(ocr.NOT_INSTALLED + ": slide photos are not read")
            return False
        if not self.enabled() or self.worker is not None:
            return False
        # Plain SQL: the window holds no SQLAlchemy (~25 MiB) for this (services.slide_ocr
        # loads it), and none at all until a note changes (ui.runtime.warm_up_on_first_change)
        from desktop.services.library import ocr_queued
        from desktop.services.ocr_worker import OcrWorker

        worker = self.worker = OcrWorker(lib.path, self.event_received.emit)

        def start_if_queued(queued: bool) -> None:  # else it starts with the next photo
            if queued and self.worker is worker and not worker.is_alive():
                worker.start()

        self.window.backend.read(ocr_queued, lib, on_done=start_if_queued)
        return True

    def stop(self) -> None:
        """The app quits: the worker ends at once (an image half read is read next time)."""
        self._resume.stop()
        self._retry.stop()
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def set_enabled(self, on: bool) -> None:
        self.settings.setValue(SETTING, on)
        if not on:
            self.stop()
        elif self.window.lib is not None:
            self.start(self.window.lib)

    def wake(self) -> None:
        if self.worker is not None:
            self.worker.wake()

    def _edited(self) -> None:
        """Typing fast pauses the worker; it goes on a moment after the typing stops."""
        if self.worker is None:
            return
        now = time.monotonic()
        self._edits.append(now)
        if len(self._edits) == FAST_TYPING_KEYS and now - self._edits[0] < 1.0:
            self._pause()
        if self.worker.paused or self._retry.isActive():
            self._resume.start()

    def _pause(self) -> None:
        """Pause now, or (the worker holds the database for a moment) in 50 ms."""
        if self.worker is not None and not self.worker.pause() and self.worker.is_alive():
            self._retry.start()

    def _typing_stopped(self) -> None:
        self._retry.stop()
        if self.worker is not None:
            self.worker.resume()

    def _on_event(self, event: dict) -> None:
        kind = event.get("event")
        if kind == "read":
            left = event.get("queued", 0)
            self._say(f"Slide text read ({left} photos left)" if left else "Slide text read")
            target = self.window.editor.target
            if target is not None:
                self.window.photos.refresh_strip()
            self.photo_read.emit(event)
        elif kind in ("unavailable", "failed"):
            self._say(f"Slide text: {event.get('why', '')}")
            self.stop()

    def _say(self, message: str) -> None:
        self.status = message
        self.window.statusBar().showMessage(message, 6000)

    # --- the strip's commands --------------------------------------------------------------

    def selected_photo(self) -> Photo | None:
        strip = self.window.editor.strip
        items = strip.selectedItems()
        photos = strip.photos()
        if items:
            return photos[strip.row(items[0])]
        readable = [p for p in photos if p.text]
        return readable[-1] if readable else None

    def insert_selected(self) -> None:
        photo = self.selected_photo()
        if photo is None:
            self._say("Select a photo whose slide text was read")
            return
        self.insert_slide_text(photo)

    def insert_slide_text(self, photo: Photo, style: str = "quote") -> None:
        """The slide's text, as a quote, at the cursor (read off the GUI thread)."""
        from desktop.services.slide_ocr import slide_markdown

        target = self.window.editor.target
        self.window.backend.read(
            slide_markdown,
            self.window.library(),
            photo,
            style,
            on_done=lambda text: self._insert(target, text),
        )

    def _insert(self, target, text: str) -> None:
        if not text:
            self._say("No text was read on that slide")
            return
        if self.window.editor.target != target:
            return
        cursor = self.window.editor.edit.textCursor()
        block = cursor.block()
        if cursor.positionInBlock() > 0:
            prefix = "\n\n"
        else:  # a quote needs a blank line before it
            prefix = "\n" if block.previous().isValid() and block.previous().text().strip() else ""
        cursor.insertText(prefix + text + "\n\n")
        self.window.editor.edit.setTextCursor(cursor)

    def accept_suggestion(self, photo: Photo) -> None:
        self.window.photos.set_caption(photo, photo.suggested_caption, typed=False)

    def keep_shot(self, photo: Photo) -> None:
        from desktop.services.slide_ocr import choose_keeper

        self.window.backend.write(
            choose_keeper,
            self.window.library(),
            photo.id,
            on_done=lambda _r: self.window.photos.refresh_strip(),
        )


def install(window: MainWindow) -> SlideReading:
    """Give the window slide reading; the worker starts once the library is open."""
    reading = SlideReading(window)
    window.slide_reading = reading
    return reading
