"""The `talknotes` command line: the same core as the GUI, for users and for tests.

Errors go to stderr as `error: <what>: <why>` with exit status 2. `--json` output is a stable
contract (see README): add fields, never rename or remove them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from desktop import __version__
from desktop.cli import agenda_commands, conference_commands, export_commands
from desktop.cli.library_commands import (
    check_import,
    cmd_backup,
    cmd_check,
    cmd_conferences,
    cmd_import,
    cmd_note,
    cmd_restore,
    cmd_search,
    cmd_talks,
)
from desktop.cli.output import printable
from desktop.cli.photo_commands import (
    _clock_offset,
    cmd_attach,
    cmd_photos_import,
    cmd_photos_list,
    cmd_photos_ocr,
)
from desktop.core.errors import TalknotesError, plain_reason, sqlite_code
from desktop.startup import startup_done


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


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
    p.add_argument("source", metavar="SOURCE", nargs="?", help="schedule file or http(s) URL")
    p.add_argument(
        "--sample",
        action="store_true",
        help="import the bundled sample conference (to try Talknotes out)",
    )
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
    p.add_argument(
        "--keep-token",
        action="store_true",
        help="keep credentials the URL carries (?token=, user:pass@) in the system keyring "
        "without asking, for refreshes; the URL is stored without them",
    )
    p.set_defaults(func=cmd_import)

    agenda_commands.add_parsers(sub, common)

    p = sub.add_parser("attach", parents=[common], help="attach photos to a talk's note")
    p.add_argument("talk_id", type=int, metavar="TALK_ID")
    p.add_argument("photos", nargs="+", metavar="PHOTO")
    p.add_argument(
        "--caption", metavar="TEXT", help="default: none (the export adds the talk and conference)"
    )
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
    p = photos_sub.add_parser(
        "ocr",
        parents=[common],
        help="read the text on slide photos (default: those not read yet)",
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument("--talk", type=int, metavar="ID", help="the photos of this talk's note")
    which.add_argument("--conference", type=int, metavar="ID", help="this conference's photos")
    which.add_argument("--all", action="store_true", help="every photo in the library")
    p.add_argument("--force", action="store_true", help="read photos again that were read")
    p.set_defaults(func=cmd_photos_ocr)

    p = sub.add_parser("search", parents=[common], help="full-text search over all notes")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=50, metavar="N")
    p.set_defaults(func=cmd_search)

    export_commands.add_parser(sub, common, _parse_day)

    conference_commands.add_parser(sub, common)

    p = sub.add_parser("backup", parents=[common], help="back up the library database now")
    p.add_argument("--to", metavar="FILE", help="write the backup here (default: backups/)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="restore a backup, or salvage a damaged library (the replaced file is kept)",
    )
    p.add_argument("file", metavar="FILE", nargs="?", help="the backup to restore")
    p.add_argument(
        "--salvage",
        action="store_true",
        help="rebuild a damaged library from the rows that can still be read",
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help="restore even when the backup lacks notes the library holds",
    )
    p.set_defaults(func=cmd_restore, opens_library=False)

    p = sub.add_parser(
        "check", parents=[common], help="integrity check, path, counts, backups and their ages"
    )
    p.set_defaults(func=cmd_check, opens_library=False)
    return parser


def _writes(args: argparse.Namespace) -> bool:
    """Commands that change the library wait for (or fail on) the library lock."""
    if args.command in ("import", "attach", "restore", "star", "remove-conference"):
        return True
    if args.command == "agenda":
        return args.agenda_command == "import"
    if args.command == "note":
        return args.append is not None
    if args.command == "photos" and args.photos_command == "ocr":
        return True
    return args.command == "photos" and args.photos_command == "import" and not args.dry_run


def _has_library(library: str | None) -> bool:
    from desktop.config import DATABASE_NAME, default_library_dir

    folder = Path(library).expanduser() if library else default_library_dir()
    return (folder / DATABASE_NAME).exists()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.json = getattr(args, "json", False)
    library = getattr(args, "library", None)
    if args.command is None:
        from desktop.app import main as gui_main

        return gui_main(library)
    startup_done()
    try:
        if args.command == "import":  # a refused import changes no file, creates no library
            args.read = check_import(args, _folder(library), _has_library(library))
        return _run(args, library)
    except TalknotesError as exc:
        print(printable(f"error: {exc.what}: {exc.why}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `talknotes talks | head`: the reader left; that's fine
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a full disk, a read-only folder: no traceback, a plain reason
        where = exc.filename or _folder(library)
        print(printable(f"error: {where}: {plain_reason(exc)}"), file=sys.stderr)
        return 2
    except Exception as exc:
        if sqlite_code(exc) is None:
            raise
        from desktop.config import DATABASE_NAME

        print(f"error: {_folder(library) / DATABASE_NAME}: {plain_reason(exc)}", file=sys.stderr)
        return 2


def _folder(library: str | None) -> Path:
    from desktop.config import default_library_dir

    return (Path(library).expanduser() if library else default_library_dir()).resolve()


def _run(args: argparse.Namespace, library: str | None) -> int:
    lock = None
    if _writes(args):
        from desktop.services.locking import CLI_WAIT_SECONDS, acquire

        folder = _folder(library)
        folder.mkdir(parents=True, exist_ok=True)
        lock = acquire(folder, CLI_WAIT_SECONDS, "command", f"talknotes {args.command}")
    try:
        if not getattr(args, "opens_library", True):
            return int(args.func(_folder(library), args))
        from desktop.services.library import open_library

        lib = open_library(library, allow_read_only=not _writes(args))
        try:
            return int(args.func(lib, args))
        finally:
            lib.close()
    finally:
        if lock is not None:
            lock.release()


if __name__ == "__main__":
    raise SystemExit(main())
