"""Removing a conference: all of it goes, nothing of another conference; its photo files go to
the trash, not away; the backup taken first brings it all back."""

from datetime import date

import pytest

from desktop.core.errors import NotFoundError
from desktop.media import files, trash
from desktop.services import maintenance
from desktop.services.conference_removal import (
    NotesWouldBeLost,
    holdings,
    remove_conference,
)
from desktop.services.importing import import_schedule
from desktop.services.library import photo_file as resolve_photo_file
from desktop.services.notes import save_recap_note, search_notes
from desktop.services.photos import attach_to_talk
from desktop.store.notes import save_hallway_note, save_talk_note, talk_note
from desktop.store.talks import list_talks
from tests.conftest import SAMPLE, library_snapshot, shared_fixture
from tests.imagegen import make_photo


@pytest.fixture
def two(library, tmp_path):
    """The sample conference (1) and DemoCon (2), each with notes and photos; one image is in
    a note of each."""
    import_schedule(library, str(SAMPLE))
    import_schedule(library, str(shared_fixture("schedules/json/pretalx-democon.json")))
    sample = list_talks(library, 1)
    democon = list_talks(library, 2)
    own = make_photo(tmp_path / "own.jpg", size=(300, 200))
    shared = make_photo(tmp_path / "shared.jpg", size=(200, 300))
    other = make_photo(tmp_path / "other.jpg", size=(250, 250))
    save_talk_note(library, sample[0].id, "Harbour keynote: lighthouses everywhere")
    attach_to_talk(library, sample[0].id, [own, shared])
    save_talk_note(library, sample[1].id, "offline sync notes")
    save_hallway_note(library, "coffee with the harbour crew", conference_id=1, title="Hallway")
    save_recap_note(library, 1, None, "intro", "My harbour days")
    save_recap_note(library, 1, date(2026, 5, 14), "wrapup", "Day one done")
    save_talk_note(library, democon[0].id, "Democon zebra notes")
    attach_to_talk(library, democon[0].id, [shared, other])
    save_hallway_note(library, "a note of no conference", title="Loose ends")
    for sha in (files.sha256_of(p) for p in (own, shared, other)):
        files.ensure_thumbnail(library.media_dir, sha)
    return {
        "sample": sample,
        "democon": democon,
        "own": files.sha256_of(own),
        "shared": files.sha256_of(shared),
        "other": files.sha256_of(other),
    }


def _count(library, sql, *params):
    return library.reader().execute(sql, params).fetchone()[0]


def test_holdings_say_what_would_go(library, two):
    held = holdings(library, 1)
    assert held.title == "Harbour Notes Conference 2026" and held.talks == 12
    assert [n.title for n in held.notes] == [
        two["sample"][0].title,
        two["sample"][1].title,
        "Hallway",
    ]
    assert held.photos == 2 and held.photo_files == [two["own"]]  # shared: DemoCon shows it
    assert held.recap_texts == 2


def test_notes_are_refused_without_consent_and_nothing_changes(library, two):
    before = library_snapshot(library)
    with pytest.raises(NotesWouldBeLost) as refused:
        remove_conference(library, 1)
    assert "3 notes" in refused.value.why and two["sample"][0].title in refused.value.why
    assert "nothing was removed" in refused.value.why
    assert library_snapshot(library) == before  # no row, no file, no backup


def test_unknown_conference_is_an_error(library, two):
    with pytest.raises(NotFoundError):
        remove_conference(library, 99, with_notes=True)


