"""Real trouble for tests: a database locked by another process, a read-only library folder,
a disk that fills up. Each is the real condition, made without mocks."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534

HOLD_DATABASE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":  # readers are kept out too
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("CREATE TABLE IF NOT EXISTS held_by_test (x)")
print("held", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


@contextmanager
def database_held(database: Path, exclusive: bool = False) -> Iterator[None]:
    """Another process holds `database` in `BEGIN EXCLUSIVE` (with `exclusive`, in
    locking_mode=EXCLUSIVE, which keeps readers out as well) until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_DATABASE, str(database), "exclusive" if exclusive else ""],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


HOLD_LOCK = """
import sys
from pathlib import Path
from desktop.store.lock import acquire
lock = acquire(Path(sys.argv[1]), 5, sys.argv[2], sys.argv[3])
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


@contextmanager
def library_lock_held(folder: Path, kind: str, command: str = "") -> Iterator[int]:
    """Another process holds the library's lock as a `kind` ("window", "command"); yields
    its process id."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder), kind, command],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder.pid
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def shared_temp_dir() -> Path:
    """A folder another user can reach (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="talknotes-test-"))
    folder.chmod(0o755)
    return folder


def make_read_only(folder: Path) -> None:
    """Files and folders under `folder` cannot be written by `as_other_user` (or, when the
    tests do not run as root, by this user)."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)


AS_OTHER_USER = """
import os, sys
# What the commands load lazily, loaded while this process may still read the interpreter's
# files (the venv's Python may live in root's home, which another user cannot read).
import sqlalchemy.dialects.sqlite.pysqlite, sqlmodel, alembic.command, alembic.config
import desktop.cli, desktop.cli.library_commands, desktop.cli.output, desktop.config
import desktop.store.library, desktop.store.talks, desktop.store.notes, desktop.store.health
import desktop.store.conferences, desktop.store.leftovers, desktop.store.lock
import desktop.store.backup, desktop.store.photos, desktop.store.search
import desktop.core.timezones, encodings.idna, errno, json
if os.geteuid() == 0:
    os.setgroups([])
    os.setegid(65534)
    os.seteuid(65534)
sys.exit(desktop.cli.main(sys.argv[1:]))
"""


def as_other_user_command() -> list[str]:
    """The start of a command line running `talknotes` as a user without root's rights when
    the tests run as root (root ignores file permissions), else as this user."""
    return [sys.executable, "-c", AS_OTHER_USER]


@contextmanager
def seen_as_other_user() -> Iterator[None]:
    """This process acts as an unprivileged user (effective ids) while the block runs."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def disk_full_after(limit_bytes: int):
    """A preexec_fn: files this process writes cannot grow past `limit_bytes`, so writing
    fails as on a full disk (EFBIG, or SQLite's "disk I/O error")."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return limit
