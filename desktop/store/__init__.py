"""Storage: sqlmodel tables on SQLite, Alembic migrations, functions returning core objects.

Nothing is imported here: `desktop.store.lock` is taken before the window paints, and
importing the package must not pull in SQLAlchemy then."""
