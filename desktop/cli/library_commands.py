"""Library commands: conferences, talks, note, import, search, check."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.output import emit, summary_json, talk_json
from desktop.core.models import Talk
from desktop.store.library import Library


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
    emit(
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
    emit(args, [talk_json(t) for t in talks], lambda: "\n".join(map(_talk_line, talks)))
    return 0


def cmd_note(lib: Library, args: argparse.Namespace) -> int:
    from desktop.store.notes import append_to_talk_note, talk_note

    if args.append is not None:
        text = sys.stdin.read() if args.append == "-" else args.append
        note = append_to_talk_note(lib, args.talk_id, text)
    else:
        note = talk_note(lib, args.talk_id)
    emit(
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

    emit(args, summary_json(summary), text)
    return 0


def cmd_search(lib: Library, args: argparse.Namespace) -> int:
    from desktop.store.search import search_notes

    hits = search_notes(lib, args.query, limit=args.limit)
    emit(
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


def cmd_check(lib: Library, args: argparse.Namespace) -> int:
    from desktop.store.health import check_library

    report = check_library(lib)
    emit(
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
