"""A day recap and a conference recap of FOSDEM 2024 (the real schedule), with notes, quotes,
real slide photos and the schedule's links, exported with the command line and nothing but
`--to` into a copy of each real blog, built with the real generator. Golden files show the
whole post."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import frontmatter
import pytest

from desktop.services.importing import import_schedule
from desktop.services.photos import attach_to_talk
from desktop.store.library import open_library
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from tests.conftest import shared_fixture
from tests.exporters.conftest import copy_blog, require
from tests.exporters.html_check import image_files, read_page
from tests.test_cli import run

GOLDEN = Path(__file__).parent / "golden"
SLIDES = "blogs/galexrt+www.edenmal.moe/content/post/2018/KubeCon-Copenhagen-2018-Day-2"
NOTES = {
    "Where have the women of tech history gone?": (
        "Laura Durieux walked through the women who built computing and were written out of "
        "its history.\n\n"
        '> "Ada Lovelace is not the exception, she is the one we remember."\n'
        "> \\- Laura Durieux\n\n"
        "Key points:\n\n- ENIAC's six programmers were not credited for decades\n"
        "- Wikipedia edit-a-thons help\n"
    ),
    "NetBSD 10: Thirty years, still going strong!": (
        "NetBSD 10 is out after a long wait. Highlights:\n\n"
        "- WireGuard in the kernel\n- much better SMP performance\n- ZFS improvements\n\n"
        "It still runs on a VAX, and the demo proved it."
    ),
    "Boosting CephFS Security in Kubernetes: Rook's Intelligent Network Fencing for "
    "Uninterrupted Data Flow and Workload Harmony!": (
        "Rook now fences a node's network when it fails, so CephFS clients cannot write "
        "after their lease is gone.\n\n### Why it matters\n\nSplit brain on shared file "
        "systems is the bug nobody wants to debug at 3 am."
    ),
    "FOSDEM 2024 Highlights": "The closing keynote: a year of FOSDEM in ten minutes.\n",
}
PHOTOS = {
    "Where have the women of tech history gone?": ["IMG_20180503_090849.jpg"],
    "NetBSD 10: Thirty years, still going strong!": [
        "IMG_20180503_091152.jpg",
        "IMG_20180503_091557.jpg",
    ],
}
CAPTIONS = {"IMG_20180503_091557.jpg": "WireGuard in the kernel"}
DAY = "2024-02-03"


@pytest.fixture(scope="module")
def fosdem(tmp_path_factory):
    """A library with FOSDEM 2024 and notes and photos on four talks of both days."""
    folder = tmp_path_factory.mktemp("fosdem") / "lib"
    lib = open_library(folder)
    try:
        import_schedule(lib, str(shared_fixture("schedules/xml/fosdem-2024-schedule.xml")))
        talks = {t.title: t for t in list_talks(lib)}
        for title, body in NOTES.items():
            save_talk_note(lib, talks[title].id, body)
        for title, names in PHOTOS.items():
            for name in names:
                attach_to_talk(
                    lib, talks[title].id, [shared_fixture(f"{SLIDES}/{name}")], CAPTIONS.get(name)
                )
    finally:
        lib.close()
    run(
        "recap",
        "wrapup",
        "--conference",
        "1",
        "--day",
        DAY,
        "--set",
        ("That was Saturday. Too many devrooms, too little time: see you tomorrow!"),
        library=folder,
    )
    return folder


def _export(library: Path, blog: Path, *scope: str) -> dict:
    result = run("export", *scope, "--to", str(blog), "--json", library=library)
    return json.loads(result.stdout)


def _golden(name: str, text: str) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        (GOLDEN / name).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / name).read_text(encoding="utf-8")


def _build_with_hugo(blog: Path) -> None:
    """Build the blog with the real hugo, as a git checkout (it has enableGitInfo)."""
    _hugo_stand_in_theme(blog)
    for git in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "blog"]):
        subprocess.run(
            ["git", "-c", "user.email=t@example.org", "-c", "user.name=T", *git],
            cwd=blog,
            check=True,
        )
    built = subprocess.run(["hugo", "--quiet"], cwd=blog, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr


def _hugo_stand_in_theme(blog: Path) -> None:
    """The blog's theme is a submodule the fixture does not include: a minimal stand-in."""
    layouts = blog / "themes" / "hugo-nuo" / "layouts"
    (layouts / "_default").mkdir(parents=True)
    page = (
        "<html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
        "{{ .Content }}</body></html>"
    )
    (layouts / "_default" / "single.html").write_text(page)
    (layouts / "_default" / "list.html").write_text("{{ range .Pages }}{{ .Title }}{{ end }}")
    (layouts / "index.html").write_text("{{ range .Site.RegularPages }}{{ .Title }}{{ end }}")


