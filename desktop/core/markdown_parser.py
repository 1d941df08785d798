"""python-markdown with Talknotes' photo links: the parser behind core.render.render_html.

Kept apart so that importing core.render (the window does, at start-up) does not load
python-markdown; it loads on the first render, which runs off the GUI thread.
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from desktop.core.markdown_flavor import HUGO, prepare
from desktop.core.markdown_options import EXTENSIONS, PHOTO_SCHEME

if TYPE_CHECKING:
    from desktop.core.markdown_options import Resolver

_local = threading.local()


class _PhotoLinks(Treeprocessor):
    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.resolver: Resolver | None = None

    def run(self, root: Element) -> None:
        for img in root.iter("img"):
            src = img.get("src", "")
            if src.startswith(PHOTO_SCHEME):
                resolved = self.resolver(src[len(PHOTO_SCHEME) :]) if self.resolver else None
                if resolved:
                    img.set("src", resolved)
                else:
                    img.set("class", "missing-photo")


class _PhotoExtension(Extension):
    processor: _PhotoLinks

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (markdown's API)
        self.processor = _PhotoLinks(md)
        md.treeprocessors.register(self.processor, "talknotes_photos", 0)


def _extension(name: str) -> Extension:
    """A built-in extension, made from its module: named by a string, python-markdown first
    looks it up among every installed package's entry points (~35 ms of the first render)."""
    extension: Extension = importlib.import_module(f"markdown.extensions.{name}").makeExtension()
    return extension


def _instance() -> tuple[markdown.Markdown, _PhotoLinks]:
    """This thread's parser and its photo-link processor."""
    made: tuple[markdown.Markdown, _PhotoLinks] | None = getattr(_local, "md", None)
    if made is None:
        photos = _PhotoExtension()
        extensions = [*map(_extension, EXTENSIONS), photos]
        md = markdown.Markdown(extensions=extensions, output_format="html")
        made = _local.md = (md, photos.processor)
    return made


def convert(text: str, resolve_photo: Resolver | None = None, flavor: str = HUGO) -> str:
    """Markdown to an HTML fragment, as `flavor`'s engine reads it; one parser per thread."""
    md, photos = _instance()
    md.reset()
    photos.resolver = resolve_photo
    return md.convert(prepare(text, flavor))
