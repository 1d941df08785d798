"""Hugo export: golden tree, real `hugo` build of the day recap, conflicts and re-export."""

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from desktop.exporters.compose import ExportRequest
from desktop.exporters.registry import default_profile
from desktop.exporters.writer import ExportConflict
from desktop.services.exporting import export
from tests.exporters.conftest import build_hugo, copy_blog, hugo_site
from tests.exporters.html_check import image_files, read_page

GOLDEN = Path(__file__).parent / "golden"
DAY1 = ExportRequest("day", conference_id=1, day=date(2026, 5, 14))


def tree(root: Path) -> dict[str, object]:
    """Files under root: text files' content, images' size."""
    result: dict[str, object] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if path.suffix in (".jpg", ".png"):
            with Image.open(path) as image:
                result[rel] = image.size
        else:
            result[rel] = path.read_text(encoding="utf-8")
    return result


def test_day_recap_into_learned_blog_matches_golden(recap_library, tmp_path):
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    before = set(p.relative_to(blog).as_posix() for p in blog.rglob("*"))
    result = export(recap_library, DAY1, blog)
    added = {
        p
        for p in (p.relative_to(blog).as_posix() for p in blog.rglob("*") if p.is_file())
        if p not in before
    }
    assert added == set(result.written)
    out = tmp_path / "written"
    for rel in result.written:
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(blog / rel, out / rel)
    post = "content/post/2026/Harbour-Notes-Conference-2026-Day-1.md"
    if os.environ.get("UPDATE_GOLDEN"):
        (GOLDEN / "hugo-day1.md").write_text((out / post).read_text(encoding="utf-8"))
    expected_post = (GOLDEN / "hugo-day1.md").read_text(encoding="utf-8")
    assert tree(out) == {
        post: expected_post,
        "content/post/2026/Harbour-Notes-Conference-2026-Day-1/IMG_20260514_100500.jpg": (
            1600,
            800,
        ),
        "content/post/2026/Harbour-Notes-Conference-2026-Day-1/IMG_20260514_101200.jpg": (
            800,
            400,
        ),
        "content/post/2026/Harbour-Notes-Conference-2026-Day-1/IMG_20260514_110300.jpg": (
            1200,
            900,
        ),
    }


def test_real_hugo_builds_the_recap(recap_library, tmp_path):
    site = hugo_site(tmp_path)
    profile = default_profile("hugo")
    profile.photos, profile.post_dir, profile.image_width = "sibling", "content/post", "600px"
    export(recap_library, DAY1, site, profile=profile)
    public = build_hugo(site)
    page_path = public / "post" / "harbour-notes-conference-2026-day-1-recap" / "index.html"
    page = read_page(page_path)
    assert page.title == "Harbour Notes Conference 2026 – Day 1 Recap"
    assert page.by_tag["h2"] == [
        "Offline First, Always",
        "Sketchnoting for Engineers",
        "Static Sites in 2026",
    ]
    assert page.by_tag["h3"] == ["Key points"]  # the note's own heading, nested
    assert any("kill -9 it safely" in q for q in page.quotes)
    assert any("Your blog is a folder." in q for q in page.quotes)
    images = image_files(public, page_path, page)
    assert len(images) == 3 and all(p.is_file() for p in images), images
    html = page_path.read_text()
    assert "{{&lt; youtube x &gt;}}" in html or "{{< youtube x >}}" in html  # shown, not run


def test_real_hugo_builds_bundles_and_markdown_images(recap_library, tmp_path):
    site = hugo_site(tmp_path)
    profile = default_profile("hugo")  # page bundles, figure shortcode
    profile.front_matter = "toml"
    export(recap_library, ExportRequest("conference", conference_id=1), site, profile=profile)
    public = build_hugo(site)
    page_path = public / "posts" / "harbour-notes-conference-2026-recap" / "index.html"
    page = read_page(page_path)
    assert "Day 1 – Thursday, 14 May 2026" in page.headings  # weekday and date
    images = image_files(public, page_path, page)
    assert len(images) == 3 and all(p.is_file() for p in images)


def test_reexport_updates_in_place_and_refuses_edited_post(recap_library, tmp_path):
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    first = export(recap_library, DAY1, blog)
    again = export(recap_library, DAY1, blog)
    assert again.written == []  # nothing changed: nothing rewritten
    post = blog / first.plan.post_path
    post.write_text(post.read_text() + "\nA line the author added in the blog.\n")
    before = post.read_bytes()
    with pytest.raises(ExportConflict, match="edited in the blog"):
        export(recap_library, DAY1, blog)
    assert post.read_bytes() == before
    copy = export(recap_library, DAY1, blog, copy=True)
    # a copy is a draft (a bundle, so nothing of it is published) showing the same photos
    assert copy.plan.post_path.endswith("Day-1-2/index.md") and copy.plan.post.draft
    assert "draft: true" in (blog / copy.plan.post_path).read_text()
    assert [f.action for f in copy.plan.files if f.kind == "photo"] == ["unchanged"] * 3
    assert (
        "/post/2026/Harbour-Notes-Conference-2026-Day-1/IMG_"
        in (blog / copy.plan.post_path).read_text()
    )
    replaced = export(recap_library, DAY1, blog, overwrite=True)
    assert "A line the author added" not in post.read_text()
    (kept,) = replaced.plan.backups  # the hand edit is kept in the library, not lost
    assert Path(kept).read_bytes() == before and Path(kept).is_relative_to(recap_library.path)


def test_dry_run_lists_files_and_writes_nothing(recap_library, tmp_path):
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    before = sorted(p for p in blog.rglob("*"))
    result = export(recap_library, DAY1, blog, dry_run=True)
    assert [f.action for f in result.plan.files] == ["create"] * 4
    assert sorted(p for p in blog.rglob("*")) == before


@pytest.mark.parametrize("heading_form", ["plain", "title_speakers", "bold"])
def test_a_one_talk_post_shows_its_title_once(recap_library, tmp_path, heading_form):
    """A single talk's post had its title as the page's H1 and again as an H2 section
    heading: the title is the post's alone; the speakers and links stay."""
    site = hugo_site(tmp_path)
    profile = default_profile("hugo")
    profile.post_dir, profile.heading_form = "content/post", heading_form
    talk = recap_library.talks["Offline First, Always"]
    result = export(recap_library, ExportRequest("talk", talk_id=talk.id), site, profile=profile)
    public = build_hugo(site)
    (page_path,) = [p for p in public.rglob("index.html") if "offline-first" in p.as_posix()]
    page = read_page(page_path)
    html = page_path.read_text()
    headings = [h for tag in ("h1", "h2", "h3") for h in page.by_tag.get(tag, [])]
    assert headings.count("Offline First, Always") == 1, (
        html
    )  # the page's <h1> only (a figure's h4 shows a caption)
    assert "<strong>Offline First, Always</strong>" not in html
    assert page.by_tag["h2"] == ["Key points"]  # the note's heading, right below the title
    written = (site / result.plan.post_path).read_text()
    assert all(s in written for s in talk.speakers)  # who spoke, still said
    assert "Key points" in html