def _jekyll_stand_ins(blog: Path) -> None:
    """Layouts and includes the fixture does not carry (its posts name them)."""
    (blog / "_layouts").mkdir(exist_ok=True)
    (blog / "_layouts" / "post.html").write_text(
        "<html><head><title>{{ page.title }}</title></head><body><h1>{{ page.title }}</h1>"
        "{{ content }}</body></html>"
    )
    (blog / "_includes").mkdir(exist_ok=True)
    (blog / "_includes" / "youtube.html").write_text("")
    # posts the fixture's posts link to with post_url (the fixture holds five of the blog's)
    texts = " ".join(p.read_text(encoding="utf-8") for p in (blog / "_posts").glob("*.md"))
    for name in set(re.findall(r"\{%\s*post_url\s+(\S+)\s*%\}", texts)):
        stub = blog / "_posts" / f"{name}.md"
        if not stub.exists():
            stub.write_text("---\ntitle: (not in the fixture)\nlayout: post\n---\n")


def test_hugo_blog_day_and_conference_recaps(fosdem, tmp_path):
    require("hugo")
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    day = _export(fosdem, blog, "--day", DAY, "--conference", "1")
    whole = _export(fosdem, blog, "--conference", "1")
    assert day["post"] == "content/post/2024/FOSDEM-2024-Day-1.md"  # the blog's case
    assert whole["post"] == "content/post/2024/FOSDEM-2024.md"
    day_text = (blog / day["post"]).read_text(encoding="utf-8")
    _golden("fosdem-hugo-day1.md", day_text)
    _golden("fosdem-hugo-conference.md", (blog / whole["post"]).read_text(encoding="utf-8"))
    ours = frontmatter.loads(day_text)
    neighbour = frontmatter.load(blog / "content/post/2018/KubeCon-Copenhagen-2018-Day-2.md")
    assert list(ours.metadata) == [k for k in neighbour.metadata if k in ours.metadata]
    assert ours["tags"][:2] == ["Conferences", "FOSDEM"]  # the blog's own tags and casing
    assert {"Kubernetes", "Rook"} <= set(ours["tags"])  # the talks are about them
    photos = [f["path"] for f in day["files"] if f["kind"] == "photo"]
    assert all(p.startswith("content/post/2024/FOSDEM-2024-Day-1/IMG_") for p in photos)

    _build_with_hugo(blog)
    page_path = blog / "public" / "post" / "2024" / "FOSDEM-2024-Day-1" / "index.html"
    page = read_page(page_path)
    assert page.by_tag["h2"] == ["Keynotes", "Talks", "Summary"]
    assert (
        page.by_tag["h3"][0]
        == "Keynote: Where have the women of tech history gone? - Laura Durieux"
    )
    images = image_files(blog / "public", page_path, page)
    assert len(images) == 3 and all(p.is_file() for p in images)
    whole_page = read_page(blog / "public" / "post" / "2024" / "FOSDEM-2024" / "index.html")
    assert whole_page.by_tag["h2"] == [
        "Day 1 – Saturday, 3 February 2024",
        "Day 2 – Sunday, 4 February 2024",
    ]


