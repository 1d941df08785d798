"""The blog's config decides where a post goes, its address and whether it is built
(desktop/exporters/site_config.py): each checked with real `jekyll build` and `hugo`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.exporters.compose import ExportRequest
from desktop.exporters.learn import learn
from desktop.exporters.registry import default_profile
from desktop.services.exporting import export
from desktop.services.importing import import_schedule
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from tests.conftest import SAMPLE
from tests.exporters.conftest import build_hugo, build_jekyll, copy_blog, hugo_site, require

DAY1 = ExportRequest("day", conference_id=1, day=date(2026, 5, 14))
SLUG = "harbour-notes-conference-2026-day-1-recap"
PAGE = "<html><body><h1>{{ page.title }}</h1>{{ content }}</body></html>"


def _jekyll(folder: Path, config: str, site: str = "") -> Path:
    """A Jekyll blog with `config` as its _config.yml and its layouts under `site`."""
    require("jekyll")
    layouts = folder / site / "_layouts"
    layouts.mkdir(parents=True)
    for name in ("post.html", "default.html"):
        (layouts / name).write_text(PAGE)
    (folder / "_config.yml").write_text("title: T\nmarkdown: kramdown\n" + config)
    return folder


def test_jekyll_source_collections_dir_permalink_baseurl_and_timezone(recap_library, tmp_path):
    """The post went to _posts/ at the root, where a blog with `source` and
    `collections_dir` has none: Jekyll built without it. Now it goes under both, its photos
    under `source`, and its address (the config's url, baseurl and permalink, the date in
    the config's zone: 10:00 in London is the day before in Honolulu) is where Jekyll puts
    it."""
    blog = _jekyll(
        tmp_path / "blog",
        "source: src\ncollections_dir: things\nurl: https://blog.example\nbaseurl: /notes\n"
        "permalink: /:categories/:year/:month/:day/:title/\ntimezone: Pacific/Honolulu\n",
        site="src",
    )
    profile = learn(copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path))
    profile.date_in_front_matter = True  # (its posts have none: the file name's day counts)
    result = export(recap_library, DAY1, blog, profile=profile, draft=False)
    assert result.plan.post_path == f"src/things/_posts/2026-05-14-{SLUG}.md"
    photos = [f.path for f in result.plan.files if f.kind == "photo"]
    assert len(photos) == 3 and all(p.startswith(f"src/img/{SLUG}/") for p in photos)
    assert result.url == f"https://blog.example/notes/blog/2026/05/13/{SLUG}/"
    built = build_jekyll(blog)
    page = built / f"blog/2026/05/13/{SLUG}/index.html"
    assert page.is_file() and "Offline First, Always" in page.read_text()
    # the blog's /img/ links, under the baseurl the site is served at
    assert f'src="/notes/img/{SLUG}/IMG_20260514_100500.jpg"' in page.read_text()
    assert all((built / p.removeprefix("src/")).is_file() for p in photos)


@pytest.mark.parametrize(
    ("permalink", "where"),
    [
        ("", f"2026/05/14/{SLUG}.html"),  # the default: date
        ("permalink: pretty\n", f"2026/05/14/{SLUG}/index.html"),
        ("permalink: none\n", f"{SLUG}.html"),
        ("permalink: /:title\n", f"{SLUG}.html"),  # (its address has no .html)
        ("permalink: /p/:year/:i_month/:slug:output_ext\n", f"p/2026/5/{SLUG}.html"),
        (
            "defaults:\n  - scope: {path: '', type: posts}\n    values:\n"
            "      permalink: /archive/:short_year/:title/\n      categories: [Conf Notes]\n",
            f"archive/26/{SLUG}/index.html",
        ),
    ],
)
def test_jekyll_permalinks_name_the_page_jekyll_builds(recap_library, tmp_path, permalink, where):
    blog = _jekyll(tmp_path / "blog", permalink + "timezone: Europe/London\n")
    (blog / "_posts").mkdir()
    result = export(recap_library, DAY1, blog, profile=default_profile("jekyll"), draft=False)
    built = build_jekyll(blog)
    assert result.url is not None
    assert (built / where).is_file(), sorted(p.relative_to(built) for p in built.rglob("*.html"))
    address = "/" + where.removesuffix("index.html")
    assert result.url == (address.removesuffix(".html") if "/:title" in permalink else address)


@pytest.fixture
def next_year_library(library, tmp_path):
    """The sample conference a year from now, a note on its first day's second talk."""
    year = datetime.now(UTC).year + 1
    schedule = tmp_path / "next-year.xml"
    schedule.write_text(SAMPLE.read_text().replace("2026-05-1", f"{year}-05-1"))
    import_schedule(library, str(schedule))
    talk = next(t for t in list_talks(library) if t.title == "Offline First, Always")
    save_talk_note(library, talk.id, "Written ahead.\n")
    library.talk_id = talk.id
    return library


def test_a_jekyll_post_dated_in_the_future_is_said_not_to_be_built(next_year_library, tmp_path):
    """Jekyll skips a post dated after the build (`future` is false by default): it was
    written and missing from the site without a word. The export says so, and with
    `future: true` it is built and nothing is said."""
    blog = _jekyll(tmp_path / "blog", "")
    (blog / "_posts").mkdir()
    request = ExportRequest("talk", talk_id=next_year_library.talk_id)
    result = export(
        next_year_library, request, blog, profile=default_profile("jekyll"), draft=False
    )
    (told,) = [w for w in result.warnings if "after now" in w]
    assert told.startswith(
        f"{result.plan.post_path}: dated {datetime.now(UTC).year + 1}-05-14T10:00+01:00"
    )
    assert "Jekyll does not build it before then (`future: true` in _config.yml" in told
    assert not list(build_jekyll(blog).rglob("offline-first-always*"))

    with (blog / "_config.yml").open("a") as config:
        config.write("future: true\n")
    again = export(next_year_library, request, blog, profile=default_profile("jekyll"), draft=False)
    assert not [w for w in again.warnings if "after now" in w]
    built = build_jekyll(blog)
    assert [p.relative_to(built).as_posix() for p in built.rglob("offline-first-always*")] == [
        again.url.lstrip("/")
    ]


def _hugo(tmp_path: Path, config: str) -> Path:
    site = hugo_site(tmp_path)
    with (site / "config.toml").open("a") as toml:
        toml.write(config)
    return site


def test_hugo_content_dir_permalinks_and_base_url(recap_library, tmp_path):
    """A Hugo blog whose contentDir is not content/: the post went to content/, which Hugo
    does not build. Now it goes to contentDir; its address follows the section's
    permalinks and baseURL's path, and Hugo writes it there."""
    site = _hugo(
        tmp_path,
        'contentDir = "src/pages"\n[permalinks]\nposts = "/:year/:month/:title/"\n',
    )
    (site / "config.toml").write_text(
        (site / "config.toml").read_text().replace("http://example.org/", "https://ex.org/b/")
    )
    result = export(recap_library, DAY1, site, profile=default_profile("hugo"), draft=False)
    assert result.plan.post_path == f"src/pages/posts/{SLUG}/index.md"
    built = build_hugo(site)
    assert result.url == f"https://ex.org/b/2026/05/{SLUG}/"
    page = built / result.url.removeprefix("https://ex.org/b/") / "index.html"
    assert page.is_file(), sorted(p.relative_to(built) for p in built.rglob("*.html"))
    assert (page.parent / "IMG_20260514_100500.jpg").is_file()


def test_a_hugo_post_dated_in_the_future_is_said_not_to_be_built(next_year_library, tmp_path):
    site = _hugo(tmp_path, "")
    request = ExportRequest("talk", talk_id=next_year_library.talk_id)
    result = export(next_year_library, request, site, profile=default_profile("hugo"), draft=False)
    (told,) = [w for w in result.warnings if "after now" in w]
    assert "Hugo does not build it before then (`buildFuture = true` in config.toml" in told
    assert result.url == "http://example.org/posts/offline-first-always/"
    built = build_hugo(site)
    assert not (built / "posts/offline-first-always/index.html").exists()
    with (site / "config.toml").open("a") as config:
        config.write("buildFuture = true\n")
    again = export(next_year_library, request, site, profile=default_profile("hugo"), draft=False)
    assert not [w for w in again.warnings if "after now" in w]
    assert (build_hugo(site) / "posts/offline-first-always/index.html").is_file()


def test_jekyll_posts_are_learned_from_collections_dir(tmp_path):
    blog = tmp_path / "blog"
    (blog / "coll" / "_posts").mkdir(parents=True)
    (blog / "_config.yml").write_text("collections_dir: coll\n")
    (blog / "coll" / "_posts" / "2024-01-01-a.md").write_text(
        "---\nlayout: article\ntitle: A\n---\nBody.\n"
    )
    profile = learn(blog)
    assert (profile.learned_from, profile.layout) == (1, "article")


def test_a_config_folder_leading_out_of_the_blog_is_told_and_ignored(tmp_path):
    from desktop.exporters.site_config import read_config

    (tmp_path / "blog").mkdir()
    for value in ("../elsewhere", "/etc"):
        (tmp_path / "blog" / "_config.yml").write_text(f"source: {value}\n")
        problems: list = []
        site = read_config(tmp_path / "blog", "jekyll", problems)
        assert site.source == ""
        assert [str(p) for p in problems] == [
            f"_config.yml: source: '{value}' is not a folder inside the blog; ignored"
        ]
    (tmp_path / "blog" / "_config.yml").write_text("source: ./site/\n")
    assert read_config(tmp_path / "blog", "jekyll").posts_folder().as_posix() == "site"


def test_hugo_title_in_a_permalink_is_hugos():
    from desktop.exporters.hugo import urlize

    assert urlize(" Harbour Notes 2026 – Day 1: Zoë's  talk @ #3 ") == (
        "Harbour-Notes-2026-Day-1-Zoës-talk-@-#3"
    )


def test_a_jekyll_post_without_a_date_key_waits_for_midnight_in_the_sites_zone():
    """A recap of a talk at 08:00 in Tokyo, exported at 23:30 UTC the evening before (the
    talk is over): a post without a date key is dated by its file name, 00:00 of the talk's
    day in the site's zone (`timezone`, else the build machine's), still half an hour ahead.
    With a date key it is the talk's own time, already past."""
    from zoneinfo import ZoneInfo

    from desktop.exporters.compose import Post
    from desktop.exporters.jekyll import Jekyll
    from desktop.exporters.site_config import SiteConfig
    from desktop.services.exporting import future_warning

    talk = datetime(2026, 12, 2, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    post = Post("Recap", talk, "", [], "recap", "", [])
    now = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
    profile = default_profile("jekyll")
    profile.date_in_front_matter = False
    jekyll = Jekyll(profile, SiteConfig("jekyll", config_file="_config.yml", timezone="UTC"))
    (told,) = future_warning(jekyll, post, "_posts/2026-12-02-recap.md", now)
    assert told.startswith("_posts/2026-12-02-recap.md: dated 2026-12-02T00:00+00:00, after now")
    profile.date_in_front_matter = True
    assert future_warning(jekyll, post, "_posts/2026-12-02-recap.md", now) == []


def test_hugos_config_directory_is_read_as_hugo_reads_it(recap_library, tmp_path):
    """A Hugo blog configured in config/_default/ (its settings in hugo.toml, its permalinks
    in permalinks.toml, as themes like Blowfish set up): the post went to content/ and its
    address missed the permalinks."""
    site = hugo_site(tmp_path)
    (site / "config.toml").unlink()
    folder = site / "config" / "_default"
    folder.mkdir(parents=True)
    (folder / "hugo.toml").write_text(
        'baseURL = "https://ex.org/"\ntitle = "T"\ncontentDir = "pages"\n'
    )
    (folder / "permalinks.toml").write_text('posts = "/:year/:slugorfilename/"\n')
    result = export(recap_library, DAY1, site, profile=default_profile("hugo"), draft=False)
    assert result.plan.post_path == f"pages/posts/{SLUG}/index.md"
    assert result.url == f"https://ex.org/2026/{SLUG}/"
    built = build_hugo(site)
    assert (built / f"2026/{SLUG}/index.html").is_file(), sorted(built.rglob("*.html"))


def test_jekyll_defaults_scoped_to_posts_under_collections_dir(recap_library, tmp_path):
    blog = _jekyll(
        tmp_path / "blog",
        "collections_dir: coll\ndefaults:\n  - scope: {path: coll/_posts}\n"
        "    values: {permalink: '/notes/:title/'}\n",
    )
    result = export(recap_library, DAY1, blog, profile=default_profile("jekyll"), draft=False)
    assert result.plan.post_path.startswith("coll/_posts/")
    assert result.url == f"/notes/{SLUG}/"
    assert (build_jekyll(blog) / f"notes/{SLUG}/index.html").is_file()
