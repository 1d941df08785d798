"""The process entry point (`talknotes`, `python -m desktop`, the bundle), and its one trick.

Start-up creates a few hundred thousand objects (Qt bindings, SQLAlchemy, markdown) that live
as long as the process. Python's cyclic collector would scan them several times while they are
imported: 206 collections, 65 ms of a 0.8 s start here. So the collector is off until
start-up is done; then what exists is frozen out of its sight (gc.freeze; the window freezes
again after each schedule load, ui.runtime.settle_long_lived) and it runs as usual on what
comes after. Start-up leaves little cyclic garbage behind that way: ~700 objects.
"""

from __future__ import annotations

import sys

from desktop.startup import startup_begins, startup_done

__all__ = ["main", "startup_done"]


def main() -> int:
    startup_begins()
    if getattr(sys, "frozen", False):  # the bundle: the OCR worker process starts here too
        import multiprocessing

        multiprocessing.freeze_support()
    from desktop.cli import main as cli_main

    return cli_main()
