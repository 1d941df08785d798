"""Note history: earlier versions of notes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "note_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["note_id"], ["note.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("note_version") as batch_op:
        batch_op.create_index(batch_op.f("ix_note_version_note_id"), ["note_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("note_version") as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_version_note_id"))
    op.drop_table("note_version")