def test_jekyll_blog_day_and_conference_recaps(fosdem, tmp_path):
    require("jekyll")
    blog = copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path)
    day = _export(fosdem, blog, "--day", DAY, "--conference", "1")
    whole = _export(fosdem, blog, "--conference", "1")
    assert day["post"] == "_posts/2024-02-03-fosdem-2024-day-1-recap.md"
    assert whole["post"] == "_posts/2024-02-03-fosdem-2024-recap.md"
    day_text = (blog / day["post"]).read_text(encoding="utf-8")
    _golden("fosdem-jekyll-day1.md", day_text)
    _golden("fosdem-jekyll-conference.md", (blog / whole["post"]).read_text(encoding="utf-8"))
    ours = frontmatter.loads(day_text)
    assert list(ours.metadata) == ["title", "layout", "category", "tags"]
    assert ours["tags"][:3] == ["conference", "recap", "fosdem"]

    _jekyll_stand_ins(blog)  # after the export: the stub post must not teach anything
    env = {**os.environ, "JEKYLL_NO_BUNDLER_REQUIRE": "true"}
    built = subprocess.run(
        ["jekyll", "build", "--quiet"], cwd=blog, env=env, capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    (page_path,) = (blog / "_site").rglob("fosdem-2024-day-1-recap.html")
    page = read_page(page_path)
    assert page.by_tag["h1"] == [
        "FOSDEM 2024 - Day 1 Recap",
        "Keynotes",
        "Talks",
        "Wrap Up",
    ]
    images = image_files(blog / "_site", page_path, page)
    assert len(images) == 3 and all(p.is_file() for p in images)


def test_plain_markdown_recap_with_html(fosdem, tmp_path):
    folder = tmp_path / "medium"
    folder.mkdir()
    day = json.loads(
        run(
            "export",
            "--day",
            DAY,
            "--conference",
            "1",
            "--to",
            str(folder),
            "--format",
            "markdown",
            "--json",
            library=fosdem,
        ).stdout
    )
    post = folder / day["post"]
    assert day["post"] == "fosdem-2024-day-1-recap/fosdem-2024-day-1-recap.md"
    _golden("fosdem-markdown-day1.md", post.read_text(encoding="utf-8"))
    html_file = post.with_suffix(".html")
    page = read_page(html_file)
    assert "Where have the women of tech history gone?" in page.strong
    images = image_files(folder, html_file, page)
    assert len(images) == 3 and all(p.is_file() for p in images)
    assert all(p.parent == post.parent / "img" for p in images)


def test_recording_added_by_a_refresh_changes_one_line(fosdem, tmp_path):
    from sqlmodel import Session, select

    from desktop.store.tables import TalkRow

    library = tmp_path / "lib"
    shutil.copytree(fosdem, library)
    blog = copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path)
    first = _export(library, blog, "--day", DAY, "--conference", "1")
    before = (blog / first["post"]).read_text(encoding="utf-8").splitlines()
    lib = open_library(library)
    try:
        with Session(lib.engine) as s:
            row = s.exec(select(TalkRow).where(TalkRow.title.startswith("NetBSD 10"))).one()
            links = json.loads(row.links_json)
            links.append(
                {
                    "title": "Video recording (WebM/VP9)",
                    "url": "https://video.fosdem.org/2024/k1105/netbsd.webm",
                }
            )
            row.links_json = json.dumps(links)
            s.add(row)
            s.commit()
    finally:
        lib.close()
    again = _export(library, blog, "--day", DAY, "--conference", "1")
    after = (blog / again["post"]).read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    assert changed[0][1] == changed[0][0] + (
        " · [Recording](https://video.fosdem.org/2024/k1105/netbsd.webm)"
    )


SESSIONIZE = "schedules/json/sessionize-global-azure-austria-2024.json"
KEYNOTE = "Keynote: Pioneering the Future of Java with Intelligent Apps"


def test_speakers_affiliations_in_the_hugo_blogs_headings(tmp_path):
    """Global Azure Austria (Sessionize: a tag line per speaker), one speaker's tag line taken
    out: exported with nothing but --to into the KubeCon blog, whose headings read
    'Keynote: Title - Speaker, Role, Company', and built with hugo."""
    require("hugo")
    doc = json.loads(shared_fixture(SESSIONIZE).read_text(encoding="utf-8"))
    (sandra,) = [s for s in doc["speakers"] if s["fullName"] == "Sandra Ahlgrimm"]
    sandra["tagLine"] = ""
    schedule = tmp_path / "global-azure-austria-2024.json"
    schedule.write_text(json.dumps(doc), encoding="utf-8")
    library = tmp_path / "lib"
    run("import", str(schedule), "--tz", "Europe/Vienna", library=library)
    talks = json.loads(run("talks", "--json", library=library).stdout)
    keynote = next(t for t in talks if t["title"] == KEYNOTE)
    assert keynote["speakers"] == ["Ed Burns", "Sandra Ahlgrimm"]  # as before
    assert keynote["speaker_details"] == [
        {
            "name": "Ed Burns",
            "affiliation": "Principal Architect on the Java Tooling and Experiences team at "
            "Microsoft",
        },
        {"name": "Sandra Ahlgrimm", "affiliation": ""},
    ]
    dynatrace = next(t for t in talks if t["speakers"] == ["Katharina Sick"])
    for talk in (keynote, dynatrace):
        run("note", str(talk["id"]), "--append", "Notes.", library=library)
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    day = _export(library, blog, "--day", "2024-04-20", "--conference", "1")
    text = (blog / day["post"]).read_text(encoding="utf-8")
    assert (
        f"### {KEYNOTE} - Ed Burns, Principal Architect on the Java Tooling and Experiences "
        "team at Microsoft; Sandra Ahlgrimm\n" in text
    )
    _build_with_hugo(blog)
    page_path = blog / "public" / "post" / "2024" / Path(day["post"]).stem / "index.html"
    headings = read_page(page_path).by_tag["h3"]
    assert f"{dynatrace['title']} - Katharina Sick, Software Engineer at Dynatrace" in headings
