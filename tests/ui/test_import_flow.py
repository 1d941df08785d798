"""GUI import of a private schedule: the token is asked for once and kept in the keyring only."""

import http.server
import threading

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from desktop import secrets
from desktop.ui.main_window import MainWindow
from tests.conftest import SAMPLE

TOKEN = "tok-gui-9d1e"


@pytest.fixture
def private_url():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.headers.get("Authorization") != f"Token {TOKEN}":
                self.send_response(401)
                self.end_headers()
                return
            body = SAMPLE.read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/schedule.xml"
    httpd.shutdown()


def _window(qtbot, library, monkeypatch):
    window = MainWindow(library)
    window.import_flow.quiet = True
    qtbot.addWidget(window)
    monkeypatch.setattr(
        "desktop.ui.import_flow.QInputDialog.getText", lambda *a, **k: (TOKEN, True)
    )
    return window


def test_token_asked_then_kept_in_keyring(qtbot, library, monkeypatch, private_url, memory_keyring):
    window = _window(qtbot, library, monkeypatch)
    with qtbot.waitSignal(window.import_flow.imported, timeout=10_000) as blocker:
        window.import_flow.start(private_url)
    assert blocker.args[0].added == 12
    assert secrets.get_token(secrets.key_for_url(private_url)) == TOKEN
    assert TOKEN.encode() not in library.database_path.read_bytes()


def test_no_secure_keyring_says_so_and_stores_nothing(qtbot, library, monkeypatch, private_url):
    keyring.set_keyring(FailKeyring())
    window = _window(qtbot, library, monkeypatch)
    notices = []
    window.import_flow.notice.connect(notices.append)
    with qtbot.waitSignal(window.import_flow.imported, timeout=10_000):
        window.import_flow.start(private_url)
    assert notices and "no secure keyring" in notices[0]
    assert not secrets.available()
