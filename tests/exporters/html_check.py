"""Read a built page: headings, quotes and images (resolved against the site folder)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urlsplit


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.by_tag: dict[str, list[str]] = {}
        self.quotes: list[str] = []
        self.images: list[str] = []
        self.alts: list[str] = []
        self.strong: list[str] = []
        self.image_titles: list[str] = []
        self.title = ""
        self.texts: list[str] = []  # every piece of text outside tags, in order
        self.links: list[tuple[str, str]] = []  # (href, text) of each <a>
        self._link: tuple[str, list[str]] | None = None
        self._stack: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._link = (dict(attrs).get("href", "") or "", [])
        if tag == "img":
            self.images.append(dict(attrs).get("src", ""))
            self.alts.append(dict(attrs).get("alt", ""))
            self.image_titles.append(dict(attrs).get("title", "") or "")
        if tag in ("h1", "h2", "h3", "h4", "blockquote", "title", "strong"):
            self._stack.append(tag)
            self._text = []

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            href, text = self._link
            self.links.append((href, " ".join("".join(text).split())))
            self._link = None
        if self._stack and tag == self._stack[-1]:
            self._stack.pop()
            text = " ".join("".join(self._text).split())
            if tag == "blockquote":
                self.quotes.append(text)
            elif tag == "title":
                self.title = text
            elif tag == "strong":
                self.strong.append(text)
            else:
                self.headings.append(text)
                self.by_tag.setdefault(tag, []).append(text)

    @property
    def text(self) -> str:
        """The page's text as one line (runs of white space as one space)."""
        return " ".join("".join(self.texts).split())

    def handle_data(self, data):
        self.texts.append(data)
        if self._link is not None:
            self._link[1].append(data)
        if self._stack:
            self._text.append(data)


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def image_files(site: Path, page_path: Path, page: Page) -> list[Path]:
    """Each <img src> as a file in the built site (relative srcs resolved like a browser)."""
    url_dir = "/" + str(page_path.parent.relative_to(site)).replace("\\", "/") + "/"
    found = []
    for src in page.images:
        path = unquote(urlsplit(src).path)
        absolute = path if path.startswith("/") else normpath(url_dir + path)
        found.append(site / absolute.lstrip("/"))
    return found
