"""Photo commands: attach, photos list, photos import (camera roll), photos ocr."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop.cli.output import emit, photo_json

if TYPE_CHECKING:
    from desktop.services.library import Library


def cmd_attach(lib: Library, args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.services.photos import attach_to_talk

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
    from desktop.services.library import note_photos

    items = note_photos(lib, "talk", args.talk_id)
    emit(
        args,
        [photo_json(p) for p in items],
        lambda: (
            "\n".join(
                f"{p.id:>5}  {p.original_name}  {p.width}×{p.height}  {p.caption}"
                + (f"  (suggested: {p.suggested_caption})" if _suggests(p) else "")
                + (f"  [duplicate of {p.duplicate_of}]" if p.duplicate_of else "")
                for p in items
            )
            or "No photos."
        ),
    )
    return 0


def cmd_photos_import(lib: Library, args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.services import camera_roll

    filings = camera_roll.plan(lib, Path(args.folder), args.conference, args.clock_offset)
    added = 0 if args.dry_run else camera_roll.apply(lib, filings)
    rows: list[dict[str, Any]] = [
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


def _suggests(photo) -> bool:
    return bool(photo.suggested_caption) and photo.suggested_caption != photo.caption


def cmd_photos_ocr(lib: Library, args: argparse.Namespace) -> int:
    """Read the slide text of a talk's, a conference's or every photo (default: the queue)."""
    import os
    import sys
    import time

    from desktop.core.errors import TalknotesError
    from desktop.media import ocr
    from desktop.services.slide_ocr import queue_photos, queue_size, queued, read_image

    if not ocr.available():
        raise TalknotesError("photos ocr", ocr.NOT_INSTALLED)
    if args.talk is not None or args.conference is not None or args.all:
        wanted = queue_photos(lib, args.talk, args.conference, force=args.force)
    else:
        if args.force:
            raise TalknotesError("--force", "give --talk ID, --conference ID or --all with it")
        wanted = queued(lib)
    reader = ocr.SlideReader(threads=max(1, os.cpu_count() or 1))
    started = time.monotonic()
    results = []
    for number, sha in enumerate(wanted, 1):
        outcome = read_image(lib, reader, sha)
        results.append(outcome)
        state = f"failed: {outcome.error}" if outcome.error else f"{outcome.lines} lines"
        print(
            f"[{number}/{len(wanted)}] {sha[:16]}: {state} ({outcome.seconds:.1f} s)",
            file=sys.stderr,
            flush=True,
        )
    seconds = time.monotonic() - started
    summary = {
        "read": sum(1 for r in results if not r.error),
        "failed": sum(1 for r in results if r.error),
        "seconds": round(seconds, 2),
        "photos_per_minute": round(len(results) * 60 / seconds, 1) if results else 0.0,
        "queued": queue_size(lib),
        "photos": [
            {
                "sha256": r.sha256,
                "key": r.sha256[:16],
                "note_ids": r.note_ids,
                "lines": r.lines,
                "seconds": round(r.seconds, 3),
                "error": r.error,
            }
            for r in results
        ],
    }
    emit(
        args,
        summary,
        lambda: (
            f"{summary['read']} photos read, {summary['failed']} failed "
            f"({summary['photos_per_minute']} photos/min)"
            if results
            else "Nothing to read: every photo's text is known (--force reads again)."
        ),
    )
    return 0
