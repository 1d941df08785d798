"""GUI import of a private schedule: the token is asked for once and kept in the keyring only."""

import keyring
from keyring.backends.fail import Keyring as FailKeyring

from desktop import secrets
from desktop.app import build_window
from tests.conftest import PRIVATE_TOKEN
from tests.ui.conftest import RecordingNotifier

TOKEN = PRIVATE_TOKEN


def _window(qtbot, library, monkeypatch):
    window = build_window(library, notifier=RecordingNotifier())
    qtbot.waitUntil(window.settled)
    qtbot.addWidget(window)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: (TOKEN, True))
    return window


def test_token_asked_then_kept_in_keyring(
    qtbot, library, monkeypatch, private_schedule, memory_keyring
):
    window = _window(qtbot, library, monkeypatch)
    with qtbot.waitSignal(window.import_flow.imported, timeout=10_000) as blocker:
        window.import_flow.start(private_schedule)
    assert blocker.args[0].added == 12
    assert [(kind, title) for kind, title, _ in window.notifier.told] == [
        ("inform", "Schedule imported")
    ]
    assert secrets.get_token(secrets.key_for_url(private_schedule)) == TOKEN
    assert TOKEN.encode() not in library.database_path.read_bytes()


def test_no_secure_keyring_says_so_and_stores_nothing(
    qtbot, library, monkeypatch, private_schedule
):
    keyring.set_keyring(FailKeyring())
    window = _window(qtbot, library, monkeypatch)
    notices = []
    window.import_flow.notice.connect(notices.append)
    with qtbot.waitSignal(window.import_flow.imported, timeout=10_000):
        window.import_flow.start(private_schedule)
    assert notices and "no secure keyring" in notices[0]
    assert not secrets.available()
