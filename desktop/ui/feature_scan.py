"""Spare the start PySide6's search of every module's source for `from __feature__ import`.

Once PySide6.QtCore is imported, each module imported after it is read back from its source
file (inspect.getsource) to see whether it mentions PySide6, for the opt-in `__feature__`
switches (snake_case, true_property) — which Talknotes does not use. That was ~100 modules
and ~10 ms of every start before the window painted. The modules of the standard library,
those already loaded, and Talknotes' own are marked up front as not switching features
(PySide's "ignore this module"), so the search skips them.

It writes into PySide's own table of modules (`__feature__.pyside_feature_dict`); a PySide
without that table is left alone (tests/ui/test_feature_scan.py says when that happens).
"""

from __future__ import annotations

import os
import sys

IGNORE = -1  # PySide's mark for a module that switches no feature


def skip_feature_scan() -> int:
    """Mark the modules; how many were marked (0 when this PySide has no such table)."""
    feature = sys.modules.get("__feature__")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return 0
    names = set(sys.stdlib_module_names) | set(sys.modules) | set(_own_modules())
    before = len(known)
    for name in names:
        known.setdefault(name, IGNORE)  # (a module that did switch keeps its mark)
    return len(known) - before


def _own_modules() -> list[str]:
    """Talknotes' module names, from its files (none in a bundle, whose modules have no
    source for PySide to read anyway). os.scandir: pathlib's rglob took 4 ms for them."""
    names: list[str] = []
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    _walk(root, "desktop", names)
    return names


def _walk(folder: str, dotted: str, names: list[str]) -> None:
    names.append(dotted)  # the package itself
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".py") and entry.name != "__init__.py":
                names.append(f"{dotted}.{entry.name[:-3]}")
            elif entry.is_dir() and not entry.name.startswith(("_", ".")):
                _walk(entry.path, f"{dotted}.{entry.name}", names)
