"""Memory: proportional set size (PSS) of the running app with FOSDEM loaded (idle, then once a
note has been typed into: the writing modules, SQLAlchemy and sqlmodel, load with the first
change), then with 500 photos attached (thumbnails shown in the strip of the open note)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import FOSDEM, ROOT, figure  # noqa: E402

CHILD = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
tracing = "--trace" in sys.argv
typing = "--typed" in sys.argv
sys.argv = [a for a in sys.argv if a not in ("--trace", "--typed")]
if tracing:
    import tracemalloc
    tracemalloc.start()
from desktop.startup import startup_begins
startup_begins()  # as desktop.start.main does
from pathlib import Path
from desktop import app
from bench.memory_map import by_library, private, python_by_package, pss, rollup

talk, wanted = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (0, 0)
from desktop.ui.slide_reading import START_DELAY_MS
STARTED_S = START_DELAY_MS / 1000 + 1  # idle: what runs a few seconds after the start has run


def observe(window, opening):  # the app as it runs, watched (app.main's observer)
    from PySide6.QtCore import QTimer

    started, settled = time.monotonic(), []
    window.resize(1280, 800)

    def idle():
        writing = not typing or "sqlmodel" in sys.modules  # (typed: saved, with the ORM)
        return window.autosaver.pool.activeThreadCount() == 0 and writing and not (
            typing and window.autosaver.dirty
        )

    def poll():  # a real event loop: a Python wait loop would starve the worker threads
        ready = window.editor.strip.count() >= wanted and (not wanted or window.preview.renders)
        ready = ready and time.monotonic() - started > STARTED_S  # the slide reader started
        if ready and idle():
            settled.append(time.monotonic())
        if (settled and time.monotonic() - settled[0] > 1.5) or time.monotonic() - started > 120:
            print(f"strip {window.editor.strip.count()}", flush=True)
            print(f"pss {pss():.1f}", flush=True)
            print(f"lib {private():.1f} (private, USS)", flush=True)
            print(f"lib {rollup()['Rss']:.1f} (RSS)", flush=True)
            for name, mib in by_library():
                print(f"lib {mib:.1f} {name}", flush=True)
            if tracing:
                for name, mib in python_by_package(tracemalloc.take_snapshot()):
                    print(f"py {mib:.1f} {name}", flush=True)
            os._exit(0)

    def opened():
        if wanted:
            window.sidebar.select_talk(talk)
        if typing:  # a note typed into, as a user does: its first change loads the ORM
            window.sidebar.select_talk(window.model.talks()[0].id)
            type_once_open()
        timer.start(200)

    def type_once_open():  # (the note is read off the GUI thread)
        if window.editor.target is None or not window.settled():
            QTimer.singleShot(10, type_once_open)
            return
        window.editor.edit.textCursor().insertText("A first line of notes")

    timer = QTimer(window)
    timer.timeout.connect(poll)
    opening.opened.connect(opened)


app.main(Path(sys.argv[1]), observe=observe)
"""


def measure(
    library: Path, talk: int | None = None, photos: int = 0, trace: bool = False, typed=False
) -> tuple[float, list[str]]:
    """PSS in MiB, and the breakdown lines (lib …, py …)."""
    extra = [str(talk), str(photos)] if talk else []
    flags = [*(["--trace"] if trace else []), *(["--typed"] if typed else [])]
    args = [sys.executable, "-c", CHILD, str(library), *extra, *flags]
    out = subprocess.run(
        args,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(library / "config")},
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("pss")), None)
    if line is None:
        raise RuntimeError(out.stderr[-1000:])
    return float(line.split()[1]), [x for x in out.stdout.splitlines() if x[:3] in ("lib", "py ")]


def _top(lines: list[str], kind: str, n: int = 8) -> str:
    rows = [x.split(" ", 2)[1:] for x in lines if x.startswith(kind)]
    return ", ".join(f"{name} {mib}" for mib, name in rows[:n])


def main() -> None:
    from PIL import Image

    from desktop.services.importing import import_schedule
    from desktop.services.photos import attach_to_talk
    from desktop.store.library import open_library
    from desktop.store.talks import list_talks

    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    lib = open_library(folder / "lib")
    import_schedule(lib, str(FOSDEM))
    idle, lines = measure(folder / "lib")
    figure(
        "memory (PSS), FOSDEM loaded, idle",
        idle,
        "MiB",
        target="≤ 100 MiB",
        note=f"by mapping (MiB): {_top(lines, 'lib')}",
        before="110.4 MiB",
    )
    _, traced = measure(folder / "lib", trace=True)
    figure(
        "  of which Python objects (tracemalloc), FOSDEM idle",
        sum(float(x.split()[1]) for x in traced if x.startswith("py ")),
        "MiB",
        note=f"by package (MiB): {_top(traced, 'py ', 10)}",
    )
    typed, lines = measure(folder / "lib", typed=True)
    figure(
        "memory (PSS), FOSDEM loaded, a note typed into",
        typed,
        "MiB",
        note=f"the writing modules loaded; by mapping (MiB): {_top(lines, 'lib')}",
        before="(idle figure, 110.4 MiB, had them loaded)",
    )
    talk = list_talks(lib)[0].id
    camera = folder / "camera"
    camera.mkdir()
    paths = []
    for n in range(500):
        path = camera / f"IMG_{n:04d}.jpg"
        image = Image.new("RGB", (1600, 1200), (n % 255, 80, 160))
        image.paste(Image.effect_noise((64, 64), 40 + n % 50).convert("RGB"), (n % 1500, 100))
        image.save(path, "JPEG", quality=80)  # each one different: none deduplicated
        paths.append(path)
    attached = sum(a.added for a in attach_to_talk(lib, talk, paths))
    lib.close()
    with_photos, lines = measure(folder / "lib", talk, attached)
    figure(
        f"memory (PSS), + {attached} photos in the open note",
        with_photos,
        "MiB",
        target="≤ 200 MiB",
        note="1600×1200 JPEGs, thumbnails in the strip and preview; "
        f"by mapping (MiB): {_top(lines, 'lib')}",
        before="273.7 MiB",
    )


if __name__ == "__main__":
    main()
