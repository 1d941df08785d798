"""The PyInstaller bundle builds from the spec, starts, and opens a library."""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from desktop.store.migrations import HEAD_REVISION
from tests.conftest import ROOT
from tests.slides import DECK, render, save_jpeg

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
    assert report["integrity"] == "ok" and report["schema_revision"] == HEAD_REVISION
    # the OCR models travel in the bundle: a slide attached there is read, offline
    slide = save_jpeg(render(DECK[0], (800, 600)), tmp_path / "slide.jpg")
    for args in (["attach", "1", str(slide)], ["photos", "ocr", "--json"]):
        done = subprocess.run(
            [str(exe), "--library", str(library), *args], env=bare, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["read"] == 1
    found = subprocess.run(
        [str(exe), "--library", str(library), "search", "raft", "--json"],
        env=bare,
        capture_output=True,
        text=True,
    )
    assert [hit["source"] for hit in json.loads(found.stdout)] == ["slide"]
    gui = subprocess.Popen(
        [str(exe), "--library", str(library)], env=bare, stderr=subprocess.PIPE, text=True
    )
    # that it does not exit early: nothing to await for that (the window says nothing
    # to the outside); the fresh library below awaits the window's own import instead
    time.sleep(4)
    alive = gui.poll() is None
    gui.terminate()
    _, errors = gui.communicate(timeout=10)
    assert alive, f"the GUI exited early: {errors}"
    # the library opens behind the painted window: its modules must be in the bundle too. A
    # new library opens with the sample conference in it, which the command line then lists.
    fresh = tmp_path / "fresh"
    gui = subprocess.Popen(
        [str(exe), "--library", str(fresh)], env=bare, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline, listed = time.monotonic() + 60, []
        while len(listed) < 12 and gui.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)  # polling until the window has imported the sample (its copy first)
            if not any((fresh / "schedules").glob("*")):
                continue
            talks = subprocess.run(
                [str(exe), "--library", str(fresh), "talks", "--json"],
                env=bare,
                capture_output=True,
                text=True,
            )
            listed = json.loads(talks.stdout) if talks.returncode == 0 else []
    finally:
        gui.terminate()
        _, errors = gui.communicate(timeout=10)
    assert len(listed) == 12, f"the window did not open its library: {errors}"
    size = sum(f.stat().st_size for f in (dist / "talknotes").rglob("*") if f.is_file())
    print(f"\nbundle: {size / 2**20:.0f} MiB")
    shutil.rmtree(work, ignore_errors=True)
    os.sync()
