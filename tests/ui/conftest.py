"""GUI tests: each test gets settings of its own (window layout, remembered blog)."""

import pytest
from PySide6.QtCore import QSettings


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
