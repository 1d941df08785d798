"""Any empty library offers the sample conference (not only the first run of a path)."""

from desktop.app import build_window
from desktop.store.conferences import list_conferences
from tests.ui.conftest import RecordingNotifier


def test_an_empty_library_offers_the_sample_and_an_import(qtbot, library):
    window = build_window(library, notifier=RecordingNotifier())
    qtbot.waitUntil(window.settled)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    sidebar = window.sidebar
    assert sidebar.empty_panel.isVisible() and not sidebar.tree.isVisible()
    assert sidebar.import_button.isVisible()
    with qtbot.waitSignal(window.import_flow.imported, timeout=10_000):
        sidebar.sample_button.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    assert not sidebar.empty_panel.isVisible() and sidebar.tree.isVisible()
    assert [c.title for c in list_conferences(library)] == ["Harbour Notes Conference 2026"]
