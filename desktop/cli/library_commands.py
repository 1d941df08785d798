"""Library commands: conferences, talks, note, import, search, check."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.output import emit, speaker_json, summary_json, talk_json
from desktop.core.errors import TalknotesError
from desktop.core.models import Talk
from desktop.core.wording import counted

if TYPE_CHECKING:
    from desktop.services.library import Library


def cmd_conferences(lib: Library, args: argparse.Namespace) -> int:
    from desktop.core.url_secrets import redact_url
    from desktop.services.library import list_conferences, list_talks

    rows: list[dict[str, Any]] = []
    for conf in list_conferences(lib):
        talks = list_talks(lib, conf.id)
        days = sorted({t.day for t in talks if t.day})
        rows.append(
            {
                "id": conf.id,
                "title": conf.title,
                "acronym": conf.acronym,
                "time_zone": conf.time_zone,
                "source": redact_url(conf.source_uri),  # stored before secrets moved out
                "imported_at": conf.imported_at.isoformat() if conf.imported_at else None,
                "url": conf.url,
                "city": conf.city,
                "venue": conf.venue,
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
    from desktop.services.library import get_conference, list_talks

    if args.conference is not None:
        get_conference(lib, args.conference)
    talks = list_talks(lib, args.conference, args.day)
    if args.starred:
        talks = [t for t in talks if t.starred]
    emit(args, [talk_json(t) for t in talks], lambda: "\n".join(map(_talk_line, talks)))
    return 0


def cmd_note(lib: Library, args: argparse.Namespace) -> int:
    if args.append is not None:
        from desktop.services.notes import append_to_talk_note

        text = sys.stdin.read() if args.append == "-" else args.append
        note = append_to_talk_note(lib, args.talk_id, text)
    else:
        from desktop.services.notes import talk_note

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


def _import_options(args: argparse.Namespace) -> dict[str, Any]:
    """The source, zone, token and credentials question of an import, from its arguments."""
    from desktop import secrets
    from desktop.core.timezones import get_zone

    if args.sample:
        from desktop.config import sample_schedule_path

        args.source = str(sample_schedule_path())
    if not args.source:
        raise TalknotesError("import", "give a schedule file or URL (or --sample)")
    if args.tz:
        get_zone(args.tz)
    token = getattr(args, "token", None)
    if args.ask_token and token is None:
        import getpass

        token = getpass.getpass("API token (stored in the system keyring): ").strip() or None
        args.token = token
        if token:
            try:
                secrets.set_token(secrets.key_for_url(args.source), token)
            except secrets.SecretsUnavailable as exc:
                args.notices = [f"{exc} The token is used for this import only."]
    return {"tz": args.tz, "token": token, "keep_secret": _keep_secret(args)}


def _keep_secret(args: argparse.Namespace) -> Callable[[str], bool]:
    def ask(url: str) -> bool:
        if args.keep_token:
            return True
        if not sys.stdin.isatty():
            return False
        answer = input(
            f"{url} carries credentials. Keep them in the system keyring for refreshes "
            "(the library stores the URL without them)? [y/N] "
        )
        return answer.strip().lower() in ("y", "yes")

    return ask


def check_import(args: argparse.Namespace, folder: Path, has_library: bool) -> Any:
    """Read and parse the schedule before the library is opened (services.importing)."""
    from desktop.services.importing import AgendaExport, check_source, explain_agenda_at

    options = _import_options(args)
    if args.sample:
        return None
    try:
        return check_source(args.source, zone_later=has_library, **options)
    except AgendaExport as refused:  # name the library's conference it came from
        raise explain_agenda_at(refused, folder) from refused


def cmd_import(lib: Library, args: argparse.Namespace) -> int:
    from desktop.services.importing import import_schedule

    options = _import_options(args)
    summary = import_schedule(
        lib,
        args.source,
        conference_id=args.conference,
        read=getattr(args, "read", None),
        **options,
    )

    summary.warnings += getattr(args, "notices", [])

    def text() -> str:
        first, *rest = summary.describe()
        return "\n".join([f"Imported {first}", *(f"  {line}" for line in rest)])

    emit(args, summary_json(summary), text)
    return 0


def cmd_search(lib: Library, args: argparse.Namespace) -> int:
    from desktop.services.notes import search_notes

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
                "source": h.source,
                "speaker_details": [speaker_json(s) for s in h.speaker_details],
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


def cmd_check(folder: Path, args: argparse.Namespace) -> int:
    from desktop.config import DATABASE_NAME
    from desktop.services import maintenance
    from desktop.services.library import open_library

    database = folder / DATABASE_NAME
    if not database.exists():
        raise TalknotesError(str(folder), "no Talknotes library here")
    integrity = maintenance.integrity(database, quick=False)  # raises when locked: that's no damage
    report: dict[str, Any] = {
        "path": str(folder),
        "database": str(database),
        "integrity": integrity,
    }
    if integrity == "ok":
        lib = open_library(folder, auto_backup=False, allow_read_only=True)
        try:
            report = maintenance.check_library(lib)
        finally:
            lib.close()
    report["damaged"] = integrity != "ok"
    report["leftovers"] = [str(p) for p in maintenance.all_leftovers(folder)]
    report["trash"] = maintenance.trash_contents(folder)
    report["backups"] = [
        {
            "file": str(b.path),
            "created": b.created.isoformat(timespec="seconds"),
            "age_days": round(b.age_days, 2),
            "reason": b.reason,
        }
        for b in maintenance.list_backups(folder)
    ]

    def text() -> str:
        lines = [f"library:   {report['path']}", f"integrity: {report['integrity']}"]
        if "counts" in report:
            lines.insert(
                1,
                f"database:  {report['database']} ({report['database_bytes']} bytes, "
                f"schema {report['schema_revision']})",
            )
            lines += [f"{k + ':':<10} {v}" for k, v in report["counts"].items()]
            unplaced = report["unplaced_photos"]
            if unplaced:
                lines.append(
                    f"unplaced:  {len(unplaced)} photos are not referenced in their note's text "
                    "(shown below the note in the app, and exported)"
                )
        backups = report["backups"]
        lines.append(
            f"backups:   {len(backups)}"
            + (
                f", newest {backups[0]['age_days']:.1f} days old, oldest "
                f"{backups[-1]['age_days']:.1f} days old"
                if backups
                else " (none yet)"
            )
        )
        if report["leftovers"]:
            lines.append(
                f"leftovers: {len(report['leftovers'])} temporary files of an interrupted "
                "run (removed at the next start or export):"
            )
            lines += [f"           {p}" for p in report["leftovers"]]
        for put_aside in report["trash"]:
            until = (
                "back with a restore of its backup; it goes when the backup rotation prunes "
                "that backup"
                if put_aside["backup"]
                else "its backup was pruned; kept while an older backup holds their photos"
            )
            lines.append(
                f"trash:     {counted(put_aside['files'], 'photo file')} "
                f"({put_aside['bytes']} bytes) of a "
                f"removed conference, in {put_aside['folder']} ({until})"
            )
        if integrity != "ok":
            lines.append(
                "The database is damaged. Restore the newest good backup with: "
                "talknotes restore FILE, or rebuild it from its readable rows with: "
                "talknotes restore --salvage"
            )
        return "\n".join(lines)

    emit(args, report, text)
    return 0 if integrity == "ok" else 1


def cmd_backup(lib: Library, args: argparse.Namespace) -> int:
    from desktop.services.maintenance import make_backup

    target = make_backup(lib.database_path, "manual", Path(args.to) if args.to else None)
    emit(args, {"backup": str(target)}, lambda: f"backed up to {target}")
    return 0


def _contents_json(contents) -> dict:
    return {
        "talks": contents.talks,
        "notes": contents.notes,
        "newest_note": contents.newest_note.isoformat() if contents.newest_note else None,
        "schema_revision": contents.schema_revision,
    }


def _loses_notes(current, incoming) -> bool:
    """Whether putting `incoming` in place of `current` drops notes or newer note text."""
    if current.notes is None:
        return False  # unreadable: nothing to keep
    if (incoming.notes or 0) < current.notes:
        return True
    return current.newest_note is not None and (
        incoming.newest_note is None or incoming.newest_note < current.newest_note
    )


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def cmd_restore(folder: Path, args: argparse.Namespace) -> int:
    from desktop.config import DATABASE_NAME
    from desktop.services import maintenance

    database = folder / DATABASE_NAME
    if args.salvage:
        return _salvage(database, args)
    if not args.file:
        raise TalknotesError("restore", "give a backup FILE (see talknotes check), or --salvage")
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise TalknotesError(str(source), "no such file")
    maintenance.check_restorable(source)
    current = (
        maintenance.contents(database)
        if database.exists()
        else maintenance.Contents(None, None, None, None)
    )
    incoming = maintenance.contents(source)
    sides = f"the library holds {current.describe()}; the backup holds {incoming.describe()}"
    asked = f"{sides}.\nReplace the library with the backup?"
    if _loses_notes(current, incoming) and not args.yes and (args.json or not _confirm(asked)):
        raise TalknotesError(
            str(source),
            f"not restored: {sides}, so restoring would drop notes (the library was "
            "left as it is; add --yes to restore anyway: the replaced file is kept)",
        )
    restored = maintenance.restore(database, source)
    safety, back = restored.previous_state, restored.photos_back
    emit(
        args,
        {
            "restored": str(source),
            "previous_state": str(safety) if safety else None,
            "current": _contents_json(current),
            "backup": _contents_json(incoming),
            "photos_back": len(back),
        },
        lambda: (
            f"restored {source} ({incoming.describe()})"
            + (f"; the previous state ({current.describe()}) is kept in {safety}" if safety else "")
            + (f"; {counted(len(back), 'photo file')} brought back from the trash" if back else "")
        ),
    )
    return 0


def _salvage(database: Path, args: argparse.Namespace) -> int:
    from desktop.services import maintenance

    if not database.exists():
        raise TalknotesError(str(database), "no library database to salvage")
    check = maintenance.integrity(database, quick=False)
    if check == "ok":
        raise TalknotesError(str(database), "the database is not damaged; nothing to salvage")
    kept, saved = maintenance.salvage(database)
    after = maintenance.contents(database)
    emit(
        args,
        {
            "salvaged": str(database),
            "previous_state": str(kept),
            "rows": saved,
            "current": _contents_json(after),
        },
        lambda: f"salvaged {after.describe()} into {database}; the damaged file is kept in {kept}",
    )
    return 0
