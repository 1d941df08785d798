"""Export defects found by exporting real recaps into real blogs, one test each."""

import io
import json
import os
import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import Session, select

from desktop.core.errors import TalknotesError
from desktop.exporters.compose import ExportRequest
from desktop.exporters.learn import learn
from desktop.exporters.profile import saved_profile
from desktop.exporters.registry import default_profile
from desktop.services.exporting import export
from desktop.services.photos import attach_to_talk
from desktop.store.photos import note_photos, set_caption
from desktop.store.tables import ConferenceRow, TalkRow
from tests.exporters.conftest import (
    build_hugo,
    build_jekyll,
    copy_blog,
    hugo_site,
    jekyll_site,
)
from tests.exporters.html_check import read_page
from tests.imagegen import make_photo

DAY1 = ExportRequest("day", conference_id=1, day=date(2026, 5, 14))


def _set_talk(lib, current: str, **values) -> None:
    with Session(lib.engine) as s:
        row = s.exec(select(TalkRow).where(TalkRow.title == current)).one()
        for key, value in values.items():
            setattr(row, key, value)
        s.add(row)
        s.commit()


def _built_day_one(generator: str, recap_library, tmp_path):
    """Day one's recap exported into a minimal Hugo or Jekyll site and built: its page."""
    if generator == "hugo":
        site = hugo_site(tmp_path)
        profile = default_profile("hugo")
        profile.draft = False
        export(recap_library, DAY1, site, profile=profile)
        public = build_hugo(site)
    else:
        site = jekyll_site(tmp_path)
        profile = learn(copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path))
        export(recap_library, DAY1, site, profile=profile, draft=False)
        public = build_jekyll(site)
    (page_path,) = _built_pages(public, "harbour-notes")
    return page_path


def _built_pages(public: Path, needle: str) -> list[Path]:
    """The built post pages whose URL has `needle` (not the lists that link to them)."""
    return [
        p
        for p in public.rglob("*.html")
        if needle in p.relative_to(public).as_posix()
        and "/tags/" not in p.as_posix()
        and "index.xml" not in p.name
    ]


def test_jekyll_caption_does_not_reach_liquid(recap_library, tmp_path):
    note = talk_note_id(recap_library, "Static Sites in 2026")
    for photo in note_photos(recap_library, note):
        set_caption(recap_library, photo.id, "Shot {{ site.title }} {% raw %}")
    site = jekyll_site(tmp_path)
    profile = learn(copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path))
    export(recap_library, DAY1, site, profile=profile, draft=False)
    (page,) = _built_pages(build_jekyll(site), "harbour-notes")
    html = page.read_text()
    assert "Shot Test blog" not in html  # Liquid did not run the caption
    assert 'alt="Shot {{ site.title }} {% raw %}"' in html


def talk_note_id(lib, title: str) -> int:
    from desktop.store.notes import talk_note

    return talk_note(lib, lib.talks[title].id).id


HOSTILE_TITLE = "<b>Bold</b> & <script>alert(1)</script> {{< youtube x >}}\x07\x00 end"


@pytest.mark.parametrize("generator", ["hugo", "jekyll"])
def test_schedule_text_is_shown_not_run(recap_library, tmp_path, generator):
    _set_talk(
        recap_library,
        "Offline First, Always",
        title=HOSTILE_TITLE,
    )
    from desktop.store.talks import get_talk

    talk = get_talk(recap_library, recap_library.talks["Offline First, Always"].id)
    assert talk.title == HOSTILE_TITLE
    # a shortcode in a title no longer breaks the Hugo build
    page_path = _built_day_one(generator, recap_library, tmp_path)
    page = read_page(page_path)
    html = page_path.read_text()
    shown = "<b>Bold</b> & <script>alert(1)</script> {{< youtube x >}} end"
    assert shown in page.headings  # the heading shows the title as written, as text
    assert "<script>alert" not in html and "\x07" not in html and "\x00" not in html


def test_no_draft_is_for_one_export_only(recap_library, tmp_path):
    site = hugo_site(tmp_path)  # no posts: the default profile, drafts
    first = export(recap_library, DAY1, site)
    post = site / first.plan.post_path
    assert first.plan.post.draft and "draft: true" in post.read_text()
    published = export(recap_library, DAY1, site, draft=False)
    assert not published.plan.post.draft
    assert saved_profile(recap_library.path, site).draft  # the saved profile is unchanged
    again = export(recap_library, DAY1, site)  # a later plain export keeps it as it is
    assert again.written == [] and not again.plan.post.draft
    talk = ExportRequest("talk", talk_id=recap_library.talks["Sketchnoting for Engineers"].id)
    assert export(recap_library, talk, site).plan.post.draft  # a new post: the blog's default


def test_jekyll_publishing_a_draft_moves_it(recap_library, tmp_path):
    site = jekyll_site(tmp_path)
    (site / "_posts").mkdir()
    draft = export(recap_library, DAY1, site, draft=True)
    published = export(recap_library, DAY1, site, draft=False)
    assert not (site / draft.plan.post_path).exists()
    assert sorted(p.name for p in site.rglob("*.md")) == [
        Path(published.plan.post_path).name
    ]  # one post, no second copy beside _drafts/


