"""Alembic environment: runs on the connection handed over by desktop.store.library.upgrade."""

from alembic import context
from sqlmodel import SQLModel

from desktop.store import tables  # noqa: F401  (registers the tables on the metadata)

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line: use the URL given with -x db=PATH
    from pathlib import Path

    from desktop.store.library import make_engine

    db = context.get_x_argument(as_dictionary=True).get("db", "talknotes.sqlite3")
    connection = make_engine(Path(db)).connect()

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite can't ALTER most things; batch mode rebuilds tables
)
with context.begin_transaction():
    context.run_migrations()
