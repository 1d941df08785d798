"""Write a composed post and its photos into a blog folder, safely.

- Every path is checked to stay inside the blog folder.
- A post edited in the blog since Talknotes wrote it is not overwritten (ExportConflict).
- Photos are resized in parallel (all cores); files are written to temporary names first and
  renamed into place, the post last. If anything fails, files created are removed and files
  replaced are restored: the blog folder is left as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import TalknotesError
from desktop.exporters.base import Generator, photo_filenames
from desktop.exporters.compose import RESERVED, Post, PostPhoto
from desktop.media.files import sha256_of
from desktop.media.publish import export_photo

MANIFEST = "exports.json"
PARENT_CHECK_SECONDS = 0.5  # how often a worker looks for its parent, where Linux can't tell it
Progress = Callable[[int, int], None]


class ExportConflict(TalknotesError):
    """The post (or a photo) in the blog was changed since Talknotes last wrote it, or a
    file of its name is there that this library did not write. `reason` says which, without
    the command line's advice (--overwrite, --copy) that `why` ends with."""

    def __init__(self, what: str, why: str, reason: str = "") -> None:
        super().__init__(what, why)
        self.reason = reason or why


class ExportCancelled(TalknotesError):
    pass


@dataclass
class PlannedFile:
    path: str  # relative to the blog folder, with /
    kind: str  # "post" | "photo" | "page" (the HTML beside a plain Markdown post)
    action: str  # "create" | "update" | "unchanged" | "remove" | "held" | "conflict"
    content: bytes | None = None  # the post
    photo: PostPhoto | None = None
    why: str = ""  # for "conflict", "remove" and "held"
    reason: str = ""  # for "conflict": why, without the command line's advice


@dataclass
class ExportPlan:
    blog: Path
    post: Post
    files: list[PlannedFile] = field(default_factory=list)
    backups: list[str] = field(default_factory=list)  # edited posts kept before --overwrite

    @property
    def post_path(self) -> str:
        return next(f.path for f in self.files if f.kind == "post")

    @property
    def conflicts(self) -> list[PlannedFile]:
        return [f for f in self.files if f.action == "conflict"]

    def raise_conflicts(self) -> None:
        if self.conflicts:
            first = self.conflicts[0]
            raise ExportConflict(first.path, first.why, first.reason)


CONFLICT_HINT = (
    "not overwritten. Use --overwrite to replace it (the edited file is kept in the library's "
    "export-backups folder) or --copy to write a draft copy beside it"
)


def _planned(relative: str, kind: str, action: str, reason: str, **what: Any) -> PlannedFile:
    """A file of the plan; a conflict's `reason`, and its `why` with the command line's
    advice."""
    if action != "conflict":
        return PlannedFile(relative, kind, action, **what)
    why = f"{reason}; {CONFLICT_HINT}"
    return PlannedFile(relative, kind, action, why=why, reason=reason, **what)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_target(blog: Path, relative: str) -> Path:
    """`relative` inside `blog`, refusing escapes (.., absolute, links) and reserved names."""
    parts = relative.split("/")
    if relative.startswith("/") or any(p in ("", ".", "..") for p in parts) or "\x00" in relative:
        raise TalknotesError(relative, "unsafe path refused")
    if any(p.split(".")[0].lower() in RESERVED for p in parts):
        raise TalknotesError(relative, "reserved file name refused")
    root = blog.resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(root):
        raise TalknotesError(relative, "refused: it would be written outside the blog folder")
    return target


class Manifest:
    """What Talknotes last wrote into each blog (kept in the library, never in the blog)."""

    def __init__(self, library_dir: Path, blog: Path) -> None:
        self.path = library_dir / MANIFEST
        self.key = str(blog.resolve())
        data = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}
        self.all: dict[str, dict[str, dict[str, str]]] = data
        self.entries = self.all.setdefault(self.key, {})

    def get(self, relative: str) -> dict[str, str] | None:
        return self.entries.get(relative)

    def record(self, relative: str, **values: str) -> None:
        self.entries[relative] = values

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.all, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)


def render_post(generator: Generator, post: Post) -> bytes:
    return generator.document(post).encode("utf-8")


def _photo_settings(generator: Generator) -> str:
    return f"{generator.profile.max_width or 'original'}/{generator.profile.quality}"


