"""One writer per library: CLI writes fail clearly while the app holds the library."""

import subprocess
import sys
import time

from tests.conftest import SAMPLE


def _hold(lib, kind):
    """Another process holding the library's lock as a `kind` ("window", "command")."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time\n"
                "from desktop.store.lock import acquire\n"
                f"lock = acquire(__import__('pathlib').Path({str(lib)!r}), 1, {kind!r})\n"
                "print('held', flush=True)\n"
                "time.sleep(30)\n"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    return holder


def _append(lib):
    """`talknotes note 1 --append x`: a command that changes the library; its seconds."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--library", str(lib), "note", "1", "--append", "x"],
        capture_output=True,
        text=True,
    )
    return done, time.monotonic() - started


def _imported(tmp_path):
    lib = tmp_path / "lib"
    subprocess.run(
        [sys.executable, "-m", "desktop", "--library", str(lib), "import", str(SAMPLE)],
        check=True,
        capture_output=True,
    )
    return lib


def test_cli_write_waits_for_a_command_then_fails(tmp_path):
    lib = _imported(tmp_path)
    holder = _hold(lib, "command")
    try:
        write, waited = _append(lib)
        assert write.returncode == 2 and "in use by another Talknotes command" in write.stderr
        assert waited >= 2.5  # it waited for the command to be done before giving up
    finally:
        holder.kill()
        holder.wait()


def test_cli_write_fails_at_once_while_the_window_holds_the_library(tmp_path):
    """A window holds its library until it is closed: a command that changes the library
    says so at once (a script's commands waited 3 s each for nothing); reads go on."""
    lib = _imported(tmp_path)
    holder = _hold(lib, "window")
    try:
        write, waited = _append(lib)
        assert write.returncode == 2 and "open in another Talknotes window" in write.stderr
        assert waited < 2.5  # (the process's own start included; it did not wait 3 s)
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
    again, _seconds = _append(lib)
    assert again.returncode == 0, again.stderr
