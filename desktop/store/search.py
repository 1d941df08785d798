"""Full-text search over notes, their talks' titles and speakers, and the text read on their
slide photos (SQLite FTS5)."""

from __future__ import annotations

import re

from desktop.core.models import SearchHit, Speaker
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


# The notes whose body changed since they were last indexed (migration 0009: saves only mark
# them, indexing a long note on every autosave cost up to 15 ms), indexed again.
_SPEAKERS_OF = (
    "COALESCE((SELECT group_concat(s.name, ', ') FROM talk_speaker ts "
    "JOIN speaker s ON s.id = ts.speaker_id WHERE ts.talk_id = n.talk_id), '')"
)
_CATCH_UP = (
    "DELETE FROM note_fts WHERE rowid IN (SELECT note_id FROM note_fts_stale)",
    "INSERT INTO note_fts(rowid, title, speakers, body) SELECT n.id, "
    "COALESCE((SELECT title FROM talk WHERE id = n.talk_id), n.title), "
    f"{_SPEAKERS_OF}, n.body FROM note n WHERE n.id IN (SELECT note_id FROM note_fts_stale)",
    "DELETE FROM note_fts_stale",
)


def catch_up(lib: Library) -> int:
    """Index the notes changed since they were last indexed; how many there were."""
    conn = lib.reader()
    if not conn.execute("SELECT EXISTS (SELECT 1 FROM note_fts_stale)").fetchone()[0]:
        return 0
    with lib.engine.begin() as tx:  # one transaction: a save waits, none is lost
        stale = tx.exec_driver_sql("SELECT count(*) FROM note_fts_stale").scalar() or 0
        for statement in _CATCH_UP:
            tx.exec_driver_sql(statement)
    return stale


def search_notes(lib: Library, text: str, limit: int = 50) -> list[SearchHit]:
    query = fts_query(text)
    if not query:
        return []
    catch_up(lib)  # what was just typed is found too
    sql = (
        "SELECT n.id, n.talk_id, n.conference_id, f.title, f.speakers, "
        "snippet(note_fts, 2, '[', ']', '…', 12) "
        "FROM note_fts f JOIN note n ON n.id = f.rowid "
        "WHERE note_fts MATCH ? ORDER BY bm25(note_fts, 5.0, 2.0, 1.0) LIMIT ?"
    )
    with lib.engine.connect() as conn:
        rows = conn.exec_driver_sql(sql, (query, limit)).fetchall()
        hits = [SearchHit(*row) for row in rows]
        found = {hit.note_id for hit in hits}
        for hit in _slide_hits(conn, query, limit):
            if len(hits) >= limit:
                break
            if hit.note_id not in found:  # a note is listed once: by its text, else a slide
                found.add(hit.note_id)
                hits.append(hit)
        speakers = _speaker_details(conn, {h.talk_id for h in hits if h.talk_id is not None})
    for hit in hits:
        hit.speaker_details = speakers.get(hit.talk_id, []) if hit.talk_id is not None else []
    return hits


def _speaker_details(conn, talk_ids: set[int]) -> dict[int, list[Speaker]]:
    """Each talk's speakers in order, with the affiliation the schedule gave."""
    if not talk_ids:
        return {}
    marks = ", ".join("?" * len(talk_ids))
    rows = conn.exec_driver_sql(
        "SELECT ts.talk_id, s.name, ts.affiliation FROM talk_speaker ts "
        f"JOIN speaker s ON s.id = ts.speaker_id WHERE ts.talk_id IN ({marks}) "
        "ORDER BY ts.talk_id, ts.position",
        tuple(talk_ids),
    ).fetchall()
    found: dict[int, list[Speaker]] = {}
    for talk_id, name, affiliation in rows:
        found.setdefault(talk_id, []).append(Speaker(name, affiliation))
    return found


SLIDE_PREFIX = "slide: "  # how a snippet says its words are on a photo of a slide


def _slide_hits(conn, query: str, limit: int) -> list[SearchHit]:
    """Notes whose slide photos carry the words (best photo first)."""
    sql = (
        "SELECT n.id, n.talk_id, n.conference_id, f.title, f.speakers, "
        "snippet(photo_fts, 0, '[', ']', '…', 12) "
        "FROM photo_fts pf JOIN photo p ON p.id = pf.rowid JOIN note n ON n.id = p.note_id "
        "JOIN note_fts f ON f.rowid = n.id "
        "WHERE photo_fts MATCH ? ORDER BY bm25(photo_fts) LIMIT ?"
    )
    rows = conn.exec_driver_sql(sql, (query, limit * 4)).fetchall()
    return [
        SearchHit(
            note_id,
            talk_id,
            conf_id,
            title,
            speakers,
            SLIDE_PREFIX + " ".join(snippet.split()),
            "slide",
        )
        for note_id, talk_id, conf_id, title, speakers, snippet in rows
    ]
