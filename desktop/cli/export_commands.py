"""The export command: notes to a Hugo, Jekyll or plain Markdown post with its photos; and
the recap command: a recap's intro and wrap-up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.output import emit
from desktop.core.errors import TalknotesError
from desktop.core.ids import saved_id
from desktop.core.models import RECAP_PARTS
from desktop.exporters import registry

if TYPE_CHECKING:
    from desktop.services.library import Library


def cmd_export(lib: Library, args: argparse.Namespace) -> int:
    from desktop.exporters.compose import ExportRequest
    from desktop.services.exporting import export

    if args.talk is not None:
        request = ExportRequest("talk", talk_id=args.talk)
    elif args.day is not None:
        if args.conference is None:
            raise TalknotesError("export", "--day needs --conference ID")
        request = ExportRequest("day", conference_id=args.conference, day=args.day)
    elif args.conference is not None:
        request = ExportRequest("conference", conference_id=args.conference)
    else:
        raise TalknotesError(
            "export",
            "say what to export: --talk ID, --day DATE --conference ID, or --conference ID",
        )
    if args.overwrite and args.copy:
        raise TalknotesError("export", "--overwrite and --copy exclude each other")
    request.talk_ids = args.talks
    request.title = args.title
    request.intro = args.intro
    request.wrapup = args.wrapup
    request.tags = args.tags
    result = export(
        lib,
        request,
        Path(args.to),
        fmt=args.format,
        draft=args.draft,
        dry_run=args.dry_run,
        overwrite=args.overwrite,
        copy=args.copy,
        commit=args.commit,
        push=args.push,
        force=args.force,
    )
    plan = result.plan
    files = [
        {"path": f.path, "kind": f.kind, "action": f.action, "why": f.why}  # why: "" if none
        for f in plan.files
    ]
    data = {
        "blog": str(Path(args.to).resolve()),
        "post": plan.post_path,
        "title": plan.post.title,
        "dry_run": result.dry_run,
        "draft": plan.post.draft,
        "files": files,
        "written": result.written,
        "committed": result.committed,
        "pushed": result.pushed,
        "warnings": result.warnings,
        "conflicts": [{"path": f.path, "why": f.why} for f in plan.conflicts],
        "backups": plan.backups,
    }

    def text() -> str:
        verb = "would write" if result.dry_run else "wrote"
        lines = [f"{f['action']:<9} {f['path']}" for f in files]
        changed = sum(f["action"] in ("create", "update", "remove") for f in files)
        done = " (committed)" if result.committed else ""
        done = " (committed and pushed)" if result.pushed else done
        if changed or result.dry_run or plan.conflicts:
            lines.append(f"{verb} {changed} files; post: {plan.post_path}{done}")
        else:
            lines.append(f"Already up to date: nothing changed in {plan.post_path}{done}")
        lines += [f"kept the edited file: {b}" for b in plan.backups]
        lines += [f"conflict: {c.path}: {c.why}" for c in plan.conflicts]
        return "\n".join(lines)

    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    emit(args, data, text)
    return 0


def cmd_recap(lib: Library, args: argparse.Namespace) -> int:
    """Print a recap's intro or wrap-up (as the export uses it), or keep a new text."""
    from desktop.services.exporting import recap_text
    from desktop.services.library import get_conference
    from desktop.services.notes import save_recap_note

    conf = get_conference(lib, args.conference)
    if args.set is not None:
        save_recap_note(lib, saved_id(conf.id), args.day, args.part, args.set)
    body = recap_text(lib, saved_id(conf.id), args.day, args.part)
    data = {
        "conference_id": conf.id,
        "day": args.day.isoformat() if args.day else None,
        "part": args.part,
        "text": body,
    }
    emit(args, data, lambda: body)
    return 0


def add_parser(sub, common, parse_day) -> None:
    p = sub.add_parser(
        "export", parents=[common], help="write a talk, a day recap or a conference as a blog post"
    )
    scope = p.add_argument_group("what to export")
    scope.add_argument(
        "--talk", type=int, metavar="ID", help="one talk (ids: talknotes talks, or talks --json)"
    )
    scope.add_argument(
        "--day",
        type=parse_day,
        metavar="DATE",
        help="a day recap, DATE as 2024-02-03 (+ --conference)",
    )
    scope.add_argument(
        "--conference",
        type=int,
        metavar="ID",
        help="the whole conference, or the day's (ids: talknotes conferences)",
    )
    scope.add_argument(
        "--talks",
        type=lambda v: [int(x) for x in v.split(",")],
        metavar="ID,ID…",
        help="pick and order the talks (default: talks with notes)",
    )
    p.add_argument("--to", required=True, metavar="BLOG", help="the blog folder")
    p.add_argument(
        "--format",
        choices=["auto", *registry.names()],
        default="auto",
        help="auto (Hugo or Jekyll, from the folder), or markdown: a plain post with an img/ "
        "folder and an HTML copy, for other blogs",
    )
    p.add_argument(
        "--draft",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="this export as a draft or not (default: as the blog's posts are; the saved "
        "profile is not changed)",
    )
    p.add_argument(
        "--title", metavar="TEXT", help="the post's title (default: the talk's, or a recap's)"
    )
    p.add_argument(
        "--intro", metavar="TEXT", help="the opening paragraph (default: the recap's intro)"
    )
    p.add_argument(
        "--wrapup", metavar="TEXT", help="the closing paragraph (default: the recap's wrap-up)"
    )
    p.add_argument(
        "--tags",
        type=lambda v: [t.strip() for t in v.split(",") if t.strip()],
        metavar="TAG,TAG…",
        help="the post's tags (default: the conference, and the blog's own tags the talks "
        "mention, else their tracks)",
    )
    p.add_argument("--dry-run", action="store_true", help="list what would be written")
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="replace a post that was edited in the blog (the edited file is kept in the "
        "library's export-backups folder)",
    )
    p.add_argument(
        "--copy", action="store_true", help="write a draft copy beside a post edited in the blog"
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="export even when photo files are missing from the library (they are left out)",
    )
    p.add_argument("--commit", action="store_true", help="git commit the written files")
    p.add_argument(
        "--push",
        action="store_true",
        help="commit, then push the blog's current branch with your own git setup",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("recap", parents=[common], help="print or set a recap's intro or wrap-up")
    p.add_argument("part", choices=RECAP_PARTS)
    p.add_argument("--conference", type=int, required=True, metavar="ID")
    p.add_argument(
        "--day", type=parse_day, metavar="DATE", help="a day's recap (default: the conference's)"
    )
    p.add_argument("--set", metavar="TEXT", help="keep this text (an empty text: none)")
    p.set_defaults(func=cmd_recap)
