"""An exclusive, advisory lock on one file, held through an open descriptor: the OS drops it
when the process ends, however it ends, so a crash never leaves a stale lock.

Not the filelock package (used before): importing filelock 4 costs 25–40 ms here (it pulls in
decimal, logging, secrets and dataclasses machinery), paid by every start before the window
can paint, for what is two system calls — flock(2) on POSIX, msvcrt.locking on Windows.
"""

from __future__ import annotations

import os
import sys
import time

_POLL_SECONDS = 0.05


class LockTimeout(Exception):
    """Someone else held the lock for the whole wait."""


class FileLock:
    """One holder at a time, across processes (and across descriptors in one process)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float) -> None:
        """Take the lock, waiting up to `timeout` seconds; LockTimeout when still held by
        another; OSError when the file cannot be opened (read-only folder, full disk)."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this lock")
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        try:
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise LockTimeout(self.path)
                time.sleep(min(_POLL_SECONDS, max(0.0, deadline - time.monotonic())))
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)  # closing alone would release it too; unlocking first says so


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