def test_exported_photos_are_readable_by_the_web_server(recap_library, tmp_path):
    old = os.umask(0o022)
    try:
        site = jekyll_site(tmp_path)
        profile = learn(copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path))
        result = export(recap_library, DAY1, site, profile=profile, draft=False)
        built = build_jekyll(site)
    finally:
        os.umask(old)
    photos = [site / f.path for f in result.plan.files if f.kind == "photo"]
    assert photos
    for path in [*photos, *(built / "img").rglob("*.jpg")]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_missing_photo_file_is_refused_not_dropped(recap_library, tmp_path):
    from desktop.media import files

    note = talk_note_id(recap_library, "Static Sites in 2026")
    (photo,) = note_photos(recap_library, note)
    files.find_original(recap_library.media_dir, photo.sha256).unlink()
    site = hugo_site(tmp_path)
    before = sorted(site.rglob("*"))
    for dry_run in (True, False):
        with pytest.raises(TalknotesError, match="IMG_20260514_110300.jpg"):
            export(recap_library, DAY1, site, dry_run=dry_run)
    assert sorted(site.rglob("*")) == before
    forced = export(recap_library, DAY1, site, force=True)
    assert any("IMG_20260514_110300.jpg" in w for w in forced.warnings)
    assert "photo:" not in (site / forced.plan.post_path).read_text()


def test_hostile_conference_name_makes_a_buildable_tag(recap_library, tmp_path):
    with Session(recap_library.engine) as s:
        row = s.exec(select(ConferenceRow)).one()
        row.acronym, row.title = "../../etc", "../../etc"
        s.add(row)
        s.commit()
    site = hugo_site(tmp_path)
    profile = default_profile("hugo")
    result = export(recap_library, DAY1, site, profile=profile)
    assert all(".." not in tag and "/" not in tag for tag in result.plan.post.tags)
    public = build_hugo(site)
    assert not (tmp_path / "etc").exists() and public.is_dir()


def test_conflict_names_the_options_and_dry_run_shows_the_plan(tmp_path):
    from tests.test_cli import exported_then_edited, run

    lib, blog, done = exported_then_edited(tmp_path)
    refused = run("export", "--talk", "3", "--to", str(blog), library=lib, check=False)
    assert refused.returncode == 2
    assert "--overwrite" in refused.stderr and "--copy" in refused.stderr
    dry = run("export", "--talk", "3", "--to", str(blog), "--dry-run", "--json", library=lib)
    plan = json.loads(dry.stdout)
    assert [f["action"] for f in plan["files"]] == ["conflict"]
    assert plan["conflicts"][0]["path"] == done["post"]


def test_identical_photo_in_the_blog_is_ours_on_a_new_machine(recap_library, tmp_path):
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    export(recap_library, DAY1, blog)
    (recap_library.path / "exports.json").unlink()  # what another machine's library knows
    again = export(recap_library, DAY1, blog)
    assert again.written == []
    assert {f.action for f in again.plan.files} == {"unchanged"}


def test_draft_photos_are_not_published_before_the_post(recap_library, tmp_path):
    site = hugo_site(tmp_path)
    profile = default_profile("hugo")
    profile.photos, profile.post_dir = "sibling", "content/post"
    result = export(recap_library, DAY1, site, profile=profile, draft=True)
    subprocess.run(["hugo", "--quiet"], cwd=site, check=True, capture_output=True)
    public = site / "public"
    assert not list(public.rglob("*.jpg"))  # without -D neither the draft nor its photos
    built = build_hugo(site)  # with -D (a preview) the draft shows its photos
    assert len(list(built.rglob("*.jpg"))) == 3
    published = export(recap_library, DAY1, site, profile=profile, draft=False)
    assert published.plan.post_path == result.plan.post_path.replace("/index.md", ".md")
    assert not (site / result.plan.post_path).exists()


def test_talk_without_a_note_is_warned_about(recap_library):
    talks = recap_library.talks
    ids = [
        talks["Offline First, Always"].id,
        talks["Opening Keynote: Notes That Outlive the Conference"].id,
    ]
    request = ExportRequest("day", conference_id=1, day=date(2026, 5, 14), talk_ids=ids)
    result = export(recap_library, request, hugo_blog(recap_library), dry_run=True)
    assert result.warnings == [
        "Opening Keynote: Notes That Outlive the Conference: no note; its section is only a heading"
    ]


def hugo_blog(lib) -> Path:
    folder = lib.path.parent / "hblog"
    (folder / "content").mkdir(parents=True, exist_ok=True)
    (folder / "hugo.toml").write_text("title = 'x'\n")
    return folder


def test_learns_posts_behind_a_symlinked_content_folder(tmp_path):
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    (blog / "content" / "post").rename(blog / "posts")  # content/post -> ../posts
    (blog / "content" / "post").symlink_to("../posts")
    profile = learn(blog)
    assert profile.learned_from == 5 and profile.post_dir == "content/post/{year}"


