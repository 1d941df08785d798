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
from desktop.services.importing import import_schedule  # noqa: E402
from desktop.store.library import open_library  # noqa: E402


def _import_time(path: Path) -> float:
    """Seconds to import `path` into a new, already opened library."""
    folder = tempfile.mkdtemp(prefix="bench-import-")
    lib = open_library(folder)
    try:
        return median_time(lambda: import_schedule(lib, str(path)), runs=1)
    finally:
        lib.close()
        shutil.rmtree(folder)


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


def main(runs: int = 9) -> None:
    if not FOSDEM.exists():
        figure("import FOSDEM 2024", float("nan"), "s", note="fixture missing")
        return
    data = FOSDEM.read_bytes()
    _import_time(FOSDEM)  # warm imports and caches
    bare, full = [], []
    for _ in range(runs):  # alternate, so that both see the same machine
        bare.append(median_time(lambda: fromstring(data), runs=1))
        full.append(_import_time(FOSDEM))
    floor, median = statistics.median(bare), statistics.median(full)
    figure(
        "import FOSDEM 2024 (876 talks)",
        median,
        "s",
        target="≤ 0.3 s and ≤ 3× floor",
        floor=f"{floor:.3f} s bare defusedxml parse",
        note=f"{median / floor:.1f}× floor; median of {runs}, alternating, "
        f"range {min(full):.3f}–{max(full):.3f} s",
    )
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "fosdem-x10.xml"
        _tenfold(FOSDEM, big)
        ten = statistics.median(_import_time(big) for _ in range(3))
    figure(
        "import 10× FOSDEM (8,760 talks)",
        ten,
        "s",
        target="≈ 10× (linear)",
        note=f"{ten / median:.1f}× the 1× import",
    )


if __name__ == "__main__":
    main()
