"""Import: FOSDEM 2024 (876 events) vs a bare defusedxml parse; a 10× schedule for growth."""

from __future__ import annotations

import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from defusedxml.ElementTree import fromstring  # noqa: E402

from bench.common import FOSDEM, figure, median_time  # noqa: E402
from desktop.store.library import open_library  # noqa: E402
from desktop.workflows.importing import import_schedule  # noqa: E402


def _import_times(path: Path, runs: int) -> float:
    """Median time of importing `path` into a new, already opened library."""
    times = []
    for _ in range(runs):
        folder = tempfile.mkdtemp(prefix="bench-import-")
        lib = open_library(folder)
        try:
            times.append(median_time(lambda lib=lib: import_schedule(lib, str(path)), runs=1))
        finally:
            lib.close()
            shutil.rmtree(folder)
    return statistics.median(times)


def _tenfold(path: Path, out: Path) -> None:
    """FOSDEM ten times over: the same days, each event copied with new guids."""
    xml = path.read_text(encoding="utf-8")
    events = re.findall(r"(<event guid=\"[^\"]+\".*?</event>)", xml, re.S)
    copies = []
    for n in range(1, 10):
        for ev in events:
            copies.append(
                re.sub(r'guid="([^"]+)"', lambda m, n=n: f'guid="{m[1]}-x{n}"', ev, count=1)
            )
    marker = xml.rfind("</room>")
    out.write_text(xml[:marker] + "\n".join(copies) + xml[marker:], encoding="utf-8")


def main() -> None:
    if not FOSDEM.exists():
        figure("import FOSDEM 2024", float("nan"), "s", note="fixture missing")
        return
    data = FOSDEM.read_bytes()
    bare = median_time(lambda: fromstring(data), runs=7)
    _import_times(FOSDEM, 1)  # warm imports and caches
    full = _import_times(FOSDEM, 5)
    figure(
        "import FOSDEM 2024 (876 talks)",
        full,
        "s",
        target="≤ 0.3 s and ≤ 3× floor",
        floor=f"{bare:.3f} s bare defusedxml parse",
        note=f"{full / bare:.1f}× floor",
    )
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "fosdem-x10.xml"
        _tenfold(FOSDEM, big)
        ten = _import_times(big, 3)
    figure(
        "import 10× FOSDEM (8,760 talks)",
        ten,
        "s",
        target="≈ 10× (linear)",
        note=f"{ten / full:.1f}× the 1× import",
    )


if __name__ == "__main__":
    main()