def test_unplaced_photo_with_brackets_in_caption_is_published(recap_library, tmp_path):
    talk = recap_library.talks["Sketchnoting for Engineers"]
    attach_to_talk(
        recap_library,
        talk.id,
        [make_photo(tmp_path / "cam" / "IMG_20260514_120000.jpg")],
        caption="[Lightning] Intro – 1",
        append_to_note=False,  # attached, not placed in the note
    )
    blog = copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path)
    result = export(recap_library, DAY1, blog)
    text = (blog / result.plan.post_path).read_text()
    assert "photo:" not in text
    assert "![(Lightning) Intro – 1](/img/" in text


def test_jpeg_comment_and_xmp_are_stripped_icc_kept(tmp_path):
    from PIL import ImageCms

    from desktop.media.publish import export_photo

    source = make_photo(tmp_path / "IMG_1.jpg")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    with Image.open(source) as image:
        buffer = io.BytesIO()
        image.save(
            buffer,
            "JPEG",
            exif=image.getexif().tobytes(),
            comment=b"GPS 38.7N 9.1W SN-123456",
            xmp=b"<x:xmpmeta>SN-123456</x:xmpmeta>",
            icc_profile=icc,
        )
    source.write_bytes(buffer.getvalue())
    target = tmp_path / "out.jpg"
    export_photo(source, target)
    data = target.read_bytes()
    assert b"SN-123456" not in data and b"GPS 38.7N" not in data
    with Image.open(target) as out:
        assert "comment" not in out.info and "xmp" not in out.info and not out.getexif()
        assert out.info.get("icc_profile") == icc


def test_refresh_with_a_recording_adds_one_line_to_the_recap(recap_library, tmp_path):
    """The schedule published recordings after the conference: refresh it, export again."""
    from desktop.services.importing import import_schedule
    from tests.conftest import SAMPLE

    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    first = export(recap_library, DAY1, blog)
    post = blog / first.plan.post_path
    before = post.read_text(encoding="utf-8").splitlines()
    slides = '<link href="https://harbourconf.example/2026/talk/102/slides.pdf">Slides</link>'
    recording = '<link href="https://media.example/harbourconf-2026-102.webm">Video</link>'
    refreshed = tmp_path / "schedule.xml"
    refreshed.write_text(SAMPLE.read_text().replace(slides, slides + recording))
    import_schedule(recap_library, str(refreshed), conference_id=1)
    again = export(recap_library, DAY1, blog)
    assert [f.path for f in again.plan.files if f.action != "unchanged"] == [first.plan.post_path]
    after = post.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        (
            changed[0][0],
            changed[0][0] + " · [Recording](https://media.example/harbourconf-2026-102.webm)",
        )
    ]


@pytest.mark.parametrize("generator", ["hugo", "jekyll"])
def test_a_time_stamp_after_a_quote_is_published_after_it(recap_library, tmp_path, generator):
    """The editor puts a blank line between a quote and a stamp under it; the export keeps
    it, so goldmark and kramdown publish the stamp after the quote, not in it."""
    from desktop.store.notes import save_talk_note

    save_talk_note(
        recap_library,
        recap_library.talks["Sketchnoting for Engineers"].id,
        '> "Draw boxes first"\n> \\- Ana Lima\n\n[19:34 WEST] demo time\n',
    )
    page_path = _built_day_one(generator, recap_library, tmp_path)
    page = read_page(page_path)
    assert any("Draw boxes first" in q for q in page.quotes)
    assert "[19:34 WEST] demo time" in page.text
    assert not any("demo time" in q for q in page.quotes)


@pytest.mark.parametrize("generator", ["hugo", "jekyll"])
def test_a_stamp_into_the_talk_is_published_as_one(recap_library, tmp_path, generator):
    """[10:15] (10 min 15 s into the talk) was published as it is: a reader takes it for a
    clock time, before the 10:30 talk began. It reads "(10:15 in)"; with the talk's recording
    known, it links to that moment of it."""
    from desktop.store.notes import save_talk_note

    save_talk_note(
        recap_library,
        recap_library.talks["Sketchnoting for Engineers"].id,
        "[10:15]  demo time\n\n[1:02:03] questions\n",
    )
    webm = "https://video.example.org/2026/sketchnoting.webm"
    save_talk_note(
        recap_library, recap_library.talks["Static Sites in 2026"].id, "[05:00] Hugo's speed\n"
    )
    _set_talk(
        recap_library,
        "Static Sites in 2026",
        links_json=json.dumps([{"title": "Video recording", "url": webm, "kind": "video"}]),
    )
    page = read_page(_built_day_one(generator, recap_library, tmp_path))
    assert "(10:15 in) demo time" in page.text and "(1:02:03 in) questions" in page.text
    assert "[10:15]" not in page.text and "[1:02:03]" not in page.text
    assert (f"{webm}#t=300", "5:00 in") in page.links
