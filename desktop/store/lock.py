"""One writer per library: the app holds the lock while open; CLI writes wait briefly for it.

An OS-level lock (filelock), so a crashed or killed process never leaves a stale lock behind.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from desktop.core.errors import TalknotesError

LOCK_NAME = "talknotes.lock"
CLI_WAIT_SECONDS = 3.0


class LibraryBusy(TalknotesError):
    pass


def library_lock(library_dir: Path) -> FileLock:
    return FileLock(str(library_dir / LOCK_NAME))


def acquire(library_dir: Path, timeout: float, who: str) -> FileLock:
    lock = library_lock(library_dir)
    try:
        lock.acquire(timeout=timeout)
    except Timeout as exc:
        raise LibraryBusy(
            str(library_dir),
            f"the library is open in another Talknotes {who}; close it first "
            "(or wait until it is done)",
        ) from exc
    return lock
