"""Memory: proportional set size (PSS) of the running app with FOSDEM loaded, then with 500
photos attached (thumbnails shown in the strip of the open note)."""

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
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.ui.runtime import prepare_qt
prepare_qt()
app = QApplication([])
from pathlib import Path
from desktop.ui.library_opening import open_and_read
from desktop.ui.main_window import MainWindow
lib, _, schedule = open_and_read(Path(sys.argv[1]))  # as the app opens its library
window = MainWindow(None)
window.attach(lib, schedule)
window.resize(1280, 800)
window.show()
wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 0
if wanted:
    window.sidebar.select_talk(int(sys.argv[2]))
started = time.monotonic()
settled = []

def pss():
    for line in open("/proc/self/smaps_rollup"):
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024

def poll():  # a real event loop: a Python wait loop would starve the worker threads
    ready = window.editor.strip.count() >= wanted and (not wanted or window.preview.renders)
    if ready:
        settled.append(time.monotonic())
    if (settled and time.monotonic() - settled[0] > 1.5) or time.monotonic() - started > 120:
        print(f"strip {window.editor.strip.count()}", flush=True)
        print(f"pss {pss():.1f}", flush=True)
        os._exit(0)

timer = QTimer()
timer.timeout.connect(poll)
timer.start(200)
app.exec()
"""


def measure(library: Path, talk: int | None = None, photos: int = 0) -> float:
    extra = [str(talk), str(photos)] if talk else []
    args = [sys.executable, "-c", CHILD, str(library), *extra]
    out = subprocess.run(
        args,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("pss")), None)
    if line is None:
        raise RuntimeError(out.stderr[-1000:])
    return float(line.split()[1])


def main() -> None:
    from PIL import Image

    from desktop.store.library import open_library
    from desktop.store.talks import list_talks
    from desktop.workflows.importing import import_schedule
    from desktop.workflows.photos import attach_to_talk

    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    lib = open_library(folder / "lib")
    import_schedule(lib, str(FOSDEM))
    figure("memory (PSS), FOSDEM loaded", measure(folder / "lib"), "MiB", target="≤ 100 MiB")
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
    figure(
        f"memory (PSS), + {attached} photos in the open note",
        measure(folder / "lib", talk, attached),
        "MiB",
        target="≤ 200 MiB",
        note="1600×1200 JPEGs, thumbnails in the strip and preview",
    )


if __name__ == "__main__":
    main()
