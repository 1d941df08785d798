"""`talknotes remove-conference`: remove a conference, its talks, notes and photos (undoable
with `talknotes restore` of the backup it takes first)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop.cli.library_commands import _confirm
from desktop.cli.output import emit
from desktop.core.errors import NotFoundError, TalknotesError
from desktop.core.wording import counted

if TYPE_CHECKING:
    from desktop.services.conference_removal import Removed
    from desktop.services.library import Library


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "remove-conference",
        parents=[common],
        help="remove a conference with its talks, notes and photos (a backup is taken first)",
    )
    p.add_argument("conference_id", type=int, metavar="ID")
    p.add_argument(
        "--with-notes",
        action="store_true",
        help="remove it even though notes were written in it (they stay in the backup)",
    )
    p.set_defaults(func=cmd_remove_conference)


def cmd_remove_conference(lib: Library, args: argparse.Namespace) -> int:
    from desktop.services import conference_removal as removal

    cid = args.conference_id
    try:
        removed = removal.remove_conference(lib, cid, with_notes=args.with_notes)
    except NotFoundError as exc:
        raise TalknotesError(exc.what, f"{exc.why} (talknotes conferences lists them)") from exc
    except removal.NotesWouldBeLost as refused:
        undo = (
            f"a backup is taken first, {removal.backup_pattern(lib, cid)}, and "
            "talknotes restore of it brings everything back"
        )
        asked = f"{refused.what}: {refused.why}.\nRemove it with its notes ({undo})?"
        if args.json or not _confirm(asked):
            raise TalknotesError(
                refused.what,
                f"{refused.why}. To remove it with its notes: talknotes remove-conference "
                f"{cid} --with-notes ({undo})",
            ) from refused
        removed = removal.remove_conference(lib, cid, with_notes=True)
    emit(args, _json(removed), lambda: _text(removed))
    return 0


def _json(removed: Removed) -> dict[str, Any]:
    return {
        "conference_id": removed.conference_id,
        "title": removed.title,
        "talks": removed.talks,
        "notes": removed.notes,
        "photos": removed.photos,
        "photo_files": len(removed.photo_files),
        "recap_texts": removed.recap_texts,
        "speakers": removed.speakers,
        "backup": str(removed.backup),
        "trash": str(removed.trash) if removed.trash else None,
    }


def _text(removed: Removed) -> str:
    files = len(removed.photo_files)
    moved = f" ({counted(files, 'file')} moved to {removed.trash})" if files else ""
    return "\n".join(
        [
            f'Removed "{removed.title}" (conference {removed.conference_id}): '
            f"{counted(removed.talks, 'talk')}, {counted(removed.notes, 'note')}, "
            f"{counted(removed.photos, 'photo')}{moved}, "
            f"{counted(removed.recap_texts, 'recap text')}.",
            f"Backup taken before: {removed.backup}",
            f"To undo: talknotes restore {removed.backup}",
        ]
    )
