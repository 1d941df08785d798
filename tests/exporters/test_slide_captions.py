"""Export and slide OCR: a numbered default caption gives way to the slide's title line, a
typed caption stays, and of several shots of one slide only the kept one is published."""

from datetime import date

from desktop.exporters.compose import ExportRequest
from desktop.exporters.registry import default_profile
from desktop.services.exporting import export
from desktop.services.slide_ocr import analyse_note
from desktop.store import slide_text as store
from desktop.store.notes import talk_note
from desktop.store.photos import note_photos, set_caption
from tests.exporters.conftest import build_hugo, hugo_site
from tests.exporters.html_check import image_files, read_page
from tests.services.test_slide_ocr import _stored

DAY1 = ExportRequest("day", conference_id=1, day=date(2026, 5, 14))


def test_suggested_captions_and_kept_shots_in_a_real_hugo_build(recap_library, tmp_path):
    offline = talk_note(recap_library, recap_library.talks["Offline First, Always"].id)
    static = talk_note(recap_library, recap_library.talks["Static Sites in 2026"].id)
    sharp, blurry = note_photos(recap_library, offline.id)
    (typed,) = note_photos(recap_library, static.id)
    text = "Write Ahead Logging\nreaders never block the writer"
    store.save_reading(recap_library, _stored(sharp.sha256, text, sharpness=400.0))
    store.save_reading(recap_library, _stored(blurry.sha256, text, sharpness=80.0))
    store.save_reading(recap_library, _stored(typed.sha256, "Plain Files Win\nfolders"))
    set_caption(recap_library, typed.id, "The author's own words")
    for note in (offline, static):
        analyse_note(recap_library, note.id)
    assert note_photos(recap_library, offline.id)[1].duplicate_of == sharp.id

    site = hugo_site(tmp_path)
    profile = default_profile("hugo")
    profile.photos, profile.post_dir = "sibling", "content/post"
    result = export(recap_library, DAY1, site, profile=profile)
    (post,) = (site / "content" / "post").rglob("*.md")
    markdown = post.read_text()
    assert "Write Ahead Logging" in markdown  # the slide's title, not "Offline First, Always – 1"
    assert "Offline First, Always – " not in markdown
    assert "Plain Files Win" not in markdown  # a typed caption: no suggestion replaces it
    public = build_hugo(site)
    page_path = public / "post" / "harbour-notes-conference-2026-day-1-recap" / "index.html"
    page = read_page(page_path)
    images = image_files(public, page_path, page)
    assert len(images) == 2 and all(p.is_file() for p in images)  # the blurred shot: left out
    # …and the blogger is told, naming both shots (the note placed both: it looked kept)
    told = [w for w in result.warnings if "left out" in w]
    assert len(told) == 1 and blurry.original_name in told[0] and sharp.original_name in told[0]
    assert told[0].startswith("Offline First, Always: ")
