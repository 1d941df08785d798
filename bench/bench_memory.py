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
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
app = QApplication([])
from desktop.store.library import open_library
from desktop.ui.main_window import MainWindow
window = MainWindow(open_library(sys.argv[1], auto_backup=False))
window.resize(1280, 800)
window.show()
if len(sys.argv) > 2:
    window.sidebar.select_talk(int(sys.argv[2]))
QTest.qWait(3000)
def pss():
    for line in open("/proc/self/smaps_rollup"):
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
print(f"pss {pss():.1f}", flush=True)
os._exit(0)
"""


def measure(library: Path, talk: int | None = None) -> float:
    args = [sys.executable, "-c", CHILD, str(library)] + ([str(talk)] if talk else [])
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
        Image.new("RGB", (1600, 1200), (n % 255, 80, 160)).save(path, "JPEG", quality=80)
        paths.append(path)
    attach_to_talk(lib, talk, paths)
    lib.close()
    figure(
        "memory (PSS), + 500 photos in the open note",
        measure(folder / "lib", talk),
        "MiB",
        target="≤ 200 MiB",
        note="1600×1200 JPEGs, thumbnails in the strip and preview",
    )


if __name__ == "__main__":
    main()
