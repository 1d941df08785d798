"""File → Import: pick a file or URL, parse off the GUI thread, ask for a zone when needed."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop import config
from desktop.core.errors import TalknotesError
from desktop.core.models import Conference, ImportSummary
from desktop.ui.notifier import Notifier

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from desktop.services.library import Library
    from desktop.ui.backend import Backend

# The dialogs' Qt classes are imported when a dialog opens, not with the window: it is made
# before its first paint, and each Qt class's first import builds its enums (ms apiece).

SCHEDULE_FILTER = "Schedules (*.xml *.json *.ics *.ical);;All files (*)"


def summary_text(s: ImportSummary) -> str:
    """The outcome in the window's words (the command line's, ImportSummary.describe, names
    the parser and the conference's id and counts every kind, zeros too)."""
    from desktop.core.wording import counted

    refreshed = bool(s.updated or s.unchanged or s.removed or s.kept_annotated)
    head = f"{'Refreshed' if refreshed else 'Imported'} “{s.title}”: {counted(s.total, 'talk')}"
    changes = []
    if refreshed:
        changes += [f"{s.added} new"] if s.added else []
        changes += [f"{s.updated} changed"] if s.updated else []
        changes += [f"{s.removed} dropped from the schedule"] if s.removed else []
        if s.kept_annotated:
            changes.append(f"{s.kept_annotated} dropped but kept for your notes (struck out)")
        changes = changes or ["nothing changed"]
    lines = [head + (f" — {', '.join(changes)}." if changes else ".")]
    return "\n".join(lines + [f"Note: {w}" for w in s.warnings])


def sample_note(conferences: list[Conference], imported_id: int | None) -> str:
    """After importing a real schedule: the sample conference loaded into a new library is
    still there, beside it, in the list and the filters' days, tracks and rooms. How to take
    it out ("" when it is not there, or it is what was imported)."""
    sample = next(
        (
            c
            for c in conferences
            if c.id != imported_id and Path(c.source_uri).name == config.SAMPLE_FILE_NAME
        ),
        None,
    )
    if sample is None:
        return ""
    return (
        f"The sample conference, “{sample.title}”, is still in the library. To take it out: "
        "right-click its name in the list → Remove Conference… (a backup is taken first)."
    )


class ImportFlow(QObject):
    imported = Signal(object)  # ImportSummary
    failed = Signal(str)
    notice = Signal(str)

    def __init__(
        self,
        window: QWidget,
        library: Callable[[], Library],
        backend: Backend,
        notifier: Notifier | None = None,
        conferences: Callable[[], list[Conference]] = list,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library  # the window's library (opened after it first paints)
        self.conferences = conferences  # those the window shows
        self.backend = backend  # an import is a write: on the writer thread, after the saves
        self.notifier = notifier or Notifier()

    def import_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.window, "Import schedule", "", SCHEDULE_FILTER)
        if path:
            self.start(path)

    def import_url(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        url, ok = QInputDialog.getText(
            self.window, "Import from URL", "Schedule URL (frab XML/JSON, iCalendar, Sessionize):"
        )
        if ok and url.strip():
            self.start(url.strip())

    def ask_keep_credentials(self, url: str) -> bool:
        """A URL carrying a token or password: keep it in the keyring for refreshes? (The
        library stores the URL without it either way.)"""
        from desktop.core.url_secrets import redact_url, split_credentials

        if split_credentials(url)[1] is None:
            return False
        return self.notifier.ask(
            self.window,
            "Credentials in the URL",
            f"{redact_url(url)}\n\ncarries a token or password. Keep it in the system keyring "
            "so that refreshes work? The library stores the URL without it either way.",
        )

    def start(
        self,
        source: str,
        tz: str | None = None,
        conference_id: int | None = None,
        token: str | None = None,
        keep: bool | None = None,
    ) -> None:
        """Import or refresh `source`; `keep`: keep a URL's credentials in the keyring (None:
        ask when it has some)."""
        from PySide6.QtWidgets import QProgressDialog

        from desktop.core.url_secrets import redact_url

        if keep is None:
            keep = self.ask_keep_credentials(source)

        progress = QProgressDialog(f"Importing {redact_url(source)}…", "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setMinimumDuration(400)
        progress.setWindowTitle("Import schedule")
        from desktop.services.importing import import_schedule, read_source

        lib = self.library()
        failed = lambda exc: self._failed(progress, source, exc, conference_id, keep)  # noqa: E731

        def store(read) -> None:  # on the writer thread, in order with the saves
            self.backend.write(
                lambda: import_schedule(lib, source, tz=tz, conference_id=conference_id, read=read),
                on_done=lambda summary: self._done(progress, summary),
                on_error=failed,
            )

        # Reading (a download may take seconds) is no write: the saves do not wait for it
        self.backend.read(
            read_source, source, token, lambda _url: keep, on_done=store, on_error=failed
        )

    def _done(self, progress: QProgressDialog, summary: ImportSummary) -> None:
        progress.close()
        self.imported.emit(summary)
        sample = sample_note(self.conferences(), summary.conference_id)
        told = summary_text(summary) + (f"\n\n{sample}" if sample else "")
        self.notifier.inform(self.window, "Schedule imported", told)

    def _failed(
        self,
        progress: QProgressDialog,
        source: str,
        exc: BaseException,
        conference_id: int | None = None,
        keep: bool | None = None,
    ) -> None:
        from desktop.importers.common import NeedsTimeZone

        progress.close()
        if isinstance(exc, NeedsTimeZone):
            zone = self.ask_zone(exc.why)
            if zone:
                self.start(source, zone, conference_id, keep=keep)
            return
        if isinstance(exc, TalknotesError) and exc.why.startswith(("HTTP 401", "HTTP 403")):
            token = self.ask_token(source)
            if token:
                self.start(source, None, conference_id, token, keep)
                return
        message = f"{exc.what}\n\n{exc.why}" if isinstance(exc, TalknotesError) else str(exc)
        self.failed.emit(message)
        self.notifier.warn(self.window, "Import failed", message + "\n\nNothing was changed.")

    def ask_token(self, url: str) -> str | None:
        """A private schedule: ask for the API token; keep it in the system keyring only."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        from desktop import secrets

        token, ok = QInputDialog.getText(
            self.window,
            "Token needed",
            f"{secrets.key_for_url(url)} needs an API token:",
            QLineEdit.EchoMode.Password,
        )
        token = token.strip()
        if not ok or not token:
            return None
        try:
            secrets.set_token(secrets.key_for_url(url), token)
        except secrets.SecretsUnavailable as exc:
            self.notice.emit(str(exc))
            self.notifier.inform(
                self.window, "Token not stored", f"{exc}\n\nThe token is used for this import only."
            )
        return token

    def ask_zone(self, why: str) -> str | None:
        from zoneinfo import available_timezones

        from PySide6.QtWidgets import QInputDialog

        from desktop.core.timezones import local_zone_name

        zones = sorted(available_timezones())
        hint = re.search(r"--tz ([\w/+-]+)\)", why)  # the importer's suggestion from the file
        local = hint[1] if hint else local_zone_name()
        zone, ok = QInputDialog.getItem(
            self.window,
            "Conference time zone",
            "This schedule does not say where the conference takes place.\n"
            "Choose the conference's time zone:",
            zones,
            zones.index(local) if local in zones else 0,
            True,
        )
        return zone if ok and zone else None
