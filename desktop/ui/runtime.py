"""Process settings for a responsive window: Qt paints on the GUI thread alone, the GUI thread
gets the GIL back quickly, and garbage collection does not rescan what lives as long as the app.

Measured with bench/bench_typing.py: a full collection walked every object of PySide6,
SQLAlchemy and the schedule (60–80 ms, a stall felt as lag), and with the default 5 ms switch
interval a key waited up to 5 ms each time the autosave thread held the GIL.
"""

from __future__ import annotations

import gc
import importlib
import linecache
import os
import sys

SWITCH_INTERVAL_S = 0.001  # CPython's default is 0.005


def prepare_qt() -> None:
    """Call before the QApplication exists.

    Qt's raster engine hands every fill of more than ~96 scan lines (the editor's scroll bar)
    to a pool of threads and waits for them. Waking them made a scroll-bar paint cost 3–14 ms
    on a 2-core machine; drawn on the GUI thread it takes 0.2 ms. QT_NO_GUI_THREADPOOL is
    Qt's switch for this (read once, when the pool would first be made)."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def tune_for_interaction() -> None:
    """Call once when the main window is made."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def settle_long_lived() -> None:
    """Call after loading what lives until the next load (the schedule): what exists now is
    left out of later collections (gc.freeze). No collection first: one costs ~60 ms here,
    and start-up makes little cyclic garbage (frozen garbage stays until exit)."""
    linecache.clearcache()  # see import_in_stages
    gc.freeze()


# What writing to the library needs: the window reads without them (store.reading), and saving
# a note is plain SQL too (store.quick_save, store.note_saving: a new note, a version). They take
# ~25 MiB (USS, FOSDEM loaded): imported on the writer thread once the user's first change to a
# note is saved (warm_up_on_first_change), so a window that only shows the schedule never holds
# them, the first save does not wait ~1 s behind them, and the first write that needs them (a
# photo, a star, an import) waits for no import.
WRITING_MODULES = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "pydantic",
    "sqlmodel",
    "desktop.services.notes",
    "desktop.services.photos",  # (with the store's tables, notes, talks and photos)
)


def warm_up(pool) -> None:
    """Import WRITING_MODULES in `pool` (the writer thread: a write that needs them queues
    behind them rather than importing them itself), then leave them out of later collections."""
    from desktop.ui.workers import submit

    submit(pool, import_in_stages, *WRITING_MODULES, on_done=lambda _r: settle_long_lived())


def warm_up_on_first_change(autosaver) -> None:
    """warm_up in `autosaver`'s pool once, when a note's first change is saved (queued before
    that save, it kept the first keystroke of a run from the library for ~1 s)."""

    def first_save(_target: object) -> None:
        autosaver.saved.disconnect(first_save)
        warm_up(autosaver.pool)

    autosaver.saved.connect(first_save)


def import_in_stages(*names: str) -> None:
    """Import modules one after another, dropping the source lines Python keeps meanwhile.

    Once PySide6 is imported, its `__feature__` import hook reads the source of every module
    imported after it (inspect.getsource), and linecache keeps all of it: 22 MiB for
    SQLAlchemy, pydantic and sqlmodel. Dropped between stages, each stage reuses the memory of
    the one before: the window with FOSDEM loaded took 137.6 MiB (PSS, bench_memory), now
    116.8 MiB."""
    for name in names:
        importlib.import_module(name)
        linecache.clearcache()
