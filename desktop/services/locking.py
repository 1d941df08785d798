"""One process at a time writes a library: the window holds it while open, a command while it
runs. Apart from services.library so that a start takes the lock before anything of the
store's reading and writing is imported (the window paints first)."""

from __future__ import annotations

from desktop.store.lock import CLI_WAIT_SECONDS, LibraryBusy, LibraryLock, acquire

__all__ = ["CLI_WAIT_SECONDS", "LibraryBusy", "LibraryLock", "acquire"]
