"""Library health: SQLite integrity check, schema revision, counts."""

from __future__ import annotations

from typing import Any

from desktop.store.library import Library, current_revision

_COUNTED = ("conference", "talk", "speaker", "note", "photo")


def check_library(lib: Library) -> dict[str, Any]:
    with lib.engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        integrity = "ok" if [r[0] for r in rows] == ["ok"] else "; ".join(r[0] for r in rows[:20])
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if fk and integrity == "ok":
            integrity = f"{len(fk)} broken foreign keys"
        counts = {
            f"{table}s": conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in _COUNTED
        }
    return {
        "path": str(lib.path),
        "database": str(lib.database_path),
        "database_bytes": lib.database_path.stat().st_size,
        "schema_revision": current_revision(lib.engine),
        "integrity": integrity,
        "counts": counts,
    }
