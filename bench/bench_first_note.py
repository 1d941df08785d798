"""The writer thread's cost of the first keystroke into a talk without a note (the note is made)
and of a save that keeps a version (every 5 minutes of typing), as the window runs them: on a
thread of their own, the library opened afresh, SQLAlchemy imported beforehand (as the ORM's
path needed it: plain SQL does not; the window imports it after the first save,
ui.runtime.warm_up_on_first_change)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import FOSDEM, figure  # noqa: E402


def _on_a_thread(fn):
    """fn() on a new thread (as the writer runs it): its wall time and the thread's CPU time."""
    out: dict[str, float] = {}

    def run() -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        fn()
        out["cpu"] = time.thread_time() - cpu
        out["wall"] = time.perf_counter() - wall

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return out


def main() -> None:
    from desktop.services.importing import import_schedule
    from desktop.store.library import open_library
    from desktop.ui.runtime import WRITING_MODULES, import_in_stages

    folder = tempfile.mkdtemp(prefix="bench-first-note-")
    lib = open_library(folder)
    import_schedule(lib, str(FOSDEM))
    lib.close()

    import_in_stages(*WRITING_MODULES)  # (the window's warm-up)
    from desktop.services.notes import save_note
    from desktop.store.reading import list_talks

    lib = open_library(folder, auto_backup=False)  # a fresh start: no engine made yet
    talks = [t.id for t in list_talks(lib)][:41]
    first = _on_a_thread(lambda: save_note(lib, "talk", talks[0], "a"))
    later = [_on_a_thread(lambda t=t: save_note(lib, "talk", t, "a")) for t in talks[1:]]

    # a version due: the notes' last change (and versions) older than five minutes
    old = (datetime.now(UTC) - timedelta(minutes=6)).replace(tzinfo=None).isoformat(" ")
    conn = lib.reader()
    conn.execute("UPDATE note SET created_at = ?, updated_at = ?", (old, old))
    versioned = [_on_a_thread(lambda t=t: save_note(lib, "talk", t, "ab")) for t in talks[1:]]
    kept = conn.execute("SELECT count(*) FROM note_version WHERE body = 'a'").fetchone()[0]
    assert kept == len(versioned), kept  # (each of those saves kept a version)
    lib.close()

    def ms(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs) * 1000

    for name, value, orm in (  # through the ORM (before store.note_saving), same machine
        ("first note made (first of the run)", first["wall"] * 1000, "17-58"),
        ("first note made (first of the run), CPU", first["cpu"] * 1000, "11-14"),
        ("a note made (later, median)", ms(later, "wall"), "2.8-3.7"),
        ("a note made (later, median), CPU", ms(later, "cpu"), "2.3-3.1"),
        ("a save keeping a version (median)", ms(versioned, "wall"), "1.9-2.8"),
        ("a save keeping a version (median), CPU", ms(versioned, "cpu"), "1.9-2.8"),
    ):
        figure(name, value, "ms", note=f"on the writer's own thread; ORM: {orm} ms")


if __name__ == "__main__":
    main()
