"""The command line in trouble: a locked database, a full disk, a read-only library, a newer
backup, an old schema while another Talknotes holds the library, leftovers of a kill."""

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from desktop.store import backup
from desktop.store.library import make_engine, upgrade
from desktop.store.migrations import HEAD_REVISION
from tests.cli_in_process import talknotes_in_process
from tests.conditions import (
    as_other_user_command,
    database_held,
    disk_full_after,
    library_lock_held,
    make_read_only,
    shared_temp_dir,
)
from tests.conftest import ROOT, SAMPLE, wreck_page
from tests.imagegen import make_photo


def talknotes(*args, library, **popen):
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--library", str(library), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        **popen,
    )


def here(*args, library):
    """`talknotes --library LIBRARY ARGS` in this process, for what a command reports."""
    return talknotes_in_process(["--library", str(library), *args])


def set_up(*args, library):
    """A command that prepares a library, run in this process (the trouble is met by real
    `talknotes` processes)."""
    done = here(*args, library=library)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def lib(tmp_path):
    folder = tmp_path / "lib"
    set_up("import", str(SAMPLE), library=folder)
    set_up("note", "1", "--append", "first words", library=folder)
    return folder


def plain_error(result, path):
    """`error: <path>: <plain reason>`, exit 2: no traceback, no SQL, no web link."""
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: {path}"), result.stderr
    for noise in ("Traceback", "[SQL:", "sqlalche.me", "damaged"):
        assert noise not in result.stderr, result.stderr


@pytest.mark.parametrize("exclusive", [False, True], ids=["begin-exclusive", "locking-mode"])
def test_a_locked_database_is_reported_as_locked(lib, exclusive):
    with database_held(lib / "talknotes.sqlite3", exclusive=exclusive):
        done = talknotes("note", "1", "--append", "x", library=lib)
    plain_error(done, lib)
    assert "locked" in done.stderr


def test_attach_on_a_full_disk_says_so(lib, tmp_path):
    photo = make_photo(tmp_path / "IMG_0001.jpg")
    assert photo.stat().st_size > 2000
    done = talknotes("attach", "1", str(photo), library=lib, preexec_fn=disk_full_after(2000))
    plain_error(done, lib)
    assert "full" in done.stderr
    assert talknotes("check", library=lib).returncode == 0


@pytest.fixture
def read_only_lib():
    folder = shared_temp_dir() / "lib"
    set_up("import", str(SAMPLE), library=folder)
    make_read_only(folder)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder.parent, ignore_errors=True)


def as_other_user(*args, library):
    return subprocess.run(
        [*as_other_user_command(), "--library", str(library), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_a_read_only_library_reads_and_refuses_writes_plainly(read_only_lib):
    talks = as_other_user("talks", "--json", library=read_only_lib)
    assert talks.returncode == 0, talks.stderr
    assert len(json.loads(talks.stdout)) == 12
    write = as_other_user("note", "1", "--append", "x", library=read_only_lib)
    plain_error(write, read_only_lib)
    assert "read-only" in write.stderr or "permission denied" in write.stderr


def test_restore_refuses_a_newer_backup_naming_both_versions(lib, tmp_path):
    newer = backup.make_backup(lib / "talknotes.sqlite3", "manual", to=tmp_path / "new.db")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    done = talknotes("restore", str(newer), library=lib)
    plain_error(done, newer)
    assert "9999" in done.stderr and HEAD_REVISION in done.stderr
    assert talknotes("talks", library=lib).returncode == 0


def test_restore_shows_both_sides_and_does_not_drop_notes_unasked(lib, tmp_path):
    empty = tmp_path / "empty"
    set_up("import", str(SAMPLE), library=empty)
    old = backup.make_backup(empty / "talknotes.sqlite3", "manual", to=tmp_path / "old.db")
    refused = talknotes("restore", str(old), library=lib)
    plain_error(refused, old)
    assert "12 talks, 1 notes" in refused.stderr and "12 talks, 0 notes" in refused.stderr
    assert "first words" in talknotes("note", "1", library=lib).stdout
    done = talknotes("restore", str(old), "--yes", "--json", library=lib)
    report = json.loads(done.stdout)
    assert report["current"]["notes"] == 1 and report["backup"]["notes"] == 0
    assert backup.contents(__import__("pathlib").Path(report["previous_state"])).notes == 1


def test_restore_salvage_rebuilds_a_damaged_library(lib):
    database = lib / "talknotes.sqlite3"
    wreck_page(database, 5)
    assert talknotes("check", library=lib).returncode == 1
    done = talknotes("restore", "--salvage", "--json", library=lib)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["current"]["notes"] == 1
    assert json.loads(talknotes("check", "--json", library=lib).stdout)["integrity"] == "ok"


def test_an_old_schema_is_not_migrated_while_another_talknotes_holds_the_library(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(folder / "talknotes.sqlite3")
    upgrade(engine, "0001")
    engine.dispose()
    with library_lock_held(folder, "window"):
        done = talknotes("talks", library=folder)
    plain_error(done, folder)
    assert "open in another Talknotes window" in done.stderr
    assert backup.schema_revision(folder / "talknotes.sqlite3") == "0001"
    assert backup.list_backups(folder) == []
    assert talknotes("talks", library=folder).returncode == 0  # once free, it migrates
    assert backup.schema_revision(folder / "talknotes.sqlite3") == HEAD_REVISION


def test_a_lock_held_by_a_command_is_named(lib):
    with library_lock_held(lib, "command", "talknotes import") as pid:
        done = talknotes("note", "1", "--append", "x", library=lib)
    plain_error(done, lib)
    assert f"`talknotes import` (process {pid})" in done.stderr


def test_check_reports_leftovers_and_the_next_start_removes_them(lib):
    leftovers = [
        lib / "schedules" / ".import-abc123",
        lib / "media" / "originals" / "ab" / ".incoming-xyz",
        lib / ".talknotes-new-talknotes.sqlite3",
    ]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    report = json.loads(here("check", "--json", library=lib).stdout)
    assert sorted(report["leftovers"]) == sorted(map(str, leftovers))
    assert {"path", "integrity", "counts", "backups"} <= set(report)  # the contract stays
    assert here("note", "1", "--append", "x", library=lib).returncode == 0
    assert not any(p.exists() for p in leftovers)
    assert json.loads(here("check", "--json", library=lib).stdout)["leftovers"] == []


def test_check_reports_photos_missing_from_their_note(lib, tmp_path):
    from desktop.services.photos import attach_files
    from desktop.store.library import open_library

    library = open_library(lib)
    (attached,) = attach_files(library, "talk", 2, [make_photo(tmp_path / "IMG_0001.jpg")])
    library.close()
    report = json.loads(here("check", "--json", library=lib).stdout)
    assert [p["photo_id"] for p in report["unplaced_photos"]] == [attached.photo.id]
