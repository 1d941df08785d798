"""Conferences in the library."""

from __future__ import annotations

from sqlmodel import Session, select

from desktop.core.errors import NotFoundError
from desktop.core.models import Conference
from desktop.store import convert
from desktop.store.library import Library
from desktop.store.tables import ConferenceRow


def list_conferences(lib: Library) -> list[Conference]:
    with Session(lib.engine) as s:
        rows = s.exec(select(ConferenceRow).order_by(ConferenceRow.id)).all()
        return [convert.conference(r) for r in rows]


def get_conference(lib: Library, conference_id: int) -> Conference:
    with Session(lib.engine) as s:
        row = s.get(ConferenceRow, conference_id)
        if row is None:
            raise NotFoundError(f"conference {conference_id}", "no such conference")
        return convert.conference(row)


def find_conference(lib: Library, source_uri: str, acronym: str) -> Conference | None:
    """The conference a re-import refreshes: same source, else same (non-empty) acronym."""
    with Session(lib.engine) as s:
        row = s.exec(select(ConferenceRow).where(ConferenceRow.source_uri == source_uri)).first()
        if row is None and acronym:
            row = s.exec(select(ConferenceRow).where(ConferenceRow.acronym == acronym)).first()
        return convert.conference(row) if row else None
