"""Reading slide photos: take images off the OCR queue, store their text, then per note work
out the caption suggestions (the deck's repeated lines left out) and the near-duplicate shots.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.errors import TalknotesError
from desktop.core.models import Photo
from desktop.core.slide_text import (
    Shot,
    TextLine,
    as_markdown,
    deck_furniture,
    group_duplicates,
    normalize,
    plain_text,
    suggest_caption,
)
from desktop.media import files
from desktop.store import slide_text as store
from desktop.store.library import Library

if TYPE_CHECKING:
    from desktop.media.ocr import SlideReader


@dataclass(frozen=True)
class ReadOutcome:
    sha256: str
    note_ids: list[int]
    lines: int
    seconds: float
    error: str = ""


def lines_of(reading: store.StoredReading | None) -> list[TextLine]:
    if reading is None or reading.error:
        return []
    return [TextLine.from_json(item) for item in json.loads(reading.lines_json)]


def read_image(
    lib: Library,
    reader: SlideReader,
    sha256: str,
    guard: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> ReadOutcome:
    """Read one image, store its text (or why it could not be read), update its notes.
    The writes happen inside `guard()` (the worker's: no pause while it holds the database)."""

    started = time.monotonic()
    path = files.find_original(lib.media_dir, sha256)
    lines: list[TextLine] = []
    width = height = 0
    dhash, sharpness, error = "", 0.0, ""
    if path is None:
        error = "the original file is missing from the library"
    else:
        try:
            reading = reader.read(path)
        except TalknotesError as exc:
            error = exc.why
        except Exception as exc:  # noqa: BLE001 (an engine failure: stored, not retried)
            error = f"OCR failed ({type(exc).__name__}: {exc})"
        else:
            lines, width, height = reading.lines, reading.width, reading.height
            dhash, sharpness = f"{reading.dhash:016x}", reading.sharpness
    with guard():
        note_ids = _store(lib, sha256, lines, width, height, dhash, sharpness, error)
    return ReadOutcome(sha256, note_ids, len(lines), time.monotonic() - started, error)


def _store(
    lib: Library,
    sha256: str,
    lines: list[TextLine],
    width: int,
    height: int,
    dhash: str,
    sharpness: float,
    error: str,
) -> list[int]:
    from desktop.media.ocr import engine_version

    store.save_reading(
        lib,
        store.StoredReading(
            sha256,
            plain_text(lines),
            json.dumps([line.to_json() for line in lines]),
            width,
            height,
            dhash,
            sharpness,
            engine_version(),
            error,
        ),
    )
    note_ids = store.notes_with_image(lib, sha256)
    for note_id in note_ids:
        analyse_note(lib, note_id)
    return note_ids


def analyse_note(lib: Library, note_id: int) -> None:
    """Suggestions and duplicate groups for a note's photos, from what was read so far."""
    photos = store.note_photos(lib, note_id)
    slides = {p.id: lines_of(p.reading) for p in photos}
    furniture = deck_furniture([[line.text for line in lines] for lines in slides.values()])
    shots: list[Shot] = []
    updates: dict[int, tuple[str, int | None]] = {}
    for photo in photos:
        lines = slides[photo.id]
        reading = photo.reading
        height = reading.height if reading else 0
        updates[photo.id] = (suggest_caption(lines, furniture, height), None)
        if reading is not None and reading.dhash:
            content = [line.text for line in lines if normalize(line.text) not in furniture]
            shots.append(
                Shot(
                    photo.id,
                    int(reading.dhash, 16),
                    "\n".join(content),
                    reading.sharpness,
                    photo.keeper_chosen,
                )
            )
    for photo_id, keeper in group_duplicates(shots).items():
        updates[photo_id] = (updates[photo_id][0], keeper)
    store.save_analysis(lib, updates)


def queue_photos(
    lib: Library,
    talk_id: int | None = None,
    conference_id: int | None = None,
    force: bool = False,
) -> list[str]:
    """Queue a talk's, a conference's or (neither) every note's images; returns those queued
    (without `force`: only images never read)."""
    shas = store.image_shas(lib, talk_id, conference_id)
    return store.enqueue(lib, shas, force)


def choose_keeper(lib: Library, photo_id: int) -> None:
    """Keep this shot of the slide (exported by default) instead of the group's sharpest."""
    note_id = store.choose_keeper(lib, photo_id)
    if note_id is not None:
        analyse_note(lib, note_id)


def slide_markdown(lib: Library, photo: Photo, style: str = "quote") -> str:
    """The photo's slide text for the note (a quote, or a list under the title), without the
    lines repeated on the note's other slides (the conference's logo, a footer)."""
    furniture: set[str] = set()
    if photo.note_id is not None:
        slides = [lines_of(p.reading) for p in store.note_photos(lib, photo.note_id)]
        furniture = deck_furniture([[line.text for line in lines] for lines in slides])
    return as_markdown(lines_of(store.reading_of(lib, photo.sha256)), style, furniture)


def queued(lib: Library) -> list[str]:
    """The photos waiting to be read, oldest first (SHA-256s)."""
    return store.queued(lib)


def queue_size(lib: Library) -> int:
    return store.queue_size(lib)
