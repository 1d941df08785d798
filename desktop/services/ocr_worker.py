"""The OCR worker: a separate process at the lowest CPU priority, one inference thread, that
reads the library's OCR queue until it is empty, waits a minute to be woken, then exits.

The queue lives in the library, so the worker resumes after a restart or a crash. The app can
pause it while the user types (POSIX: SIGSTOP, never while it holds the database: the writes
take a lock the pause takes too) and stops it at once on quit. It dies with the app: the
kernel kills it when its parent exits (Linux), and it exits when the control pipe closes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

NICENESS = 19
IDLE_EXIT_SECONDS = 60.0  # with nothing to read for this long, the worker exits (its models
# take ~450 MB); the app starts it again when photos are queued
CAN_PAUSE = hasattr(signal, "SIGSTOP")

Event = dict[str, Any]


class OcrWorker:
    """The app's side: starts, pauses, wakes and stops the worker process. `on_event` is
    called from a reader thread with each event the worker sends (plain dicts)."""

    def __init__(
        self,
        library_path: Path,
        on_event: Callable[[Event], None] | None = None,
        idle_exit_seconds: float = IDLE_EXIT_SECONDS,
        niceness: int = NICENESS,
    ):
        """`niceness`: how far below normal the worker's CPU priority is (the lowest by
        default: it never slows the app down, and it waits long for a busy CPU)."""
        self.library_path = Path(library_path)
        self.on_event = on_event
        self.idle_exit_seconds = idle_exit_seconds
        self.niceness = niceness
        self.process: Any = None
        self.paused = False
        self._control: Any = None
        self._lock: Any = None
        self._reader: threading.Thread | None = None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def is_alive(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def start(self) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")  # no fork of a threaded Qt process
        control_read, self._control = ctx.Pipe(duplex=False)
        events_read, events_write = ctx.Pipe(duplex=False)
        self._lock = ctx.Lock()
        self.process = ctx.Process(
            target=worker_main,
            args=(
                str(self.library_path),
                control_read,
                events_write,
                self._lock,
                self.idle_exit_seconds,
                self.niceness,
            ),
            name="talknotes-ocr",
            daemon=True,
        )
        self.process.start()
        if hasattr(os, "setpriority"):  # low from its first import on (it nices itself too)
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, self.process.pid, self.niceness)
        control_read.close()
        events_write.close()
        self._reader = threading.Thread(
            target=self._read_events, args=(events_read,), name="ocr-events", daemon=True
        )
        self._reader.start()

    def _read_events(self, events: Any) -> None:
        while True:
            try:
                event = events.recv()
            except (EOFError, OSError):
                return
            if self.on_event is not None:
                self.on_event(event)

    def wake(self) -> None:
        """New photos were queued: read them now (starting the worker again if it left)."""
        if self.process is not None and not self.process.is_alive():
            self.stop()
        if self.process is None:
            self.start()
        else:
            self._send("wake")

    def pause(self) -> bool:
        """Stop the worker where it is (not while it writes); False when it cannot now."""
        if self.paused or not CAN_PAUSE or not self.is_alive():
            return self.paused
        if not self._lock.acquire(block=False):  # it is writing: try again at the next key
            return False
        try:
            os.kill(self.process.pid, signal.SIGSTOP)
        except OSError:
            self._lock.release()
            return False
        self.paused = True
        return True

    def resume(self) -> None:
        if not self.paused:
            return
        self.paused = False
        with contextlib.suppress(OSError):
            os.kill(self.process.pid, signal.SIGCONT)
        self._lock.release()

    def stop(self, timeout: float = 2.0) -> None:
        """End the worker at once (what it was reading is read again next time)."""
        if self.process is None:
            return
        process, self.process = self.process, None
        if self.paused:
            self.paused = False
            with contextlib.suppress(OSError):
                os.kill(process.pid, signal.SIGCONT)
            self._lock.release()
        if process.is_alive():
            process.terminate()
            process.join(timeout)
            if process.is_alive():
                process.kill()
                process.join(timeout)
        if self._control is not None:
            self._control.close()
            self._control = None

    def _send(self, message: str) -> None:
        if self._control is None:
            return
        with contextlib.suppress(OSError, ValueError):
            self._control.send(message)


# --- the worker process ------------------------------------------------------------------


def _die_with_parent() -> None:
    """Linux: the kernel sends SIGKILL when the parent exits, even if it crashed."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def worker_main(
    library_path: str,
    control: Any,
    events: Any,
    write_lock: Any,
    idle_exit_seconds: float = IDLE_EXIT_SECONDS,
    niceness: int = NICENESS,
) -> None:
    """Runs in the worker process."""
    _die_with_parent()
    if hasattr(os, "nice"):  # (POSIX) the app has set it already, where it can
        with contextlib.suppress(OSError):
            os.nice(max(0, niceness - os.nice(0)))
    os.environ["OMP_NUM_THREADS"] = "1"
    wake = threading.Event()

    def listen() -> None:  # the app quit (or crashed): the pipe closes, the worker goes
        while True:
            try:
                message = control.recv()
            except (EOFError, OSError):
                os._exit(0)
            if message == "wake":
                wake.set()

    threading.Thread(target=listen, name="ocr-control", daemon=True).start()

    def send(event: Event) -> None:
        try:
            events.send(event)
        except (OSError, ValueError):
            os._exit(0)

    from desktop.media import ocr

    if not ocr.available():
        send({"event": "unavailable", "why": ocr.NOT_INSTALLED})
        return
    from desktop.core.errors import TalknotesError
    from desktop.services.slide_ocr import read_image
    from desktop.store import slide_text as store
    from desktop.store.library import open_library

    try:
        lib = open_library(library_path, create=False, auto_backup=False)
    except TalknotesError as exc:
        send({"event": "failed", "why": f"{exc.what}: {exc.why}"})
        return
    reader = None
    send({"event": "started", "pid": os.getpid(), "queued": store.queue_size(lib)})
    while True:
        sha256 = store.next_in_queue(lib)
        if sha256 is None:
            send({"event": "idle"})
            if not wake.wait(idle_exit_seconds):
                send({"event": "exit", "why": "nothing to read"})
                return
            wake.clear()
            continue
        if reader is None:
            reader = ocr.SlideReader(threads=1)
        outcome = read_image(lib, reader, sha256, guard=lambda: write_lock)
        send(
            {
                "event": "read",
                "sha256": outcome.sha256,
                "note_ids": outcome.note_ids,
                "lines": outcome.lines,
                "seconds": round(outcome.seconds, 3),
                "error": outcome.error,
                "queued": store.queue_size(lib),
            }
        )
