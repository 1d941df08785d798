"""GUI tests: each test gets settings of its own (window layout, remembered blog)."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSettings

SAMPLE_MORNING = datetime(2026, 5, 14, 9, 10, tzinfo=UTC)  # 10:10 in Lisbon, talks running


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def shown(qtbot):
    """show(widget, width, height): the widget shown at that size, closed after the test."""

    def show(widget, width: int = 500, height: int = 600):
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return show


@pytest.fixture
def go_dark(qapp):
    """go_dark(): the application palette turns dark, as when the system switches; restored
    after the test."""
    from PySide6.QtGui import QColor, QPalette

    original = qapp.palette()

    def switch():
        palette = QPalette(original)
        for role, colour in (
            (QPalette.ColorRole.Window, "#2b2b2b"),
            (QPalette.ColorRole.WindowText, "#e6e6e6"),
            (QPalette.ColorRole.Base, "#1e1e1e"),
            (QPalette.ColorRole.Text, "#e6e6e6"),
        ):
            palette.setColor(role, QColor(colour))
        qapp.setPalette(palette)

    yield switch
    qapp.setPalette(original)


class RecordingNotifier:
    """A Notifier that records what the user would be told (kind, title, text) and shows
    nothing; `choose` answers with `answer` (None: cancelled)."""

    def __init__(self, answer: str | None = None) -> None:
        self.told: list[tuple[str, str, str]] = []
        self.answer = answer

    def inform(self, parent, title: str, text: str) -> None:
        self.told.append(("inform", title, text))

    def warn(self, parent, title: str, text: str) -> None:
        self.told.append(("warn", title, text))

    def ask(self, parent, title: str, text: str) -> bool:
        self.told.append(("ask", title, text))
        return self.answer == "Yes"

    def choose(self, parent, title: str, text: str, choices: list[str]) -> str | None:
        self.told.append(("choose", title, text))
        return self.answer


@pytest.fixture
def notices():
    """A RecordingNotifier, for a window or dialog made in the test."""
    return RecordingNotifier()


def sample_window(qtbot, library, clock=None, size: tuple[int, int] | None = None):
    """The main window on the sample conference, shown, with a fixed clock (SAMPLE_MORNING
    unless `clock` is given) and a RecordingNotifier (as `window.notifier`)."""
    from desktop.app import build_window
    from desktop.services.importing import import_schedule
    from tests.conftest import SAMPLE

    import_schedule(library, str(SAMPLE))
    win = build_window(
        library, clock=clock or (lambda: SAMPLE_MORNING), notifier=RecordingNotifier()
    )
    qtbot.waitUntil(win.settled)
    qtbot.addWidget(win)
    if size is not None:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(autouse=True)
def no_sql_on_the_gui_thread(monkeypatch):
    """Every GUI test fails when the GUI's code runs SQL on the GUI thread (tests.gui_sql)."""
    from tests.gui_sql import GuiThreadSql

    watch = GuiThreadSql()
    watch.install(monkeypatch)
    yield watch
    faults = sorted(set(watch.faults))
    assert not faults, "SQL run on the GUI thread:\n" + "\n".join(faults)


def export_dialog_on(qtbot, library, talk_id: int, notices=None):
    """The export dialog opened from a window built on `library`, on the talk `talk_id`."""
    from desktop.app import build_window

    window = build_window(library, notifier=notices)
    qtbot.waitUntil(window.settled)
    qtbot.addWidget(window)
    window.sidebar.select_talk(talk_id)
    qtbot.waitUntil(window.settled)
    dialog = window.open_export()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    return dialog


def click_talk_row(window, qtbot, talk_id: int) -> None:
    """Click the talk's row in the sidebar, as a user would (scrolled to it first)."""
    from PySide6.QtCore import Qt

    sidebar = window.sidebar
    index = sidebar.to_view(window.model.index_of_talk(talk_id))
    sidebar.tree.scrollTo(index)
    rect = sidebar.tree.visualRect(index)
    qtbot.mouseClick(sidebar.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def pasted_image(colour: str = "orange"):
    """Clipboard data holding a small image, as a screenshot pasted into the note."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    mime = QMimeData()
    mime.setImageData(image)
    return mime
