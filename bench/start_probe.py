"""Start the window as `talknotes` does and print the moments of its start, in the monotonic
clock, then quit:

  first-paint       the window's first paint (the library still opening behind it)
  schedule-shown    the schedule listed in the sidebar, painted
  ctrl-j-answered   Go to Now (Ctrl+J), pressed at that moment, has opened the talk running
                    at --at (an ISO time) and painted it; `ctrl-j-talk ID` names it

It starts as `talknotes --library LIBRARY` does, through desktop.start.main, and watches through
app.main's observer: the app itself prints nothing.

    python bench/start_probe.py LIBRARY [--at 2024-02-03T11:10:00+01:00]
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop import app, start  # noqa: E402 (what `talknotes` imports first, nothing more)


def _moment(name: str, *extra: object) -> None:
    """The moment, in the monotonic clock and in CPU seconds used by the process so far."""
    print(name, f"{time.monotonic():.6f}", f"{time.process_time():.6f}", *extra, flush=True)


def observer(at: datetime | None):
    def observe(window, opening) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtGui import QKeySequence

        class FirstPaint(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
                if event.type() == QEvent.Type.Paint:
                    _moment("first-paint")
                    window.removeEventFilter(self)
                return False

        def opened() -> None:
            window.repaint()  # the schedule painted, as the user sees it
            _moment("schedule-shown", window.model.rowCount(), len(window.model.talks()))
            if at is not None:
                window.clock = lambda: at
                go_to_now = window.act_now  # (a search of the window's QActions took ~3 ms)
                assert go_to_now.shortcut() == QKeySequence("Ctrl+J")
                go_to_now.trigger()  # the note is read off the GUI thread: answered once shown
                window.when_open(answered)
                return
            QTimer.singleShot(0, window.close)

        def answered() -> None:
            window.repaint()
            target = window.editor.target
            _moment("ctrl-j-answered")
            print("ctrl-j-talk", target.id if target else None, flush=True)
            QTimer.singleShot(0, window.close)

        window.first_paint_probe = FirstPaint(window)  # kept alive with the window
        window.installEventFilter(window.first_paint_probe)
        opening.opened.connect(opened)

    return observe


def main() -> int:
    args = sys.argv[1:]
    at = None
    if "--at" in args:
        i = args.index("--at")
        at = datetime.fromisoformat(args[i + 1])
        del args[i : i + 2]
    app.main = partial(app.main, observe=observer(at))  # type: ignore[assignment]
    sys.argv = ["talknotes", "--library", args[0]]
    return start.main()


if __name__ == "__main__":
    raise SystemExit(main())
