"""Keys typed while a note opens, held for it: the note chosen is read off the GUI thread, and
what is typed meanwhile (keys, an input method's text, commands such as a time stamp) is typed
into it once it is shown, never into the note still on screen (ui.note_opening)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.ui.note_pane import NotePane

_HELD_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod)


def committed_text(event: QEvent) -> QEvent | None:
    """The text an input method (compose, dead keys, an IME) committed, to send later (None:
    only a pre-edit, the text being composed, which shows only while composing)."""
    from PySide6.QtGui import QInputMethodEvent  # (its Qt enums: not before the first paint)

    if not isinstance(event, QInputMethodEvent) or not event.commitString():
        return None
    copy = QInputMethodEvent("", [])
    copy.setCommitString(event.commitString(), event.replacementStart(), event.replacementLength())
    return copy


def copy_key(event: QKeyEvent) -> QKeyEvent:
    """A key event to send later (Qt reuses the one it delivers)."""
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


Held = list[QEvent | Callable[[], None]]  # keys, input method text, commands: in order


class HeldKeys(QObject):
    """Keys typed (and commands given: a time stamp, a quote) while a note opens, in order,
    for the note being opened: never for the note still on screen. A note chosen while
    another is read, after keys were typed for that one, gets its own keys (`split`)."""

    def __init__(self, pane: NotePane) -> None:
        super().__init__(pane)
        self.pane = pane
        self._held: list[Held] | None = None  # one part per note chosen, the first's first
        self._replaying = False
        pane.edit.installEventFilter(self)

    def hold(self) -> None:
        """Until release: keys typed go to no note. The note chosen is being read (off the GUI
        thread) and takes the place of the one on screen; what is typed meanwhile belongs to
        it, never to the note still showing. The text widget takes keys (and the focus)
        meanwhile, even before any note was open."""
        if self._held is None:
            self._held = [[]]
        self.pane.edit.setEnabled(True)

    def holding(self) -> bool:
        return self._held is not None

    def has_input(self) -> bool:
        """Something was typed (or a command given) for the note chosen last."""
        return bool(self._held and self._held[-1])

    def split(self) -> None:
        """Another note is chosen while the one before it opens: what is typed from now on
        is for it (released after the first one's, with `release`)."""
        if self._held is not None:
            self._held.append([])

    def command(self, command: Callable[[], None]) -> None:
        """A command on the note (a time stamp, a quote) given while it opens: done when it is
        open, in its place among the keys typed."""
        if self._held is None:
            command()
        else:
            self._held[-1].append(command)

    def _first(self) -> Held:
        """The first note's part, taken out; holding ends with the last part."""
        if self._held is None:
            return []
        first = self._held.pop(0)
        if not self._held:
            self._held = None
        return first

    def release(self) -> None:
        """Type the keys held for the note now open into it, and do its held commands, in
        order (those for a note chosen after it stay held)."""
        self._replaying = True
        try:
            for item in self._first():
                if isinstance(item, QEvent):
                    QCoreApplication.sendEvent(self.pane.edit, item)
                else:
                    item()
        finally:
            self._replaying = False

    def drop(self) -> int:
        """The note could not be opened: forget the keys typed for it (their count)."""
        lost = sum(isinstance(item, QEvent) for item in self._first())
        if self._held is None and self.pane.target is None:
            self.pane.edit.setEnabled(False)
        return lost

    def drop_all(self) -> None:
        while self._held is not None:
            self.drop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if self._held is not None and not self._replaying and event.type() in _HELD_EVENTS:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                self._held[-1].append(copy_key(event))
            elif event.type() == QEvent.Type.InputMethod:
                text = committed_text(event)
                if text is not None:
                    self._held[-1].append(text)
            return True  # (the release of a held key is held back too: it was never pressed)
        if self._held is not None and event.type() == QEvent.Type.InputMethodQuery:
            return _input_method_stays_on(self.pane.edit, event)
        return False


def _input_method_stays_on(edit: QWidget, query: QEvent) -> bool:
    """The note on screen is read-only while another opens, and a read-only text refuses
    input methods: the one in use (an IME, dead keys) would stop composing and send bare
    keys. It is told the text takes input, so what it commits is held for the note chosen."""
    from PySide6.QtGui import QInputMethodQueryEvent  # (its Qt enums: not before first paint)

    if not isinstance(query, QInputMethodQueryEvent):
        return False
    edit.event(query)  # the text's own answers (where the cursor is, …)
    if query.queries() & Qt.InputMethodQuery.ImEnabled:
        query.setValue(Qt.InputMethodQuery.ImEnabled, True)
    return True
