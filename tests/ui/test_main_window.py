"""The main window, driven through real widgets: select, type, autosave, quote, star, filter."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QToolBar

from desktop.app import build_window
from desktop.services.importing import import_schedule
from desktop.store.notes import talk_note
from desktop.store.talks import list_talks
from desktop.ui.schedule_model import ID_ROLE
from tests.conftest import SAMPLE
from tests.ui.conftest import SAMPLE_MORNING, sample_window


@pytest.fixture
def window(qtbot, library):
    clock = {"now": SAMPLE_MORNING}
    win = sample_window(qtbot, library, clock=lambda: clock["now"])
    qtbot.waitUntil(win.settled)
    win.clock_value = clock
    yield win
    win.autosaver.flush()


def _talk(library, title):
    return next(t for t in list_talks(library) if t.title == title)


def test_sidebar_shows_sample_conference(window):
    model = window.model
    assert model.rowCount() == 1
    conf = model.index(0, 0)
    assert conf.data() == "Harbour Notes Conference 2026"
    assert [model.index(i, 0, conf).data() for i in range(model.rowCount(conf))] == [
        "Day 1 · Thursday 14 May",
        "Day 2 · Friday 15 May",
        "☕ Hallway notes",
    ]


def test_select_type_and_autosave(window, qtbot, library):
    talk = _talk(library, "Static Sites in 2026")
    assert window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    assert window.editor.talk.id == talk.id
    qtbot.keyClicks(window.editor.edit, "Hugo is fast")
    qtbot.waitUntil(lambda: talk_note(library, talk.id).body == "Hugo is fast", timeout=3000)
    qtbot.waitUntil(lambda: window.saved_label.text() == "Saved", timeout=3000)


def test_undo_survives_switching_talks(window, qtbot, library):
    first = _talk(library, "Static Sites in 2026")
    second = _talk(library, "Schedules Are Data")
    window.sidebar.select_talk(first.id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, "abc")
    window.sidebar.select_talk(second.id)
    qtbot.waitUntil(window.settled)
    window.sidebar.select_talk(first.id)
    qtbot.waitUntil(window.settled)
    window.editor.edit.undo()
    assert window.editor.edit.toPlainText() == ""


def test_go_to_now_prefers_starred_parallel_talk(window, qtbot, library):
    workshop = _talk(library, "Sketchnoting for Engineers")  # parallel with "Offline First"
    window.sidebar.select_talk(workshop.id)
    qtbot.waitUntil(window.settled)
    window.capture.toggle_star()
    qtbot.waitUntil(window.settled)
    window.sidebar.select_talk(_talk(library, "Closing Remarks").id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.talk.id == workshop.id
    assert window.editor.edit.hasFocus()
    qtbot.keyClicks(window.editor.edit, "typing at once")
    assert window.editor.edit.toPlainText() == "typing at once"


def test_go_to_now_shows_the_end_of_a_long_note(window, qtbot, library):
    """The line being typed is in view, and stays there when the editor gets shorter (the
    photo strip appears, the window shrinks)."""
    from desktop.store.notes import save_talk_note

    talk = _talk(library, "Offline First, Always")  # running at the fixture's clock
    save_talk_note(library, talk.id, "\n\n".join(f"Line {i} " + "word " * 30 for i in range(60)))
    window.resize(1280, 800)
    window.sidebar.select_talk(_talk(library, "Closing Remarks").id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    chooser = window.capture.now_chooser  # it runs in parallel with a workshop: which one?
    qtbot.waitUntil(chooser.isVisible, timeout=3000)
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)  # the first: starred, then by room
    qtbot.waitUntil(window.settled)
    edit = window.editor.edit
    assert window.editor.talk.id == talk.id
    in_view = lambda: edit.viewport().rect().contains(edit.cursorRect().center())  # noqa: E731
    # the talk's header, grown for the open talk, laid out (its editor shorter)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert in_view()
    qtbot.waitUntil(lambda: window.preview.idle)  # its preview shown, as a user finds it
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    window.resize(1280, 480)
    qtbot.waitUntil(lambda: edit.viewport().height() < 400, timeout=3000)
    qtbot.waitUntil(in_view, timeout=3000)  # (the resize's layouts may come in more than one
    # step; a cursor left below the shorter editor never comes back by itself)
    qtbot.keyClicks(edit, "typed")
    assert in_view()


def test_quote_for_two_speaker_talk(window, qtbot, library, monkeypatch):
    talk = _talk(library, "Offline First, Always")
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    offered = {}

    def pick(parent, title, label, items, current, editable):
        offered["items"] = items
        return items[1], True

    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem", pick)
    qtbot.keyClick(
        window.editor.edit,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClicks(window.editor.edit, "Never lose a keystroke")
    assert offered["items"] == ["Bram Okafor", "Chen Liu"]
    assert window.editor.edit.toPlainText() == '> "Never lose a keystroke"\n> \\- Chen Liu\n'


def test_quote_with_selection_single_speaker(window, qtbot, library):
    talk = _talk(library, "Static Sites in 2026")
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, "plain files win")
    window.editor.edit.selectAll()
    window.capture.insert_quote()
    assert window.editor.edit.toPlainText() == '> "plain files win"\n> \\- Eitan Cohen\n'


def test_time_stamp_elapsed_in_talk(window, qtbot, library):
    talk = _talk(library, "Offline First, Always")  # 10:00 Lisbon = 09:00 UTC
    window.clock_value["now"] = datetime(2026, 5, 14, 9, 12, 34, tzinfo=UTC)
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    window.capture.insert_timestamp()
    assert window.editor.edit.toPlainText() == "[12:34] "


def _filter(window, qtbot, text):
    """Type `text` into the filter box and wait for the filter to apply (after a pause)."""
    window.sidebar.filter_edit.clear()
    qtbot.keyClicks(window.sidebar.filter_edit, text)
    proxy = window.sidebar.proxy
    qtbot.waitUntil(lambda: proxy.text != "", timeout=3000)


def test_the_filter_applies_when_typing_pauses(window, qtbot):
    proxy, edit = window.sidebar.proxy, window.sidebar.filter_edit
    qtbot.keyClicks(edit, "fati")
    assert not proxy.narrowed  # mid-word: every letter shows at once, the tree waits
    qtbot.waitUntil(lambda: proxy.narrowed, timeout=3000)
    assert proxy.text == "fati"
    edit.clear()  # clearing shows everything at once
    assert not proxy.narrowed
    qtbot.keyClicks(edit, "fatima")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter filters at once
    assert proxy.text == "fatima"


def test_filter_and_star(window, qtbot, library):
    _filter(window, qtbot, "fatima")
    proxy = window.sidebar.tree.model()  # (the filter, as it narrows)
    conf = proxy.index(0, 0)
    day1 = proxy.index(0, 0, conf)
    assert proxy.rowCount(conf) == 1 and proxy.rowCount(day1) == 1
    assert "Schedules Are Data" in proxy.index(0, 0, day1).data()
    window.sidebar.filter_edit.clear()

    talk = _talk(library, "Markdown Beyond the Basics")
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.settled)  # (written on the writer thread)
    assert _talk(library, "Markdown Beyond the Basics").starred
    window.sidebar.starred_button.setChecked(True)
    conf = proxy.index(0, 0)
    shown = [
        proxy.index(r, 0, proxy.index(d, 0, conf)).data()
        for d in range(proxy.rowCount(conf))
        for r in range(proxy.rowCount(proxy.index(d, 0, conf)))
    ]
    assert shown == ["10:00–10:30   ★ Markdown Beyond the Basics — Kofi Mensah"]


def test_running_talk_is_highlighted(window):
    talk = next(t for t in window.model.talks() if t.title == "Offline First, Always")
    index = window.model.index_of_talk(talk.id)
    assert index.data().startswith("▶ ")


def test_preview_renders_markdown(window, qtbot, library):
    window.sidebar.select_talk(_talk(library, "Static Sites in 2026").id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, "# Big idea")
    qtbot.waitUntil(lambda: "Big idea" in window.preview.toPlainText(), timeout=3000)
    assert (
        "<h1" in window.preview.toHtml()
        or window.preview.document().firstBlock().blockFormat().headingLevel() == 1
    )


@pytest.mark.parametrize("paragraphs", [120, 20])  # some of its parts, framed; one document
def test_the_preview_follows_the_writer(window, qtbot, library, paragraphs):
    """Typing at the end of a long note shows the end in the preview; moving the cursor to the
    top (no typing) shows the top (for a note of more than WINDOW_PARTS, its parts there)."""
    from desktop.store.notes import save_talk_note

    talk = _talk(library, "Static Sites in 2026")
    body = "\n\n".join(f"Paragraph {i} " + "words " * 40 for i in range(paragraphs))
    save_talk_note(library, talk.id, body)
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    preview, edit = window.preview, window.editor.edit
    bar = preview.verticalScrollBar()
    last = f"Paragraph {paragraphs - 1} "  # a note opens where typing goes on: its end
    qtbot.waitUntil(lambda: last in preview.toPlainText(), timeout=5000)
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=3000)
    bar.setValue(0)  # the writer reads the top, then types at the end
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, " The end")
    qtbot.waitUntil(lambda: "words The end" in preview.toPlainText(), timeout=5000)
    at_end = lambda: bar.value() > bar.maximum() - preview.viewport().height()  # noqa: E731
    qtbot.waitUntil(at_end, timeout=3000)
    edit.moveCursor(edit.textCursor().MoveOperation.Start)  # navigating, not typing
    qtbot.waitUntil(lambda: "Paragraph 1 " in preview.toPlainText(), timeout=5000)
    qtbot.waitUntil(lambda: bar.value() == 0, timeout=3000)


def test_a_switch_to_a_dark_palette_recolours_the_notes(window, qtbot, library, go_dark):
    from desktop.ui.tones import DARK, LIGHT

    window.sidebar.select_talk(_talk(library, "Static Sites in 2026").id)
    qtbot.waitUntil(window.settled)
    edit = window.editor.edit
    edit.textCursor().insertText('> "Quoted"')

    def quote_colour():
        runs = edit.document().firstBlock().layout().formats()
        return runs[0].format.foreground().color().name() if runs else None

    assert quote_colour() == LIGHT.quote
    go_dark()
    qtbot.waitUntil(lambda: quote_colour() == DARK.quote, timeout=3000)


def test_search_finds_word_typed_earlier(window, qtbot, library):
    talk = _talk(library, "Schedules Are Data")
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, "pentabarf lives on")
    window.sidebar.select_talk(_talk(library, "Closing Remarks").id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.search_panel
    assert panel.isVisible()
    qtbot.keyClicks(panel.query, "pentab")
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=3000)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)  # (the search runs off the GUI thread)
    qtbot.waitUntil(lambda: not panel.isVisible())
    qtbot.waitUntil(window.settled)
    assert window.editor.talk.id == talk.id
    assert not panel.isVisible()


def test_quick_filters_track_room_day(window, library):
    sidebar = window.sidebar

    def shown():
        proxy = sidebar.tree.model()  # what the tree shows
        conf = proxy.index(0, 0)
        return sorted(
            window.model.talk(proxy.index(r, 0, proxy.index(d, 0, conf)).data(ID_ROLE)).title
            for d in range(proxy.rowCount(conf))
            for r in range(proxy.rowCount(proxy.index(d, 0, conf)))
            if proxy.index(r, 0, proxy.index(d, 0, conf)).data(ID_ROLE) is not None
        )

    sidebar.track_box.setCurrentIndex(sidebar.track_box.findData("Data"))
    assert shown() == ["Schedules Are Data", "Time Zones for the Perplexed"]
    sidebar.day_box.setCurrentIndex(sidebar.day_box.findData("2026-05-15"))
    assert shown() == ["Time Zones for the Perplexed"]
    sidebar.clear_filters()
    sidebar.room_box.setCurrentIndex(sidebar.room_box.findData("Workshop Room"))
    assert len(shown()) == 3


def test_import_by_drop_and_refresh_keeps_notes(window, qtbot, library, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    from tests.conftest import shared_fixture

    camp = shared_fixture("schedules/json/frab-camp2019.json")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(camp))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_flow.imported, timeout=10_000):
        window.dropEvent(event)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)

    talk = _talk(library, "Static Sites in 2026")
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, "kept through refresh")
    with qtbot.waitSignal(window.import_flow.imported, timeout=10_000) as blocker:
        window.refresh_schedule()
    assert blocker.args[0].title == "Harbour Notes Conference 2026"
    assert blocker.args[0].unchanged == 12
    assert [title for _kind, title, _text in window.notifier.told] == ["Schedule imported"] * 2
    assert talk_note(library, talk.id).body == "kept through refresh"


def test_disk_full_keeps_text_and_retries(window, qtbot, library, monkeypatch):
    import desktop.ui.main_window as main_window

    real = main_window.save_target
    failures = {"left": 2}

    def flaky(lib, target, body):
        if failures["left"]:
            failures["left"] -= 1
            raise OSError(28, "No space left on device")
        return real(lib, target, body)

    monkeypatch.setattr(main_window, "save_target", flaky)
    talk = _talk(library, "Static Sites in 2026")
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, "precious words")
    qtbot.waitUntil(lambda: "Not saved" in window.saved_label.text(), timeout=3000)
    assert window.editor.edit.toPlainText() == "precious words"
    qtbot.waitUntil(lambda: talk_note(library, talk.id).body == "precious words", timeout=10_000)
    qtbot.waitUntil(lambda: window.saved_label.text() == "Saved", timeout=3000)


def test_talk_rows_show_two_lines(qtbot, window, library):
    from PySide6.QtWidgets import QStyleOptionViewItem

    tree = window.sidebar.tree
    talk = _talk(library, "Offline First, Always")
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    index = tree.currentIndex()
    delegate = tree.itemDelegate()
    option = QStyleOptionViewItem()
    option.font = tree.font()
    day_index = index.parent()
    talk_height = delegate.sizeHint(option, index).height()
    day_height = delegate.sizeHint(option, day_index).height()
    assert talk_height > day_height * 1.6  # time + title, then speakers · room · track
    image = tree.viewport().grab()  # painting the rows does not fail
    assert not image.isNull()


def test_hallway_note_made_on_first_use_and_saved(window, qtbot, library):
    from desktop.store.notes import hallway_notes
    from desktop.ui.schedule_model import ID_ROLE, KIND_ROLE

    model = window.model
    conf = model.index(0, 0)
    rows = [model.index(r, 0, conf) for r in range(model.rowCount(conf))]
    (entry,) = [i for i in rows if i.data(KIND_ROLE) == "hallway-new"]
    assert entry.data() == "☕ Hallway notes"
    tree = window.sidebar.tree
    tree.setCurrentIndex(window.sidebar.to_view(entry))
    assert window.editor.target is None  # browsing to it is not choosing it
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(window.settled)
    assert window.editor.target.kind == "hallway"
    qtbot.keyClicks(window.editor.edit, "Met the Jekyll maintainers at lunch")
    window.autosaver.flush()
    (note,) = hallway_notes(library)
    assert note.title == "Hallway notes" and note.body == "Met the Jekyll maintainers at lunch"
    kinds = [
        model.index(r, 0, model.index(0, 0)).data(KIND_ROLE)
        for r in range(model.rowCount(model.index(0, 0)))
    ]
    assert "hallway-new" not in kinds and "hallway" in kinds
    assert note.id in [
        model.index(r, 0, model.index(0, 0)).data(ID_ROLE)
        for r in range(model.rowCount(model.index(0, 0)))
    ]


def test_the_abstract_shown_is_the_open_talk_s(window, qtbot, library):
    """The abstract is made when shown (not as each note opens): left open from one talk to
    the next, it is the next talk's; closed, a talk's opening leaves it unmade."""
    first, second = _talk(library, "Static Sites in 2026"), _talk(library, "Schedules Are Data")
    window.sidebar.select_talk(first.id)
    qtbot.waitUntil(window.settled)
    label = window.editor.abstract
    assert label.text() == ""  # closed: not made
    window.editor.abstract_button.click()
    assert "static site generators" in label.text()
    window.sidebar.select_talk(second.id)
    qtbot.waitUntil(lambda: window.editor.talk.id == second.id)
    assert label.isVisible() and "frab XML" in label.text() and "static site" not in label.text()
    window.editor.abstract_button.click()  # closed again
    assert not label.isVisible()


def test_html_abstract_shown_as_text_and_filterable(window, qtbot, library):
    talk = _talk(library, "Offline First, Always")
    assert "<li>" in talk.abstract  # stored as the schedule published it
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)
    window.editor.abstract_button.click()
    label = window.editor.abstract
    assert label.isVisible() and "<" not in label.text() and "- write-ahead logging" in label.text()

    _filter(window, qtbot, "atomic renames")  # words inside the HTML list
    proxy = window.sidebar.tree.model()  # (the filter, as it narrows)
    day1 = proxy.index(0, 0, proxy.index(0, 0))
    assert proxy.rowCount(day1) == 1 and "Offline First" in proxy.index(0, 0, day1).data()
    _filter(window, qtbot, "<li>")  # markup is not text
    assert proxy.rowCount(proxy.index(0, 0)) == 0


def test_before_its_library_opens_the_window_offers_only_what_needs_none(qtbot, library):
    """At start-up the window paints before the library is open (ui.library_opening)."""
    import_schedule(library, str(SAMPLE))
    win = build_window(None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    waiting = [win.act_import, win.act_export, win.act_search, win.act_now, win.act_star]
    assert not any(a.isEnabled() for a in waiting)
    toolbar = {a.text(): a for a in win.findChild(QToolBar).actions()}
    assert not toolbar["Now"].isEnabled() and toolbar["Preview"].isEnabled()
    assert win.act_quit.isEnabled() and win.act_preview.isEnabled()
    assert win.statusBar().currentMessage() == "Loading the schedule…"
    assert win.model.talks() == []

    win.attach(library)
    qtbot.waitUntil(win.settled)
    assert all(a.isEnabled() for a in waiting) and toolbar["Now"].isEnabled()
    assert len(win.model.talks()) == 12
    assert win.statusBar().currentMessage() == ""
    talk = _talk(library, win.model.talks()[0].title)
    win.sidebar.select_talk(talk.id)
    qtbot.waitUntil(win.settled)
    assert win.editor.talk.id == talk.id
