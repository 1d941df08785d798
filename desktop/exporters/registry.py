"""The blog engines Talknotes writes for. Adding one is a module with a `Generator` subclass
(exporters/hugo.py is the example) and one line in ENGINES; the CLI's `--format` choices,
the export dialog and the profile form all read this list.

The entries are import paths, not classes: the CLI builds its parser from the names without
importing the exporters, so `talknotes --help` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.exporters.base import Generator
    from desktop.exporters.profile import BlogProfile

ENGINES: dict[str, str] = {
    "hugo": "desktop.exporters.hugo:Hugo",
    "jekyll": "desktop.exporters.jekyll:Jekyll",
    "markdown": "desktop.exporters.markdown:PlainMarkdown",
}


def names() -> list[str]:
    return list(ENGINES)


def generator_class(name: str) -> type[Generator]:
    """The engine registered as `name`; KeyError for an unknown one."""
    module, _, cls = ENGINES[name].partition(":")
    found: type[Generator] = getattr(import_module(module), cls)
    return found


def default_profile(name: str) -> BlogProfile:
    """The engine's defaults, for a blog with no posts to learn from."""
    return generator_class(name).default_profile()
