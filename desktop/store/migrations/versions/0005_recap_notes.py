"""Recap notes: the intro and wrap-up of a conference or day recap.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recap_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("part", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conference_id"], ["conference.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("conference_id", "day", "part", name="uq_recap_note"),
    )
    with op.batch_alter_table("recap_note") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recap_note_conference_id"), ["conference_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("recap_note") as batch_op:
        batch_op.drop_index(batch_op.f("ix_recap_note_conference_id"))
    op.drop_table("recap_note")
