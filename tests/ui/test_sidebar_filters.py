"""Sidebar filters: word starts (accents and case ignored), the tree kept under a track
filter, the combo boxes' lists as wide as their longest entry."""

import pytest
from PySide6.QtCore import Qt

from desktop.app import build_window
from desktop.services.importing import import_schedule
from desktop.ui.schedule_model import ID_ROLE, KIND_ROLE
from tests.conftest import SAMPLE


@pytest.fixture
def window(qtbot, library):
    import_schedule(library, str(SAMPLE))
    win = build_window(library)
    qtbot.waitUntil(win.settled)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _shown(window) -> dict[str, list]:
    """{kind: [labels or titles]} of the rows the tree shows."""
    proxy, found = window.sidebar.tree.model(), {}  # what the tree shows

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            kind = index.data(KIND_ROLE)
            label = window.model.talk(index.data(ID_ROLE)).title if kind == "talk" else index.data()
            found.setdefault(kind, []).append(label)
            walk(index)

    walk(proxy.index(-1, -1))
    return found


def _filter(window, qtbot, text):
    edit = window.sidebar.filter_edit
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    return _shown(window).get("talk", [])


def test_the_filter_matches_word_starts(window, qtbot):
    assert _filter(window, qtbot, "data") == ["Schedules Are Data", "Time Zones for the Perplexed"]
    assert _filter(window, qtbot, "ata") == []  # not inside "Data"
    assert _filter(window, qtbot, "GARCIA") == ["Time Zones for the Perplexed"]  # García
    assert _filter(window, qtbot, "perplexed zones") == ["Time Zones for the Perplexed"]
    assert _filter(window, qtbot, "sket eng") == ["Sketchnoting for Engineers"]


def test_a_track_filter_keeps_the_tree(window):
    sidebar = window.sidebar
    sidebar.track_box.setCurrentIndex(sidebar.track_box.findData("Data"))
    shown = _shown(window)
    assert shown["conference"] == ["Harbour Notes Conference 2026"]
    assert shown["day"] == ["Day 1 · Thursday 14 May", "Day 2 · Friday 15 May"]
    assert shown["talk"] == ["Schedules Are Data", "Time Zones for the Perplexed"]


def test_the_combo_lists_show_whole_names(window, qtbot):
    box = window.sidebar.track_box
    long_name = "Energy: Reimagining the Grid, Together"  # as FOSDEM's long track names
    window.model.talks()[0].track = long_name
    window.sidebar.refresh_choices()
    assert box.findText(long_name) > 0
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(view.isVisible, timeout=3000)
    longest = max(range(box.count()), key=lambda i: len(box.itemText(i)))
    assert view.width() >= view.fontMetrics().horizontalAdvance(box.itemText(longest))
    box.hidePopup()


def test_down_from_the_filter_goes_to_the_first_match_and_enter_opens_it(window, qtbot):
    """Typing a filter, then Down, then Enter did nothing: Down stayed in the text field."""
    edit = window.sidebar.filter_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "perplexed")  # no pause: the filter has not applied yet
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    tree = window.sidebar.tree
    assert tree.hasFocus()
    assert window.model.talk(tree.currentIndex().data(ID_ROLE)).title == (
        "Time Zones for the Perplexed"
    )
    assert window.editor.talk is None  # moving there is browsing, not choosing
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(window.settled)
    assert window.editor.talk.title == "Time Zones for the Perplexed"
    qtbot.waitUntil(window.editor.edit.hasFocus)


def test_down_from_a_filter_matching_nothing_stays_in_the_field(window, qtbot):
    edit = window.sidebar.filter_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "zzzzqqq")
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert edit.hasFocus()


def test_the_filter_finds_the_hallway_notes_by_their_words(window, qtbot):
    """Typing "hallway" in the filter hid the ☕ Hallway notes row with everything else."""
    qtbot.keyClicks(window.sidebar.filter_edit, "hallway")

    def shown_kinds() -> list[str]:
        proxy, found = window.sidebar.tree.model(), []  # what the tree shows
        stack = [proxy.index(r, 0) for r in range(proxy.rowCount())]
        while stack:
            index = stack.pop()
            found.append(index.data(KIND_ROLE))
            stack += [proxy.index(r, 0, index) for r in range(proxy.rowCount(index))]
        return found

    qtbot.waitUntil(lambda: "talk" not in shown_kinds(), timeout=3000)  # filtered (a pause)
    assert "hallway-new" in shown_kinds()


def test_clearing_a_filter_keeps_the_open_days_and_the_open_note(window, qtbot):
    """The tree shows the model itself until a filter narrows it, then the filter, then the
    model again (ui.sidebar: the filter cost every start ~4 ms). The filter opens the days
    that match; cleared, the days the user had open are open again, and the note being typed
    into is still the selected row."""
    sidebar, tree = window.sidebar, window.sidebar.tree
    assert tree.model() is window.model  # nothing narrows it yet
    shown = tree.model()
    conf = shown.index(0, 0)
    day1, day2 = shown.index(0, 0, conf), shown.index(1, 0, conf)
    tree.collapse(day1)
    tree.expand(day2)  # the user's own choice of open days
    talk = window.model.talk(shown.index(0, 0, day2).data(ID_ROLE))
    assert sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    assert _filter(window, qtbot, "data") == ["Schedules Are Data", "Time Zones for the Perplexed"]
    assert tree.model() is sidebar.proxy
    _filter(window, qtbot, "")  # cleared
    assert tree.model() is window.model
    assert tree.isExpanded(shown.index(1, 0, conf)) and not tree.isExpanded(day1)
    selected = tree.selectionModel().selectedIndexes()
    assert [i.data(ID_ROLE) for i in selected] == [talk.id]  # the open note's row, alone
    assert window.editor.talk.id == talk.id
    qtbot.keyClicks(window.editor.edit, "still here")
    assert "still here" in window.editor.edit.toPlainText()


def test_a_filter_matching_nothing_says_so_with_a_way_back(window, qtbot):
    """★ My agenda with nothing starred, or words found nowhere, left a blank list."""
    sidebar = window.sidebar
    assert not sidebar.no_match.isVisible()
    sidebar.starred_button.setChecked(True)  # nothing starred yet
    assert sidebar.no_match.isVisible()
    assert "No talk matches" in sidebar.no_match.text()
    sidebar.no_match.linkActivated.emit("clear")  # "Show all talks"
    assert not sidebar.starred_button.isChecked() and not sidebar.no_match.isVisible()
    assert _shown(window)["talk"]  # every talk again
    assert _filter(window, qtbot, "zzzzqqq") == []
    assert sidebar.no_match.isVisible()
    assert _filter(window, qtbot, "data") != []
    assert not sidebar.no_match.isVisible()


def test_down_from_the_filter_prefers_a_talk_with_the_words_in_its_title(window, qtbot):
    """ "state of go", Down, opened an earlier talk naming Go in its abstract, not The State
    of Go. Down goes to the first talk with the words in its title, when one is shown."""
    edit = window.sidebar.filter_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "talks")  # two talks before it say "talks" in their abstracts
    shown = _shown(window)["talk"]
    assert shown.index("Night Owls: Lightning Talks After Dark") > 0
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    tree = window.sidebar.tree
    assert window.model.talk(tree.currentIndex().data(ID_ROLE)).title == (
        "Night Owls: Lightning Talks After Dark"
    )
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, "fatima")  # a speaker: no title has it, the first match then
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert window.model.talk(tree.currentIndex().data(ID_ROLE)).title == "Schedules Are Data"
