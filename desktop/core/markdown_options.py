"""What the one Markdown renderer is set up with: its extensions and the photo link scheme.

A leaf module, so that core.render (no python-markdown at import) and core.markdown_parser (the
parser, loaded on the first render) share them without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core import photo_refs

EXTENSIONS = ["tables", "fenced_code", "sane_lists", "footnotes", "smarty"]
PHOTO_SCHEME = photo_refs.SCHEME

Resolver = Callable[[str], str | None]  # photo key → src, or None when unknown
