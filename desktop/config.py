"""Application identity, where things live on disk, and defaults. No Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
    import platformdirs  # (~6 ms with tempfile, shutil, random: not for --library or the env)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """`resources/`: in a PyInstaller bundle, a source checkout, or a wheel's share/ folder."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "talknotes" / "resources"


SAMPLE_FILE_NAME = "talknotes-sample-conf.xml"  # (a conference imported from it: the sample)


def sample_schedule_path() -> Path:
    return resources_dir() / "sample" / SAMPLE_FILE_NAME
