"""Keeping a library healthy: backups, restore, salvage of a damaged database, the check,
and the leftovers an interrupted write may leave.

Most of these work on the library's folder or database file, not on an open library: a
damaged or locked library cannot be opened, and that is when they are needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.store.backup import (
    Backup,
    Contents,
    LibraryDamaged,
    check_restorable,
    contents,
    integrity,
    list_backups,
    make_backup,
    newest_good_backup,
    restore_backup,
)
from desktop.store.leftovers import all_leftovers
from desktop.store.library import Library

__all__ = [
    "Backup",
    "Contents",
    "LibraryDamaged",
    "all_leftovers",
    "check_library",
    "check_restorable",
    "contents",
    "integrity",
    "list_backups",
    "make_backup",
    "newest_good_backup",
    "recovery_facts",
    "restore_backup",
    "salvage",
]


def check_library(lib: Library) -> dict[str, Any]:
    """What `talknotes check` reports of an open library (counts, orphans, missing files)."""
    from desktop.store import health

    return health.check_library(lib)


def salvage(database: Path) -> tuple[Path, dict[str, int]]:
    """Copy every readable row of a damaged database into a new one, which takes its place;
    the damaged file is kept (its path is returned with the rows saved per table)."""
    from desktop.store import salvage as rows

    return rows.salvage(database)


def recovery_facts(database: Path) -> tuple[Contents, Backup | None, Contents | None]:
    """What a damaged library still holds, its newest good backup and what that holds: both
    sides, shown before anything is replaced."""
    good = newest_good_backup(database.parent)
    return contents(database), good, contents(good.path) if good else None
