"""Autosave: every change reaches the library within about half a second, off the GUI thread.

The timer starts at the first unsaved change and is not restarted by later keystrokes, so even
continuous typing is saved every SAVE_DELAY_MS. Saves run one at a time, in order, on a
single-thread pool (the backend's writer: other writes queue in the same order);
flush() saves synchronously (switching talk, quitting).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop.core.errors import plain_reason
from desktop.ui.workers import drain, submit

SAVE_DELAY_MS = 500


@dataclass(frozen=True)
class Target:
    kind: str  # "talk" | "hallway"
    id: int


SaveFn = Callable[[Target, str], object]


class Autosaver(QObject):
    saved = Signal(object)  # Target
    save_failed = Signal(object, str)  # Target, message
    dirty_changed = Signal(bool)

    def __init__(self, save: SaveFn, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.pool = pool  # one thread: saves (and the library's other writes) stay in order
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._pending: dict[Target, Callable[[], str]] = {}

    @property
    def dirty(self) -> bool:
        return bool(self._pending)

    def changed(self, target: Target, text: Callable[[], str]) -> None:
        """Note that `target` changed; `text` returns its current body when called."""
        was_dirty = self.dirty
        self._pending[target] = text
        if not self._timer.isActive():
            self._timer.start()
        if not was_dirty:
            self.dirty_changed.emit(True)

    def save_now(self) -> None:
        """Hand every pending change to the save thread."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for target, text in pending.items():
            body = text()
            submit(
                self.pool,
                self._save,
                target,
                body,
                on_done=partial(self._saved, target),
                on_error=partial(self._failed, target, body),
            )
        if pending:
            self.dirty_changed.emit(False)

    def _saved(self, target: Target, _result: object) -> None:
        self.saved.emit(target)

    def _failed(self, target: Target, body: str, exc: BaseException) -> None:
        """Keep the text (the editor still holds it) and try again shortly."""
        if target not in self._pending:
            self._pending[target] = lambda: body
            self.dirty_changed.emit(True)
        self.save_failed.emit(target, plain_reason(exc))  # last: the warning stays on screen
        self._timer.start(max(SAVE_DELAY_MS, 2000))

    def flush(self, timeout_ms: int = 5000) -> bool:
        """Save everything and wait for it: before quitting."""
        self.save_now()
        return drain(self.pool, timeout_ms)
