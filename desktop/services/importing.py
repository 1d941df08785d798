"""Import a schedule from a file or URL into the library, keeping a copy for offline use."""

from __future__ import annotations

import gc
import hashlib
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from desktop import secrets
from desktop.core.errors import TalknotesError
from desktop.core.models import Conference, ImportSummary, Schedule
from desktop.core.url_secrets import redact_url, split_credentials
from desktop.importers import MAX_SCHEDULE_BYTES, parse_schedule
from desktop.importers.common import NeedsTimeZone
from desktop.importers.fetch import download, is_url
from desktop.importers.ical import AgendaExport as AgendaExport  # (for the CLI)
from desktop.store.conferences import find_conference
from desktop.store.library import Library
from desktop.store.schedule_sync import apply_schedule


class Source(NamedTuple):
    """A schedule read: its bytes, the URI to record (absolute path, or URL without
    credentials), and notes for the import summary."""

    data: bytes
    uri: str
    notes: list[str]


def read_source(
    source: str,
    token: str | None = None,
    keep_secret: Callable[[str], bool] | None = None,
) -> Source:
    """Read a schedule file or download a URL.

    A URL's own credentials (`?token=`, `user:pass@`) are used for this download, never
    recorded: the URI is the URL without them. `keep_secret(redacted_url)` says whether to
    keep them in the keyring for refreshes (the caller asks the user); else only this import
    uses them. A URL without credentials uses those kept for it, and the host's API token.
    """
    if is_url(source):
        return _download(source, token, keep_secret)
    path = Path(source).expanduser()
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise TalknotesError(source, "not a file")
        if size > MAX_SCHEDULE_BYTES:
            raise TalknotesError(
                source,
                f"{size / 2**20:.0f} MB is larger than a schedule can be "
                f"({MAX_SCHEDULE_BYTES // 2**20} MB at most)",
            )
        return Source(path.read_bytes(), str(path.resolve()), [])
    except FileNotFoundError as exc:
        raise TalknotesError(source, "no such file") from exc
    except PermissionError as exc:
        raise TalknotesError(source, "permission denied") from exc
    except IsADirectoryError as exc:
        raise TalknotesError(source, "is a folder, not a schedule file") from exc


def _download(url: str, token: str | None, keep_secret: Callable[[str], bool] | None) -> Source:
    clean, secret = split_credentials(url)
    given = secret is not None
    if secret is None:
        secret = secrets.get_url_secret(clean)
    token = token or secrets.get_token(secrets.key_for_url(clean))
    data = download(clean, token, secret=secret)
    notes: list[str] = []
    if not given or secret is None:
        return Source(data, clean, notes)
    if keep_secret is not None and keep_secret(redact_url(url)):  # kept once they worked
        try:
            secrets.set_url_secret(clean, secret)
            notes.append("the credentials in the URL are kept in the system keyring")
        except secrets.SecretsUnavailable as exc:
            notes.append(f"{exc} The URL's credentials were used for this import only.")
    else:
        notes.append(
            "the URL's credentials were used for this import only and stored nowhere; "
            "a refresh needs the URL with them again (or keep them: --keep-token)"
        )
    return Source(data, clean, notes)


_gc_pause = {"depth": 0, "was_enabled": False}
_gc_lock = threading.Lock()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a schedule is parsed and stored.

    An import allocates tens of thousands of objects and no reference cycles; the collections
    those allocations trigger find nothing, and a full one, scanning everything the app holds,
    took 60 ms of a 200 ms FOSDEM import. Overlapping pauses (two imports) are counted.
    """
    with _gc_lock:
        if _gc_pause["depth"] == 0:
            _gc_pause["was_enabled"] = gc.isenabled()
            gc.disable()
        _gc_pause["depth"] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pause["depth"] -= 1
            if _gc_pause["depth"] == 0 and _gc_pause["was_enabled"]:
                gc.enable()


def _write_copy(folder: Path, data: bytes) -> tuple[str, str]:
    """Write `data` to a new hidden file in `folder`, on disk for sure; returns its path and
    the start of its SHA-256."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()[:16]
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".import-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp, digest


