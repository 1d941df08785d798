"""Library health: SQLite integrity check, schema revision, counts, unplaced photos."""

from __future__ import annotations

from typing import Any

from desktop.store.library import Library, current_revision
from desktop.store.photos import KEY_LENGTH

_COUNTED = ("conference", "talk", "speaker", "note", "photo")
# Photos whose `photo:KEY` reference is not in their note's text
_UNPLACED = (
    "SELECT p.id, p.note_id, p.sha256 FROM photo p JOIN note n ON n.id = p.note_id "
    f"WHERE instr(n.body, 'photo:' || substr(p.sha256, 1, {KEY_LENGTH})) = 0 ORDER BY p.id"
)


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
        unplaced = conn.exec_driver_sql(_UNPLACED).fetchall()
    return {
        "path": str(lib.path),
        "database": str(lib.database_path),
        "database_bytes": lib.database_path.stat().st_size,
        "schema_revision": current_revision(lib.engine),
        "integrity": integrity,
        "counts": counts,
        "unplaced_photos": [
            {"photo_id": r[0], "note_id": r[1], "key": r[2][:KEY_LENGTH]} for r in unplaced
        ],
    }
