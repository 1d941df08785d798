"""Storage: sqlmodel tables on SQLite, Alembic migrations, functions returning core objects."""

from desktop.store.library import Library, open_library

__all__ = ["Library", "open_library"]
