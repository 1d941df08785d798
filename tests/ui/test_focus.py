"""Keyboard focus: what is typed lands in the note the writer sees, whether the focus is in
the sidebar's tree after a click, wherever Ctrl+Tab / Ctrl+Shift+Tab took it, or after a
restart that reopened the last note."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.store.notes import talk_note
from desktop.store.talks import list_talks
from tests.ui.conftest import click_talk_row, pasted_image, sample_window


@pytest.fixture
def window(qtbot, library):
    win = sample_window(qtbot, library, size=(1366, 768))
    yield win
    win.autosaver.flush()


def _talk(library, title):
    return next(t for t in list_talks(library) if t.title == title)


def _body(library, talk_id):
    note = talk_note(library, talk_id)
    return note.body if note else ""


def test_typing_after_a_click_in_the_tree_goes_into_the_clicked_note(window, qtbot, library):
    first = _talk(library, "Markdown Beyond the Basics")
    second = _talk(library, "Schedules Are Data")
    window.sidebar.tree.expandAll()
    click_talk_row(window, qtbot, first.id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, "first")
    click_talk_row(window, qtbot, second.id)  # still being read while the writer types
    assert window.sidebar.tree.hasFocus() and window.opening.keys.holding()  # (being read)
    qtbot.keyClicks(window.sidebar.tree, "Typed after a click.")
    qtbot.waitUntil(window.settled)
    assert window.editor.target.id == second.id
    window.autosaver.flush()
    assert _body(library, second.id) == "Typed after a click."
    assert _body(library, first.id) == "first"


def test_the_tree_keeps_its_browsing_keys(window, qtbot, library):
    talk = _talk(library, "Markdown Beyond the Basics")
    window.sidebar.tree.expandAll()
    click_talk_row(window, qtbot, talk.id)
    qtbot.waitUntil(window.settled)
    tree = window.sidebar.tree
    assert tree.hasFocus()
    before = tree.currentIndex()
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # browses: the next row, no note opened
    assert tree.currentIndex() != before and tree.hasFocus()
    assert window.editor.target.id == talk.id
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # text: into the open note, and the focus with it
    qtbot.keyClicks(QApplication.focusWidget(), "x")
    assert window.editor.edit.hasFocus()
    window.autosaver.flush()
    assert _body(library, talk.id) == " x"


def test_with_no_note_chosen_the_tree_keeps_its_keys(window, qtbot):
    tree = window.sidebar.tree
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    assert window.editor.target is None
    qtbot.keyClicks(tree, "s")
    assert tree.hasFocus() and window.editor.current_text() == ""


CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _open(window, qtbot, talk_id):
    window.sidebar.select_talk(talk_id)
    window.opening.to_the_note()
    qtbot.waitUntil(window.settled)
    window.activateWindow()
    qtbot.waitUntil(window.editor.edit.hasFocus)


def test_ctrl_shift_tab_from_the_note_goes_to_the_tree_and_up_enter_open(window, qtbot, library):
    """It went to the talk details (a label showing no focus): Up and Enter did nothing
    and the next words were lost."""
    talk = _talk(library, "Markdown Beyond the Basics")
    _open(window, qtbot, talk.id)
    qtbot.keyClick(window.editor.edit, Qt.Key.Key_Backtab, CTRL | SHIFT)
    tree = window.sidebar.tree
    assert QApplication.focusWidget() is tree
    assert window.focus_frame.widget() is tree and window.focus_frame.isVisible()  # shown
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    above = window.sidebar.current_talk_id()
    assert above is not None and above != talk.id
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "Up then Enter")
    qtbot.waitUntil(window.settled)
    assert window.editor.target.id == above and window.editor.edit.hasFocus()
    window.autosaver.flush()
    assert _body(library, above) == "Up then Enter"


def _ring(window, qtbot, start, forward: bool, steps: int = 30) -> list:
    """The widgets the focus visits from `start` (Ctrl+Tab in the note, Tab elsewhere)."""
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    seen = [start]
    for _ in range(steps):
        focused = QApplication.focusWidget()
        mods = CTRL if focused is window.editor.edit else Qt.KeyboardModifier.NoModifier
        if forward:
            qtbot.keyClick(focused, Qt.Key.Key_Tab, mods)
        else:
            qtbot.keyClick(focused, Qt.Key.Key_Backtab, mods | SHIFT)
        if QApplication.focusWidget() is start:
            return seen
        seen.append(QApplication.focusWidget())
    raise AssertionError(f"the focus never came back: {seen}")


def test_the_focus_goes_round_the_panes_both_ways_on_shown_widgets(window, qtbot, library):
    _open(window, qtbot, _talk(library, "Markdown Beyond the Basics").id)
    sidebar, edit, preview = window.sidebar, window.editor.edit, window.preview
    forward = _ring(window, qtbot, sidebar.filter_edit, forward=True)
    backward = _ring(window, qtbot, sidebar.filter_edit, forward=False)
    for ring in (forward, backward):
        assert all(w.isVisible() and w.isEnabled() for w in ring), ring
        assert not [w for w in ring if type(w).__name__ == "QLabel"], ring
    panes = [sidebar.filter_edit, sidebar.tree, edit, preview]
    assert [w for w in forward if w in panes] == panes
    assert [w for w in backward if w in panes] == [panes[0], *reversed(panes[1:])]
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Tab, CTRL)  # Ctrl+Tab: the preview, and back
    assert QApplication.focusWidget() is preview and window.focus_frame.widget() is preview
    qtbot.keyClicks(preview, "a")  # typed there: into the note
    assert edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Tab, CTRL)
    qtbot.keyClick(preview, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert edit.hasFocus()


def _start_again(qtbot, library, typed_first: str = ""):
    """A start as the app makes it: the window shows, then the library opens behind it
    (typed_first: typed into the filter meanwhile)."""
    from desktop.app import build_window
    from tests.ui.conftest import SAMPLE_MORNING, RecordingNotifier

    win = build_window(None, clock=lambda: SAMPLE_MORNING, notifier=RecordingNotifier())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.sidebar.filter_edit)
    if typed_first:
        qtbot.keyClicks(win.sidebar.filter_edit, typed_first)
    win.attach(library)
    qtbot.waitUntil(lambda: win.settled() and win.editor.target is not None)
    return win


def test_after_a_restart_typing_goes_into_the_reopened_note(window, qtbot, library):
    talk = _talk(library, "Markdown Beyond the Basics")
    _open(window, qtbot, talk.id)
    qtbot.keyClicks(window.editor.edit, "before")
    window.act_quit.trigger()  # File → Quit (Ctrl+Q)
    qtbot.waitUntil(lambda: not window.isVisible())

    again = _start_again(qtbot, library)
    assert again.editor.target.id == talk.id
    qtbot.waitUntil(again.editor.edit.hasFocus)
    qtbot.keyClicks(QApplication.focusWidget(), " after")
    assert again.sidebar.filter_edit.text() == ""
    again.autosaver.flush()
    assert _body(library, talk.id) == "before after"


def test_a_filter_typed_before_the_note_reopens_keeps_the_focus(window, qtbot, library):
    talk = _talk(library, "Markdown Beyond the Basics")
    _open(window, qtbot, talk.id)
    window.close()

    again = _start_again(qtbot, library, typed_first="key")
    assert again.editor.target.id == talk.id
    assert QApplication.focusWidget() is again.sidebar.filter_edit


def test_text_typed_in_the_photo_strip_goes_into_the_note(window, qtbot, library):
    """The strip is in the ring (note → photos → preview) once a note has photos."""
    talk = _talk(library, "Markdown Beyond the Basics")
    _open(window, qtbot, talk.id)
    with qtbot.waitSignal(window.photos.attached, timeout=10_000):
        window.editor.edit.insertFromMimeData(pasted_image())
    strip = window.editor.strip
    qtbot.waitUntil(strip.isVisible, timeout=5000)
    qtbot.keyClick(window.editor.edit, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is strip and window.focus_frame.widget() is strip
    qtbot.keyClicks(strip, "seen")
    assert window.editor.edit.hasFocus()
    assert window.editor.current_text().endswith("seen")


def _changed_share(before, after, rect, side: str) -> float:
    """The share of the pane's `side` along which a pixel within 3 px of its edge changed
    colour clearly (by 96 in some channel) when the pane took the focus."""
    from PySide6.QtGui import QColor

    def changed(x: int, y: int) -> bool:
        a, b = QColor(before.pixel(x, y)), QColor(after.pixel(x, y))
        return (
            max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) >= 96
        )

    horizontal = side in ("top", "bottom")
    edge = {"top": rect.top(), "bottom": rect.bottom(), "left": rect.left(), "right": rect.right()}
    along = (
        range(rect.left() + 8, rect.right() - 8)
        if horizontal
        else range(rect.top() + 8, rect.bottom() - 8)
    )
    hits = 0
    for at in along:
        band = range(edge[side] - 3, edge[side] + 4)
        points = [(at, y) for y in band] if horizontal else [(x, at) for x in band]
        hits += any(
            0 <= x < before.width() and 0 <= y < before.height() and changed(x, y)
            for x, y in points
        )
    return hits / len(along)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_focus_ring_shows_on_all_four_sides_of_every_pane(window, qtbot, library, theme):
    """Checked in the dark theme: the ring round the photo strip and the preview could not
    be seen (in either theme), the box round them cut it off. Each pane that takes the
    typing shows a ring on its four sides when it has the focus."""
    talk = _talk(library, "Markdown Beyond the Basics")
    _open(window, qtbot, talk.id)
    with qtbot.waitSignal(window.photos.attached, timeout=10_000):
        window.editor.edit.insertFromMimeData(pasted_image("white"))
    qtbot.waitUntil(window.editor.strip.isVisible, timeout=5000)
    window.theme_menu.apply(theme, remember=False)
    try:
        panes = (window.sidebar.tree, window.editor.edit, window.editor.strip, window.preview)
        for pane in panes:
            window.sidebar.filter_edit.setFocus()  # (no ring)
            qtbot.waitUntil(lambda: window.sidebar.filter_edit.hasFocus())
            before = window.grab().toImage()
            pane.setFocus()
            qtbot.waitUntil(lambda p=pane: p.hasFocus())
            after = window.grab().toImage()
            rect = pane.rect().translated(pane.mapTo(window, pane.rect().topLeft()))
            for side in ("top", "bottom", "left", "right"):
                share = _changed_share(before, after, rect, side)
                assert share >= 0.9, (theme, type(pane).__name__, side, share)
    finally:
        window.theme_menu.apply("system", remember=False)
