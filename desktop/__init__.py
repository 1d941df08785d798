"""Talknotes: conference notes that become blog posts."""

# Kept equal to pyproject's version by tests/packaging/test_desktop_files.py. A constant, not
# importlib.metadata: that import costs ~20 ms of every start, and a bundle carries no metadata.
__version__ = "0.1.0"
