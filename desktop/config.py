"""Application identity, where things live on disk, and defaults. No Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Talknotes"
APP_ID = "io.github.talknotes.Talknotes"
ORGANIZATION = "Talknotes"
LIBRARY_ENV = "TALKNOTES_LIBRARY"
DATABASE_NAME = "talknotes.sqlite3"
MEDIA_DIR = "media"
SCHEDULES_DIR = "schedules"


def default_library_dir() -> Path:
    """The library folder: `$TALKNOTES_LIBRARY`, else the platform's user data dir."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """The `resources/` folder, in a source checkout or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def sample_schedule_path() -> Path:
    return resources_dir() / "sample" / "talknotes-sample-conf.xml"
