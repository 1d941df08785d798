"""`talknotes remove-conference`: refused with notes unless --with-notes, the --json contract,
an unknown id, the library lock, and `talknotes restore` of its backup undoing it."""

import json

import pytest

from tests.conditions import library_lock_held
from tests.conftest import SAMPLE
from tests.imagegen import make_photo
from tests.test_cli import run


@pytest.fixture
def lib(tmp_path):
    folder = tmp_path / "lib"
    run("import", str(SAMPLE), library=folder)
    run("note", "1", "--append", "The keynote's one idea", library=folder)
    run("attach", "1", str(make_photo(tmp_path / "IMG_0001.jpg")), library=folder)
    return folder


def _removal_backups(folder):
    return sorted((folder / "backups").glob("*-before-remove-conference-*.sqlite3"))


def test_unknown_id_is_exit_2_with_a_clear_message(lib):
    done = run("remove-conference", "99", library=lib, check=False)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == (
        "error: conference 99: no such conference (talknotes conferences lists them)"
    )


def test_notes_refuse_the_removal_and_say_how_many_which_and_the_backup(lib):
    done = run("remove-conference", "1", "--json", library=lib, check=False)
    assert done.returncode == 2 and done.stdout == ""
    error = done.stderr.strip()
    assert error.startswith(
        "error: conference 1 (Harbour Notes Conference 2026): it has 1 note "
        "(“Opening Keynote: Notes That Outlive the Conference”); nothing was removed."
    )
    assert "talknotes remove-conference 1 --with-notes" in error
    assert "backups/talknotes-<time>-before-remove-conference-1.sqlite3" in error
    assert len(json.loads(run("conferences", "--json", library=lib).stdout)) == 1
    assert _removal_backups(lib) == []


def test_with_notes_removes_it_and_restore_brings_it_back(lib):
    done = run("remove-conference", "1", "--with-notes", "--json", library=lib)
    removed = json.loads(done.stdout)
    assert set(removed) == {
        "conference_id",
        "title",
        "talks",
        "notes",
        "photos",
        "photo_files",
        "recap_texts",
        "speakers",
        "backup",
        "trash",
    }
    assert (removed["conference_id"], removed["talks"], removed["notes"]) == (1, 12, 1)
    assert (removed["photos"], removed["photo_files"], removed["recap_texts"]) == (1, 1, 0)
    assert [str(p) for p in _removal_backups(lib)] == [removed["backup"]]
    assert removed["trash"] == str(lib / "trash" / removed["backup"].rsplit("/", 1)[1][:-8])
    assert json.loads(run("conferences", "--json", library=lib).stdout) == []
    assert json.loads(run("talks", "--json", library=lib).stdout) == []
    assert not list((lib / "media" / "originals").rglob("*.jpg"))
    (put_aside,) = json.loads(run("check", "--json", library=lib).stdout)["trash"]
    assert put_aside["folder"] == removed["trash"] and put_aside["files"] == 1
    assert put_aside["bytes"] > 0 and put_aside["backup"] == removed["backup"]

    back = json.loads(run("restore", removed["backup"], "--json", library=lib).stdout)
    assert back["photos_back"] == 1
    assert run("note", "1", library=lib).stdout.startswith("The keynote's one idea")
    photos = json.loads(run("photos", "list", "1", "--json", library=lib).stdout)
    assert len(photos) == 1
    assert len(list((lib / "media" / "originals").rglob("*.jpg"))) == 1
    assert json.loads(run("check", "--json", library=lib).stdout)["trash"] == []


def test_plain_output_names_the_backup_and_the_undo(lib):
    done = run("remove-conference", "1", "--with-notes", library=lib)
    lines = done.stdout.splitlines()
    assert lines[0] == (
        'Removed "Harbour Notes Conference 2026" (conference 1): 12 talks, 1 note, 1 photo '
        f"(1 file moved to {lib / 'trash'}/{_stem(lines[1])}), 0 recap texts."
    )
    assert lines[2] == f"To undo: talknotes restore {lines[1].split(': ', 1)[1]}"


def _stem(backup_line: str) -> str:
    return backup_line.rsplit("/", 1)[1].removesuffix(".sqlite3")


def test_it_waits_for_the_library_lock_like_other_writing_commands(lib):
    with library_lock_held(lib, "window"):
        done = run("remove-conference", "1", "--with-notes", library=lib, check=False)
    assert done.returncode == 2 and "open in another Talknotes window" in done.stderr
    assert len(json.loads(run("conferences", "--json", library=lib).stdout)) == 1