def test_removal_takes_all_of_it_and_nothing_else(library, two):
    democon_before = [talk_note(library, t.id).body for t in two["democon"]]
    removed = remove_conference(library, 1, with_notes=True)
    assert (removed.talks, removed.notes, removed.photos, removed.recap_texts) == (12, 3, 2, 2)
    assert removed.speakers > 0
    for table, column in (("talk", "conference_id"), ("recap_note", "conference_id")):
        assert _count(library, f"SELECT count(*) FROM {table} WHERE {column} = 1") == 0
    assert _count(library, "SELECT count(*) FROM conference") == 1
    sample_ids = ",".join(str(t.id) for t in two["sample"])
    for sql in (
        f"SELECT count(*) FROM talk_speaker WHERE talk_id IN ({sample_ids})",
        f"SELECT count(*) FROM note WHERE talk_id IN ({sample_ids}) OR conference_id = 1",
        "SELECT count(*) FROM note_version WHERE note_id NOT IN (SELECT id FROM note)",
        "SELECT count(*) FROM photo WHERE note_id IS NULL",
        "SELECT count(*) FROM speaker WHERE id NOT IN (SELECT speaker_id FROM talk_speaker)",
        "SELECT count(*) FROM photo_text WHERE sha256 NOT IN (SELECT sha256 FROM photo)",
        "SELECT count(*) FROM ocr_queue WHERE sha256 NOT IN (SELECT sha256 FROM photo)",
    ):
        assert _count(library, sql) == 0, sql
    # the other conference, and the note of no conference, as they were
    assert len(list_talks(library, 2)) == len(two["democon"])
    assert [talk_note(library, t.id).body for t in two["democon"]] == democon_before
    assert _count(library, "SELECT count(*) FROM photo") == 2
    assert _count(library, "SELECT count(*) FROM note WHERE title = 'Loose ends'") == 1
    assert _count(library, "SELECT count(*) FROM talk_speaker") > 0
    # search: the removed notes are not found, the others are
    assert search_notes(library, "harbour") == []
    assert [h.talk_id for h in search_notes(library, "zebra")] == [two["democon"][0].id]


def test_photo_files_go_to_the_trash_not_away(library, two):
    own_file = files.find_original(library.media_dir, two["own"])
    own_bytes = own_file.read_bytes()
    removed = remove_conference(library, 1, with_notes=True)
    assert files.find_original(library.media_dir, two["own"]) is None
    assert not files.thumbnail_path(library.media_dir, two["own"]).exists()
    assert removed.trash == trash.folder_for(library.path, removed.backup)
    assert [p.name for p in removed.photo_files] == [own_file.name]
    assert removed.photo_files[0].read_bytes() == own_bytes
    # the image DemoCon shows too stays, and its photo still resolves
    assert resolve_photo_file(library, two["shared"][:16]) is not None
    assert files.find_original(library.media_dir, two["other"]) is not None


def test_restoring_the_backup_brings_it_all_back(library, two):
    before = {
        table: _count(library, f"SELECT count(*) FROM {table}")
        for table in ("conference", "talk", "note", "photo", "recap_note", "talk_speaker")
    }
    removed = remove_conference(library, 1, with_notes=True)
    assert removed.backup.name.endswith("-before-remove-conference-1.sqlite3")
    library.close()
    restored = maintenance.restore(library.database_path, removed.backup)
    assert [p.parent.name for p in restored.photos_back] == [two["own"][:2]]
    after = {
        table: _count(library, f"SELECT count(*) FROM {table}")
        for table in ("conference", "talk", "note", "photo", "recap_note", "talk_speaker")
    }
    assert after == before
    assert talk_note(library, two["sample"][0].id).body.startswith("Harbour keynote")
    assert resolve_photo_file(library, two["own"][:16]) is not None  # the file is back
    assert not trash.trash_root(library.path).exists()  # nothing left in the trash


def test_a_conference_without_notes_goes_without_asking(library, two):
    import_schedule(
        library, str(shared_fixture("schedules/ics/pyconuk-2015-schedule.ics")), tz="Europe/London"
    )
    removed = remove_conference(library, 3)
    assert removed.notes == 0 and removed.photo_files == [] and removed.trash is None
    assert removed.backup.exists()


def test_trash_goes_once_no_backup_holds_its_photos(library, two):
    removed = remove_conference(library, 1, with_notes=True)
    trashed = removed.photo_files[0]
    assert maintenance.prune_trash(library.path) == []  # the backup still wants it
    assert trashed.exists()
    for backup in maintenance.list_backups(library.path):
        backup.path.unlink()
    assert maintenance.prune_trash(library.path) == [trashed]
    assert not trash.trash_root(library.path).exists()


