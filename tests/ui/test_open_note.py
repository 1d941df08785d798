"""The open note changes only by an explicit choice: filters, reloads and refreshes never
change it, and the sidebar keeps showing (and scrolled to) the talk that receives the typing."""

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.store.notes import talk_note
from desktop.store.talks import list_talks
from desktop.ui.schedule_model import ID_ROLE, KIND_ROLE
from tests.ui.conftest import click_talk_row, sample_window


@pytest.fixture
def window(qtbot, library):
    win = sample_window(qtbot, library, size=(1000, 420))  # short: the tree scrolls
    qtbot.waitUntil(win.settled)
    yield win
    win.autosaver.flush()


def _talk(library, title):
    return next(t for t in list_talks(library) if t.title == title)


def _open_by_click(window, qtbot, talk_id):
    """Click the talk's row, as a user would."""
    click_talk_row(window, qtbot, talk_id)
    qtbot.waitUntil(window.settled)
    assert window.editor.target.id == talk_id


def _in_view(window, talk_id) -> bool:
    tree = window.sidebar.tree
    index = tree.currentIndex()
    rect = tree.visualRect(index)
    return index.data(ID_ROLE) == talk_id and tree.viewport().rect().contains(rect.center())


def test_filtering_never_changes_the_open_note(window, qtbot, library):
    talk = _talk(library, "Markdown Beyond the Basics")  # day 2, track Tooling
    window.sidebar.tree.expandAll()
    _open_by_click(window, qtbot, talk.id)
    qtbot.keyClicks(window.editor.edit, "mine")

    sidebar = window.sidebar
    qtbot.keyClicks(sidebar.filter_edit, "perplexed")  # another talk of the same day only
    qtbot.keyClick(sidebar.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(window.settled)
    assert window.editor.target.id == talk.id
    assert "Markdown Beyond the Basics" in window.editor.title_line.full_text()
    qtbot.keyClicks(window.editor.edit, " still")  # typing goes on into the open note

    sidebar.filter_edit.clear()  # back: the open talk is selected and in view
    assert window.editor.target.id == talk.id
    qtbot.waitUntil(lambda: _in_view(window, talk.id), timeout=3000)

    sidebar.tree.scrollToTop()
    sidebar.track_box.setCurrentIndex(sidebar.track_box.findData("Data"))  # not its track
    assert window.editor.target.id == talk.id
    sidebar.track_box.setCurrentIndex(sidebar.track_box.findData(talk.track))  # its track
    assert window.editor.target.id == talk.id
    qtbot.waitUntil(lambda: _in_view(window, talk.id), timeout=3000)
    sidebar.starred_button.setChecked(True)  # nothing starred: empty list
    sidebar.starred_button.setChecked(False)
    assert window.editor.target.id == talk.id

    window.autosaver.flush()
    assert talk_note(library, talk.id).body == "mine still"
    others = [talk_note(library, t.id) for t in list_talks(library) if t.id != talk.id]
    assert all(note is None or not note.body for note in others)


def test_a_reload_keeps_the_open_note_and_its_place(window, qtbot, library):
    talk = _talk(library, "Closing Remarks")
    window.sidebar.tree.expandAll()
    _open_by_click(window, qtbot, talk.id)
    tree = window.sidebar.tree
    tree.setCurrentIndex(tree.model().index(0, 0))  # looking elsewhere
    window.reload()
    qtbot.waitUntil(window.settled)
    assert window.editor.target.id == talk.id
    qtbot.waitUntil(lambda: _in_view(window, talk.id), timeout=3000)


def test_only_an_explicit_choice_opens_a_talk(window, qtbot, library):
    first = _talk(library, "Static Sites in 2026")
    window.sidebar.tree.expandAll()
    _open_by_click(window, qtbot, first.id)
    tree = window.sidebar.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # arrows browse the list
    assert window.editor.target.id == first.id
    browsed = tree.currentIndex().data(ID_ROLE)
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # Enter opens
    qtbot.waitUntil(window.settled)
    assert window.editor.target.id == browsed != first.id
    assert window.editor.edit.hasFocus()


def _rows_in_view(window):
    """(talk id, rect) of the talk rows wholly in the tree's view, top to bottom."""
    tree = window.sidebar.tree
    height = tree.viewport().height()
    found = []
    index = tree.indexAt(tree.viewport().rect().topLeft())
    while index.isValid():
        rect = tree.visualRect(index)
        if rect.top() >= height:
            break
        wholly = rect.top() >= 0 and rect.bottom() < height
        if wholly and index.data(KIND_ROLE) == "talk":
            found.append((index.data(ID_ROLE), rect))
        index = tree.indexBelow(index)
    return found


def test_a_click_opens_the_talk_under_the_pointer_and_the_list_stays(window, qtbot):
    """Clicking a talk in view scrolled the list to bring it to the middle: the talks moved
    under the pointer, and the next click opened another talk than the one aimed at (typed
    notes went there)."""
    tree = window.sidebar.tree
    tree.expandAll()
    tree.verticalScrollBar().setValue(0)
    rows = _rows_in_view(window)
    assert len(rows) >= 3  # (the view is short: the talks below these are out of view)
    scrolled = tree.verticalScrollBar().value()
    for talk_id, rect in (rows[-1], rows[-2], rows[0]):  # low in the view first
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(window.settled)
        assert window.editor.target.id == talk_id  # the talk aimed at
        assert tree.verticalScrollBar().value() == scrolled  # nothing moved
        assert tree.visualRect(tree.currentIndex()) == rect


def test_a_talk_chosen_out_of_view_is_brought_into_it(window, qtbot, library):
    tree = window.sidebar.tree
    tree.expandAll()
    tree.verticalScrollBar().setValue(0)
    shown = {talk_id for talk_id, _rect in _rows_in_view(window)}
    far = next(t for t in reversed(list_talks(library)) if t.id not in shown)
    assert window.sidebar.select_talk(far.id)  # (as Ctrl+J, a search hit)
    qtbot.waitUntil(window.settled)
    qtbot.waitUntil(lambda: _in_view(window, far.id), timeout=3000)


def test_a_double_click_on_a_row_cut_off_at_the_bottom_opens_that_talk(window, qtbot):
    """Qt brought a row cut off at the view's edge into view as the mouse pressed it: the
    list moved, and the double click's second click opened another talk."""
    tree = window.sidebar.tree
    tree.expandAll()
    height = tree.viewport().height()
    for value in range(tree.verticalScrollBar().maximum() + 1):
        tree.verticalScrollBar().setValue(value)  # (per row) until a talk is cut off below
        index = tree.indexAt(tree.viewport().rect().bottomLeft() + QPoint(40, -2))
        rect = tree.visualRect(index)
        if index.data(KIND_ROLE) == "talk" and rect.bottom() >= height and rect.top() < height - 6:
            break
    else:
        pytest.skip("no talk row ends below the view at this size")
    talk_id, scrolled = index.data(ID_ROLE), tree.verticalScrollBar().value()
    where = QPoint(rect.center().x(), (rect.top() + height) // 2)  # its visible part
    for _click in range(2):  # a double click, as two clicks in a row
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(window.settled)
    assert window.editor.target.id == talk_id
    assert tree.verticalScrollBar().value() == scrolled  # nothing moved under the pointer
    assert tree.indexAt(where).data(ID_ROLE) == talk_id
