"""Start-up: the sample on first run, one window per library, recovery of a damaged library."""

import gc
import shutil

import pytest
import shiboken6
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from desktop import app
from desktop.services.importing import import_schedule
from desktop.store import backup
from desktop.store.library import open_library
from desktop.store.lock import acquire
from desktop.store.talks import list_talks
from desktop.ui.recovery_box import QUIT, RESTORE, RecoveryBox
from tests.conditions import library_lock_held, make_read_only, seen_as_other_user, shared_temp_dir
from tests.conftest import SAMPLE


def _main_windows() -> list[QMainWindow]:
    """The live top-level main windows (an earlier test's window, or a popup menu of it, may
    be listed with a stale wrapper whose C++ object is gone)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMainWindow) and shiboken6.isValid(w)
    ]


@pytest.fixture
def no_event_loop(monkeypatch, qapp):
    """app.main() runs until the window closes: close it as soon as the loop starts."""
    shown = {}

    def exec_once():
        for widget in _main_windows():
            if not shiboken6.isValid(widget):
                continue  # an earlier test's window, deleted while this loop ran
            if widget.isVisible() and widget.windowTitle() == "Talknotes":
                shown["lib at first paint"] = widget.lib
                # The library opens behind the painted window. A QEventLoop, not QTest.qWait:
                # qWait holds the GIL while it sleeps, and the opening thread would crawl.
                loop = QEventLoop()
                widget.library_changed.connect(loop.quit)
                # The opening failed and closed the window. lastWindowClosed is not emitted
                # here (QApplication.exec is replaced, so Qt is not "in exec"): watch the window.
                closed = QTimer()
                closed.timeout.connect(lambda w=widget, done=loop.quit: w.isVisible() or done())
                closed.start(20)
                QTimer.singleShot(20_000, loop.quit)
                loop.exec()
                closed.stop()
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


def answer_recovery(monkeypatch, choice, seen):
    """The recovery box, once shown, is answered with `choice`; its text goes to `seen`."""

    def open_and_answer(box):
        QMessageBox.open(box)
        seen["text"] = box.text() + "\n" + box.informativeText()
        seen["default"] = box.defaultButton() is box.buttons_by_choice[QUIT]
        QTimer.singleShot(0, lambda: box.choose(choice))

    monkeypatch.setattr(RecoveryBox, "open", open_and_answer)


def test_damaged_library_offers_the_newest_good_backup(tmp_path, monkeypatch, no_event_loop):
    lib = open_library(tmp_path / "lib")
    import_schedule(lib, str(SAMPLE))
    backup.make_backup(lib.database_path, "manual")
    lib.close()
    (tmp_path / "lib" / "talknotes.sqlite3").write_bytes(b"this is not a database" * 100)
    seen = {}
    answer_recovery(monkeypatch, RESTORE, seen)
    assert app.main(tmp_path / "lib") == 0
    assert "damaged" in seen["text"] and "12 talks, 0 notes" in seen["text"] and seen["default"]
    assert len(no_event_loop["talks"]) == 12
    assert list((tmp_path / "lib").glob("talknotes.sqlite3.damaged-*"))  # kept, not lost
    lib = open_library(tmp_path / "lib")
    assert len(list_talks(lib)) == 12
    lib.close()


def test_a_damaged_library_without_a_backup_is_told_and_left_as_it_was(
    tmp_path, monkeypatch, no_event_loop
):
    (tmp_path / "lib").mkdir()
    damaged = b"this is not a database" * 100
    (tmp_path / "lib" / "talknotes.sqlite3").write_bytes(damaged)
    seen = {}
    answer_recovery(monkeypatch, QUIT, seen)
    assert app.main(tmp_path / "lib") == 2
    assert "No good backup" in seen["text"] and "Quitting changes nothing" in seen["text"]
    assert (tmp_path / "lib" / "talknotes.sqlite3").read_bytes() == damaged


def test_a_library_held_by_a_command_names_the_command(tmp_path, monkeypatch, no_event_loop):
    told = {}
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda *a: told.setdefault("text", a[2]))
    )
    (tmp_path / "lib").mkdir()
    with library_lock_held(tmp_path / "lib", "command", "talknotes import") as pid:
        assert app.main(tmp_path / "lib") == 2
    assert "`talknotes import`" in told["text"] and str(pid) in told["text"]
    assert "Switch to that window" not in told["text"]


def test_a_read_only_library_is_refused_with_a_plain_message(tmp_path, monkeypatch, no_event_loop):
    folder = shared_temp_dir() / "lib"
    try:
        lib = open_library(folder)
        import_schedule(lib, str(SAMPLE))
        lib.close()
        make_read_only(folder)
        told = {}
        monkeypatch.setattr(
            QMessageBox, "critical", staticmethod(lambda *a: told.setdefault("text", a[2]))
        )
        with seen_as_other_user():
            code = app.main(folder)
        assert code == 2
        assert "read-only" in told["text"] and "Nothing was changed" in told["text"]
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)


WATCH_FIRST_PAINT = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from desktop import app

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            watched = ("sqlalchemy", "sqlmodel", "PIL", "markdown")
            self.seen = [m for m in watched if m in sys.modules]
            print("loaded-at-first-paint", *self.seen, flush=True)
            print("first-paint", flush=True)
        return False

def observe(window, opening):
    from PySide6.QtCore import QTimer

    def opened():
        print("schedule-shown", flush=True)
        QTimer.singleShot(0, window.close)

    opening.opened.connect(opened)

qapp = QApplication(sys.argv[:1])
watch = Watch()
qapp.installEventFilter(watch)
sys.exit(app.main(sys.argv[1], observe=observe))
"""


