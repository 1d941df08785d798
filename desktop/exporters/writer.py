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

from desktop.core.errors import TalknotesError
from desktop.exporters import frontmatter_io
from desktop.exporters.base import Generator, photo_filenames
from desktop.exporters.compose import RESERVED, Post, PostPhoto
from desktop.media.export import export_photo
from desktop.media.files import sha256_of

MANIFEST = "exports.json"
PARENT_CHECK_SECONDS = 0.5  # how often a worker looks for its parent, where Linux can't tell it
Progress = Callable[[int, int], None]


class ExportConflict(TalknotesError):
    """The post (or a photo) in the blog was changed since Talknotes last wrote it."""


class ExportCancelled(TalknotesError):
    pass


@dataclass
class PlannedFile:
    path: str  # relative to the blog folder, with /
    kind: str  # "post" | "photo"
    action: str  # "create" | "update" | "unchanged"
    content: bytes | None = None  # the post
    photo: PostPhoto | None = None


@dataclass
class ExportPlan:
    blog: Path
    post: Post
    files: list[PlannedFile] = field(default_factory=list)

    @property
    def post_path(self) -> str:
        return next(f.path for f in self.files if f.kind == "post")


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
        self.entries = data.setdefault(self.key, {})

    def get(self, relative: str) -> dict[str, str] | None:
        return self.entries.get(relative)

    def record(self, relative: str, **values: str) -> None:
        self.entries[relative] = values

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.all, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)


def render_post(generator: Generator, post: Post) -> bytes:
    meta = frontmatter_io.dump(generator.front_matter(post), generator.profile.front_matter)
    return (meta + "\n" + generator.body(post)).encode("utf-8")


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
    """What would be written; raises ExportConflict when the blog's post was edited."""
    if copy:
        post.slug = _free_slug(generator, post, blog)
    photo_filenames(post)
    manifest = Manifest(library_dir, blog)
    plan = ExportPlan(blog=blog, post=post)
    settings = _photo_settings(generator)
    for photo in post.photos:
        relative = f"{generator.photo_dir(post)}/{photo.filename}"
        target = safe_target(blog, relative)
        entry = manifest.get(relative)
        action = "create"
        if target.exists():
            ours = entry is not None and entry.get("sha256") == sha256_of(target)
            if not ours and not overwrite:
                raise ExportConflict(
                    relative,
                    "a different file of that name is already in the "
                    "blog; not overwritten (use overwrite or a copy)",
                )
            same = (
                ours
                and entry
                and entry.get("source") == photo.sha256
                and entry.get("settings") == settings
            )
            action = "unchanged" if same else "update"
        plan.files.append(PlannedFile(relative, "photo", action, photo=photo))
    content = render_post(generator, post)
    relative = generator.post_path(post)
    target = safe_target(blog, relative)
    action = "create"
    if target.exists():
        current = target.read_bytes()
        entry = manifest.get(relative)
        if current == content:
            action = "unchanged"
        elif entry is not None and entry.get("sha256") == _sha(current) or overwrite:
            action = "update"
        else:
            raise ExportConflict(
                relative,
                "the post was edited in the blog since Talknotes wrote "
                "it; not overwritten (overwrite it, or write a copy)",
            )
    plan.files.append(PlannedFile(relative, "post", action, content=content))
    return plan


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
    blog = plan.blog
    todo = [f for f in plan.files if f.action != "unchanged"]
    staged: list[tuple[Path, Path]] = []  # (temporary file, final target)
    photos = [f for f in todo if f.kind == "photo"]
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
                for f in photos:
                    target = safe_target(blog, f.path)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    temp = target.with_name(f".talknotes-new-{target.name}")
                    staged.append((temp, target))
                    jobs[
                        pool.submit(
                            _encode,
                            str(f.photo.source),
                            str(temp),  # type: ignore[union-attr]
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
            if f.kind == "post":
                target = safe_target(blog, f.path)
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = target.with_name(f".talknotes-new-{target.name}")
                with open(temp, "wb") as fh:
                    fh.write(f.content or b"")
                    fh.flush()
                    os.fsync(fh.fileno())
                staged.append((temp, target))
        _commit(staged)
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    manifest = Manifest(library_dir, blog)
    for f in plan.files:
        target = safe_target(blog, f.path)
        if f.kind == "photo":
            manifest.record(
                f.path,
                sha256=sha256_of(target),
                source=f.photo.sha256,  # type: ignore[union-attr]
                settings=_photo_settings(generator),
            )
        else:
            manifest.record(f.path, sha256=sha256_of(target))
    manifest.save()
    if progress:
        progress(total, total)
    return todo


def _commit(staged: list[tuple[Path, Path]]) -> None:
    """Rename the staged files into place; undo every rename if one fails."""
    done: list[tuple[Path, Path | None]] = []  # (target, backup of what it replaced)
    try:
        for temp, target in staged:
            backup = None
            if target.exists():
                backup = target.with_name(f".talknotes-old-{target.name}")
                os.replace(target, backup)
            done.append((target, backup))
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
