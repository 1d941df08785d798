"""A fixed library for export tests: three talks with notes, quotes and photos."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.services.importing import import_schedule
from desktop.services.photos import attach_to_talk
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from tests.conftest import SAMPLE
from tests.imagegen import make_photo

NOTES = {
    "Offline First, Always": (
        "## Key points\n\n- SQLite in **WAL mode**\n- autosave within a second\n\n"
        "> \"If you can't kill -9 it safely, it isn't done.\"\n> \\- Bram Okafor\n"
    ),
    "Sketchnoting for Engineers": "Draw boxes first, words later.\n",
    "Static Sites in 2026": (
        'Plain files win.\n\n> "Your blog is a folder."\n> \\- Eitan Cohen\n\n'
        "A note that mentions {{< youtube x >}} and {{ site.title }} literally.\n"
    ),
}


@pytest.fixture
def recap_library(library, tmp_path):
    """The sample conference with notes on three talks of day 1 and three photos."""
    import_schedule(library, str(SAMPLE))
    talks = {t.title: t for t in list_talks(library)}
    for title, body in NOTES.items():
        save_talk_note(library, talks[title].id, body)
    camera = tmp_path / "camera"
    attach_to_talk(
        library,
        talks["Offline First, Always"].id,
        [
            make_photo(camera / "IMG_20260514_100500.jpg", size=(2400, 1200)),
            make_photo(camera / "IMG_20260514_101200.jpg", size=(800, 400), orientation=1),
        ],
    )
    attach_to_talk(
        library,
        talks["Static Sites in 2026"].id,
        [
            make_photo(camera / "IMG_20260514_110300.jpg", size=(1200, 900)),
        ],
    )
    library.talks = talks
    return library


def copy_blog(name: str, tmp_path: Path) -> Path:
    from tests.conftest import shared_fixture

    source = shared_fixture(f"blogs/{name}")
    target = tmp_path / name
    shutil.copytree(source, target)
    return target


def require(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (make test installs it)")


def hugo_site(tmp_path: Path) -> Path:
    """A fresh `hugo new site` with minimal layouts of our own."""
    require("hugo")
    subprocess.run(["hugo", "new", "site", "site"], cwd=tmp_path, check=True, capture_output=True)
    site = tmp_path / "site"
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    page = (
        "<html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
        "{{ .Content }}</body></html>"
    )
    (layouts / "single.html").write_text(page)
    listing = (
        "<html><body>{{ range .Pages }}<a href='{{ .RelPermalink }}'>{{ .Title }}</a>"
        "{{ end }}</body></html>"
    )
    (layouts / "list.html").write_text(listing)
    (site / "layouts" / "index.html").write_text(listing)
    return site


def build_hugo(site: Path) -> Path:
    subprocess.run(["hugo", "-D", "--quiet"], cwd=site, check=True, capture_output=True)
    return site / "public"


def jekyll_site(tmp_path: Path) -> Path:
    require("jekyll")
    site = tmp_path / "jsite"
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Test blog\nmarkdown: kramdown\n")
    page = (
        "<html><head><title>{{ page.title }}</title></head><body><h1>{{ page.title }}</h1>"
        "{{ content }}</body></html>"
    )
    (site / "_layouts" / "post.html").write_text(page)
    (site / "_layouts" / "default.html").write_text(page)
    return site


def build_jekyll(site: Path) -> Path:
    env = {**os.environ, "JEKYLL_NO_BUNDLER_REQUIRE": "true"}
    result = subprocess.run(
        ["jekyll", "build", "--drafts", "--quiet"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return site / "_site"
