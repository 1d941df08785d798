"""Accessibility: every control a screen reader announces by name, every one reachable by
keyboard in a sensible order, and a whole capture flow by keys alone."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QWidget,
)

from desktop.app import build_window
from desktop.services.importing import import_schedule
from desktop.store.notes import talk_note
from desktop.store.photos import note_photos
from desktop.store.talks import list_talks
from tests.conftest import SAMPLE

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, library):
    import_schedule(library, str(SAMPLE))
    win = build_window(library, clock=lambda: datetime(2026, 5, 14, 10, 5, tzinfo=UTC))
    qtbot.waitUntil(win.settled)
    win.photos.quiet = True
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    win.titles = {t.title: t for t in list_talks(library)}
    yield win
    win.autosaver.flush()


def _interactive(root: QWidget) -> list[QWidget]:
    found = [w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE)]
    return [w for w in found if w.isVisibleTo(root) and not _inner_part(w)]


def _inner_part(widget: QWidget) -> bool:
    """Parts Qt builds inside another control (a combo box's line edit, a scroll bar's
    buttons, a line edit's clear button): announced with their control."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QLineEdit | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_") or type(widget).__name__ == "QLineEditIconButton"


def _name(widget: QWidget) -> str:
    """What a screen reader says: the accessible name Qt works out (set, or from the text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface else "").strip()


def test_every_control_has_a_name(window, qtbot):
    window.sidebar.select_talk(window.titles["Offline First, Always"].id)
    qtbot.waitUntil(window.settled)
    unnamed = [
        f"{type(w).__name__} {w.objectName() or ''} in {type(w.parentWidget()).__name__}"
        for w in _interactive(window)
        if not _name(w)
    ]
    assert unnamed == []


def test_every_control_is_reachable_by_keyboard(qtbot, window):
    """By Tab, or (toolbar buttons) by the shortcut and menu entry of their action."""
    window.sidebar.select_talk(window.titles["Offline First, Always"].id)
    qtbot.waitUntil(window.settled)
    menu_actions = {
        a.text().replace("&", "")
        for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
        for a in menu.actions()
    }
    unreachable = []
    for widget in _interactive(window):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        toolbar = widget.parentWidget()
        if isinstance(toolbar, QToolBar):
            action = widget.defaultAction()
            tip = action.toolTip().split(" (")[0]
            if tip in menu_actions and "(" in action.toolTip():  # a menu entry and a shortcut
                continue
        unreachable.append(f"{type(widget).__name__} {_name(widget)!r}")
    assert unreachable == []


def test_tab_goes_filter_then_list_then_note_then_preview(window, qtbot):
    window.sidebar.select_talk(window.titles["Offline First, Always"].id)
    qtbot.waitUntil(window.settled)
    sidebar, editor = window.sidebar, window.editor
    sidebar.filter_edit.setFocus()
    order = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        if focused is not None and focused not in order:
            order.append(focused)
        if focused is window.preview:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab) if focused is not editor.edit else qtbot.keyClick(
            focused, Qt.Key.Key_Tab, CTRL
        )  # Tab in the note indents lists; Ctrl+Tab leaves it
    assert sidebar.filter_edit in order and sidebar.tree in order
    assert editor.edit in order and window.preview in order
    position = order.index
    assert position(sidebar.filter_edit) < position(sidebar.tree) < position(editor.edit)
    assert position(editor.edit) < position(window.preview)


def test_a_capture_flow_by_keys_alone(window, qtbot, library):
    """Go to now, type, quote, stamp, paste a photo, star: no mouse."""
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL)  # 11:05 in Lisbon: two talks run
    qtbot.waitUntil(window.settled)
    chooser = window.capture.now_chooser
    qtbot.waitUntil(chooser.isVisible, timeout=3000)
    qtbot.keyClick(chooser.list, Qt.Key.Key_1)  # one key picks
    qtbot.waitUntil(window.settled)
    talk = window.model.talk(window.editor.target.id)
    edit = window.editor.edit
    assert edit.hasFocus()
    qtbot.keyClicks(edit, "Key points:")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "- offline first")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "sync later")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # ends the list
    qtbot.keyClick(edit, Qt.Key.Key_T, CTRL | SHIFT)  # time stamp
    qtbot.keyClicks(edit, "demo starts")

    qtbot.keyClick(edit, Qt.Key.Key_Q, CTRL | SHIFT)
    qtbot.keyClicks(edit, "Sync is a feature")

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    # setImage, not setMimeData(QMimeData()): the clipboard owns mime data given to it, and
    # Python freed that object again at exit (a segmentation fault after the last test)
    QApplication.clipboard().setImage(image)
    with qtbot.waitSignal(window.photos.attached, timeout=10_000):
        qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_D, CTRL)  # star

    window.autosaver.flush()
    body = talk_note(library, talk.id).body
    assert "Key points:\n- offline first\n- sync later\n\n[" in body
    assert "] demo starts" in body
    assert f'> "Sync is a feature"\n> \\- {talk.speakers[0]}\n' in body  # the photo after it
    assert "](photo:" in body and len(note_photos(library, talk_note(library, talk.id).id)) == 1
    assert window.model.talk(talk.id).starred
