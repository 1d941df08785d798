"""Run every bench/bench_*.py and print one table of figures (never a pass/fail verdict).

"before" is each figure as it was measured when issue 22 (performance, round two) began, on
the same 2-core machine: compare ratios to floors rather than seconds across runs.

Exits non-zero only when a benchmark itself failed, not when a target is missed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    selected = sys.argv[1:]
    scripts = sorted(HERE.glob("bench_*.py"))
    if selected:
        scripts = [s for s in scripts if any(k in s.stem for k in selected)]
    rows, failed = [], []
    for script in scripts:
        print(f"running {script.name} …", end=" ", file=sys.stderr, flush=True)
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, cwd=HERE.parent
        )
        print(f"{time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
        if result.returncode != 0:
            failed.append(script.name)
            print(result.stderr[-2000:], file=sys.stderr)
        for line in result.stdout.splitlines():
            if line.startswith("{"):
                rows.append(json.loads(line))
    header = ("figure", "measured", "before", "target", "floor / note")
    table = [
        (
            r["name"],
            f"{r['value']:{'.3f' if r['unit'] == 's' else '.1f'}} {r['unit']}",
            r.get("before", ""),
            r["target"],
            "; ".join(x for x in (r["floor"], r["note"]) if x),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(4)]  # the note: as long
    for row in [header, tuple("-" * w for w in [*widths, 34]), *table]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)), *row[4:], sep="  ")
    if failed:
        print(f"\nbenchmarks that failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
