"""One writer per library: the app holds the lock while open; CLI writes wait briefly for it.

An OS-level lock (store/os_lock), so a crashed or killed process never leaves a stale lock behind.
Beside it, `talknotes.lock.holder` says who holds it (a window or which command, and its
process id), so whoever waits can say which kind of Talknotes is in the way.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import TalknotesError, plain_reason
from desktop.store.os_lock import FileLock, LockTimeout

LOCK_NAME = "talknotes.lock"
HOLDER_NAME = "talknotes.lock.holder"
CLI_WAIT_SECONDS = 3.0

_held: dict[Path, int] = {}  # library folders this process holds the lock of, and how often
_held_guard = threading.Lock()


class LibraryBusy(TalknotesError):
    """Another Talknotes holds the library; `holder` says which kind, when known."""

    def __init__(self, what: str, why: str, holder: Holder | None) -> None:
        super().__init__(what, why)
        self.holder = holder


@dataclass(frozen=True)
class Holder:
    kind: str  # "window" | "command"
    pid: int
    command: str  # for a command: what was run, e.g. "talknotes import"

    def describe(self) -> str:
        if self.kind == "window":
            return f"a Talknotes window (process {self.pid})"
        return f"the command `{self.command or 'talknotes'}` (process {self.pid})"


def library_lock(library_dir: Path) -> FileLock:
    return FileLock(str(library_dir / LOCK_NAME))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def current_holder(library_dir: Path) -> Holder | None:
    """Who holds the library's lock, as it wrote down; None when unknown or gone."""
    try:
        data = json.loads((library_dir / HOLDER_NAME).read_text(encoding="utf-8"))
        holder = Holder(str(data["kind"]), int(data["pid"]), str(data.get("command", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return holder if _alive(holder.pid) else None


def busy_reason(holder: Holder | None) -> str:
    if holder is None:
        return "the library is open in another Talknotes; close it first (or wait until it is done)"
    if holder.kind == "window":
        return (
            f"the library is open in another Talknotes window (process {holder.pid}); "
            "close it first"
        )
    return (
        f"the library is in use by another Talknotes command, {holder.describe()}; "
        "wait until it is done"
    )


class LibraryLock:
    """The held lock of one library folder; release() lets the next writer in."""

    def __init__(self, library_dir: Path, lock: FileLock) -> None:
        self.library_dir, self._lock = library_dir, lock

    def release(self) -> None:
        key = self.library_dir.resolve()
        with _held_guard:
            _held[key] -= 1
            last = _held[key] == 0
            if last:
                del _held[key]
        if last:
            (self.library_dir / HOLDER_NAME).unlink(missing_ok=True)
        self._lock.release()


def held_here(library_dir: Path) -> bool:
    """Whether this process holds the library's lock."""
    with _held_guard:
        return library_dir.resolve() in _held


def acquire(library_dir: Path, timeout: float, kind: str, command: str = "") -> LibraryLock:
    """Take the library's lock as a `kind` ("window" or "command" `command`), waiting up to
    `timeout` seconds for a command holding it (not for a window: it holds the library until
    it is closed). Raises LibraryBusy naming the holder, or TalknotesError when the folder
    cannot be written (read-only, disk full)."""
    lock = library_lock(library_dir)
    try:
        try:
            lock.acquire(timeout=0)
        except LockTimeout:
            holder = current_holder(library_dir)
            if holder is not None and holder.kind == "window":  # open until someone closes
                # it: waiting would only delay the answer (a script's command, 3 s each)
                raise LibraryBusy(str(library_dir), busy_reason(holder), holder) from None
            lock.acquire(timeout=timeout)  # a command: done soon
    except LockTimeout as exc:
        holder = current_holder(library_dir)
        raise LibraryBusy(str(library_dir), busy_reason(holder), holder) from exc
    except OSError as exc:
        raise TalknotesError(str(library_dir / LOCK_NAME), plain_reason(exc)) from exc
    with _held_guard:
        key = library_dir.resolve()
        _held[key] = _held.get(key, 0) + 1
    record = {"kind": kind, "pid": os.getpid(), "command": command}
    try:
        tmp = library_dir / f".{HOLDER_NAME}.{os.getpid()}"
        tmp.write_text(json.dumps(record), encoding="utf-8")
        os.replace(tmp, library_dir / HOLDER_NAME)
    except OSError:
        pass  # only a nicer message for others is lost
    return LibraryLock(library_dir, lock)
