"""The PyInstaller bundle builds from the spec, starts, and opens a library."""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.bundle]


def test_bundle_builds_starts_and_opens_a_library(tmp_path):
    pytest.importorskip("PyInstaller")
    dist, work = tmp_path / "dist", tmp_path / "build"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "packaging" / "pyinstaller" / "talknotes.spec"),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    exe = dist / "talknotes" / "talknotes"
    bare = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
    }  # no virtualenv, no PYTHONPATH
    version = subprocess.run([str(exe), "--version"], env=bare, capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("talknotes 0."), version.stderr
    library = tmp_path / "lib"
    imported = subprocess.run(
        [str(exe), "--library", str(library), "import", "--sample", "--json"],
        env=bare,
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr  # resources found
    assert json.loads(imported.stdout)["added"] == 12
    check = subprocess.run(
        [str(exe), "--library", str(library), "check", "--json"],
        env=bare,
        capture_output=True,
        text=True,
    )
    report = json.loads(check.stdout)
    from desktop.store.migrations import HEAD_REVISION

    assert report["integrity"] == "ok" and report["schema_revision"] == HEAD_REVISION
    gui = subprocess.Popen(
        [str(exe), "--library", str(library)], env=bare, stderr=subprocess.PIPE, text=True
    )
    time.sleep(4)
    alive = gui.poll() is None
    gui.terminate()
    _, errors = gui.communicate(timeout=10)
    assert alive, f"the GUI exited early: {errors}"
    # the library opens behind the painted window: its modules must be in the bundle too
    shown = subprocess.run(
        [str(exe), "--library", str(library)],
        env={**bare, "TALKNOTES_EXIT_AFTER_FIRST_PAINT": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    events = [line.split()[0] for line in shown.stdout.splitlines()]
    assert shown.returncode == 0 and events == ["first-paint", "schedule-shown"], shown.stderr
    size = sum(f.stat().st_size for f in (dist / "talknotes").rglob("*") if f.is_file())
    print(f"\nbundle: {size / 2**20:.0f} MiB")
    shutil.rmtree(work, ignore_errors=True)
    os.sync()
