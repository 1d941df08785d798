"""Slide text: OCR per photo, the queue of photos to read, caption suggestions, near-duplicate
shots, and the slides' words in full-text search.

Revision ID: 0006
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0009"  # re-chained after main's 0009 (deferred note search)
branch_labels = None
depends_on = None

NOT_READ = "NOT EXISTS (SELECT 1 FROM photo_text t WHERE t.sha256 = {sha})"
TRIGGERS = {
    # every photo attached or filed is queued for reading unless its image was read before
    "ocr_queue_photo_ai": "AFTER INSERT ON photo WHEN "
    + NOT_READ.format(sha="new.sha256")
    + " BEGIN INSERT OR IGNORE INTO ocr_queue(sha256, queued_at) "
    "VALUES (new.sha256, strftime('%Y-%m-%d %H:%M:%f', 'now')); END",
    # the slides' words are searchable per photo (rowid = photo.id)
    "photo_fts_photo_ai": "AFTER INSERT ON photo BEGIN "
    "INSERT INTO photo_fts(rowid, body) SELECT new.id, t.text FROM photo_text t "
    "WHERE t.sha256 = new.sha256 AND t.text != ''; END",
    "photo_fts_photo_ad": "AFTER DELETE ON photo BEGIN "
    "DELETE FROM photo_fts WHERE rowid = old.id; END",
    "photo_fts_text_ai": "AFTER INSERT ON photo_text BEGIN "
    "INSERT INTO photo_fts(rowid, body) SELECT p.id, new.text FROM photo p "
    "WHERE p.sha256 = new.sha256 AND new.text != ''; END",
    "photo_fts_text_au": "AFTER UPDATE ON photo_text BEGIN "
    "DELETE FROM photo_fts WHERE rowid IN (SELECT id FROM photo WHERE sha256 = old.sha256); "
    "INSERT INTO photo_fts(rowid, body) SELECT p.id, new.text FROM photo p "
    "WHERE p.sha256 = new.sha256 AND new.text != ''; END",
    "photo_fts_text_ad": "AFTER DELETE ON photo_text BEGIN "
    "DELETE FROM photo_fts WHERE rowid IN (SELECT id FROM photo WHERE sha256 = old.sha256); END",
}


def upgrade() -> None:
    op.create_table(
        "photo_text",
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("lines_json", sa.String(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("dhash", sa.String(), nullable=False),
        sa.Column("sharpness", sa.Float(), nullable=False),
        sa.Column("engine", sa.String(), nullable=False),
        sa.Column("error", sa.String(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "ocr_queue",
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    with op.batch_alter_table("photo") as batch_op:
        batch_op.add_column(
            sa.Column("caption_typed", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("suggested_caption", sa.String(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("duplicate_of", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("keeper_chosen", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_foreign_key(
            "fk_photo_duplicate_of", "photo", ["duplicate_of"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index(batch_op.f("ix_photo_duplicate_of"), ["duplicate_of"], unique=False)
    op.execute(
        "CREATE VIRTUAL TABLE photo_fts USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    # photos attached before OCR existed are read too, oldest first
    op.execute(
        "INSERT OR IGNORE INTO ocr_queue(sha256, queued_at) "
        "SELECT sha256, MIN(added_at) FROM photo GROUP BY sha256"
    )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS photo_fts")
    with op.batch_alter_table("photo") as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_duplicate_of"))
        batch_op.drop_constraint("fk_photo_duplicate_of", type_="foreignkey")
        for column in ("keeper_chosen", "duplicate_of", "suggested_caption", "caption_typed"):
            batch_op.drop_column(column)
    op.drop_table("ocr_queue")
    op.drop_table("photo_text")
