"""Small things users notice: search results without a blank band and with a singular, the
Star button's on/off state, the preview at once on opening a note, a Light/Dark/System
switch."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QToolBar

from desktop.app import build_window
from desktop.services.importing import import_schedule
from desktop.store.talks import list_talks
from tests.conftest import SAMPLE


@pytest.fixture
def window(qtbot, library):
    import_schedule(library, str(SAMPLE))
    win = build_window(library, clock=lambda: datetime(2026, 5, 14, 9, 10, tzinfo=UTC))
    qtbot.waitUntil(win.settled)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.titles = {t.title: t for t in list_talks(library)}
    yield win
    win.autosaver.flush()
    QApplication.instance().setPalette(win.theme_menu.system)


def test_search_rows_fit_their_text_and_count_in_words(window, qtbot):
    window.sidebar.select_talk(window.titles["Schedules Are Data"].id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, "pentabarf lives on")
    window.search_notes()
    panel = window.search_panel
    qtbot.keyClicks(panel.query, "pentab")
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=3000)
    assert panel.status.text() == "1 note matches"
    item = panel.results.item(0)
    label = panel.results.itemWidget(item)
    # the row is as tall as its two lines, no taller (a band of blank above them before)
    assert item.sizeHint().height() <= label.heightForWidth(label.width()) + 4
    assert item.sizeHint().height() < 3 * label.fontMetrics().lineSpacing() + 16


def test_the_star_button_shows_whether_the_open_talk_is_starred(window, qtbot):
    button = next(
        a for a in window.findChild(QToolBar, "capture-toolbar").actions() if "Star" in a.text()
    )
    window.sidebar.select_talk(window.titles["Static Sites in 2026"].id)
    qtbot.waitUntil(window.settled)
    assert button.isCheckable() and not button.isChecked()
    qtbot.keyClick(window.editor.edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert button.isChecked() and window.act_star.isChecked()
    window.sidebar.select_talk(window.titles["Closing Remarks"].id)  # not starred
    qtbot.waitUntil(window.settled)
    assert not button.isChecked()
    window.sidebar.select_talk(window.titles["Static Sites in 2026"].id)
    qtbot.waitUntil(window.settled)
    assert button.isChecked()


def test_the_preview_shows_a_note_as_soon_as_it_opens(window, qtbot, library):
    from desktop.store.notes import save_talk_note

    save_talk_note(library, window.titles["Static Sites in 2026"].id, "# Already written")
    window.sidebar.select_talk(window.titles["Static Sites in 2026"].id)
    qtbot.waitUntil(window.settled)
    # well before the typing pause (DEBOUNCE) the preview waits for
    qtbot.waitUntil(lambda: "Already written" in window.preview.toPlainText(), timeout=200)


def test_a_theme_switch_in_the_app(window, qtbot):
    def base_lightness():
        return QApplication.palette().color(QPalette.ColorRole.Base).lightness()

    window.theme_menu.actions["dark"].trigger()
    assert base_lightness() < 128
    assert window.settings.value("appearance/theme") == "dark"
    window.theme_menu.actions["light"].trigger()
    assert base_lightness() > 128
    again = build_window(window.lib)  # remembered
    qtbot.waitUntil(again.settled)
    assert again.theme_menu.actions["light"].isChecked()
    again.deleteLater()
