"""One writer per library: CLI writes fail clearly while the app holds the library."""

import subprocess
import sys
import time

from tests.conftest import SAMPLE


def test_cli_write_waits_then_fails_while_library_is_held(tmp_path):
    lib = tmp_path / "lib"
    subprocess.run(
        [sys.executable, "-m", "desktop", "--library", str(lib), "import", str(SAMPLE)],
        check=True,
        capture_output=True,
    )
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time\n"
                "from desktop.store.lock import acquire\n"
                f"lock = acquire(__import__('pathlib').Path({str(lib)!r}), 1, 'window')\n"
                "print('held', flush=True)\n"
                "time.sleep(30)\n"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        write = subprocess.run(
            [sys.executable, "-m", "desktop", "--library", str(lib), "note", "1", "--append", "x"],
            capture_output=True,
            text=True,
        )
        waited = time.monotonic() - started
        assert write.returncode == 2 and "open in another Talknotes" in write.stderr
        assert waited >= 2.5  # it waited for the lock before giving up
        read = subprocess.run(
            [sys.executable, "-m", "desktop", "--library", str(lib), "talks"],
            capture_output=True,
            text=True,
        )
        assert read.returncode == 0  # reading is fine meanwhile
    finally:
        holder.kill()
        holder.wait()
    # a killed holder leaves no stale lock behind
    again = subprocess.run(
        [sys.executable, "-m", "desktop", "--library", str(lib), "note", "1", "--append", "x"],
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stderr
