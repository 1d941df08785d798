"""The one way the widgets reach the library: service calls run off the GUI thread and come
back as callbacks on it (workers.submit's signals).

Three pools, each with one job:
- the writer: one thread, so everything that changes the library runs in the order it was
  asked for — autosaves, imports, photos, stars, restores — and never interleaves; a read
  that must see the writes queued before it (the photo strip after an attach) queues here
  too (`read(..., after_writes=True)`);
- the readers: a small pool for reads that need no order (a note to open, the schedule, the
  export preview), so a long import does not keep a note from opening;
- compute: work that needs no library at all (rendering the preview, counting words of old
  versions), kept off both so it never waits behind the disk.

app.py makes one Backend and gives it to the window, which passes it to its parts; nothing
else makes a pool. `GuiThreadSql` (tests) proves that the GUI thread runs no SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool

from desktop.ui.workers import Job, drain, submit

Done = Callable[[Any], None] | None
Failed = Callable[[BaseException], None] | None


class Backend(QObject):
    READERS = 2  # two cores here: the GUI thread and one reader keep both busy

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)  # writes stay in order
        self.readers = QThreadPool(self)
        self.readers.setMaxThreadCount(self.READERS)
        self.compute = QThreadPool(self)
        self.compute.setMaxThreadCount(1)
        for pool in (self.writer, self.readers, self.compute):
            # never ended for being idle (Qt's default: after 30 s): a thread keeps its
            # connection to the library (Library.reader) for the next job, not a new one
            pool.setExpiryTimeout(-1)

    def write(
        self, fn: Callable[..., Any], *args: Any, on_done: Done = None, on_error: Failed = None
    ) -> Job:
        """Run `fn(*args)` on the writer thread, after every write asked for before it."""
        return submit(self.writer, fn, *args, on_done=on_done, on_error=on_error)

    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done = None,
        on_error: Failed = None,
        after_writes: bool = False,
    ) -> Job:
        """Run a read off the GUI thread; `after_writes`: behind the writes already queued,
        so it sees them."""
        pool = self.writer if after_writes else self.readers
        return submit(pool, fn, *args, on_done=on_done, on_error=on_error)

    def flush(self, timeout_ms: int = 5000) -> bool:
        """Wait until every write asked for so far is done (quitting, switching library)."""
        return drain(self.writer, timeout_ms)

    def shut_down(self, timeout_ms: int = 5000) -> bool:
        done = self.writer.waitForDone(timeout_ms)
        self.readers.waitForDone(timeout_ms)
        self.compute.waitForDone(timeout_ms)
        return done