def import_schedule(
    lib: Library,
    source: str,
    *,
    tz: str | None = None,
    conference_id: int | None = None,
    token: str | None = None,
    keep_secret: Callable[[str], bool] | None = None,
    read: Source | None = None,
) -> ImportSummary:
    """Read, parse and store a schedule in one transaction; the library is unchanged on error.

    `read` is the schedule already read (check_source), so a URL is not downloaded twice.
    The offline copy is written on a second thread while the schedule is parsed (hashing and
    disk writes release the GIL), and joins the library only when the transaction commits.
    """
    data, uri, notes = read or read_source(source, token, keep_secret)
    if conference_id is None and is_url(uri):
        conference_id = _stored_with_credentials(lib, uri)
    with ThreadPoolExecutor(max_workers=1) as pool, _gc_paused():
        copying = pool.submit(_write_copy, lib.schedules_dir, data)
        tmp: str | None = None
        try:
            schedule = _parse(lib, data, source, uri, tz)
            schedule.warnings += notes
            tmp, digest = copying.result()
            suffix = Path(urlsplit(uri).path if is_url(uri) else uri).suffix[:8] or ".schedule"
            copy = lib.schedules_dir / f"{digest}{suffix}"
            summary = apply_schedule(
                lib,
                schedule,
                conference_id=conference_id,
                source_copy=str(copy.relative_to(lib.path)),
            )
            os.replace(tmp, copy)
        finally:
            if tmp is None and copying.exception() is None:
                tmp = copying.result()[0]
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)
    return summary


def _stored_with_credentials(lib: Library, uri: str) -> int | None:
    """A conference a version before this one stored with the URL's credentials in it: the
    refresh updates it (and stores its URL without them)."""
    from desktop.store.conferences import list_conferences

    for conference in list_conferences(lib):
        stored = conference.source_uri
        if stored != uri and is_url(stored) and split_credentials(stored)[0] == uri:
            return conference.id
    return None


def check_source(
    source: str,
    *,
    tz: str | None = None,
    token: str | None = None,
    keep_secret: Callable[[str], bool] | None = None,
    zone_later: bool = False,
) -> Source:
    """Read and parse a schedule before the library is opened, so a refused schedule changes
    nothing: no library created, no backup, no copy. Raises TalknotesError; NeedsTimeZone
    only when not `zone_later` (a refresh takes the zone from the library)."""
    read = read_source(source, token, keep_secret)
    try:
        parse_schedule(read.data, redact_url(source), tz)
    except NeedsTimeZone:
        if not zone_later:
            raise
    return read


def explain_agenda(refused: AgendaExport, conferences: list[Conference]) -> TalknotesError:
    """The refusal of an agenda export, naming the conference of this library it came from
    (matched by title) and how to star its talks there."""
    title = refused.conference_title.casefold()
    match = next((c for c in conferences if c.title.casefold() == title), None)
    if match is None:
        return refused
    return TalknotesError(
        refused.what,
        f"a Talknotes agenda export of “{match.title}”, which is conference {match.id} in "
        f"this library already; importing it as a schedule would add a second “{match.title}"
        "” with just its starred talks, so nothing was imported. To star those talks in it: "
        f"talknotes agenda import {refused.what} --conference {match.id} (File → Import "
        "Agenda…); to update the conference, refresh its schedule (talknotes import "
        f"--conference {match.id} {redact_url(match.source_uri) or 'SOURCE'}, or F5 in the "
        "window)",
    )


def explain_agenda_at(refused: AgendaExport, folder: Path) -> TalknotesError:
    """explain_agenda for the library in `folder`, read without changing anything (the
    command line checks a schedule before it opens the library)."""
    import sqlite3

    from desktop.config import DATABASE_NAME
    from desktop.store.reading import list_conferences

    if not (folder / DATABASE_NAME).exists():
        return refused
    lib = Library(folder, read_only=True)
    try:
        return explain_agenda(refused, list_conferences(lib))
    except sqlite3.Error:  # an older schema, a locked file: the plain refusal says enough
        return refused
    finally:
        lib.close()


def _parse(lib: Library, data: bytes, source: str, uri: str, tz: str | None) -> Schedule:
    source = redact_url(source)  # names the source in messages
    try:
        schedule = parse_schedule(data, source, tz)
    except AgendaExport as refused:
        from desktop.store.conferences import list_conferences

        raise explain_agenda(refused, list_conferences(lib)) from refused
    except NeedsTimeZone:
        known = find_conference(lib, uri, "")
        if tz or known is None:
            raise
        schedule = parse_schedule(data, source, known.time_zone)  # refresh: reuse its zone
    schedule.conference.source_uri = uri
    return schedule
