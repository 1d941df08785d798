"""Where the typing goes, and the pane that has it: the window's focus order (filter →
list → note → photos → preview, and round), a ring round the pane with the focus, and text
typed where nothing takes it (the preview, the photo strip, the list after a click) sent on
into the note, never into the list's type-ahead, never nowhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.held_keys import copy_key

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


RING_WIDTH = 2  # px


class PaneRing(QWidget):
    """A ring drawn just inside the edge of the pane that has the focus, over its contents,
    in the palette's text colour (black on the light theme, light grey on the dark one).

    Qt's QFocusFrame draws outside the widget, in its parent: the box round the photo strip
    and the splitter round the preview cut it off, so on these panes it could not be seen.
    This ring is the window's child, above everything in it, laid over the pane."""

    _MOVES = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._pane: QWidget | None = None
        self._watched: list[QWidget] = []
        self.hide()

    def widget(self) -> QWidget | None:
        return self._pane

    def setWidget(self, pane: QWidget | None) -> None:  # noqa: N802 (as QFocusFrame's)
        for each in self._watched:
            each.removeEventFilter(self)
        self._pane, self._watched = pane, []
        window = self.parentWidget()
        while pane is not None and pane is not window:  # it and what holds it: any move
            pane.installEventFilter(self)
            self._watched.append(pane)
            pane = pane.parentWidget()
        self._fit()

    def _fit(self) -> None:
        pane, window = self._pane, self.parentWidget()
        if pane is None or window is None or not pane.isVisible():
            self.hide()
            return
        self.setGeometry(pane.rect().translated(pane.mapTo(window, pane.rect().topLeft())))
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in self._MOVES:
            self._fit()
        return False

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.WindowText), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))


class FocusRing(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        for pane in (window.preview, window.sidebar.tree, window.editor.strip):
            pane.installEventFilter(self)  # text typed there: into the note
        window.sidebar.filter_edit.installEventFilter(self)  # (Ctrl+Tab, as from the note)
        self._set_focus_order()
        self.frame = PaneRing(window)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._show_pane_focus)

    def _set_focus_order(self) -> None:
        """Tab (Ctrl+Tab in the note, whose Tab indents) goes filter → quick filters → tree →
        note → photos → preview → the note's header buttons, and round; Shift back."""
        window = self.window
        side, pane = window.sidebar, window.editor
        order = [
            side.filter_edit,
            side.starred_button,
            side.noted_button,
            side.day_box,
            side.track_box,
            side.room_box,
            side.tree,
            side.import_button,  # (instead of the tree while the library is empty)
            side.sample_button,
            pane.edit,
            pane.strip,
            window.preview,
            pane.abstract_button,
            pane.photos_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            window.setTabOrder(first, second)

    def _show_pane_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A ring round the pane that has the focus: the tree's and the preview's own
        look the same with it as without (the selected row stays blue), so the writer could
        not tell where the typing would go."""
        window = self.window
        panes = (window.sidebar.tree, window.editor.edit, window.editor.strip, window.preview)
        self.frame.setWidget(new if new in panes else None)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        """Text typed while the (read-only) preview or photo strip has the focus — after
        Ctrl+Tab, a click in it — or while the schedule's tree has it — after a click on a
        row — goes into the note open or being opened (held there while it is read) instead
        of nowhere. In the tree, Space counts as text (it would only select the row the
        cursor is on, which then looks like the note receiving the typing); arrows, Page
        Up/Down, Home, End, Enter and Escape keep browsing the tree. With no note chosen
        the tree keeps its keys. Ctrl+Tab and Ctrl+Shift+Tab move the focus on from these
        panes as they do from the note."""
        if event.type() != QEvent.Type.KeyPress:
            return False
        window = self.window
        panes = (
            window.preview,
            window.sidebar.tree,
            window.sidebar.filter_edit,
            window.editor.strip,
        )
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if watched in panes and ctrl and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backwards = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            window.focusNextPrevChild(not backwards)  # as from the note
            return True
        if watched in (window.preview, window.sidebar.tree, window.editor.strip):
            text = event.text()
            plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if plain and text and text.isprintable() and window.editor.edit.isEnabled():
                window.editor.edit.setFocus()
                QCoreApplication.sendEvent(window.editor.edit, copy_key(event))
                return True
        return False
