"""Speakers' affiliations (per talk) and the conference's web site, city and venue, as the
schedule gives them, for the recap's talk headings and its intro.

Plain ADD COLUMN, not a batch copy of the tables: talk_speaker carries the note search's
triggers, which a copied table would lose.

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = {"conference": ("url", "city", "venue"), "talk_speaker": ("affiliation",)}


def upgrade() -> None:
    for table, names in COLUMNS.items():
        for name in names:
            op.add_column(table, sa.Column(name, sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    for table, names in COLUMNS.items():
        for name in names:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