def test_the_window_paints_before_the_library_code_is_loaded(tmp_path):
    """Importing SQLAlchemy and sqlmodel is half of the start: the window paints first, the
    library opens behind it and its schedule follows."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run(
        [sys.executable, "-c", WATCH_FIRST_PAINT, str(tmp_path / "lib")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "loaded-at-first-paint" in lines  # none of them
    assert [x.split()[0] for x in lines if x.split()[0] in ("first-paint", "schedule-shown")] == [
        "first-paint",
        "schedule-shown",
    ]


WATCH_WRITING_MODULES = """
import sys
from PySide6.QtCore import QTimer
from desktop import app
from desktop.ui import main_window, slide_reading

slide_reading.START_DELAY_MS = 0  # the slide reader looks for queued photos at once
save = main_window.save_target
loaded_by_the_save = []

def watched_save(lib, target, body):  # (on the writer thread)
    save(lib, target, body)
    loaded_by_the_save.append("sqlalchemy" in sys.modules)

main_window.save_target = watched_save

def observe(window, opening):
    def opened():  # idle, the slide reader started: still no writing modules
        poll.timeout.connect(lambda: window.slide_reading.worker is not None and type_a_note())
        poll.start(20)

    def type_a_note():
        poll.stop()
        print("idle", "sqlalchemy" in sys.modules, flush=True)
        window.sidebar.select_talk(int(sys.argv[2]))  # opened, its photo strip read
        poll.timeout.disconnect()
        poll.timeout.connect(lambda: read(window.backend) and type_into_it())
        poll.start(20)

    def read(backend):
        return not (backend.writer.activeThreadCount() or backend.readers.activeThreadCount())

    def type_into_it():
        poll.stop()
        print("opened", "sqlalchemy" in sys.modules, flush=True)
        window.editor.edit.textCursor().insertText("typed")
        window.autosaver.saved.connect(lambda _t: QTimer.singleShot(0, saved))

    def saved():
        print("saved", loaded_by_the_save[0], flush=True)
        poll.timeout.disconnect()
        poll.timeout.connect(lambda: read(window.backend) and warmed())
        poll.start(20)

    def warmed():  # then, on the writer thread, what the next writes need (a photo, a star)
        poll.stop()
        print("warmed", "sqlmodel" in sys.modules, flush=True)
        window.close()

    poll = QTimer(window)
    opening.opened.connect(opened)

sys.exit(app.main(sys.argv[1], observe=observe))
"""


def test_the_writing_modules_load_with_the_first_change_not_at_idle(tmp_path):
    """SQLAlchemy and sqlmodel (~25 MiB) are for writing: a window that only shows the
    schedule (its slide reader started) or a note never loads them; the first change to a
    note is saved without them (a new note too: plain SQL), and loads them after its save
    (before it, they kept the first keystroke from the library for ~1 s)."""
    import os
    import subprocess
    import sys

    from desktop.media import ocr

    if not ocr.available():
        pytest.skip("the slide reader needs the OCR packages")

    lib = open_library(tmp_path / "lib")
    import_schedule(lib, str(SAMPLE))
    talk = list_talks(lib)[0]  # its note does not exist yet: made by the first save
    lib.close()
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run(
        [sys.executable, "-c", WATCH_WRITING_MODULES, str(tmp_path / "lib"), str(talk.id)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [
        "idle",
        "False",
        "opened",
        "False",
        "saved",
        "False",
        "warmed",
        "True",
    ]
    lib = open_library(tmp_path / "lib")
    from desktop.store.reading import talk_note

    assert talk_note(lib, talk.id).body == "typed"
    lib.close()


def test_closing_the_window_while_the_library_opens_finishes_the_opening(tmp_path, monkeypatch):
    """Closing waits for saves, and for the opening (here: the first run's sample import)."""
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: _close_at_once()))
    assert app.main(tmp_path / "lib") == 0
    lib = open_library(tmp_path / "lib")
    assert len(list_talks(lib)) == 12
    lib.close()


def _close_at_once() -> int:
    """Close the window as soon as the opening is under way."""
    for widget in _main_windows():
        if widget.isVisible() and widget.windowTitle() == "Talknotes":
            for _ in range(500):
                if widget.autosaver.pool.activeThreadCount():
                    break
                loop = QEventLoop()
                QTimer.singleShot(10, loop.quit)
                loop.exec()
            assert widget.lib is None and widget.autosaver.pool.activeThreadCount()
            widget.close()
    return 0


def test_closing_the_window_before_the_library_opens_opens_nothing(tmp_path, monkeypatch):
    def close_now() -> int:
        for widget in _main_windows():
            if widget.isVisible() and widget.windowTitle() == "Talknotes":
                widget.close()
        loop = QEventLoop()
        QTimer.singleShot(500, loop.quit)  # past the opening's fallback start
        loop.exec()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(close_now))
    assert app.main(tmp_path / "lib") == 0
    assert not (tmp_path / "lib" / "talknotes.sqlite3").exists()
