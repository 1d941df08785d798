"""Interpreter settings for a responsive window: the GUI thread gets the GIL back quickly, and
garbage collection does not rescan what lives as long as the app.

Measured with bench/bench_typing.py: a full collection walked every object of PySide6,
SQLAlchemy and the schedule (60–80 ms, a stall felt as lag), and with the default 5 ms switch
interval a key waited up to 5 ms each time the autosave thread held the GIL.
"""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL_S = 0.001  # CPython's default is 0.005


def tune_for_interaction() -> None:
    """Call once when the main window is made."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def settle_long_lived() -> None:
    """Call after loading what lives until the next load (the schedule): what exists now is
    left out of later collections (gc.freeze). No collection first: one costs ~60 ms here,
    and start-up makes little cyclic garbage (frozen garbage stays until exit)."""
    gc.freeze()
