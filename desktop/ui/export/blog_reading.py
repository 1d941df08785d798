"""The chosen blog's profile, read off the GUI thread: one read at a time, the latest folder
chosen wins (folders chosen while a read is under way are never read but the last)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop.core.errors import TalknotesError
from desktop.core.wording import counted
from desktop.services.exporting import BlogReading, read_blog_profile
from desktop.services.library import Library
from desktop.ui.backend import Backend

READING = "Reading the blog…"
SKIPPED_SHOWN = 5  # files named under the profile's note; the rest are counted


class BlogReader(QObject):
    """Reads a blog's config and posts on the backend's readers; `read` reports the folder
    and its BlogReading, the exception that stopped it, or None for no folder."""

    read = Signal(str, object)

    def __init__(self, lib: Library, backend: Backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lib, self.backend = lib, backend
        self._wanted = ""  # the folder chosen last
        self._reading: str | None = None  # the folder being read
        self._shown: str | None = None  # the folder whose profile was read last

    def busy(self) -> bool:
        return self._reading is not None

    def choose(self, folder: str) -> bool:
        """Read `folder`, after the read under way if any; False when its profile is the one
        read last (Enter, or the field left again: nothing new to read)."""
        if self._reading is None and folder and folder == self._shown:
            return False
        self._wanted, self._shown = folder, None
        if self._reading is None:
            self._start(folder)
        return True

    def _start(self, folder: str) -> None:
        if not folder:
            self.read.emit("", None)
            return
        self._reading = folder
        self.backend.read(
            read_blog_profile,
            self.lib,
            Path(folder),
            on_done=lambda reading: self._finished(folder, reading),
            on_error=lambda exc: self._finished(folder, exc),
        )

    def _finished(self, folder: str, result: BlogReading | BaseException) -> None:
        if not shiboken6.isValid(self):
            return  # (the dialog was closed meanwhile)
        self._reading = None
        if folder != self._wanted:  # another folder was chosen meanwhile: read it instead
            self._start(self._wanted)
            return
        if isinstance(result, BlogReading):
            self._shown = folder
        self.read.emit(folder, result)


def learned_note(reading: BlogReading, *, brief: bool = False) -> str:
    """What the dialog says of a blog read: what it learned from, and the files it skipped
    (`brief`: how many, for the line under the folder; the Blog profile tab names them)."""
    profile = reading.profile
    text = (
        f"Learned from {counted(profile.learned_from, 'post')} of this {profile.generator} blog; "
        "change anything that should differ."
        if profile.learned_from
        else f"No posts to learn from: {profile.generator} defaults."
    )
    skipped = reading.problems
    if skipped and brief:
        files = "1 file" if len(skipped) == 1 else f"{len(skipped)} files"
        text += f"\n⚠ {files} not read: see Blog profile."
    elif skipped:
        more = len(skipped) - SKIPPED_SHOWN
        text += "\n⚠ Not read:" + "".join(f"\n• {p}" for p in skipped[:SKIPPED_SHOWN])
        text += f"\n… and {more} more" if more > 0 else ""
    return text


def unread_note(folder: str, exc: BaseException) -> str:
    """Why a blog could not be read, naming the file."""
    if isinstance(exc, TalknotesError):
        why = f"{exc.what}: {exc.why}"
    elif isinstance(exc, OSError) and exc.filename:
        why = f"{exc.filename}: {exc.strerror}"
    else:
        why = f"{folder}: {exc}"
    return f"⚠ Could not read the blog: {why}"
