"""Alembic: the tables match the migrations, HEAD_REVISION is the real head, upgrades apply."""

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from desktop.store import tables  # noqa: F401
from desktop.store.library import current_revision, make_engine, open_library, upgrade
from desktop.store.migrations import HEAD_REVISION, MIGRATIONS_DIR


def _scripts() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg)


def test_head_revision_constant_matches_scripts():
    assert _scripts().get_current_head() == HEAD_REVISION


def test_migrations_produce_the_tables_the_code_declares(library):
    with library.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_object": lambda o, name, t, r, c: (
                    not (t == "table" and name.startswith(("note_fts", "photo_fts")))
                )
            },
        )
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_each_revision_upgrades_to_head_keeping_rows(tmp_path):
    """A database made by every earlier schema upgrades to head on open."""
    for script in _scripts().walk_revisions():
        db = tmp_path / f"at-{script.revision}" / "talknotes.sqlite3"
        db.parent.mkdir()
        engine = make_engine(db)
        upgrade(engine, script.revision)
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO conference (title, acronym, time_zone, source_uri, source_copy, "
                "imported_at) VALUES ('Old', 'old', 'UTC', '', '', '2020-01-01 00:00:00')"
            )
        engine.dispose()
        lib = open_library(db.parent)
        assert current_revision(lib.engine) == HEAD_REVISION
        with lib.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT title FROM conference").scalar() == "Old"
        lib.close()


def test_0010_keeps_the_search_triggers_and_gives_old_rows_empty_affiliations(tmp_path):
    """0010 adds columns in place: a copied talk_speaker table would lose the triggers that
    keep note search's speakers current."""
    from desktop.store.migrations import HEAD_REVISION

    db = tmp_path / "old" / "talknotes.sqlite3"
    db.parent.mkdir()
    engine = make_engine(db)
    upgrade(engine, "0006")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO conference (id, title, acronym, time_zone, source_uri, source_copy, "
            "imported_at) VALUES (1, 'Old', 'old', 'UTC', '', '', '2020-01-01 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO talk (id, conference_id, source_id, title, subtitle, abstract, track, "
            "kind, room, language, url, links_json, starred, attended, status, end_estimated, "
            "is_break) VALUES (1, 1, 's1', 'T', '', '', '', '', '', '', '', '[]', 0, 0, "
            "'scheduled', 0, 0)"
        )
        conn.exec_driver_sql("INSERT INTO speaker (id, name) VALUES (1, 'Ann')")
        conn.exec_driver_sql("INSERT INTO talk_speaker VALUES (1, 1, 0)")
        triggers = _triggers(conn)
    engine.dispose()
    lib = open_library(db.parent)
    assert current_revision(lib.engine) == HEAD_REVISION
    with lib.engine.connect() as conn:
        assert _triggers(conn) == triggers and any("talk_speaker" in t for t in triggers)
        row = conn.exec_driver_sql("SELECT affiliation FROM talk_speaker").one()
        assert row == ("",)
        place = conn.exec_driver_sql("SELECT url, city, venue FROM conference").one()
        assert tuple(place) == ("", "", "")
    lib.close()


def _triggers(conn) -> set[str]:
    return {
        f"{name} ON {table}"
        for name, table in conn.exec_driver_sql(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'"
        )
    }
