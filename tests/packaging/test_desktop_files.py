"""Desktop integration files: one app id everywhere, and the freedesktop validators pass."""

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.config import APP_ID
from tests.conftest import ROOT

LINUX = ROOT / "packaging" / "linux"


def test_files_are_named_by_the_app_id():
    assert (LINUX / f"{APP_ID}.desktop").is_file()
    assert (LINUX / f"{APP_ID}.metainfo.xml").is_file()
    desktop = (LINUX / f"{APP_ID}.desktop").read_text()
    assert f"Icon={APP_ID}\n" in desktop
    metainfo = (LINUX / f"{APP_ID}.metainfo.xml").read_text()
    assert f"<id>{APP_ID}</id>" in metainfo and f"{APP_ID}.desktop" in metainfo
    for size in (16, 32, 48, 128, 256, 512):
        assert (ROOT / f"resources/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert f"{APP_ID}.desktop" in pyproject and f"{APP_ID}.metainfo.xml" in pyproject


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (make test installs it)")
    return path


def test_desktop_file_validates():
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout


def test_metainfo_validates():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    assert "Validation was successful" in result.stdout


def test_release_version_matches_package_version():
    from desktop import __version__

    metainfo = (LINUX / f"{APP_ID}.metainfo.xml").read_text()
    assert f'<release version="{__version__}"' in metainfo
    assert Path(ROOT / "pyproject.toml").read_text().count(f'version = "{__version__}"') == 1
