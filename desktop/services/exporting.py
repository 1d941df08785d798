"""Export notes as a blog post: learn (or load) the blog's profile, compose, plan, write."""

from __future__ import annotations

import os
import re
import subprocess
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.core.errors import TalknotesError
from desktop.core.models import RECAP_PARTS, Conference, Note, Photo, Talk
from desktop.exporters import compose, registry
from desktop.exporters.base import Generator
from desktop.exporters.compose import ExportRequest, Post
from desktop.exporters.learn import detect, learn
from desktop.exporters.profile import BlogProfile, save_profile, saved_profile
from desktop.exporters.site_config import NotRead, SiteConfig, read_config
from desktop.exporters.writer import ExportPlan, Progress, plan_export, write_export
from desktop.media import files
from desktop.store import reading, recap_notes
from desktop.store.leftovers import remove_blog_leftovers
from desktop.store.library import Library


class LibrarySource:
    """The library as the exporters read it (exporters.compose.NotesSource): they never
    query the store themselves."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib

    def get_talk(self, talk_id: int) -> Talk:
        return reading.get_talk(self.lib, talk_id)

    def get_conference(self, conference_id: int) -> Conference:
        return reading.get_conference(self.lib, conference_id)

    def list_talks(self, conference_id: int, day: date | None = None) -> list[Talk]:
        return reading.list_talks(self.lib, conference_id, day)

    def talk_note(self, talk_id: int) -> Note:
        return reading.talk_note(self.lib, talk_id)

    def note_photos(self, note_id: int) -> list[Photo]:
        return reading.note_photos(self.lib, note_id)

    def recap_note(self, conference_id: int, day: date | None, part: str) -> str | None:
        return recap_notes.recap_note(self.lib, conference_id, day, part)

    def original_file(self, sha256: str) -> Path | None:
        return files.find_original(self.lib.media_dir, sha256)


def build_post(
    lib: Library, request: ExportRequest, profile: BlogProfile | int | None = None
) -> Post:
    """The post `request` asks for, composed from the library; no files written."""
    return compose.build_post(LibrarySource(lib), request, profile)


def recap_texts(
    lib: Library, conference_id: int, day: date | None, parts: tuple[str, ...] = RECAP_PARTS
) -> tuple[str, ...]:
    """Each part kept for this recap (intro, wrap-up), else the intro made up from the
    schedule; the conference and its days read once for all parts."""
    conf = reading.get_conference(lib, conference_id)
    days = sorted({t.day for t in reading.list_talks(lib, conference_id) if t.day})
    source = LibrarySource(lib)
    return tuple(compose.recap_text(source, conf, day, part, days) for part in parts)


def recap_text(lib: Library, conference_id: int, day: date | None, part: str) -> str:
    """The intro or wrap-up kept for this recap, else the intro made up from the schedule."""
    return recap_texts(lib, conference_id, day, (part,))[0]


def generator_for(profile: BlogProfile, site: SiteConfig | None = None) -> Generator:
    """The blog engine a profile names (exporters.registry), with the blog's configuration."""
    return registry.generator_class(profile.generator)(profile, site)


class PushRefused(TalknotesError):
    """The export was written and committed, but the remote refused the push."""


@dataclass
class ExportResult:
    plan: ExportPlan
    written: list[str]
    dry_run: bool
    committed: bool = False
    pushed: bool = False
    warnings: list[str] = field(default_factory=list)
    not_read: list[NotRead] = field(default_factory=list)  # blog files skipped, and why
    url: str | None = None  # the post's address once the blog is built (None: a draft)


def blog_profile(lib: Library, blog: Path, fmt: str = "auto") -> BlogProfile:
    """The saved profile for this blog, else one learned from its posts."""
    return read_blog_profile(lib, blog, fmt).profile


@dataclass
class BlogReading:
    """A blog's profile, its configuration, and what could not be read on the way (skipped:
    a post's front matter, the configuration)."""

    profile: BlogProfile
    problems: list[NotRead] = field(default_factory=list)
    site: SiteConfig | None = None  # (None: the engine's defaults)


