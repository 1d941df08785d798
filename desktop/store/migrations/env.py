"""Alembic environment: runs on the connection handed over by desktop.store.engine.upgrade."""

from alembic import context
from sqlmodel import SQLModel

from desktop.store import tables  # noqa: F401  (registers the tables on the metadata)

UNMANAGED_PREFIXES = ("note_fts",)

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line: use the URL given with -x db=PATH
    from pathlib import Path

    from desktop.store.engine import make_engine

    db = context.get_x_argument(as_dictionary=True).get("db", "talknotes.sqlite3")
    connection = make_engine(Path(db)).connect()


def include_object(obj, name, type_, reflected, compare_to):
    """Tables made by raw SQL (FTS5 and its shadow tables) are not in the metadata."""
    return not (type_ == "table" and name.startswith(UNMANAGED_PREFIXES))


context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    include_object=include_object,
    render_as_batch=True,  # SQLite can't ALTER most things; batch mode rebuilds tables
)
with context.begin_transaction():
    context.run_migrations()
