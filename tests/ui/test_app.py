"""Start-up: the sample on first run, one window per library, recovery of a damaged library."""

import gc

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import app
from desktop.store import backup
from desktop.store.library import open_library
from desktop.store.lock import acquire
from desktop.store.talks import list_talks
from desktop.workflows.importing import import_schedule
from tests.conftest import SAMPLE


@pytest.fixture
def no_event_loop(monkeypatch, qapp):
    """app.main() runs until the window closes: close it as soon as the loop starts."""
    shown = {}

    def exec_once():
        from PySide6.QtTest import QTest

        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.windowTitle() == "Talknotes":
                for _ in range(100):  # the schedule loads in the background after first paint
                    if widget.model.talks():
                        break
                    QTest.qWait(50)
                shown["window"] = widget
                shown["gc"] = (gc.isenabled(), gc.get_freeze_count())
                shown["talks"] = widget.model.talks()
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_once))
    return shown


def test_first_run_shows_the_sample(tmp_path, no_event_loop):
    assert app.main(tmp_path / "lib") == 0
    assert len(no_event_loop["talks"]) == 12


def test_the_window_runs_with_the_collector_on_and_start_up_frozen(tmp_path, no_event_loop):
    """desktop.start.main turns the collector off for start-up; the window must turn it back on
    (or cycles would never be freed) with what start-up made frozen out of its scans."""
    gc.disable()  # as desktop.start.main does
    try:
        assert app.main(tmp_path / "lib") == 0
        enabled, frozen = no_event_loop["gc"]
        assert enabled and frozen > 10_000
    finally:
        gc.unfreeze()
        gc.enable()


def test_second_window_is_refused(tmp_path, monkeypatch, no_event_loop):
    told = {}
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda *a: told.setdefault("text", a[2]))
    )
    (tmp_path / "lib").mkdir()
    lock = acquire(tmp_path / "lib", 1, "window")
    try:
        assert app.main(tmp_path / "lib") == 2
    finally:
        lock.release()
    assert "already open" in told["text"]


def test_damaged_library_offers_the_newest_good_backup(tmp_path, monkeypatch, no_event_loop):
    lib = open_library(tmp_path / "lib")
    import_schedule(lib, str(SAMPLE))
    backup.make_backup(lib.database_path, "manual")
    lib.close()
    (tmp_path / "lib" / "talknotes.sqlite3").write_bytes(b"this is not a database" * 100)
    asked = {}

    def answer(*args):
        asked["text"] = args[2]
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    assert app.main(tmp_path / "lib") == 0
    assert "damaged" in asked["text"]
    assert len(no_event_loop["talks"]) == 12
    assert list((tmp_path / "lib").glob("talknotes.sqlite3.damaged-*"))  # kept, not lost
    lib = open_library(tmp_path / "lib")
    assert len(list_talks(lib)) == 12
    lib.close()
