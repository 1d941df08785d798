"""Jekyll export: golden post in the learned blog, real `jekyll build`, drafts, Liquid safety."""

import os
import re
from datetime import date
from pathlib import Path

from desktop.exporters.compose import ExportRequest
from desktop.exporters.learn import learn
from desktop.services.exporting import export
from tests.exporters.conftest import build_jekyll, copy_blog, jekyll_site
from tests.exporters.html_check import image_files, read_page

GOLDEN = Path(__file__).parent / "golden"
DAY1 = ExportRequest("day", conference_id=1, day=date(2026, 5, 14))


def test_day_recap_into_learned_blog_matches_golden(recap_library, tmp_path):
    blog = copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path)
    result = export(recap_library, DAY1, blog, draft=False)
    post = "_posts/2026-05-14-harbour-notes-conference-2026-day-1-recap.md"
    folder = "img/harbour-notes-conference-2026-day-1-recap"
    assert sorted(result.written) == sorted(
        [
            post,
            f"{folder}/IMG_20260514_100500.jpg",
            f"{folder}/IMG_20260514_101200.jpg",
            f"{folder}/IMG_20260514_110300.jpg",
        ]
    )
    if os.environ.get("UPDATE_GOLDEN"):
        (GOLDEN / "jekyll-day1.md").write_text((blog / post).read_text(encoding="utf-8"))
    assert (blog / post).read_text(encoding="utf-8") == (GOLDEN / "jekyll-day1.md").read_text(
        encoding="utf-8"
    )


def test_post_looks_like_its_neighbours(recap_library, tmp_path):
    import frontmatter

    blog = copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path)
    result = export(recap_library, DAY1, blog, draft=False)
    ours = frontmatter.load(blog / result.plan.post_path)
    neighbour = frontmatter.load(blog / "_posts" / "2017-03-28-kubecon-day-1.md")
    assert list(ours.metadata) == ["title", "layout", "category", "tags"]
    assert set(ours.metadata) == set(neighbour.metadata)
    assert ours["layout"] == "post" and ours["category"] == "blog"
    assert isinstance(ours["tags"], list)
    assert "](/img/" in ours.content  # site-absolute /img/ links like the neighbours


def test_real_jekyll_builds_draft_then_published_recap(recap_library, tmp_path):
    site = jekyll_site(tmp_path)
    profile = learn(copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path))
    result = export(recap_library, DAY1, site, profile=profile, draft=True)
    assert result.plan.post_path == "_drafts/harbour-notes-conference-2026-day-1-recap.md"
    # a draft's photos would be published by any build: they wait for the post
    assert [f.action for f in result.plan.files if f.kind == "photo"] == ["held"] * 3
    assert not (site / "img").exists()
    assert any("held back" in w for w in result.warnings)
    built = build_jekyll(site)
    pages = [p for p in built.rglob("*.html") if "harbour-notes" in p.as_posix()]
    assert len(pages) == 1
    page = read_page(pages[0])
    assert page.title == "Harbour Notes Conference 2026 - Day 1 Recap"
    assert page.by_tag["h1"][1:] == [  # the blog's own form: # Title, then links
        "Offline First, Always",
        "Sketchnoting for Engineers",
        "Static Sites in 2026",
    ]
    assert any("kill -9 it safely" in q for q in page.quotes)
    html = pages[0].read_text()
    assert "{{ site.title }}" in html  # Liquid in a note is shown, not run

    published = export(recap_library, DAY1, site, profile=profile, draft=False)
    post = "_posts/2026-05-14-harbour-notes-conference-2026-day-1-recap.md"
    assert published.plan.post_path == post
    removed = [f.path for f in published.plan.files if f.action == "remove"]
    assert removed == [result.plan.post_path]  # moved, not copied beside the draft
    assert not (site / result.plan.post_path).exists()
    built = build_jekyll(site)
    (page_path,) = [p for p in built.rglob("*.html") if "harbour-notes" in p.as_posix()]
    images = image_files(built, page_path, read_page(page_path))
    assert len(images) == 3 and all(p.is_file() for p in images), images


def test_relative_url_style_builds(recap_library, tmp_path):
    site = jekyll_site(tmp_path)
    profile = learn(copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path))
    profile.image_style, profile.draft = "relative_url", False
    result = export(recap_library, DAY1, site, profile=profile)
    assert "| relative_url }}" in (site / result.plan.post_path).read_text()
    built = build_jekyll(site)
    (page_path,) = [p for p in built.rglob("*.html") if "harbour-notes" in p.as_posix()]
    images = image_files(built, page_path, read_page(page_path))
    assert len(images) == 3 and all(p.is_file() for p in images)


def test_a_notes_paren_numbered_list_is_a_list_on_the_jekyll_page(recap_library, tmp_path):
    """kramdown has no `1)` lists: a note's `1) first` came out as text in a paragraph. The
    items are written `1.`; a `2)` inside a paragraph line and code keep theirs."""
    from desktop.store.notes import save_talk_note

    note = (
        "Steps:\n\n1) measure first\n2) then cut\n   still the second step\n\n"
        "Costs went up by\n2) not a list here\n\n```\n1) code stays\n```\n"
    )
    save_talk_note(recap_library, recap_library.talks["Sketchnoting for Engineers"].id, note)
    site = jekyll_site(tmp_path)
    profile = learn(copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path))
    profile.draft = False
    talk = recap_library.talks["Sketchnoting for Engineers"]
    result = export(recap_library, ExportRequest("talk", talk_id=talk.id), site, profile=profile)
    written = (site / result.plan.post_path).read_text()
    assert "1) code stays" in written and "2) not a list here" in written
    built = build_jekyll(site)
    (page_path,) = [p for p in built.rglob("*.html") if "sketchnoting" in p.as_posix()]
    html = page_path.read_text()
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert "<ol>" in html
    assert [" ".join(i.split()) for i in items] == [
        "measure first",
        "then cut still the second step",
    ]
    assert "1) code stays" in html


def test_one_blank_line_between_blocks_of_a_post(recap_library, tmp_path):
    """A note with photos placed by the editor (each with blank lines around it) and one
    whose reference is left out came out with runs of blank lines before the photos: one
    blank line between blocks, code blocks as written."""
    from desktop.store.notes import save_talk_note

    talk = recap_library.talks["Offline First, Always"]
    note = (
        "Text.\n\n\n\n![](photo:0000000000000000)\n\n\n"  # (no such photo: left out)
        "More text.\n\n\n```\ncode\n\n\nstill code\n```\n\n\n\n"
    )
    save_talk_note(recap_library, talk.id, note)
    site = jekyll_site(tmp_path)
    profile = learn(copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path))
    profile.draft = False
    result = export(recap_library, ExportRequest("talk", talk_id=talk.id), site, profile=profile)
    written = (site / result.plan.post_path).read_text()
    outside_code = re.sub(r"```\n.*?```\n", "CODE\n", written, flags=re.S)
    assert "\n\n\n" not in outside_code, written
    assert "```\ncode\n\n\nstill code\n```" in written
    assert written.count("](/img/") == 2  # the attached photos, appended
    built = build_jekyll(site)
    (page,) = [p for p in built.rglob("*.html") if "offline-first" in p.as_posix()]
    assert "still code" in page.read_text()
