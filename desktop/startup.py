"""The cyclic collector's policy at start-up (see desktop.start): off while start-up builds what
lives as long as the process, then that is frozen out of its sight and it runs as usual.

A module of its own, below both the command line and the window, so neither imports the
entry point (desktop.start imports the command line, which opens the window).
"""

from __future__ import annotations

import gc


def startup_begins() -> None:
    """Turn the collector off until startup_done()."""
    gc.disable()


def startup_done() -> None:
    """Freeze what start-up made and turn the collector back on. Does nothing when the process
    did not start through desktop.start.main() (tests, embedding)."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
