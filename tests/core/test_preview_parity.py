"""The preview shows the blocks the blog will show: each corpus snippet rendered by the
preview and by real hugo and jekyll has the same elements, nested the same way."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from desktop.core.render import render_html
from tests.core.preview_corpus import CORPUS

# Elements that make a note's structure (attributes, text and whitespace do not count)
SHAPE = {"p", "ul", "ol", "li", "blockquote", "pre", "code", "table", "thead", "tbody", "tr"}
SHAPE |= {"th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "br", "hr", "img"}
VOID = {"br", "hr", "img"}


class _Shape(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SHAPE:
            self.lines.append("  " * len(self.open) + tag)
            if tag not in VOID:
                self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in SHAPE and tag not in VOID and tag in self.open:
            while self.open.pop() != tag:
                pass


def shape(html: str) -> str:
    parser = _Shape()
    parser.feed(html)
    return "\n".join(parser.lines)


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (make test installs it)")


@pytest.fixture(scope="session")
def hugo_pages(tmp_path_factory) -> dict[str, str]:
    """Every snippet built by hugo, once per session: {name: HTML}."""
    _need("hugo")
    site = tmp_path_factory.mktemp("parity") / "hugo"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "content").mkdir()
    (site / "hugo.toml").write_text('baseURL = "http://example.org/"\ntitle = "parity"\n')
    (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}")
    (site / "layouts" / "_default" / "list.html").write_text("")
    (site / "layouts" / "index.html").write_text("")
    for name, text in CORPUS.items():
        (site / "content" / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n{text}")
    subprocess.run(["hugo", "--quiet"], cwd=site, check=True, capture_output=True)
    return {n: (site / "public" / n / "index.html").read_text() for n in CORPUS}


@pytest.fixture(scope="session")
def jekyll_pages(tmp_path_factory) -> dict[str, str]:
    """Every snippet built by jekyll (kramdown), once per session: {name: HTML}."""
    _need("jekyll")
    site = tmp_path_factory.mktemp("parity") / "jekyll"
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: parity\nmarkdown: kramdown\n")
    (site / "_layouts" / "default.html").write_text("{{ content }}")
    for name, text in CORPUS.items():
        front = f"---\nlayout: default\ntitle: {name}\npermalink: /{name}/\n---\n"
        (site / f"{name}.md").write_text(front + text)
    result = subprocess.run(
        ["jekyll", "build", "--quiet"],
        cwd=site,
        env={**os.environ, "JEKYLL_NO_BUNDLER_REQUIRE": "true"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return {n: (site / "_site" / n / "index.html").read_text() for n in CORPUS}


@pytest.mark.parametrize("name", list(CORPUS))
def test_the_preview_shows_what_hugo_shows(name, hugo_pages):
    assert shape(render_html(CORPUS[name])) == shape(hugo_pages[name]), CORPUS[name]


@pytest.mark.parametrize("name", list(CORPUS))
def test_the_preview_for_a_jekyll_blog_shows_what_jekyll_shows(name, jekyll_pages):
    preview = render_html(CORPUS[name], flavor="jekyll")
    assert shape(preview) == shape(jekyll_pages[name]), CORPUS[name]


def test_the_engines_disagree_where_the_flavors_do(hugo_pages, jekyll_pages):
    """The corpus holds the cases where goldmark and kramdown differ (`1)` lists, an ordered
    list from 2 under a paragraph): the flavor is not decoration."""
    differ = [n for n in CORPUS if shape(hugo_pages[n]) != shape(jekyll_pages[n])]
    assert {"paren_list", "paragraph_then_ordered_not_1"} <= set(differ)
