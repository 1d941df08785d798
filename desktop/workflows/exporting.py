"""Export notes as a blog post: learn (or load) the blog's profile, compose, plan, write."""

from __future__ import annotations

import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import TalknotesError
from desktop.exporters.base import Generator
from desktop.exporters.compose import ExportRequest, build_post
from desktop.exporters.hugo import Hugo
from desktop.exporters.jekyll import Jekyll
from desktop.exporters.learn import detect, learn
from desktop.exporters.profile import BlogProfile, save_profile, saved_profile
from desktop.exporters.writer import ExportPlan, Progress, plan_export, write_export
from desktop.store.leftovers import remove_blog_leftovers
from desktop.store.library import Library

GENERATORS: dict[str, type[Generator]] = {"hugo": Hugo, "jekyll": Jekyll}


@dataclass
class ExportResult:
    plan: ExportPlan
    written: list[str]
    dry_run: bool
    committed: bool = False


def blog_profile(lib: Library, blog: Path, fmt: str = "auto") -> BlogProfile:
    """The saved profile for this blog, else one learned from its posts."""
    generator = detect(blog) if fmt == "auto" else fmt
    if generator not in GENERATORS:
        raise TalknotesError(fmt, "format must be auto, hugo or jekyll")
    profile = saved_profile(lib.path, blog)
    if profile is None or profile.generator != generator:
        profile = learn(blog) if fmt == "auto" or detect(blog) == generator else None
        if profile is None or profile.generator != generator:
            from desktop.exporters.profile import default_profile

            profile = default_profile(generator)
    return profile


def export(
    lib: Library,
    request: ExportRequest,
    blog: Path,
    *,
    profile: BlogProfile | None = None,
    fmt: str = "auto",
    draft: bool | None = None,
    dry_run: bool = False,
    overwrite: bool = False,
    copy: bool = False,
    commit: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    remember_profile: bool = True,
    workers: int | None = None,
) -> ExportResult:
    blog = blog.expanduser()
    if not blog.is_dir():
        raise TalknotesError(str(blog), "no such blog folder")
    profile = profile or blog_profile(lib, blog, fmt)
    if draft is not None:
        profile.draft = draft
    generator = GENERATORS[profile.generator](profile)
    post = build_post(lib, request, profile.heading_level)
    plan = plan_export(generator, post, blog, lib.path, overwrite=overwrite, copy=copy)
    if dry_run:
        return ExportResult(plan, [], True)
    remove_blog_leftovers(blog)  # of an export into this blog that was killed
    written = write_export(
        generator, plan, lib.path, progress=progress, cancel=cancel, workers=workers
    )
    if remember_profile:
        save_profile(lib.path, blog, profile)
    result = ExportResult(plan, [f.path for f in written], False)
    if commit and written:
        result.committed = git_commit(blog, result.written, f"Talknotes: {post.title}")
    return result


def git_commit(blog: Path, paths: list[str], message: str) -> bool:
    """Commit the written files in the blog's git repository (never pushes)."""
    inside = subprocess.run(
        ["git", "-C", str(blog), "rev-parse", "--is-inside-work-tree"],
        capture_output=True,
        text=True,
    )
    if inside.returncode != 0:
        raise TalknotesError(str(blog), "--commit: the blog folder is not a git repository")
    subprocess.run(["git", "-C", str(blog), "add", "--", *paths], check=True, capture_output=True)
    done = subprocess.run(
        ["git", "-C", str(blog), "commit", "-m", message, "--", *paths],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise TalknotesError(str(blog), f"git commit failed: {done.stderr.strip()[:300]}")
    return True
