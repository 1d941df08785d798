"""Keeping a library healthy: backups, restore, salvage of a damaged database, the check,
the leftovers an interrupted write may leave, and the trash of photo files a removal put
aside (media.trash).

Most of these work on the library's folder or database file, not on an open library: a
damaged or locked library cannot be opened, and that is when they are needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.config import DATABASE_NAME, MEDIA_DIR, TRASH_DIR
from desktop.store.backup import (
    Backup,
    Contents,
    LibraryDamaged,
    backup_dir,
    check_restorable,
    contents,
    integrity,
    list_backups,
    newest_good_backup,
    photo_shas,
)
from desktop.store.backup import make_backup as make_database_backup
from desktop.store.backup import restore_backup as restore_database
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
    "prune_trash",
    "trash_contents",
    "recovery_facts",
    "restore",
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


@dataclass(frozen=True)
class Restored:
    previous_state: Path | None  # where the replaced database was kept
    photos_back: list[Path]  # photo files brought back from the trash


def restore(database: Path, backup: Path) -> Restored:
    """Put `backup` in place of the library's database (store.backup.restore_backup), then
    bring back from the trash the photo files its photos show (a removed conference's)."""
    from desktop.media import trash

    kept = restore_database(database, backup)
    library_dir = database.parent
    back = trash.bring_back(library_dir, library_dir / MEDIA_DIR, photo_shas(database) or set())
    prune_trash(library_dir)  # (the before-restore backup may have rotated a removal's out)
    return Restored(kept, back)


def restore_backup(database: Path, backup: Path) -> Path | None:
    """restore(), returning where the replaced database was kept."""
    return restore(database, backup).previous_state


def prune_trash(library_dir: Path) -> list[Path]:
    """Delete the trash folders whose backup the backup rotation has pruned: a restore of
    that backup can no longer bring them back. Their files that another backup left (or the
    library itself) still holds a photo of stay until no restore can want them. Cheap when
    nothing is due (a look at trash/ and backups/): run after every backup and at each open.
    A file media/ holds again (the same image attached anew) goes with its folder too."""
    if not (library_dir / TRASH_DIR).is_dir():
        return []  # (without importing the media code: this runs at each start)
    from desktop.media import trash

    due = [
        folder
        for folder in trash.folders(library_dir)
        if not (backup_dir(library_dir) / f"{folder.name}.sqlite3").exists()
    ]
    if not due:
        return []
    from desktop.media.files import find_original

    wanted: set[str] = set()
    for database in [library_dir / DATABASE_NAME, *(b.path for b in list_backups(library_dir))]:
        shas = photo_shas(database)
        if shas is None:
            return []  # a database that cannot be read now: keep everything
        wanted |= shas
    # an image media/ holds again (attached anew) needs no copy here: no restore takes this one
    media = library_dir / MEDIA_DIR
    wanted = {sha for sha in wanted if find_original(media, sha) is None}
    return trash.prune(library_dir, wanted, due)


def make_backup(
    database: Path, reason: str = "manual", to: Path | None = None, prune_old: bool = True
) -> Path:
    """Back up the library's database (store.backup.make_backup: into backups/ unless `to`,
    the oldest beyond the rotation's count pruned); the trash of a removal whose backup
    the rotation pruned goes with it (prune_trash)."""
    made = make_database_backup(database, reason, to, prune_old=prune_old)
    if to is None and prune_old:
        prune_trash(database.parent)
    return made


def trash_contents(library_dir: Path) -> list[dict[str, Any]]:
    """The trash's folders (one per removal, named after its backup): files and bytes."""
    from desktop.media import trash

    found: dict[Path, list[Path]] = {}
    for paths in trash.trashed(library_dir).values():
        for path in paths:
            found.setdefault(path.parent.parent.parent, []).append(path)
    listed = []
    for folder, paths in sorted(found.items()):
        backup = backup_dir(library_dir) / f"{folder.name}.sqlite3"
        listed.append(
            {
                "folder": str(folder),
                "files": len(paths),
                "bytes": sum(p.stat().st_size for p in paths),
                "backup": str(backup) if backup.exists() else None,
            }
        )
    return listed
