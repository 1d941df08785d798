"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("acronym", sa.String(), nullable=False),
        sa.Column("time_zone", sa.String(), nullable=False),
        sa.Column("source_uri", sa.String(), nullable=False),
        sa.Column("source_copy", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "speaker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "talk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("subtitle", sa.String(), nullable=False),
        sa.Column("abstract", sa.String(), nullable=False),
        sa.Column("track", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("room", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("start_utc", sa.DateTime(), nullable=True),
        sa.Column("end_utc", sa.DateTime(), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("links_json", sa.String(), nullable=False),
        sa.Column("starred", sa.Boolean(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("end_estimated", sa.Boolean(), nullable=False),
        sa.Column("is_break", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["conference_id"], ["conference.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("conference_id", "source_id", name="uq_talk_source"),
    )
    with op.batch_alter_table("talk", schema=None) as batch_op:
        batch_op.create_index("ix_talk_conference_day", ["conference_id", "day"], unique=False)
        batch_op.create_index(
            "ix_talk_conference_start", ["conference_id", "start_utc"], unique=False
        )

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("talk_id", sa.Integer(), nullable=True),
        sa.Column("conference_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conference_id"], ["conference.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["talk_id"], ["talk.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("talk_id"),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_conference_id"), ["conference_id"], unique=False)

    op.create_table(
        "talk_speaker",
        sa.Column("talk_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["talk_id"], ["talk.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("talk_id", "speaker_id"),
    )
    with op.batch_alter_table("talk_speaker", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_talk_speaker_speaker_id"), ["speaker_id"], unique=False
        )

    op.create_table(
        "photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("original_name", sa.String(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("captured_at", sa.DateTime(), nullable=True),
        sa.Column("capture_source", sa.String(), nullable=False),
        sa.Column("caption", sa.String(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["note_id"], ["note.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("note_id", "sha256", name="uq_photo_note_hash"),
    )
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_note_id"), ["note_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_sha256"))
        batch_op.drop_index(batch_op.f("ix_photo_note_id"))

    op.drop_table("photo")
    with op.batch_alter_table("talk_speaker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_talk_speaker_speaker_id"))

    op.drop_table("talk_speaker")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_conference_id"))

    op.drop_table("note")
    with op.batch_alter_table("talk", schema=None) as batch_op:
        batch_op.drop_index("ix_talk_conference_start")
        batch_op.drop_index("ix_talk_conference_day")

    op.drop_table("talk")
    op.drop_table("speaker")
    op.drop_table("conference")
