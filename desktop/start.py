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
    window_only, library = window_start(sys.argv[1:])
    if window_only:
        from desktop.app import main as gui_main

        return gui_main(library)
    from desktop.cli import main as cli_main

    return cli_main()


def window_start(args: list[str]) -> tuple[bool, str | None]:
    """Whether the arguments only open the window (none, or just `--library DIR`), and the
    library they name. The window then starts without the command line's parser and the
    commands it imports (~15–25 ms of a start); anything else goes to the parser, which
    treats these forms the same way (tests/test_start.py)."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--library" and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--library=") and len(args[0]) > len("--library="):
        return True, args[0].removeprefix("--library=")
    return False, None