def _rotate_out(library, backup):
    """Manual backups until the rotation prunes `backup` (at most KEEP + 1)."""
    from desktop.store.backup import KEEP

    for _ in range(KEEP + 1):
        maintenance.make_backup(library.database_path, "manual")
        if not backup.exists():
            return
    raise AssertionError(f"{backup} was never rotated out")


def test_a_trash_folder_goes_when_the_rotation_prunes_its_backup(library, two):
    """The trash was cleaned only at the next removal: after the backup rotation pruned the
    backup a removal's files belong to (no restore can bring them back now), they stayed for
    ever. They go with it; the trash of a later removal, whose backup is kept, stays and its
    restore still brings its files back."""
    first = remove_conference(library, 1, with_notes=True)
    second = remove_conference(library, 2, with_notes=True)  # its backup: the newest of its kind
    assert first.trash is not None and second.trash is not None
    from desktop.store.backup import KEEP

    for _ in range(KEEP + 1):
        maintenance.make_backup(library.database_path, "manual")
        assert first.trash.exists() == first.backup.exists()
        if not first.backup.exists():
            break
    assert not first.trash.exists()
    assert second.backup.exists() and all(p.exists() for p in second.photo_files)
    listed = maintenance.trash_contents(library.path)
    assert [(t["folder"], t["backup"]) for t in listed] == [(str(second.trash), str(second.backup))]
    library.close()
    restored = maintenance.restore(library.database_path, second.backup)
    assert sorted(p.name for p in restored.photos_back) == sorted(
        p.name for p in second.photo_files
    )
    assert resolve_photo_file(library, two["other"][:16]) is not None


def test_a_rotated_out_removals_files_another_backup_holds_stay(library, two):
    """A file another backup left still holds a photo of (an older backup kept as the newest
    of its kind) stays after its removal's backup is pruned: restoring that one brings it
    back."""
    import shutil

    older = (
        library.path / "backups" / "talknotes-20200101-000000-000000-before-migration-0009.sqlite3"
    )
    maintenance.make_backup(library.database_path, "manual", to=older)
    removed = remove_conference(library, 1, with_notes=True)
    remove_conference(library, 2, with_notes=True)
    _rotate_out(library, removed.backup)
    assert older.exists()  # (the newest before-migration backup is never pruned)
    assert [p.exists() for p in removed.photo_files] == [True]
    (listed,) = [t for t in maintenance.trash_contents(library.path) if t["backup"] is None]
    assert listed["folder"] == str(removed.trash) and listed["files"] == 1
    library.close()
    keep = library.path / "older-copy.sqlite3"
    shutil.copy(older, keep)
    restored = maintenance.restore(library.database_path, keep)
    assert two["own"] in {p.name.split(".")[0] for p in restored.photos_back}
    assert resolve_photo_file(library, two["own"][:16]) is not None


def test_opening_the_library_cleans_a_trash_whose_backup_went(library, two):
    """The day's backup at an open may rotate a removal's backup out: the open (holding the
    lock) cleans its trash as a backup does."""
    from desktop.services.library import open_library
    from desktop.services.locking import acquire

    removed = remove_conference(library, 1, with_notes=True)
    library.close()
    removed.backup.unlink()  # (as a rotation by another run did)
    lock = acquire(library.path, 1, "command", "test")
    try:
        open_library(library.path).close()
    finally:
        lock.release()
    assert not trash.trash_root(library.path).exists()


def test_a_trashed_file_attached_anew_goes_with_its_folder(library, two, tmp_path):
    """The same image attached again after the removal is in media/ again: once the
    removal's backup is pruned, the trash's copy goes too (the library showing it kept it)."""
    removed = remove_conference(library, 1, with_notes=True)
    again = make_photo(tmp_path / "own.jpg", size=(300, 200))  # the same bytes as "own"
    assert files.sha256_of(again) == two["own"]
    attach_to_talk(library, two["democon"][1].id, [again])
    removed.backup.unlink()  # (as the rotation does)
    assert maintenance.prune_trash(library.path) == removed.photo_files
    assert resolve_photo_file(library, two["own"][:16]) is not None
