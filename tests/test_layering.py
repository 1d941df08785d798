"""Only desktop/ui and desktop/app.py may import PySide6: the core serves the CLI alone."""

import ast
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


def test_only_the_service_reaches_the_store():
    """ui, cli, the exporters and media go through desktop.services (issue 16): the store is
    the service's own. Imports inside functions count; `if TYPE_CHECKING:` ones too."""
    from tests.test_import_cycles import _modules

    outside = ("desktop.ui", "desktop.cli", "desktop.exporters", "desktop.media", "desktop.app")
    modules = _modules()
    offenders = []
    for name, path in modules.items():
        if not name.startswith(outside):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                base = node.module or ""
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            if any(t == "desktop.store" or t.startswith("desktop.store.") for t in targets):
                offenders.append(f"{name}:{node.lineno}")
    assert "desktop.ui.main_window" in modules
    assert offenders == [], f"the store imported outside the service: {offenders}"


def test_only_the_backend_makes_thread_pools():
    """Widgets and dialogs get the backend's pools (issue 16): one ordered writer, readers,
    compute — no pool of their own that could write beside the writer."""
    from tests.test_import_cycles import _modules

    makers = []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("QThreadPool"):
                makers.append(name)
    assert sorted(set(makers)) == ["desktop.ui.backend"]
