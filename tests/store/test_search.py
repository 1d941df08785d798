"""Note search: words in notes, talk titles and speakers; kept current on every change."""

from desktop.importers import parse_schedule
from desktop.store.notes import save_hallway_note, save_talk_note
from desktop.store.schedule_sync import apply_schedule
from desktop.store.search import catch_up, fts_query, search_notes
from desktop.store.talks import list_talks
from tests.conftest import SAMPLE


def _setup(library):
    apply_schedule(library, parse_schedule(SAMPLE.read_bytes(), "sample.xml"))
    return {t.title: t for t in list_talks(library)}


def test_finds_words_prefixes_and_diacritics(library):
    talks = _setup(library)
    talk = talks["Static Sites in 2026"]
    save_talk_note(library, talk.id, "Hugo builds in milliseconds; the café wifi did not.")
    (hit,) = search_notes(library, "milli")
    assert (hit.talk_id, hit.title) == (talk.id, "Static Sites in 2026")
    assert "[milliseconds]" in hit.snippet
    assert [h.talk_id for h in search_notes(library, "cafe")] == [talk.id]
    assert [h.talk_id for h in search_notes(library, "Eitan")] == [talk.id]  # speaker
    assert search_notes(library, "hugo wifi")[0].talk_id == talk.id  # all words
    assert search_notes(library, "hugo python") == []


def test_index_follows_edits_and_hallway_notes(library):
    talks = _setup(library)
    talk = talks["Schedules Are Data"]
    save_talk_note(library, talk.id, "first draft about frab")
    save_talk_note(library, talk.id, "rewritten: all about iCalendar")
    assert search_notes(library, "frab") == []
    assert len(search_notes(library, "icalendar")) == 1
    note = save_hallway_note(library, "Met a maintainer of pretalx", title="Coffee")
    assert [h.note_id for h in search_notes(library, "pretalx")] == [note.id]


def test_hostile_query_text_is_safe(library):
    _setup(library)
    for text in ['"', "NEAR(", "a OR", "*", "title:x", "'; DROP TABLE note; --"]:
        search_notes(library, text)  # no FTS syntax error
    assert fts_query("  ") == ""


def _indexed_body(library, note_id):
    row = library.reader().execute("SELECT body FROM note_fts WHERE rowid = ?", (note_id,))
    return row.fetchone()[0]


def test_a_save_marks_the_note_and_a_search_indexes_it(library):
    """An autosave no longer re-indexes the whole note (a long one cost up to 15 ms a save):
    it marks it, and the next search brings the index up to date before it looks."""
    talks = _setup(library)
    talk = talks["Schedules Are Data"]
    note = save_talk_note(library, talk.id, "first draft about frab")
    assert _indexed_body(library, note.id) == "first draft about frab"  # new: indexed at once
    save_talk_note(library, talk.id, "rewritten: all about iCalendar")
    assert _indexed_body(library, note.id) == "first draft about frab"  # not on the save
    save_talk_note(library, talk.id, "rewritten again: all about iCalendar")
    assert [h.note_id for h in search_notes(library, "icalendar")] == [note.id]
    assert search_notes(library, "frab") == []
    assert _indexed_body(library, note.id) == "rewritten again: all about iCalendar"
    assert catch_up(library) == 0  # nothing left to index


def test_a_new_title_is_indexed_at_once_and_a_deleted_note_forgotten(library):
    _setup(library)
    note = save_hallway_note(library, "", title="Coffee")
    save_hallway_note(library, "", note_id=note.id, title="Lunch with the pretalx folks")
    row = library.reader().execute("SELECT title FROM note_fts WHERE rowid = ?", (note.id,))
    assert row.fetchone()[0] == "Lunch with the pretalx folks"
    save_hallway_note(library, "an edit", note_id=note.id)
    with library.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM note WHERE id = ?", (note.id,))
    assert catch_up(library) == 0 and search_notes(library, "pretalx") == []
