"""PySide6 reads back the source of each module imported after it (for `__feature__`); the
window's start spares its own modules and the standard library that search."""

import subprocess
import sys

PROBE = """
import sys
import PySide6.QtCore
feature = sys.modules["__feature__"]
read = []
search = feature._mod_uses_pyside
feature._mod_uses_pyside = lambda module: read.append(module.__name__) or search(module)
from desktop.ui.feature_scan import skip_feature_scan
marked = skip_feature_scan()
import json.decoder, zipfile, desktop.ui.main_window, desktop.services.library
print(marked, " ".join(read))
"""


def test_the_start_spares_its_modules_pyside_s_source_search():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr  # (a PySide without the table fails here: look)
    marked, *read = out.stdout.split()
    assert int(marked) > 300  # the standard library's names and Talknotes' own
    assert "desktop.ui.main_window" not in read and "desktop.store.reading" not in read
    mine = [name for name in read if name.startswith("desktop.")]
    assert mine == ["desktop.ui.feature_scan"]  # only itself, imported before it marks
    assert "zipfile" not in read  # the standard library's too
