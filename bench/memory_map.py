"""Where a process's memory goes: PSS by mapped file or kind (/proc/self/smaps), and the
Python heap by package (tracemalloc). Used by bench_memory's child process."""

from __future__ import annotations

import re
from collections import defaultdict

_NAMES = (
    (re.compile(r"libQt6(\w+)"), "Qt {}"),
    (re.compile(r"(PySide6|shiboken6)"), "{} bindings"),
    (re.compile(r"libpython|python3\.\d+/lib-dynload|/bin/python"), "Python runtime"),
    (re.compile(r"libicu"), "ICU"),
    (re.compile(r"site-packages/(\w+)"), "{} (native)"),
    (re.compile(r"libsqlite"), "SQLite"),
)


def rollup() -> dict[str, float]:
    """Pss, Rss, Private_Clean, Private_Dirty … of the whole process, in MiB."""
    with open("/proc/self/smaps_rollup") as lines:
        return {
            line.split(":")[0]: int(line.split()[1]) / 1024
            for line in lines
            if line.split()[-1] == "kB"
        }


def pss() -> float:
    return rollup()["Pss"]


def private() -> float:
    """Unique set size: what this process alone holds (PSS also counts a share of the
    libraries other processes map, so it moves with what else runs)."""
    totals = rollup()
    return totals["Private_Clean"] + totals["Private_Dirty"]


def _label(path: str) -> str:
    if not path:
        return "heap (anonymous)"
    if path.startswith("["):
        return "heap (anonymous)" if path == "[heap]" else path
    for pattern, label in _NAMES:
        found = pattern.search(path)
        if found:
            return label.format(*found.groups())
    return "other files" if "/" in path else path


def by_library() -> list[tuple[str, float]]:
    """PSS in MiB per library (Qt modules, bindings, Python, …) and the anonymous heap,
    largest first."""
    totals: dict[str, float] = defaultdict(float)
    label = ""
    with open("/proc/self/smaps") as smaps:
        for line in smaps:
            head = line.split(maxsplit=5)
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                label = _label(head[5].strip() if len(head) > 5 else "")
            elif head and head[0] == "Pss:":
                totals[label] += int(head[1]) / 1024
    return sorted(totals.items(), key=lambda kv: -kv[1])


def python_by_package(snapshot) -> list[tuple[str, float]]:
    """Python objects alive now, in MiB, by the package whose code allocated them."""
    totals: dict[str, float] = defaultdict(float)
    for stat in snapshot.statistics("filename"):
        name = stat.traceback[0].filename
        found = re.search(r"site-packages/(\w+)", name) or re.search(r"/(desktop)/", name)
        if found:
            package = found.group(1)
        elif name.startswith("<frozen"):
            package = "module code (imports)"
        else:
            package = "stdlib" if "python3." in name else "other"
        totals[package] += stat.size / 2**20
    return sorted(totals.items(), key=lambda kv: -kv[1])
