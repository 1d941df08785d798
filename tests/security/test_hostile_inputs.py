"""Every entry point against hostile input, in one place: a clear error, nothing changed.

Schedules, images, export titles and captions, and secrets. Each case asserts the message names
the file (or value) and that the library — and the blog folder — are exactly as before.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop import secrets
from desktop.core.errors import TalknotesError
from desktop.exporters.compose import ExportRequest
from desktop.importers.common import MAX_EVENTS
from desktop.services.exporting import export
from desktop.services.importing import import_schedule
from desktop.services.photos import attach_to_talk
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from tests.conftest import PRIVATE_TOKEN, SAMPLE, library_snapshot
from tests.imagegen import make_photo

XML_HEAD = '<?xml version="1.0"?>'


def _event(n: int, date_text: str = "2026-05-14T10:00:00+01:00", duration: str = "00:30") -> str:
    return (
        f'<event guid="g{n}"><date>{date_text}</date><duration>{duration}</duration>'
        f"<title>T{n}</title></event>"
    )


def _schedule(events: str) -> str:
    return (
        f"{XML_HEAD}<schedule><conference><title>Evil</title></conference>"
        f'<day date="2026-05-14" index="1"><room name="R">{events}</room></day></schedule>'
    )


SCHEDULES = {
    "billion-laughs.xml": (
        XML_HEAD + '<!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><schedule><conference><title>&c;</title>'
        "</conference></schedule>",
        "unsafe XML",
    ),
    "quadratic-blowup.xml": (
        XML_HEAD + '<!DOCTYPE q [<!ENTITY a "' + "x" * 50_000 + '">]><schedule><conference>'
        "<title>" + "&a;" * 5_000 + "</title></conference></schedule>",
        "unsafe XML",
    ),
    "xxe-file.xml": (
        XML_HEAD + '<!DOCTYPE s [<!ENTITY e SYSTEM "file:///etc/passwd">]><schedule>'
        "<conference><title>&e;</title></conference></schedule>",
        "unsafe XML",
    ),
    "xxe-url.xml": (
        XML_HEAD + '<!DOCTYPE s [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]><schedule>'
        "<conference><title>&e;</title></conference></schedule>",
        "unsafe XML",
    ),
    "garbage.xml": (bytes(range(256)) * 64, "binary data"),
    "truncated.json": (
        '{"schedule": {"version": "1", "conference": {"title": "x", "days": [',
        "broken JSON",
    ),
    "latin1.json": (
        '{"schedule": {"conference": {"title": "Caf\xe9"}}}'.encode("latin-1"),
        "not UTF-8",
    ),
    "utf16.xml": (_schedule(_event(1)).encode("utf-16"), "UTF-16"),
    "year-1.xml": (_schedule(_event(1, "0001-01-01T10:00:00+01:00")), "out of range"),
    "year-9999.xml": (_schedule(_event(1, "9999-12-31T23:00:00+01:00")), "out of range"),
    "empty.ics": (b"", "empty"),
    "not-a-schedule.xml": (XML_HEAD + "<svg><rect/></svg>", "not a schedule Talknotes can read"),
}


@pytest.fixture
def populated(library):
    import_schedule(library, str(SAMPLE))
    save_talk_note(library, 1, "a note that must survive")
    return library


@pytest.mark.parametrize("name", sorted(SCHEDULES))
def test_hostile_schedules_refused_and_library_unchanged(populated, tmp_path, name):
    content, why = SCHEDULES[name]
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    before = library_snapshot(populated)
    with pytest.raises(TalknotesError) as err:
        import_schedule(populated, str(path))
    assert str(path) in f"{err.value.what}" and why in err.value.why
    assert library_snapshot(populated) == before


def test_100_mb_schedule_refused_by_size_before_parsing(populated, tmp_path):
    path = tmp_path / "huge.xml"
    with path.open("wb") as fh:
        fh.truncate(100 * 2**20)  # sparse: refused from its size alone
    before = library_snapshot(populated)
    started = time.monotonic()
    with pytest.raises(TalknotesError, match="larger than a schedule can be"):
        import_schedule(populated, str(path))
    assert time.monotonic() - started < 1
    assert library_snapshot(populated) == before


def test_100000_events_refused_quickly(populated, tmp_path):
    path = tmp_path / "many.xml"
    path.write_text(_schedule("".join(_event(n) for n in range(100_000))))
    before = library_snapshot(populated)
    started = time.monotonic()
    with pytest.raises(TalknotesError, match=f"{MAX_EVENTS:,} at most"):
        import_schedule(populated, str(path))
    assert time.monotonic() - started < 10
    assert library_snapshot(populated) == before


def test_talk_lasting_ten_years_is_tamed(library, tmp_path):
    path = tmp_path / "decade.xml"
    path.write_text(_schedule(_event(1, duration="3650:00:00:00")))
    summary = import_schedule(library, str(path))
    (talk,) = list_talks(library)
    assert talk.end - talk.start < ten_days() and talk.end_estimated
    assert any("more than 14 days" in w for w in summary.warnings)


def ten_days():
    from datetime import timedelta

    return timedelta(days=10)


def _bomb(path: Path) -> Path:
    from PIL import Image

    Image.new("1", (15_000, 15_000)).save(path, "PNG")  # 225 MP, tiny on disk
    return path


IMAGES = {
    "bomb.png": (_bomb, "megapixel limit"),
    "truncated.jpg": (
        lambda p: p.write_bytes(make_photo(p).read_bytes()[:900]) and p,
        "damaged or truncated",
    ),
    "zero.jpg": (lambda p: p.write_bytes(b"") or p, "empty"),
    "text.jpg": (lambda p: p.write_text("I am not a JPEG\n" * 20) and p, "not an image"),
}


@pytest.mark.parametrize("name", sorted(IMAGES))
def test_hostile_images_refused_and_library_unchanged(populated, tmp_path, name):
    make, why = IMAGES[name]
    path = tmp_path / name
    make(path)
    before = library_snapshot(populated)
    with pytest.raises(TalknotesError) as err:
        attach_to_talk(populated, 1, [path])
    assert err.value.what == str(path) and why in err.value.why
    assert library_snapshot(populated) == before


HOSTILE_TITLES = [
    "../../etc/passwd",
    "/absolute/path",
    "nul\x00byte",
    "bell\x07and\x1besc",
    "---\ntitle: injected\n---",
    "+++\nx = 1\n+++",
    "{{< shortcode >}}",
    '}}{{< figure src="x" >}}',
    "#not-a-comment",
    "@at *star* `tick`",
    "CON",
    "🎤 emoji",
    "עברית right-to-left",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
@pytest.mark.parametrize("generator", ["hugo", "jekyll"])
def test_hostile_export_titles_and_captions_stay_inside_and_round_trip(
    populated, tmp_path, title, generator
):
    from desktop.exporters import frontmatter_io
    from desktop.exporters.compose import clean_tag, clean_text
    from desktop.exporters.registry import default_profile
    from desktop.store.notes import talk_note
    from desktop.store.photos import note_photos, set_caption

    attach_to_talk(populated, 1, [make_photo(tmp_path / "p.jpg")])
    for photo in note_photos(populated, talk_note(populated, 1).id):
        set_caption(populated, photo.id, title)
    blog = tmp_path / "blog"
    blog.mkdir()
    outside = sorted(p.name for p in tmp_path.iterdir())
    request = ExportRequest("talk", talk_id=1, title=title, tags=[title])
    result = export(populated, request, blog, profile=default_profile(generator))
    for rel in result.written:
        assert (blog / rel).resolve().is_relative_to(blog.resolve())
    assert sorted(p.name for p in tmp_path.iterdir()) == outside
    post = frontmatter_io.read((blog / result.plan.post_path).read_text(encoding="utf-8"))
    assert post["title"] == clean_text(title)
    assert post["tags"] == ([clean_tag(title)] if clean_tag(title) else [])


def test_secret_token_is_stored_nowhere_but_the_keyring(
    populated, tmp_path, memory_keyring, private_schedule
):
    token, url = PRIVATE_TOKEN, private_schedule
    secrets.set_token(secrets.key_for_url(url), token)
    import_schedule(populated, url)
    QSettings().setValue("export/blog", str(tmp_path / "blog"))
    QSettings().sync()
    blog = tmp_path / "blog"
    (blog / "_posts").mkdir(parents=True)
    (blog / "_config.yml").write_text("title: t\n")
    export(populated, ExportRequest("day", conference_id=1, day=date(2026, 5, 14)), blog)
    assert (
        memory_keyring.get_password("io.github.talknotes.Talknotes", secrets.key_for_url(url))
        == token
    )
    places = [populated.path, blog, Path(QSettings().fileName()).parent]
    for root in places:
        for path in root.rglob("*"):
            if path.is_file():
                assert token.encode() not in path.read_bytes(), f"token found in {path}"
