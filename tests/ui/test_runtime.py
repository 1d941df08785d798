"""Process settings: the source PySide6's import hook reads is not kept."""

import linecache
import sys

import PySide6.QtCore  # noqa: F401 (installs the __feature__ import hook)

from desktop.ui.runtime import import_in_stages


def _module(tmp_path, name: str):
    (tmp_path / f"{name}.py").write_text("VALUE = 42\n" * 50)
    sys.path.insert(0, str(tmp_path))
    return str(tmp_path / f"{name}.py")


def test_pyside_keeps_the_source_of_what_is_imported_after_it(tmp_path):
    """The behaviour import_in_stages works around (if PySide stops it, drop the workaround)."""
    path = _module(tmp_path, "talknotes_probe_plain")
    try:
        __import__("talknotes_probe_plain")  # as an import statement does
        assert path in linecache.cache
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("talknotes_probe_plain", None)


def test_import_in_stages_keeps_no_source(tmp_path):
    path = _module(tmp_path, "talknotes_probe_staged")
    try:
        (tmp_path / "talknotes_probe_outer.py").write_text("import talknotes_probe_staged\n")
        import_in_stages("talknotes_probe_outer")  # the hook sees the inner import
        assert sys.modules["talknotes_probe_staged"].VALUE == 42
        assert path not in linecache.cache
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("talknotes_probe_staged", None)
        sys.modules.pop("talknotes_probe_outer", None)
