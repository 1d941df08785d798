"""Attach photos to a talk: stored once, referenced in the note, bad batches add nothing."""

from datetime import UTC, datetime

import pytest

from desktop.core.errors import TalknotesError
from desktop.core.render import render_html
from desktop.services.importing import import_schedule
from desktop.services.library import photo_file
from desktop.services.photos import attach_to_talk
from desktop.store.notes import talk_note
from desktop.store.photos import note_photos
from desktop.store.talks import list_talks
from tests.conftest import SAMPLE, library_snapshot
from tests.imagegen import make_photo


@pytest.fixture
def talk(library):
    import_schedule(library, str(SAMPLE))
    return next(t for t in list_talks(library) if t.title == "Static Sites in 2026")


def test_attach_twice_stores_once_and_references_in_note(library, talk, tmp_path):
    a = make_photo(tmp_path / "IMG_0001.jpg")
    b = make_photo(tmp_path / "IMG_0002.jpg", when="2026:05:14 11:10:00")
    first = attach_to_talk(library, talk.id, [a, b])
    again = attach_to_talk(library, talk.id, [a])
    assert [x.added for x in first] == [True, True] and again[0].added is False
    assert [x.photo.caption for x in first] == ["", ""]  # short: the export adds the context
    assert [x.markdown for x in first] == [f"![](photo:{x.photo.sha256[:16]})" for x in first]
    note = talk_note(library, talk.id)
    assert note.body.count("](photo:") == 2
    assert len(note_photos(library, note.id)) == 2
    assert len(list((library.media_dir / "originals").rglob("*.jpg"))) == 2
    html = render_html(note.body, lambda key: str(photo_file(library, key)))
    assert html.count("<img") == 2 and "photo:" not in html
    assert first[0].photo.captured_at == datetime(2026, 5, 14, 9, 5, tzinfo=UTC)  # 10:05+01:00
    assert first[0].photo.capture_source == "exif-offset"


def test_bad_file_in_batch_adds_nothing(library, talk, tmp_path):
    good = make_photo(tmp_path / "good.jpg")
    bad = tmp_path / "bad.jpg"
    bad.write_text("not a jpeg")
    before = library_snapshot(library)
    with pytest.raises(TalknotesError) as err:
        attach_to_talk(library, talk.id, [good, bad])
    assert err.value.what == str(bad)
    assert library_snapshot(library) == before
