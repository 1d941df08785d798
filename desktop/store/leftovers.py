"""Leftovers of a killed Talknotes: half-written temporary files, found and removed.

Every file Talknotes writes goes to a hidden temporary name first and is renamed into place,
so a kill can leave such a file behind, never a half-written real one. In the library they are
removed at the next start (by whoever holds the library's lock, so never under a running
writer), in a blog folder at the next export into it; `talknotes check` lists them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

# (folder glob relative to the library, file name glob)
LIBRARY_PATTERNS = (
    ("schedules", ".import-*"),
    ("media/originals/*", ".incoming-*"),
    ("media/thumbs/*", ".thumb-*"),
    ("backups", ".*.partial"),
    (".", ".talknotes-new-*"),
    (".", ".talknotes.sqlite3.partial"),
    (".", ".talknotes.lock.holder.*"),
)
BLOG_NAMES = (".talknotes-new-*", ".export-*")
BLOG_REPLACED = ".talknotes-old-"  # a file an export was replacing when it was killed
MANIFEST = "exports.json"


def library_leftovers(library_dir: Path) -> list[Path]:
    found: set[Path] = set()
    for folders, names in LIBRARY_PATTERNS:
        for folder in [library_dir] if folders == "." else library_dir.glob(folders):
            if folder.is_dir():
                found.update(p for p in folder.glob(names) if p.is_file())
    return sorted(found)


def blog_folders(library_dir: Path) -> list[Path]:
    """The blog folders Talknotes exported into (from the library's export manifest)."""
    try:
        data = json.loads((library_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Path(key) for key in data if isinstance(key, str) and Path(key).is_dir()]


def blog_leftovers(blog: Path) -> list[Path]:
    found: set[Path] = set()
    for pattern in (*BLOG_NAMES, f"{BLOG_REPLACED}*"):
        found.update(p for p in blog.rglob(pattern) if p.is_file() and ".git" not in p.parts)
    return sorted(found)


def all_leftovers(library_dir: Path) -> list[Path]:
    found = library_leftovers(library_dir)
    for blog in blog_folders(library_dir):
        found += blog_leftovers(blog)
    return found


def _remove(paths: list[Path]) -> list[Path]:
    removed = []
    for path in paths:
        try:
            if path.name.startswith(BLOG_REPLACED):
                original = path.with_name(path.name[len(BLOG_REPLACED) :])
                if not original.exists():  # killed between the two renames: put it back
                    os.replace(path, original)
                    removed.append(path)
                    continue
            path.unlink()
            removed.append(path)
        except OSError:
            continue  # a read-only folder: `check` keeps reporting it
    return removed


def remove_library_leftovers(library_dir: Path) -> list[Path]:
    return _remove(library_leftovers(library_dir))


def remove_blog_leftovers(blog: Path) -> list[Path]:
    return _remove(blog_leftovers(blog))
