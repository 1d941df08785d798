"""Opening a library in the window: damage gets a recovery box that shows both sides and
changes nothing by default; locked, read-only or newer libraries get a plain message only."""

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.app import build_window
from desktop.services.importing import import_schedule
from desktop.store import backup
from desktop.store.library import open_library
from desktop.store.migrations import HEAD_REVISION
from desktop.store.notes import save_talk_note
from desktop.ui.library_opening import LibraryOpening
from tests.conditions import database_held
from tests.conftest import SAMPLE, wreck_page


@pytest.fixture
def folder(tmp_path):
    lib = open_library(tmp_path / "lib")
    import_schedule(lib, str(SAMPLE))
    backup.make_backup(lib.database_path, "manual")  # 12 talks, no notes
    for talk_id in (1, 2, 3):
        save_talk_note(lib, talk_id, f"note on talk {talk_id}\n" * 40)
    lib.close()
    return tmp_path / "lib"


@pytest.fixture
def told(monkeypatch):
    """The plain messages the opening shows (QMessageBox.critical is modal: recorded)."""
    messages = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda *a: messages.append(a[2]) or 0)
    )
    return messages


def open_in_window(qtbot, folder):
    window = build_window(None)
    qtbot.addWidget(window)
    opening = LibraryOpening(window, folder)
    window.show()
    return window, opening


def notes_in(database) -> int:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM note WHERE body != ''").fetchone()[0]
    finally:
        conn.close()


def wreck(database):
    wreck_page(database, 5)


def test_a_locked_library_is_not_offered_a_restore(qtbot, folder, told, monkeypatch):
    offered = []  # a restore offered as a question (as it was) is recorded and declined
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: offered.append(a[2]) or QMessageBox.StandardButton.No),
    )
    database = folder / "talknotes.sqlite3"
    assert notes_in(database) == 3
    with database_held(database, exclusive=True):
        window, opening = open_in_window(qtbot, folder)
        qtbot.waitUntil(lambda: opening.failed_code is not None, timeout=30_000)
    assert offered == [] and getattr(opening, "recovery_box", None) is None
    assert "locked" in told[0] and "damaged" not in told[0]
    assert notes_in(database) == 3  # the healthy database is where it was
    assert not list(folder.glob("talknotes.sqlite3.damaged-*"))


def test_a_newer_talknotes_library_is_refused_naming_both_versions(qtbot, folder, told):
    conn = sqlite3.connect(folder / "talknotes.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    backups = backup.list_backups(folder)
    window, opening = open_in_window(qtbot, folder)
    qtbot.waitUntil(lambda: opening.failed_code is not None, timeout=30_000)
    assert "9999" in told[0] and HEAD_REVISION in told[0]
    assert getattr(opening, "recovery_box", None) is None
    assert backup.list_backups(folder) == backups


def recovery_box(qtbot, folder):
    window, opening = open_in_window(qtbot, folder)
    with qtbot.waitSignal(opening.recovery_offered, timeout=30_000) as offered:
        pass
    return window, opening, offered.args[0]


def test_damage_shows_both_sides_and_quitting_is_the_default(qtbot, folder, told):
    from desktop.ui.recovery_box import QUIT

    database = folder / "talknotes.sqlite3"
    wreck(database)
    damaged = database.read_bytes()
    window, opening, box = recovery_box(qtbot, folder)
    text = box.informativeText()
    assert "This library:" in text and "notes, newest note" in text
    assert "12 talks, 0 notes, newest note none" in text  # the backup's side
    assert box.defaultButton() is box.buttons_by_choice[QUIT]
    assert box.escapeButton() is box.buttons_by_choice[QUIT]
    box.choose(QUIT)
    qtbot.waitUntil(lambda: opening.failed_code == 2)
    assert database.read_bytes() == damaged  # nothing changed


def test_restoring_keeps_the_damaged_file(qtbot, folder, told):
    from desktop.ui.recovery_box import RESTORE

    database = folder / "talknotes.sqlite3"
    wreck(database)
    damaged = database.read_bytes()
    window, opening, box = recovery_box(qtbot, folder)
    with qtbot.waitSignal(window.library_changed, timeout=30_000):
        box.choose(RESTORE)
    (kept,) = folder.glob("talknotes.sqlite3.damaged-????????-??????")
    assert kept.read_bytes() == damaged
    assert len(window.model.talks()) == 12


def test_salvaging_brings_back_the_readable_notes(qtbot, folder, told):
    from desktop.ui.recovery_box import SALVAGE

    database = folder / "talknotes.sqlite3"
    wreck(database)
    window, opening, box = recovery_box(qtbot, folder)
    with qtbot.waitSignal(window.library_changed, timeout=60_000):
        box.choose(SALVAGE)
    assert backup.contents(database).notes == 3
    assert list(folder.glob("talknotes.sqlite3.damaged-*"))


def test_the_welcome_goes_once_a_real_schedule_is_imported(qtbot, tmp_path):
    """The first run's "Welcome! This is a sample conference…" stayed in the status bar
    (30 s) after the user had imported their own schedule."""
    from tests.conftest import shared_fixture
    from tests.ui.conftest import RecordingNotifier

    window = build_window(None, notifier=RecordingNotifier())
    qtbot.addWidget(window)
    opening = LibraryOpening(window, tmp_path / "new")
    with qtbot.waitSignal(opening.opened, timeout=30_000):
        window.show()
    assert window.statusBar().currentMessage().startswith("Welcome!")
    with qtbot.waitSignal(window.import_flow.imported, timeout=30_000):
        window.import_flow.start(str(shared_fixture("schedules/json/frab-camp2019.json")))
    assert not window.statusBar().currentMessage().startswith("Welcome!")
