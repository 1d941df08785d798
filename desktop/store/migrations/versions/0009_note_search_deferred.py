"""Note search: a note's body is indexed again when searched, not on every save.

The trigger of 0002 deleted and re-inserted a note's whole text in the FTS index on every
update: 4–15 ms per autosave of a 190 KB note, on the writer thread, twice a second while
typing. Now an update of the body only marks the note (note_fts_stale); search_notes brings
the marked notes' index up to date first (store/search.py), so a search still finds what was
just typed. A note's title or talk still re-indexes it at once (rare, and short).

Revision ID: 0009
Revises: 0003
Create Date: 2026-12-01
"""

from alembic import op

revision = "0009"
down_revision = "0005"
branch_labels = None
depends_on = None

SPEAKERS_OF = (
    "COALESCE((SELECT group_concat(s.name, ', ') FROM talk_speaker ts "
    "JOIN speaker s ON s.id = ts.speaker_id WHERE ts.talk_id = {talk}), '')"
)
TITLE_OF = "COALESCE((SELECT title FROM talk WHERE id = {talk}), {own})"


def _reindex(prefix: str) -> str:
    return (
        f"DELETE FROM note_fts WHERE rowid = old.id; "
        "INSERT INTO note_fts(rowid, title, speakers, body) VALUES ("
        f"{prefix}.id, {TITLE_OF.format(talk=prefix + '.talk_id', own=prefix + '.title')}, "
        f"{SPEAKERS_OF.format(talk=prefix + '.talk_id')}, {prefix}.body);"
    )


def upgrade() -> None:
    op.execute("CREATE TABLE note_fts_stale (note_id INTEGER PRIMARY KEY)")
    op.execute("DROP TRIGGER note_fts_au")
    op.execute(
        "CREATE TRIGGER note_fts_body_au AFTER UPDATE OF body ON note "
        "WHEN new.body IS NOT old.body BEGIN "
        "INSERT OR IGNORE INTO note_fts_stale(note_id) VALUES (new.id); END"
    )
    op.execute(
        "CREATE TRIGGER note_fts_meta_au AFTER UPDATE OF title, talk_id ON note "
        "WHEN new.title IS NOT old.title OR new.talk_id IS NOT old.talk_id BEGIN "
        f"{_reindex('new')} DELETE FROM note_fts_stale WHERE note_id = new.id; END"
    )
    op.execute(
        "CREATE TRIGGER note_fts_stale_ad AFTER DELETE ON note BEGIN "
        "DELETE FROM note_fts_stale WHERE note_id = old.id; END"
    )


def downgrade() -> None:
    op.execute("DELETE FROM note_fts WHERE rowid IN (SELECT note_id FROM note_fts_stale)")
    op.execute(
        "INSERT INTO note_fts(rowid, title, speakers, body) SELECT n.id, "
        f"{TITLE_OF.format(talk='n.talk_id', own='n.title')}, "
        f"{SPEAKERS_OF.format(talk='n.talk_id')}, n.body FROM note n "
        "WHERE n.id IN (SELECT note_id FROM note_fts_stale)"
    )
    for trigger in ("note_fts_body_au", "note_fts_meta_au", "note_fts_stale_ad"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE note_fts_stale")
    op.execute(f"CREATE TRIGGER note_fts_au AFTER UPDATE ON note BEGIN {_reindex('new')} END")
