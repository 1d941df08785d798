"""Conferences in the library."""

from __future__ import annotations

from sqlmodel import Session

from desktop.core.models import Conference
from desktop.store import convert
from desktop.store.library import Library
from desktop.store.reading import get_conference as get_conference  # reads: plain SQL
from desktop.store.reading import list_conferences as list_conferences
from desktop.store.rows import matching_conference


def find_conference(lib: Library, source_uri: str, acronym: str) -> Conference | None:
    """The conference a re-import refreshes: same source, else same (non-empty) acronym."""
    with Session(lib.engine) as s:
        row = matching_conference(s, source_uri, acronym)
        return convert.conference(row) if row else None
