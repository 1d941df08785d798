"""Talk abstracts: stored as the schedule published them (HTML, Markdown or plain text) and
turned into Markdown when shown.

Converting on display instead of at import keeps a FOSDEM import inside its budget (its 876
HTML abstracts cost 55 ms to convert, ~60 µs when one talk is opened), keeps the library's
copy faithful to the source, and lets a better converter improve abstracts already stored.
"""

from __future__ import annotations

import re
from html import unescape

INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # soft hyphen, zero-width
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def clean(text: str | None) -> str:
    """An abstract as stored: Unix newlines, no invisible characters, no outer blanks."""
    text = text or ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = INVISIBLE.sub("", text)
    return text.strip()


def is_html(text: str) -> bool:
    return _HTML_TAG.search(text) is not None


def to_markdown(text: str) -> str:
    """Markdown for an abstract: HTML is converted, Markdown and plain text pass unchanged."""
    if not is_html(text):
        return text
    from desktop.core.html_to_markdown import html_to_markdown

    return html_to_markdown(text)


def combine(abstract: str, description: str) -> str:
    """A talk's text from its abstract and description: the description, falling back to the
    abstract; both when they differ. Both are cleaned; when only one is HTML, both become
    Markdown so that the result is one kind of text."""
    abstract, description = clean(abstract), clean(description)
    if not description or description == abstract:
        return abstract
    if not abstract or abstract in description:
        return description
    if is_html(abstract) != is_html(description):
        abstract, description = to_markdown(abstract), to_markdown(description)
    return f"{abstract}\n\n{description}"


def search_text(text: str, limit: int = 3000) -> str:
    """The words of (the start of) an abstract, for filtering: tags dropped, entities decoded."""
    text = text[:limit]
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    return unescape(text) if "&" in text else text
