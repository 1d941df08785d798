"""Shared fixtures: offscreen Qt, an in-memory keyring, temp libraries, the shared fixtures."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Callable, Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402

from desktop.ui.runtime import prepare_qt  # noqa: E402 (no Qt import: os, gc, sys only)

prepare_qt()  # Qt as the app sets it up, before any QApplication exists

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "fixtures"
SAMPLE = ROOT / "resources" / "sample" / "talknotes-sample-conf.xml"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory, so tests never touch (or need) a real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test may touch the user's real library or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("TALKNOTES_LIBRARY", raising=False)


@pytest.fixture
def library(tmp_path: Path):
    from desktop.store.library import open_library

    lib = open_library(tmp_path / "library")
    yield lib
    lib.close()


def shared_fixture(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"shared fixture {relative} not found (expected ../shared/fixtures)")
    return path


def wreck_page(database: Path, page: int) -> None:
    """Overwrite page `page` (from 0) of an SQLite database with garbage, at its page size."""
    data = bytearray(database.read_bytes())
    size = int.from_bytes(data[16:18], "big")  # the header's page size
    data[size * page : size * (page + 1)] = b"\xde\xad" * (size // 2)
    database.write_bytes(bytes(data))


def age_note(lib, note_id: int, minutes: int) -> None:
    """Pretend the note was written `minutes` ago: its next change keeps a version."""
    from datetime import timedelta

    from sqlmodel import Session

    from desktop.store.tables import NoteRow

    with Session(lib.engine) as s:
        row = s.get(NoteRow, note_id)
        row.created_at -= timedelta(minutes=minutes)
        s.add(row)
        s.commit()


def library_snapshot(lib) -> dict[str, list[tuple]]:
    """Every row of every table, to prove that a failed operation changed nothing."""
    with lib.engine.connect() as conn:
        tables = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        snapshot = {
            t: sorted(map(tuple, conn.exec_driver_sql(f"SELECT * FROM {t}")), key=repr)
            for t in tables
        }
    snapshot["__files__"] = sorted(
        (str(p.relative_to(lib.path)), p.read_bytes() if p.is_file() else b"")
        for p in lib.path.rglob("*")
        if not p.name.startswith("talknotes.sqlite3")
    )
    return snapshot


PRIVATE_TOKEN = "tok-SECRET-7f3a9c"


# status, body, Content-Length (None: the body's)[, more response headers]
Reply = tuple[int, bytes, int | None] | tuple[int, bytes, int | None, dict[str, str]]


@contextmanager
def http_server(respond: Callable[[str, dict[str, str]], Reply]) -> Iterator[str]:
    """A local HTTP server answering GET with `respond(path, headers)`; yields its base URL."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            status, body, length, *more = respond(self.path, dict(self.headers))
            self.send_response(status)
            for name, value in (more[0] if more else {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture
def private_schedule():
    """A local HTTP server serving the sample only with `Authorization: Token PRIVATE_TOKEN`."""

    def respond(_path: str, headers: dict[str, str]) -> Reply:
        if headers.get("Authorization") != f"Token {PRIVATE_TOKEN}":
            return 401, b"", None
        return 200, SAMPLE.read_bytes(), None

    with http_server(respond) as base:
        yield f"{base}/schedule.xml"


# The longest tests, run first (longest first): with `make test`'s two workers (pytest-xdist,
# --dist worksteal) one builds the bundle and then kills processes while the other runs the
# rest and takes over the queued tests, so the run does not end waiting for a long test.
LONGEST_FIRST = ("tests/packaging/test_bundle.py::", "tests/security/test_crash_safety.py::")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        found = (i for i, prefix in enumerate(LONGEST_FIRST) if item.nodeid.startswith(prefix))
        return next(found, len(LONGEST_FIRST))

    items.sort(key=rank)
