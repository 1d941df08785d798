"""Slide text end to end: attach → the queue → real OCR → search, suggestions, duplicates;
the queue persists, nothing is read twice unless asked."""

import json

import pytest

from desktop.cli import main as cli_main
from desktop.core.slide_text import caption_for_export
from desktop.services.importing import import_schedule
from desktop.services.photos import attach_to_talk
from desktop.services.slide_ocr import analyse_note, queue_photos
from desktop.store import slide_text as store
from desktop.store.library import open_library
from desktop.store.photos import note_photos, remove_photo
from desktop.store.search import search_notes
from desktop.store.talks import list_talks
from tests.conftest import SAMPLE
from tests.imagegen import make_photo
from tests.slides import DECK, SHOTS, render, save_jpeg
from tests.test_cli import run


def _talk(lib):
    import_schedule(lib, str(SAMPLE))
    return next(t for t in list_talks(lib) if t.title == "Static Sites in 2026")


def test_attach_read_then_search_suggest_and_group_with_real_ocr(tmp_path):
    """Two shots of one slide and a slide of the same deck, read by the real engine."""
    folder = tmp_path / "library"
    run("import", str(SAMPLE), library=folder)
    talks = json.loads(run("talks", "--json", library=folder).stdout)
    talk = next(t for t in talks if t["title"] == "Static Sites in 2026")
    sharp = save_jpeg(render(DECK[0], (800, 600)), tmp_path / "IMG_20260514_101500.jpg")
    blurry = save_jpeg(SHOTS["blurred"](render(DECK[0], (800, 600))), tmp_path / "b.jpg", 50)
    other = save_jpeg(SHOTS["skewed"](render(DECK[1], (800, 600))), tmp_path / "c.jpg")
    run("attach", str(talk["id"]), str(sharp), str(blurry), str(other), library=folder)

    result = run("photos", "ocr", "--talk", str(talk["id"]), "--json", library=folder)
    summary = json.loads(result.stdout)
    assert summary["read"] == 3 and summary["failed"] == 0 and summary["queued"] == 0
    assert "[3/3]" in result.stderr  # progress on stderr

    hits = json.loads(run("search", "raft", "--json", library=folder).stdout)
    assert [(h["talk_id"], h["source"]) for h in hits] == [(talk["id"], "slide")]
    assert hits[0]["snippet"].startswith("slide: ") and "[Raft]" in hits[0]["snippet"]

    photos = json.loads(run("photos", "list", str(talk["id"]), "--json", library=folder).stdout)
    first, second, third = photos
    assert first["capture_source"] == "file-name"
    assert first["suggested_caption"] == "Distributed Computing"
    assert third["suggested_caption"] == "Why Offline First"
    assert "Consensus with Raft" in first["text"]
    assert first["caption"] == ""  # a suggestion is not a caption (the default is empty)
    assert second["duplicate_of"] == first["id"]  # the blurred shot of the same slide
    assert first["duplicate_of"] is None and third["duplicate_of"] is None  # same template
    assert first["sharpness"] > second["sharpness"] > 0

    again = json.loads(
        run("photos", "ocr", "--talk", str(talk["id"]), "--json", library=folder).stdout
    )
    assert again["read"] == 0  # never read twice unless asked


def _stored(sha, text, dhash="0f0f0f0f0f0f0f0f", sharpness=100.0):
    """A reading as the engine stores it: a 60 px title line, 30 px lines under it."""
    lines = []
    for i, t in enumerate(text.splitlines()):
        top, height = (10, 60) if i == 0 else (40 + 50 * i, 30)
        box = [[10, top], [500, top], [500, top + height], [10, top + height]]
        lines.append({"text": t, "confidence": 0.99, "box": box})
    return store.StoredReading(sha, text, json.dumps(lines), 800, 600, dhash, sharpness)


def test_queue_persists_and_reading_is_never_repeated_unless_forced(library, tmp_path):
    talk = _talk(library)
    (attached,) = attach_to_talk(library, talk.id, [make_photo(tmp_path / "IMG_1.jpg")])
    sha = attached.photo.sha256
    assert store.queued(library) == [sha]  # attaching queues it
    library.close()
    reopened = open_library(library.path)  # a restart (or crash) keeps the queue
    assert store.queued(reopened) == [sha]
    store.save_reading(reopened, _stored(sha, "Edge Caching\nCDN purge"))
    assert store.queued(reopened) == []
    assert queue_photos(reopened, talk_id=talk.id) == []  # read already
    assert queue_photos(reopened, talk_id=talk.id, force=True) == [sha]

    hits = search_notes(reopened, "purge")
    assert [(h.talk_id, h.source) for h in hits] == [(talk.id, "slide")]
    assert hits[0].snippet == "slide: Edge Caching CDN [purge]"
    remove_photo(reopened, attached.photo.id)
    assert search_notes(reopened, "purge") == []
    reopened.close()


def test_a_typed_caption_wins_over_the_suggestion(library, tmp_path):
    talk = _talk(library)
    typed, default = attach_to_talk(
        library, talk.id, [make_photo(tmp_path / "a.jpg")], caption="My words"
    ) + attach_to_talk(library, talk.id, [make_photo(tmp_path / "b.jpg", size=(300, 200))])
    for attached, title in ((typed, "Slide One"), (default, "Slide Two")):
        store.save_reading(library, _stored(attached.photo.sha256, f"{title}\nsome words"))
    analyse_note(library, typed.photo.note_id)
    first, second = note_photos(library, typed.photo.note_id)
    assert (first.suggested_caption, second.suggested_caption) == ("Slide One", "Slide Two")

    def exported(photo, written):
        return caption_for_export(
            written, photo.caption, photo.caption_typed, photo.suggested_caption
        )

    assert exported(first, first.caption) == "My words"
    assert exported(second, second.caption) == "Slide Two"
    assert exported(second, "Written in the note") == "Written in the note"


def test_ocr_command_says_when_ocr_is_not_installed(library, monkeypatch, capsys):
    monkeypatch.setitem(__import__("sys").modules, "rapidocr", None)
    code = cli_main(["photos", "ocr", "--all", "--library", str(library.path)])
    assert code == 2
    assert "OCR is not installed" in capsys.readouterr().err


@pytest.mark.parametrize("flag", [["--force"]])
def test_force_needs_a_choice_of_photos(library, flag, capsys):
    assert cli_main(["photos", "ocr", *flag, "--library", str(library.path)]) == 2
    assert "--talk ID, --conference ID or --all" in capsys.readouterr().err