def plan_export(
    generator: Generator,
    post: Post,
    blog: Path,
    library_dir: Path,
    *,
    overwrite: bool = False,
    copy: bool = False,
) -> ExportPlan:
    """What would be written. Files that may not be replaced are planned as "conflict" (the
    caller refuses to write a plan with conflicts; a dry run shows them)."""
    if copy:
        post.photo_slug = post.slug  # the copy shows the photos already in the blog
        post.slug = _free_slug(generator, post, blog)
    photo_filenames(post)
    manifest = Manifest(library_dir, blog)
    plan = ExportPlan(blog=blog, post=post)
    settings = _photo_settings(generator)
    hold = post.draft and not generator.drafts_hide_photos(post)
    for photo in post.photos:
        relative = f"{generator.photo_dir(post)}/{photo.filename}"
        target = safe_target(blog, relative)
        entry = manifest.get(relative)
        if hold:
            held = PlannedFile(relative, "photo", "held", photo=photo, why=HELD)
            plan.files.append(held)
            continue
        action = "create"
        if target.exists():
            current = sha256_of(target)
            ours = entry is not None and entry.get("sha256") == current
            same = (
                ours
                and entry
                and entry.get("source") == photo.sha256
                and entry.get("settings") == settings
            )
            if not ours and _encodes_to(generator, photo, current):
                same = True  # byte-identical to what we would write: a re-export elsewhere
            action = "unchanged" if same else "update"
            if not ours and not same and not overwrite:
                action = "conflict"
        reason = "a different file of that name is already in the blog"
        plan.files.append(_planned(relative, "photo", action, reason, photo=photo))
    relative = generator.post_path(post)
    target = safe_target(blog, relative)
    content = render_post(generator, post)
    action = "create"
    reason = "the post was edited in the blog since Talknotes wrote it"
    if target.exists():
        current_bytes = target.read_bytes()
        entry = manifest.get(relative)
        edited = not (entry is not None and entry.get("sha256") == _sha(current_bytes))
        if entry is None:
            reason = (
                "a post of that name is already in the blog, and this library did not write "
                "it (another library, another app, or by hand)"
            )
        if current_bytes == content:
            action = "unchanged"
        elif not edited:
            action = "update"
        elif overwrite:
            action = "update"
            plan.backups.append(relative)
        else:
            action = "conflict"
    plan.files.append(_planned(relative, "post", action, reason, content=content))
    for relative, data in generator.extra_files(post, content).items():
        target = safe_target(blog, relative)
        extra_action = "create"
        if target.exists():
            extra_action = "unchanged" if target.read_bytes() == data else "update"
        plan.files.append(PlannedFile(relative, "page", extra_action, content=data))
    if not copy:
        _plan_moved_post(generator, post, blog, manifest, plan, relative_post=relative)
    return plan


HELD = (
    "held back while the post is a draft (the blog would publish it before the post); "
    "written when the post is exported with --no-draft"
)


def _plan_moved_post(
    generator: Generator,
    post: Post,
    blog: Path,
    manifest: Manifest,
    plan: ExportPlan,
    relative_post: str,
) -> None:
    """A draft being published (or a post made a draft again) moves: the copy Talknotes wrote
    at the other place goes, unless it was edited there."""
    post.draft = not post.draft
    try:
        other = generator.post_path(post)
    finally:
        post.draft = not post.draft
    if other == relative_post:
        return
    target = safe_target(blog, other)
    if not target.exists():
        return
    entry = manifest.get(other)
    if entry is not None and entry.get("sha256") == sha256_of(target):
        plan.files.append(PlannedFile(other, "post", "remove", why=f"moved to {relative_post}"))
    else:
        plan.files.append(
            PlannedFile(
                other,
                "post",
                "conflict",
                why=f"an edited copy of this post is at {other}; " + CONFLICT_HINT,
            )
        )


