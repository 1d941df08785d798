"""The `talknotes` command line: the same core as the GUI, for users and for tests.

Errors go to stderr as `error: <what>: <why>` with exit status 2. `--json` output is a stable
contract (see README): add fields, never rename or remove them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from desktop import __version__
from desktop.core.errors import TalknotesError
from desktop.core.models import ImportSummary, Talk
from desktop.store.library import Library, open_library


def talk_json(talk: Talk) -> dict[str, Any]:
    return {
        "id": talk.id,
        "conference_id": talk.conference_id,
        "source_id": talk.source_id,
        "title": talk.title,
        "subtitle": talk.subtitle,
        "speakers": talk.speakers,
        "room": talk.room,
        "track": talk.track,
        "type": talk.kind,
        "language": talk.language,
        "start": talk.start.isoformat() if talk.start else None,
        "end": talk.end.isoformat() if talk.end else None,
        "end_estimated": talk.end_estimated,
        "day": talk.day.isoformat() if talk.day else None,
        "status": str(talk.status),
        "starred": talk.starred,
        "has_note": talk.has_note,
        "is_break": talk.is_break,
        "url": talk.url,
        "links": [{"title": link.title, "url": link.url} for link in talk.links],
    }


def summary_json(summary: ImportSummary) -> dict[str, Any]:
    return {
        "conference_id": summary.conference_id,
        "title": summary.title,
        "format": summary.format,
        "talks": summary.total,
        "added": summary.added,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "removed": summary.removed,
        "kept_annotated": summary.kept_annotated,
        "duplicate_ids": summary.duplicate_ids,
        "warnings": summary.warnings,
    }


def _emit(args: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        out = text()
        if out:
            print(out)


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


# --- commands ------------------------------------------------------------------------------


def cmd_conferences(lib: Library, args: argparse.Namespace) -> int:
    from desktop.store.conferences import list_conferences
    from desktop.store.talks import list_talks

    rows = []
    for conf in list_conferences(lib):
        talks = list_talks(lib, conf.id)
        days = sorted({t.day for t in talks if t.day})
        rows.append(
            {
                "id": conf.id,
                "title": conf.title,
                "acronym": conf.acronym,
                "time_zone": conf.time_zone,
                "source": conf.source_uri,
                "imported_at": conf.imported_at.isoformat() if conf.imported_at else None,
                "talks": len(talks),
                "days": [d.isoformat() for d in days],
            }
        )
    _emit(
        args,
        rows,
        lambda: (
            "\n".join(
                f"{r['id']:>3}  {r['title']}  ({r['acronym'] or '-'}, {r['time_zone']}, "
                f"{r['talks']} talks, {len(r['days'])} days)"
                for r in rows
            )
            or "No conferences yet. Import one: talknotes import FILE|URL"
        ),
    )
    return 0


def _talk_line(talk: Talk) -> str:
    when = "unscheduled"
    if talk.start and talk.end:
        plus = " (+1)" if talk.day and talk.start.date() > talk.day else ""
        when = f"{talk.day} {talk.start:%H:%M}{plus}–{talk.end:%H:%M}"
    marks = ("*" if talk.starred else " ") + ("N" if talk.has_note else " ")
    gone = "  [no longer in the schedule]" if talk.status == "removed" else ""
    who = f" — {', '.join(talk.speakers)}" if talk.speakers else ""
    return f"{talk.id:>5} {marks} {when:<26} {talk.room[:18]:<18} {talk.title}{who}{gone}"


def cmd_talks(lib: Library, args: argparse.Namespace) -> int:
    from desktop.store.conferences import get_conference
    from desktop.store.talks import list_talks

    if args.conference is not None:
        get_conference(lib, args.conference)
    talks = list_talks(lib, args.conference, args.day)
    if args.starred:
        talks = [t for t in talks if t.starred]
    _emit(args, [talk_json(t) for t in talks], lambda: "\n".join(map(_talk_line, talks)))
    return 0


def cmd_note(lib: Library, args: argparse.Namespace) -> int:
    from desktop.store.notes import append_to_talk_note, talk_note

    if args.append is not None:
        text = sys.stdin.read() if args.append == "-" else args.append
        note = append_to_talk_note(lib, args.talk_id, text)
    else:
        note = talk_note(lib, args.talk_id)
    _emit(
        args,
        {
            "talk_id": args.talk_id,
            "note_id": note.id,
            "body": note.body,
            "updated_at": note.updated_at.isoformat() if note.updated_at else None,
        },
        lambda: note.body.rstrip("\n") if args.append is None else "",
    )
    return 0


def cmd_import(lib: Library, args: argparse.Namespace) -> int:
    from desktop import secrets
    from desktop.core.timezones import get_zone
    from desktop.workflows.importing import import_schedule

    if args.tz:
        get_zone(args.tz)
    token = None
    if args.ask_token:
        import getpass

        token = getpass.getpass("API token (stored in the system keyring): ").strip()
        if token:
            try:
                secrets.set_token(secrets.key_for_url(args.source), token)
            except secrets.SecretsUnavailable as exc:
                print(f"warning: {exc}", file=sys.stderr)
    summary = import_schedule(
        lib, args.source, tz=args.tz, conference_id=args.conference, token=token
    )

    def text() -> str:
        lines = [
            f"Imported {summary.title!r} ({summary.format}) as conference "
            f"{summary.conference_id}: {summary.total} talks",
            f"  {summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged, "
            f"{summary.removed} removed, {summary.kept_annotated} kept because annotated",
        ]
        if summary.duplicate_ids:
            lines.append(f"  {summary.duplicate_ids} repeated ids made unique (suffix #2, #3 …)")
        lines += [f"  warning: {w}" for w in summary.warnings]
        return "\n".join(lines)

    _emit(args, summary_json(summary), text)
    return 0


def cmd_search(lib: Library, args: argparse.Namespace) -> int:
    from desktop.store.search import search_notes

    hits = search_notes(lib, args.query, limit=args.limit)
    _emit(
        args,
        [
            {
                "note_id": h.note_id,
                "talk_id": h.talk_id,
                "conference_id": h.conference_id,
                "title": h.title,
                "speakers": h.speakers,
                "snippet": h.snippet,
            }
            for h in hits
        ],
        lambda: (
            "\n".join(
                f"{h.talk_id if h.talk_id is not None else '-':>5}  {h.title}\n       {h.snippet}"
                for h in hits
            )
            or "No notes match."
        ),
    )
    return 0


def photo_json(photo) -> dict[str, Any]:
    from desktop.store.photos import photo_key

    return {
        "id": photo.id,
        "note_id": photo.note_id,
        "key": photo_key(photo.sha256),
        "sha256": photo.sha256,
        "original_name": photo.original_name,
        "caption": photo.caption,
        "width": photo.width,
        "height": photo.height,
        "size_bytes": photo.size_bytes,
        "captured_at": photo.captured_at.isoformat() if photo.captured_at else None,
        "capture_source": photo.capture_source,
    }


def cmd_attach(lib: Library, args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.workflows.photos import attach_to_talk

    attached = attach_to_talk(lib, args.talk_id, [Path(p) for p in args.photos], args.caption)
    _emit(
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
    _emit(
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
    _emit(
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


def cmd_check(lib: Library, args: argparse.Namespace) -> int:
    from desktop.store.health import check_library

    report = check_library(lib)
    _emit(
        args,
        report,
        lambda: "\n".join(
            [
                f"library:   {report['path']}",
                f"database:  {report['database']} ({report['database_bytes']} bytes, "
                f"schema {report['schema_revision']})",
                f"integrity: {report['integrity']}",
            ]
            + [f"{k + ':':<10} {v}" for k, v in report["counts"].items()]
        ),
    )
    return 0 if report["integrity"] == "ok" else 1


# --- parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="library folder (default: $TALKNOTES_LIBRARY or the user data dir)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )

    parser = argparse.ArgumentParser(
        prog="talknotes",
        parents=[common],
        description="Conference notes that become blog posts. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"talknotes {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("conferences", parents=[common], help="list conferences")
    p.set_defaults(func=cmd_conferences)

    p = sub.add_parser("talks", parents=[common], help="list talks")
    p.add_argument("--conference", type=int, metavar="ID")
    p.add_argument("--day", type=_parse_day, metavar="DATE", help="conference day, YYYY-MM-DD")
    p.add_argument("--starred", action="store_true", help="only starred talks (my agenda)")
    p.set_defaults(func=cmd_talks)

    p = sub.add_parser("note", parents=[common], help="print or append to a talk's note")
    p.add_argument("talk_id", type=int, metavar="TALK_ID")
    p.add_argument("--append", metavar="TEXT", help="append TEXT as a paragraph (- reads stdin)")
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("import", parents=[common], help="import or refresh a schedule")
    p.add_argument("source", metavar="SOURCE", help="schedule file or http(s) URL")
    p.add_argument(
        "--tz",
        metavar="ZONE",
        help="the conference's IANA time zone, for UTC-only or floating schedules",
    )
    p.add_argument(
        "--conference",
        type=int,
        metavar="ID",
        help="refresh this conference (default: the one with the same source/acronym)",
    )
    p.add_argument(
        "--ask-token",
        action="store_true",
        help="prompt for an API token and keep it in the system keyring",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("attach", parents=[common], help="attach photos to a talk's note")
    p.add_argument("talk_id", type=int, metavar="TALK_ID")
    p.add_argument("photos", nargs="+", metavar="PHOTO")
    p.add_argument("--caption", metavar="TEXT", help='default: "<talk title> – <n>"')
    p.set_defaults(func=cmd_attach)

    photos = sub.add_parser("photos", parents=[common], help="list photos, file a camera roll")
    photos_sub = photos.add_subparsers(dest="photos_command", metavar="ACTION", required=True)
    p = photos_sub.add_parser("list", parents=[common], help="photos of a talk's note")
    p.add_argument("talk_id", type=int, metavar="TALK_ID")
    p.set_defaults(func=cmd_photos_list)
    p = photos_sub.add_parser(
        "import",
        parents=[common],
        help="file a folder of photos to the talks they were taken in",
    )
    p.add_argument("folder", metavar="FOLDER")
    p.add_argument("--conference", type=int, metavar="ID")
    p.add_argument(
        "--clock-offset",
        type=_clock_offset,
        default=0,
        metavar="±MINUTES",
        help="add this to the camera's clock (it was MINUTES behind: +MINUTES)",
    )
    p.add_argument("--dry-run", action="store_true", help="show the plan, change nothing")
    p.set_defaults(func=cmd_photos_import)

    p = sub.add_parser("search", parents=[common], help="full-text search over all notes")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=50, metavar="N")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("check", parents=[common], help="integrity check, path and counts")
    p.set_defaults(func=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.json = getattr(args, "json", False)
    library = getattr(args, "library", None)
    if args.command is None:
        from desktop.app import main as gui_main

        return gui_main(library)
    try:
        lib = open_library(library)
        try:
            return int(args.func(lib, args))
        finally:
            lib.close()
    except TalknotesError as exc:
        print(f"error: {exc.what}: {exc.why}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `talknotes talks | head`: the reader left; that's fine
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
