"""The export command: notes to a Hugo or Jekyll post with its photos."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.output import emit
from desktop.core.errors import TalknotesError

if TYPE_CHECKING:
    from desktop.store.library import Library


def cmd_export(lib: Library, args: argparse.Namespace) -> int:
    from desktop.exporters.compose import ExportRequest
    from desktop.workflows.exporting import export

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
    request.talk_ids = args.talks
    request.title = args.title
    request.intro = args.intro or ""
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
    )
    files = [{"path": f.path, "kind": f.kind, "action": f.action} for f in result.plan.files]
    data = {
        "blog": str(Path(args.to).resolve()),
        "post": result.plan.post_path,
        "title": result.plan.post.title,
        "dry_run": result.dry_run,
        "files": files,
        "written": result.written,
        "committed": result.committed,
    }

    def text() -> str:
        verb = "would write" if result.dry_run else "wrote"
        lines = [f"{f['action']:<9} {f['path']}" for f in files]
        changed = sum(f["action"] != "unchanged" for f in files)
        lines.append(
            f"{verb} {changed} files; post: {result.plan.post_path}"
            + (" (committed)" if result.committed else "")
        )
        return "\n".join(lines)

    emit(args, data, text)
    return 0


def add_parser(sub, common, parse_day) -> None:
    p = sub.add_parser(
        "export", parents=[common], help="write a talk, a day recap or a conference as a blog post"
    )
    scope = p.add_argument_group("what to export")
    scope.add_argument("--talk", type=int, metavar="ID", help="one talk")
    scope.add_argument("--day", type=parse_day, metavar="DATE", help="a day recap (+ --conference)")
    scope.add_argument("--conference", type=int, metavar="ID", help="the whole conference")
    scope.add_argument(
        "--talks",
        type=lambda v: [int(x) for x in v.split(",")],
        metavar="ID,ID…",
        help="pick and order the talks (default: talks with notes)",
    )
    p.add_argument("--to", required=True, metavar="BLOG", help="the blog folder")
    p.add_argument("--format", choices=["auto", "hugo", "jekyll"], default="auto")
    p.add_argument(
        "--draft",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="mark as draft (default: on; Jekyll drafts go to _drafts/)",
    )
    p.add_argument("--title", metavar="TEXT")
    p.add_argument("--intro", metavar="TEXT", help="a paragraph before the first talk")
    p.add_argument(
        "--tags", type=lambda v: [t.strip() for t in v.split(",") if t.strip()], metavar="TAG,TAG…"
    )
    p.add_argument("--dry-run", action="store_true", help="list what would be written")
    p.add_argument(
        "--overwrite", action="store_true", help="replace a post that was edited in the blog"
    )
    p.add_argument("--copy", action="store_true", help="write a copy beside an edited post")
    p.add_argument("--commit", action="store_true", help="git commit the written files")
    p.set_defaults(func=cmd_export)
