"""Catch SQL run on the GUI thread by the GUI's own code (issue 16: every library call goes
through the UI backend, off the GUI thread).

Every SQLite connection opened during a test gets a trace callback. A statement is a fault
when it runs on the main thread while a frame of desktop/ui or desktop/app.py is on the
stack: test code that reads the library itself to check a result is not the GUI.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

GUI_CODE = (
    str(Path(__file__).resolve().parent.parent / "desktop" / "ui") + "/",
    str(Path(__file__).resolve().parent.parent / "desktop" / "app.py"),
)


class GuiThreadSql:
    def __init__(self) -> None:
        self.faults: list[str] = []
        self._real = sqlite3.connect

    def _statement(self, sql: str) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        frame = sys._getframe(1)
        while frame is not None:
            name = frame.f_code.co_filename
            if name.startswith(GUI_CODE):
                where = f"{Path(name).name}:{frame.f_lineno} ({frame.f_code.co_name})"
                self.faults.append(f"{where}: {sql.split(None, 4)[:4]}")
                return
            frame = frame.f_back

    def connect(self, *args, **kwargs) -> sqlite3.Connection:
        conn = self._real(*args, **kwargs)
        conn.set_trace_callback(self._statement)
        return conn

    def install(self, monkeypatch) -> None:
        monkeypatch.setattr(sqlite3, "connect", self.connect)
        monkeypatch.setattr(sqlite3.dbapi2, "connect", self.connect)
