"""Full-text search over notes (FTS5), kept current by triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SPEAKERS_OF = (
    "COALESCE((SELECT group_concat(s.name, ', ') FROM talk_speaker ts "
    "JOIN speaker s ON s.id = ts.speaker_id WHERE ts.talk_id = {talk}), '')"
)
TITLE_OF = "COALESCE((SELECT title FROM talk WHERE id = {talk}), {own})"


def _insert(prefix: str) -> str:
    return (
        "INSERT INTO note_fts(rowid, title, speakers, body) VALUES ("
        f"{prefix}.id, {TITLE_OF.format(talk=prefix + '.talk_id', own=prefix + '.title')}, "
        f"{SPEAKERS_OF.format(talk=prefix + '.talk_id')}, {prefix}.body);"
    )


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE note_fts USING fts5("
        "title, speakers, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(f"CREATE TRIGGER note_fts_ai AFTER INSERT ON note BEGIN {_insert('new')} END")
    op.execute(
        "CREATE TRIGGER note_fts_ad AFTER DELETE ON note BEGIN "
        "DELETE FROM note_fts WHERE rowid = old.id; END"
    )
    op.execute(
        "CREATE TRIGGER note_fts_au AFTER UPDATE ON note BEGIN "
        f"DELETE FROM note_fts WHERE rowid = old.id; {_insert('new')} END"
    )
    op.execute(
        "CREATE TRIGGER note_fts_talk_au AFTER UPDATE OF title ON talk BEGIN "
        "UPDATE note_fts SET title = new.title "
        "WHERE rowid IN (SELECT id FROM note WHERE talk_id = new.id); END"
    )
    for event, row in (("INSERT", "new"), ("DELETE", "old")):
        op.execute(
            f"CREATE TRIGGER note_fts_speakers_{event.lower()} AFTER {event} ON talk_speaker "
            f"BEGIN UPDATE note_fts SET speakers = {SPEAKERS_OF.format(talk=row + '.talk_id')} "
            f"WHERE rowid IN (SELECT id FROM note WHERE talk_id = {row}.talk_id); END"
        )
    op.execute(
        f"INSERT INTO note_fts(rowid, title, speakers, body) SELECT n.id, "
        f"{TITLE_OF.format(talk='n.talk_id', own='n.title')}, "
        f"{SPEAKERS_OF.format(talk='n.talk_id')}, n.body FROM note n"
    )


def downgrade() -> None:
    for trigger in (
        "note_fts_ai",
        "note_fts_ad",
        "note_fts_au",
        "note_fts_talk_au",
        "note_fts_speakers_insert",
        "note_fts_speakers_delete",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS note_fts")
