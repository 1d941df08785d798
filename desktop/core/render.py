"""The one Markdown renderer: the preview shows what the exporters publish.

Photos are referenced in notes as `![caption](photo:SHA256PREFIX)`; a resolver maps that to a
path or URL (a thumbnail for the preview, the exported file for a blog).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

EXTENSIONS = ["tables", "fenced_code", "sane_lists", "footnotes", "smarty"]
PHOTO_SCHEME = "photo:"

Resolver = Callable[[str], str | None]  # photo key → src, or None when unknown

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
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (markdown's API)
        processor = _PhotoLinks(md)
        md.treeprocessors.register(processor, "talknotes_photos", 0)
        md.talknotes_photos = processor  # type: ignore[attr-defined]


def _instance() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=[*EXTENSIONS, _PhotoExtension()], output_format="html")
        _local.md = md
    return md


def render_html(text: str, resolve_photo: Resolver | None = None) -> str:
    """Markdown to an HTML fragment. Thread-safe (one parser per thread)."""
    md = _instance()
    md.reset()
    md.talknotes_photos.resolver = resolve_photo  # type: ignore[attr-defined]
    return md.convert(text)


def word_count(text: str) -> int:
    return len(text.split())