def _encodes_to(generator: Generator, photo: PostPhoto, sha256: str) -> bool:
    """Whether exporting `photo` now would write a file with this SHA-256."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / photo.filename
        export_photo(
            photo.source,
            target,
            max_width=generator.profile.max_width,
            quality=generator.profile.quality,
        )
        return sha256_of(target) == sha256


def _free_slug(generator: Generator, post: Post, blog: Path) -> str:
    base = post.slug
    for n in range(2, 1000):
        post.slug = f"{base}-{n}"
        if not (blog / generator.post_path(post)).exists():
            return post.slug
    raise TalknotesError(base, "no free name for a copy")


def _end_with_parent(parent: int) -> None:
    """Runs in each worker process as it starts: the worker ends with the process that
    started it, even when that one is killed (a SIGKILL runs no clean-up, and the workers
    would wait for work for ever). Linux ends it at once (PR_SET_PDEATHSIG); elsewhere a
    watcher thread notices the new parent process."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent was gone before the watch began
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _encode(source: str, target: str, max_width: int | None, quality: int) -> str:
    """Runs in a worker process."""
    export_photo(Path(source), Path(target), max_width=max_width, quality=quality)
    return target


def write_export(
    generator: Generator,
    plan: ExportPlan,
    library_dir: Path,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
) -> list[PlannedFile]:
    """Carry out `plan`. All or nothing: on any failure the blog folder is restored."""
    plan.raise_conflicts()
    blog = plan.blog
    todo = [f for f in plan.files if f.action in ("create", "update", "remove")]
    staged: list[tuple[Path | None, Path]] = []  # (temporary file or None: remove, target)
    photos = [(f, f.photo) for f in todo if f.photo is not None]  # kind "photo"
    total = len(todo)
    try:
        jobs = {}
        if photos:
            count = workers or os.cpu_count() or 1
            with ProcessPoolExecutor(
                max_workers=min(count, len(photos)),
                initializer=_end_with_parent,
                initargs=(os.getpid(),),
            ) as pool:
                for f, photo in photos:
                    target = safe_target(blog, f.path)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    temp = target.with_name(f".talknotes-new-{target.name}")
                    staged.append((temp, target))
                    jobs[
                        pool.submit(
                            _encode,
                            str(photo.source),
                            str(temp),
                            generator.profile.max_width,
                            generator.profile.quality,
                        )
                    ] = f
                for done, future in enumerate(as_completed(jobs), start=1):
                    if cancel is not None and cancel.is_set():
                        for other in jobs:
                            other.cancel()
                        raise ExportCancelled("export", "cancelled; nothing was changed")
                    future.result()
                    if progress:
                        progress(done, total)
        for f in todo:
            if f.kind == "photo":
                continue
            target = safe_target(blog, f.path)
            if f.action == "remove":
                staged.append((None, target))
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".talknotes-new-{target.name}")
            with open(temp, "wb") as fh:
                fh.write(f.content or b"")
                fh.flush()
                os.fsync(fh.fileno())
            staged.append((temp, target))
        plan.backups = [_keep_backup(blog, library_dir, rel) for rel in plan.backups]
        _commit(staged)
    except BaseException:
        for staged_temp, _ in staged:
            if staged_temp is not None:
                staged_temp.unlink(missing_ok=True)
        raise
    manifest = Manifest(library_dir, blog)
    for f in plan.files:
        if f.action in ("held", "conflict"):
            continue
        if f.action == "remove":
            manifest.entries.pop(f.path, None)
            continue
        target = safe_target(blog, f.path)
        if f.photo is not None:  # kind "photo"
            manifest.record(
                f.path,
                sha256=sha256_of(target),
                source=f.photo.sha256,
                settings=_photo_settings(generator),
            )
        else:
            manifest.record(f.path, sha256=sha256_of(target))
    manifest.save()
    if progress:
        progress(total, total)
    return todo


BACKUPS = "export-backups"


def _keep_backup(blog: Path, library_dir: Path, relative: str) -> str:
    """Copy the edited file about to be overwritten into the library; returns where."""
    import shutil
    from datetime import datetime

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    backup = library_dir / BACKUPS / stamp / relative
    backup.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(safe_target(blog, relative), backup)
    return str(backup)


def _commit(staged: list[tuple[Path | None, Path]]) -> None:
    """Rename the staged files into place (None: remove the target); undo every rename if one
    fails."""
    done: list[tuple[Path, Path | None]] = []  # (target, backup of what it replaced)
    try:
        for temp, target in staged:
            backup = None
            if target.exists():
                backup = target.with_name(f".talknotes-old-{target.name}")
                os.replace(target, backup)
            done.append((target, backup))
            if temp is not None:
                os.replace(temp, target)
    except BaseException:
        for target, backup in reversed(done):
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)
        raise
    for _, backup in done:
        if backup is not None:
            backup.unlink(missing_ok=True)
