"""Removing a conference (a schedule imported by mistake, a test import, last year's event):
its talks, their speakers' links, its notes and their photos, its recap texts.

Undoable: a backup of the library is taken first (`talknotes restore FILE` brings everything
back), and the photo files no other note shows move to the library's trash beside that
backup (media.trash) rather than being deleted. A conference with notes is removed only when
the caller says the notes may go (`with_notes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import TalknotesError
from desktop.core.wording import counted
from desktop.store.backup import BACKUP_DIR
from desktop.store.conference_removal import Holdings, NoteFacts, holdings
from desktop.store.library import Library

__all__ = [
    "Holdings",
    "NoteFacts",
    "NotesWouldBeLost",
    "Removed",
    "backup_pattern",
    "backup_reason",
    "describe_notes",
    "holdings",
    "remove_conference",
]


def backup_reason(conference_id: int) -> str:
    return f"before-remove-conference-{conference_id}"


def backup_pattern(lib: Library, conference_id: int) -> str:
    """How the backup taken before removing the conference will be named."""
    return str(lib.path / BACKUP_DIR / f"talknotes-<time>-{backup_reason(conference_id)}.sqlite3")


def describe_notes(notes: list[NoteFacts], most: int = 5) -> str:
    """ "Talk A", "Talk B", a hallway note and 3 more"""
    names = [f"“{n.title}”" if n.talk_id is not None else "a hallway note" for n in notes]
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


class NotesWouldBeLost(TalknotesError):
    """The conference has notes and the caller did not say they may go."""

    def __init__(self, what: str, why: str, held: Holdings) -> None:
        super().__init__(what, why)
        self.held = held


@dataclass(frozen=True)
class Removed:
    conference_id: int
    title: str
    talks: int
    notes: int  # notes with text or photos
    photos: int  # photo rows
    photo_files: list[Path]  # where the files no other note shows went (the trash)
    recap_texts: int
    speakers: int  # speakers of no other talk
    backup: Path
    trash: Path | None  # the trash folder of this removal (None: no file went there)


def remove_conference(lib: Library, conference_id: int, *, with_notes: bool = False) -> Removed:
    """Back up the library, then delete the conference and all of it in one transaction,
    then move the photo files nothing else shows to the trash. Raises NotFoundError for an
    unknown id and NotesWouldBeLost (nothing changed) for one with notes, unless
    `with_notes`."""
    from desktop.media import trash
    from desktop.services import maintenance
    from desktop.store import conference_removal

    held = holdings(lib, conference_id)
    what = f"conference {conference_id} ({held.title})"
    if held.notes and not with_notes:
        raise NotesWouldBeLost(
            what,
            f"it has {counted(len(held.notes), 'note')} ({describe_notes(held.notes)}); "
            "nothing was removed",
            held,
        )
    backup = maintenance.make_backup(lib.database_path, backup_reason(conference_id))
    counts = conference_removal.delete_conference(lib, conference_id)
    left = conference_removal.photo_shas(lib)
    unused = [sha for sha in held.photo_files if sha not in left]
    folder = trash.folder_for(lib.path, backup)
    moved = trash.move_to_trash(lib.media_dir, folder, unused)
    maintenance.prune_trash(lib.path)
    return Removed(
        conference_id=conference_id,
        title=held.title,
        talks=counts["talks"],
        notes=len(held.notes),
        photos=counts["photos"],
        photo_files=moved,
        recap_texts=counts["recap_texts"],
        speakers=counts["speakers"],
        backup=backup,
        trash=folder if moved else None,
    )
