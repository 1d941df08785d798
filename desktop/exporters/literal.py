"""Schedule text for a post: without control characters, as Markdown that shows it exactly,
and URLs that end a Markdown link where they should (talk headings, links, the intro)."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """Published text without control characters (tab and newline stay); Unicode line and
    paragraph separators, which YAML folds, become spaces."""
    return _CONTROL.sub("", value).replace("\u2028", " ").replace("\u2029", " ")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


# by entity where a backslash is not an escape in every engine (python-markdown: | and ~)
_ENTITIES = {"<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;"}


def markdown_literal(text: str) -> str:
    """`text` as Markdown that shows exactly `text` (goldmark, kramdown, python-markdown)."""
    text = _MARKDOWN_SPECIAL.sub(
        lambda m: _ENTITIES.get(m.group(1), "\\" + m.group(1)), text.replace("&", "&amp;")
    )
    # "--" stays two hyphens (a flag, a separator): typographers make it a dash
    return re.sub(r"-{2,}", lambda m: "&#45;" * len(m.group(0)), text)


def link_target(url: str) -> str:
    """A URL that ends a Markdown link where it should (spaces and parentheses encoded)."""
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(char, code)
    return url.replace("{", "%7B").replace("}", "%7D")  # no template syntax in a link
