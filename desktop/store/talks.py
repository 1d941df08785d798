"""Talks: listing, fetching and marking (starred, attended). Reads are store/reading.py's."""

from __future__ import annotations

from sqlmodel import Session

from desktop.store.library import Library
from desktop.store.reading import get_talk as get_talk  # reads: plain SQL
from desktop.store.reading import list_talks as list_talks
from desktop.store.rows import get_row
from desktop.store.tables import TalkRow


def set_starred(lib: Library, talk_id: int, starred: bool) -> None:
    with Session(lib.engine) as s:
        row = get_row(s, TalkRow, talk_id)
        row.starred = starred
        s.add(row)
        s.commit()
