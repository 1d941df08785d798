"""Alembic migrations for the library database, applied on open."""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent
# The newest revision. Checked against the scripts by tests/store/test_migrations.py; it lets an
# up-to-date library open without importing Alembic at all.
HEAD_REVISION = "0010"
