"""Search: FTS5 query p95 over 10,000 generated notes."""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import figure  # noqa: E402


def main() -> None:
    from sqlmodel import Session

    from desktop.store.library import open_library
    from desktop.store.search import search_notes
    from desktop.store.tables import NoteRow

    rng = random.Random(7)
    vocab = [f"word{n}" for n in range(5000)] + [
        "kubernetes",
        "sqlite",
        "latency",
        "keynote",
        "rust",
        "python",
        "security",
        "hugo",
    ]
    lib = open_library(tempfile.mkdtemp(prefix="bench-search-"))
    now = datetime.now(UTC)
    with Session(lib.engine) as s:
        for n in range(10_000):
            body = " ".join(rng.choice(vocab) for _ in range(rng.randint(50, 400)))
            s.add(NoteRow(title=f"Hallway {n}", body=body, created_at=now, updated_at=now))
        s.commit()
    queries = [rng.choice(vocab) for _ in range(200)] + ["kube", "sql lat", "rust python"] * 20
    times = []
    for query in queries:
        started = time.perf_counter()
        search_notes(lib, query)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    figure(
        "search p95 over 10,000 notes",
        times[int(len(times) * 0.95)],
        "ms",
        target="≤ 20 ms",
        note=f"median {statistics.median(times):.1f} ms, {len(times)} queries",
    )


if __name__ == "__main__":
    main()
