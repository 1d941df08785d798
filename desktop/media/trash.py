"""The library's trash: photo files that no note shows any more (their conference was
removed), moved out of media/originals instead of deleted.

They lie beside the backup taken before the removal, in a folder named after it:
`trash/<backup's name>/originals/ab/<sha256>.jpg`. Restoring a backup brings back the files
its photos show (bring_back); a folder goes once the backup rotation has pruned its backup,
but for the files another backup left still holds a photo of (services.maintenance.
prune_trash): no restore could want the rest.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.config import TRASH_DIR
from desktop.media.files import find_original


def trash_root(library_dir: Path) -> Path:
    return library_dir / TRASH_DIR


def folder_for(library_dir: Path, backup: Path) -> Path:
    """Where the files put aside with `backup` go."""
    return trash_root(library_dir) / backup.stem


def move_to_trash(media_dir: Path, folder: Path, shas: list[str]) -> list[Path]:
    """Move the originals of `shas` into `folder` (their cached thumbnails are deleted: they
    are made again from the original). Returns where the files went."""
    moved = []
    for sha in shas:
        original = find_original(media_dir, sha)
        if original is None:
            continue  # already missing: nothing to keep
        target = folder / "originals" / sha[:2] / original.name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(original, target)  # same disk: a rename, never half a file
        moved.append(target)
        thumbs = media_dir / "thumbs" / sha[:2]
        for thumb in thumbs.glob(f"{sha}-*.jpg") if thumbs.is_dir() else []:
            thumb.unlink(missing_ok=True)
    return moved


def trashed(library_dir: Path) -> dict[str, list[Path]]:
    """The files in the trash by SHA-256 (the same image may lie in several folders)."""
    found: dict[str, list[Path]] = {}
    root = trash_root(library_dir)
    if not root.is_dir():
        return found
    for path in sorted(root.glob("*/originals/*/*")):
        if path.is_file() and not path.name.startswith("."):
            found.setdefault(path.name.split(".")[0], []).append(path)
    return found


def bring_back(library_dir: Path, media_dir: Path, wanted: set[str]) -> list[Path]:
    """Move the trashed files of `wanted` images that media/originals lacks back into it."""
    back = []
    for sha, paths in trashed(library_dir).items():
        if sha not in wanted or find_original(media_dir, sha) is not None:
            continue
        target = media_dir / "originals" / sha[:2] / paths[0].name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(paths[0], target)
        back.append(target)
    _remove_empty(trash_root(library_dir))
    return back


def folders(library_dir: Path) -> list[Path]:
    """The trash's folders, one per removal (named after the backup taken before it)."""
    root = trash_root(library_dir)
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def prune(library_dir: Path, wanted: set[str], among: list[Path] | None = None) -> list[Path]:
    """Delete the trashed files of images not in `wanted` (no backup holds a photo of them),
    in the folders `among` (default: all)."""
    deleted = []
    for sha, paths in trashed(library_dir).items():
        if sha in wanted:
            continue
        for path in paths:
            if among is not None and path.parent.parent.parent not in among:
                continue
            path.unlink(missing_ok=True)
            deleted.append(path)
    _remove_empty(trash_root(library_dir))
    return deleted


def _remove_empty(root: Path) -> None:
    if not root.is_dir():
        return
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    if not any(root.iterdir()):
        root.rmdir()