def read_blog_profile(lib: Library, blog: Path, fmt: str = "auto") -> BlogReading:
    """As blog_profile, telling which files were skipped and why (for the export dialog and
    the export's warnings), with the blog's configuration."""
    generator = detect(blog) if fmt == "auto" else fmt
    if generator not in registry.ENGINES:
        raise TalknotesError(fmt, f"format must be auto, {', '.join(registry.names())}")
    problems: list[NotRead] = []
    profile = saved_profile(lib.path, blog)
    if profile is None or profile.generator != generator:
        learned = learn(blog, problems) if generator != "markdown" else None
        if learned is not None and learned.generator == generator:
            profile = learned
        else:
            profile = registry.default_profile(generator)
    site = read_config(blog, profile.generator, problems)
    return BlogReading(profile, list(dict.fromkeys(problems)), site)  # (the config told once)


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
    push: bool = False,
    force: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    remember_profile: bool = True,
    workers: int | None = None,
) -> ExportResult:
    """Export notes into `blog`. `draft` is for this export only: the saved profile keeps the
    blog's own habit. A copy (`copy`) is always a draft."""
    blog = blog.expanduser()
    if not blog.is_dir():
        raise TalknotesError(str(blog), "no such blog folder")
    not_read: list[NotRead] = []
    if profile is None:
        reading = read_blog_profile(lib, blog, fmt)
        profile, not_read, site = reading.profile, reading.problems, reading.site
    else:
        site = read_config(blog, profile.generator, not_read)
    generator = generator_for(profile, site)
    post = build_post(lib, request, profile)
    post.draft = _draft_state(generator, post, blog, profile.draft) if draft is None else draft
    if copy:
        post.draft = True
    warnings = [f"{unread.path}: {unread.why}" for unread in not_read] + post.warnings
    if post.missing_photos:
        names = "; ".join(post.missing_photos)
        if not force:
            raise TalknotesError(
                "export",
                f"photo files missing from the library: {names}. Nothing was written; "
                "re-attach them, or export without them with --force",
            )
        warnings.append(f"left out, their files are missing from the library: {names}")
    plan = plan_export(generator, post, blog, lib.path, overwrite=overwrite, copy=copy)
    warnings += [f"{f.path}: {f.why}" for f in plan.files if f.action == "held"]
    warnings += future_warning(generator, post, plan.post_path)
    url = generator.post_url(post)
    if dry_run:
        return ExportResult(plan, [], True, warnings=warnings, not_read=not_read, url=url)
    remove_blog_leftovers(blog)  # of an export into this blog that was killed
    written = write_export(
        generator, plan, lib.path, progress=progress, cancel=cancel, workers=workers
    )
    if remember_profile:
        save_profile(lib.path, blog, profile)
    result = ExportResult(
        plan, [f.path for f in written], False, warnings=warnings, not_read=not_read, url=url
    )
    if (commit or push) and written:
        result.committed = git_commit(blog, result.written, f"Talknotes: {post.title}")
    if push:
        result.pushed = git_push(blog)
    return result


def future_warning(
    generator: Generator, post: Post, post_path: str, now: datetime | None = None
) -> list[str]:
    """A published post dated after now is not built by an engine that builds no future
    posts (Jekyll's default, Hugo's): it would be missing from the site without a word."""
    when = generator.publish_time(post)
    now = now or datetime.now(UTC)
    if post.draft or when is None or generator.builds_future() or when <= now:
        return []
    setting = generator.future_setting
    config = generator.site.config_file or "its config"
    return [
        f"{post_path}: dated {when.isoformat(timespec='minutes')}, after now: "
        f"{generator.label} does not build it before then ({setting} in {config} builds "
        "posts dated in the future)"
    ]


def _draft_state(generator: Generator, post: Post, blog: Path, default: bool) -> bool:
    """A post already in the blog stays as it is there (published or draft); a new one is
    what the blog's profile says."""
    for state in (False, True):
        post.draft = state
        if (blog / generator.post_path(post)).exists():
            return state
    return default


def _git(blog: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # never ask for a password on a terminal nobody watches: the user's credential helper or
    # SSH agent answers, or the push is refused and says so
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    return subprocess.run(
        ["git", "-C", str(blog), *args], capture_output=True, text=True, env=env, timeout=300
    )


def _redact(message: str) -> str:
    """Git's message without credentials in URLs (https://user:token@host → https://host)."""
    return re.sub(r"(\w+://)[^/@\s]+@", r"\1", message)


def git_commit(blog: Path, paths: list[str], message: str) -> bool:
    """Commit the written files in the blog's git repository."""
    inside = _git(blog, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0:
        raise TalknotesError(str(blog), "--commit: the blog folder is not a git repository")
    tracked = set(_git(blog, "ls-files", "--", *paths).stdout.splitlines())
    paths = [p for p in paths if (blog / p).exists() or p in tracked]
    if not paths:
        return False
    added = _git(blog, "add", "-A", "--", *paths)
    if added.returncode != 0:
        raise TalknotesError(str(blog), f"git add failed: {_redact(added.stderr.strip())[:300]}")
    done = _git(blog, "commit", "-m", message, "--", *paths)
    if done.returncode != 0:
        raise TalknotesError(str(blog), f"git commit failed: {_redact(done.stderr.strip())[:300]}")
    return True


def git_push(blog: Path) -> bool:
    """Push the blog's current branch with the user's own git setup (Talknotes keeps no git
    credentials). Raises with git's reason when the push is refused."""
    branch = _git(blog, "symbolic-ref", "--short", "HEAD")
    if branch.returncode != 0:
        raise TalknotesError(str(blog), "--push: no branch is checked out (detached HEAD)")
    name = branch.stdout.strip()
    upstream = _git(blog, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}")
    if upstream.returncode == 0:
        remote, _, target = upstream.stdout.strip().partition("/")
        remote = _git(blog, "config", f"branch.{name}.remote").stdout.strip() or remote
        merge = _git(blog, "config", f"branch.{name}.merge").stdout.strip()
        target = merge.removeprefix("refs/heads/") or target
    else:
        remotes = _git(blog, "remote").stdout.split()
        if not remotes:
            raise PushRefused(
                str(blog),
                "--push: the blog repository has no remote; the export is written and committed",
            )
        remote = "origin" if "origin" in remotes else remotes[0]
        target = name
    pushed = _git(blog, "push", "--porcelain", remote, f"HEAD:refs/heads/{target}")
    if pushed.returncode != 0:
        why = _redact((pushed.stderr or pushed.stdout).strip())
        raise PushRefused(
            str(blog),
            f"the push to {remote} ({target}) was refused; the export is written and "
            f"committed locally. git said: {why[:400]}",
        )
    return True
