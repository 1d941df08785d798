"""Photo commands: attach, photos list, photos import (camera roll)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.output import emit, photo_json

if TYPE_CHECKING:
    from desktop.store.library import Library


def cmd_attach(lib: Library, args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.workflows.photos import attach_to_talk

    attached = attach_to_talk(lib, args.talk_id, [Path(p) for p in args.photos], args.caption)
    emit(
        args,
        [{**photo_json(a.photo), "added": a.added, "markdown": a.markdown} for a in attached],
        lambda: "\n".join(
            ("attached " if a.added else "already attached ")
            + f"{a.photo.original_name}: {a.markdown}"
            for a in attached
        ),
    )
    return 0


def cmd_photos_list(lib: Library, args: argparse.Namespace) -> int:
    from desktop.store.notes import talk_note
    from desktop.store.photos import note_photos

    note = talk_note(lib, args.talk_id)
    items = note_photos(lib, note.id) if note.id is not None else []
    emit(
        args,
        [photo_json(p) for p in items],
        lambda: (
            "\n".join(
                f"{p.id:>5}  {p.original_name}  {p.width}×{p.height}  {p.caption}" for p in items
            )
            or "No photos."
        ),
    )
    return 0


def cmd_photos_import(lib: Library, args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.workflows import camera_roll

    filings = camera_roll.plan(lib, Path(args.folder), args.conference, args.clock_offset)
    added = 0 if args.dry_run else camera_roll.apply(lib, filings)
    rows = [
        {
            "file": str(f.path),
            "talk_id": f.talk_id,
            "conference_id": f.conference_id,
            "day": f.day.isoformat() if f.day else None,
            "title": f.title,
            "captured_at": f.captured_at.isoformat() if f.captured_at else None,
            "capture_source": f.capture_source,
            "reason": f.reason,
            "skipped": f.skip,
        }
        for f in filings
    ]
    emit(
        args,
        {"dry_run": args.dry_run, "added": added, "photos": rows},
        lambda: "\n".join(
            [
                f"{Path(r['file']).name:<28} → "
                + (
                    f"skipped ({r['reason']})"
                    if r["skipped"]
                    else f"{r['title']}  [{r['captured_at'][11:16]}, {r['reason']}]"
                )
                for r in rows
            ]
            + [("dry run: nothing was changed" if args.dry_run else f"{added} photos added")]
        ),
    )
    return 0


def _clock_offset(value: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of minutes (e.g. -7)") from exc
