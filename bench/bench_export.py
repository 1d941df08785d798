"""Export: a day recap with 50 generated 12-megapixel photos, all cores vs one core."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import figure  # noqa: E402

PHOTOS = 50


def main() -> None:
    from PIL import Image, ImageDraw

    from desktop.config import sample_schedule_path
    from desktop.exporters.compose import ExportRequest
    from desktop.exporters.registry import default_profile
    from desktop.services.exporting import export
    from desktop.services.photos import attach_to_talk
    from desktop.store.library import open_library
    from desktop.store.talks import list_talks

    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    lib = open_library(folder / "lib")
    from desktop.services.importing import import_schedule

    import_schedule(lib, str(sample_schedule_path()))
    day1 = [t for t in list_talks(lib) if t.day == date(2026, 5, 14)][:5]
    camera = folder / "camera"
    camera.mkdir()
    for n in range(PHOTOS):
        image = Image.new("RGB", (4000, 3000), (20 + n * 4, 90, 160))
        ImageDraw.Draw(image).ellipse((500 + n * 20, 500, 3000, 2500), fill="#f29d38")
        path = camera / f"IMG_{n:04d}.jpg"
        image.save(path, "JPEG", quality=90)
        attach_to_talk(lib, day1[n % len(day1)].id, [path])
    request = ExportRequest("day", conference_id=1, day=date(2026, 5, 14))
    timings = {}
    for label, workers in (("all cores", None), ("one core", 1)):
        blog = folder / f"blog-{workers}"
        (blog / "content").mkdir(parents=True)
        (blog / "hugo.toml").write_text("title = 'bench'\n")
        started = time.perf_counter()
        export(
            lib,
            request,
            blog,
            profile=default_profile("hugo"),
            remember_profile=False,
            workers=workers,
        )
        timings[label] = time.perf_counter() - started
    figure(
        f"export day recap, {PHOTOS} × 12 MP photos",
        timings["all cores"],
        "s",
        target="≤ 5 s on 2 cores",
        floor=f"{timings['one core']:.2f} s on one core",
        note=f"{timings['one core'] / timings['all cores']:.2f}× speed-up, {os.cpu_count()} cores",
    )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
