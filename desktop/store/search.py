"""Full-text search over notes, their talks' titles and speakers (SQLite FTS5)."""

from __future__ import annotations

import re

from desktop.core.models import SearchHit
from desktop.store.library import Library

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """User text → a safe FTS5 query: every word must match, the last one as a prefix."""
    words = _TOKEN.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_notes(lib: Library, text: str, limit: int = 50) -> list[SearchHit]:
    query = fts_query(text)
    if not query:
        return []
    sql = (
        "SELECT n.id, n.talk_id, n.conference_id, f.title, f.speakers, "
        "snippet(note_fts, 2, '[', ']', '…', 12) "
        "FROM note_fts f JOIN note n ON n.id = f.rowid "
        "WHERE note_fts MATCH ? ORDER BY bm25(note_fts, 5.0, 2.0, 1.0) LIMIT ?"
    )
    with lib.engine.connect() as conn:
        rows = conn.exec_driver_sql(sql, (query, limit)).fetchall()
    return [SearchHit(*row) for row in rows]
