"""Starring and the agenda: `talknotes star`, `talknotes agenda export|import`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.output import emit
from desktop.core.errors import TalknotesError

if TYPE_CHECKING:
    from desktop.services.library import Library


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("star", parents=[common], help="star talks (my agenda), or unstar them")
    p.add_argument("talk_ids", nargs="+", type=int, metavar="TALK_ID")
    p.add_argument("--off", action="store_true", help="unstar instead")
    p.set_defaults(func=cmd_star)

    agenda = sub.add_parser(
        "agenda", parents=[common], help="my agenda (the starred talks) as iCalendar"
    )
    agenda_sub = agenda.add_subparsers(dest="agenda_command", metavar="ACTION", required=True)
    p = agenda_sub.add_parser(
        "export", parents=[common], help="write a conference's starred talks as an .ics file"
    )
    p.add_argument("--conference", type=int, metavar="ID", required=True)
    p.add_argument(
        "--to", metavar="FILE", help="the .ics file to write (default: agenda-ID.ics; - for stdout)"
    )
    p.set_defaults(func=cmd_agenda_export)
    p = agenda_sub.add_parser(
        "import", parents=[common], help="star the talks of an .ics another app exported"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--conference", type=int, metavar="ID", help="match only this conference")
    p.set_defaults(func=cmd_agenda_import)


def cmd_star(lib: Library, args: argparse.Namespace) -> int:
    from desktop.services.library import get_talk, set_starred

    talks = [get_talk(lib, talk_id) for talk_id in dict.fromkeys(args.talk_ids)]  # all exist
    for talk in talks:
        set_starred(lib, talk.id, not args.off)  # type: ignore[arg-type]
        talk.starred = not args.off
    rows = [{"id": t.id, "title": t.title, "starred": t.starred} for t in talks]
    mark = "unstarred" if args.off else "starred"
    emit(args, rows, lambda: "\n".join(f"{mark} {t.id:>5}  {t.title}" for t in talks))
    return 0


def cmd_agenda_export(lib: Library, args: argparse.Namespace) -> int:
    from desktop.services.agenda_calendar import export_agenda

    data, count = export_agenda(lib, args.conference)
    if args.to == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    target = Path(args.to or f"agenda-{args.conference}.ics").expanduser()
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise TalknotesError(str(target), f"cannot write it ({exc.strerror})") from exc
    emit(
        args,
        {"file": str(target), "conference_id": args.conference, "talks": count},
        lambda: f"wrote {count} starred talks to {target}",
    )
    return 0


def _when(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def cmd_agenda_import(lib: Library, args: argparse.Namespace) -> int:
    from desktop.services.agenda_calendar import import_agenda

    result = import_agenda(lib, Path(args.file).expanduser(), args.conference)
    data = {
        "file": args.file,
        "starred": [t.id for t in result.starred],
        "already_starred": [t.id for t in result.already],
        "unmatched": [
            {"uid": u.uid, "title": u.title, "start": _when(u.start)} for u in result.unmatched
        ],
    }

    def text() -> str:
        lines: list[str] = [
            f"starred {len(result.starred)} talks "
            f"({len(result.already)} were starred already), "
            f"{len(result.unmatched)} events matched no talk"
        ]
        show: Callable[[Any], str] = lambda u: f"  not found: {u.title or u.uid} ({_when(u.start)})"  # noqa: E731
        return "\n".join(lines + [show(u) for u in result.unmatched])

    emit(args, data, text)
    return 0
