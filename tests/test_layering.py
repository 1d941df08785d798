"""Only desktop/ui and desktop/app.py may import PySide6: the core serves the CLI alone."""

import pkgutil
import subprocess
import sys

import desktop


def _non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        if info.name.startswith(("desktop.ui", "desktop.app", "desktop.__main__")):
            continue
        if info.name.startswith("desktop.store.migrations."):
            continue  # Alembic scripts, loaded by Alembic itself
        names.append(info.name)
    return names


def test_non_ui_modules_do_not_load_qt():
    modules = _non_ui_modules()
    assert "desktop.cli" in modules and "desktop.store.library" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt loaded by non-UI modules: {result.stdout}"
