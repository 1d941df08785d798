"""Conferences in the library."""

from __future__ import annotations

from sqlmodel import Session, select

from desktop.core.models import Conference
from desktop.store import convert
from desktop.store.library import Library
from desktop.store.rows import get_row, matching_conference
from desktop.store.tables import ConferenceRow


def list_conferences(lib: Library) -> list[Conference]:
    with Session(lib.engine) as s:
        rows = s.exec(select(ConferenceRow).order_by(ConferenceRow.id)).all()
        return [convert.conference(r) for r in rows]


def get_conference(lib: Library, conference_id: int) -> Conference:
    with Session(lib.engine) as s:
        return convert.conference(get_row(s, ConferenceRow, conference_id))


def find_conference(lib: Library, source_uri: str, acronym: str) -> Conference | None:
    """The conference a re-import refreshes: same source, else same (non-empty) acronym."""
    with Session(lib.engine) as s:
        row = matching_conference(s, source_uri, acronym)
        return convert.conference(row) if row else None
