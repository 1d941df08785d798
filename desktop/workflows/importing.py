"""Import a schedule from a file or URL into the library, keeping a copy for offline use."""

from __future__ import annotations

import gc
import hashlib
import os
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from desktop import secrets
from desktop.core.errors import TalknotesError
from desktop.core.models import ImportSummary, Schedule
from desktop.importers import MAX_SCHEDULE_BYTES, parse_schedule
from desktop.importers.common import NeedsTimeZone
from desktop.importers.fetch import download, is_url
from desktop.store.conferences import find_conference
from desktop.store.library import Library
from desktop.store.schedule_sync import apply_schedule


def read_source(source: str, token: str | None = None) -> tuple[bytes, str]:
    """The schedule's bytes and the URI to record (absolute path or URL)."""
    if is_url(source):
        token = token or secrets.get_token(secrets.key_for_url(source))
        return download(source, token), source
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
        return path.read_bytes(), str(path.resolve())
    except FileNotFoundError as exc:
        raise TalknotesError(source, "no such file") from exc
    except PermissionError as exc:
        raise TalknotesError(source, "permission denied") from exc
    except IsADirectoryError as exc:
        raise TalknotesError(source, "is a folder, not a schedule file") from exc


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
) -> ImportSummary:
    """Read, parse and store a schedule in one transaction; the library is unchanged on error.

    The offline copy is written on a second thread while the schedule is parsed (hashing and
    disk writes release the GIL), and joins the library only when the transaction commits.
    """
    data, uri = read_source(source, token)
    with ThreadPoolExecutor(max_workers=1) as pool, _gc_paused():
        copying = pool.submit(_write_copy, lib.schedules_dir, data)
        tmp: str | None = None
        try:
            schedule = _parse(lib, data, source, uri, tz)
            tmp, digest = copying.result()
            suffix = Path(uri.split("?", 1)[0]).suffix[:8] or ".schedule"
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


def _parse(lib: Library, data: bytes, source: str, uri: str, tz: str | None) -> Schedule:
    try:
        schedule = parse_schedule(data, source, tz)
    except NeedsTimeZone:
        known = find_conference(lib, uri, "")
        if tz or known is None:
            raise
        schedule = parse_schedule(data, source, known.time_zone)  # refresh: reuse its zone
    schedule.conference.source_uri = uri
    return schedule
