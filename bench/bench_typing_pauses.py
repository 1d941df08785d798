"""Typing in bursts with pauses, so that the long note's preview renders while typing goes on.

The same typist and note as bench_typing, but keys come in bursts of 30–80 with 0.3–2 s
pauses: each pause longer than the preview's debounce renders the note while the next burst
may already have begun.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_typing import main  # noqa: E402

if __name__ == "__main__":
    main("pauses", label=", bursts and pauses")
