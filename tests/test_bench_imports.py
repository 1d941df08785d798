"""The benchmark scripts still import: `make bench` is not part of the test run, so a
renamed module would otherwise break them unseen."""

import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
SCRIPTS = sorted(p.stem for p in BENCH.glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("name", SCRIPTS)
def test_each_bench_script_imports(name, monkeypatch):
    if name in ("floor_window", "widgets_window", "start_probe"):  # (they run a window)
        source = (BENCH / f"{name}.py").read_text(encoding="utf-8")
        compile(source, name, "exec")
        for line in source.splitlines():
            if line.startswith(("from desktop", "import desktop")):
                module = line.split()[1]
                importlib.import_module(module)
        return
    importlib.import_module(f"bench.{name}")
