"""The `talknotes` command run inside the test process: what a subprocess would give (exit
status, stdout, stderr), without starting Python and importing the library code each time.

For tests of what a command does. The entry point, exit codes across the process boundary,
locks and kills keep real subprocesses (tests/test_cli.py::test_version, test_cli_trouble.py,
tests/security/test_crash_safety.py).
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout


def talknotes_in_process(
    argv: Sequence[str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """desktop.cli.main(argv) with stdin (not a terminal; empty unless given) and captured
    stdout and stderr, as `subprocess.run([talknotes, *argv], capture_output=True,
    text=True)` returns them. An unexpected exception propagates (a subprocess would print
    its traceback and exit 1)."""
    from desktop.cli import main

    out, err = _stream(), _stream()
    real_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exit_:  # argparse: --help, usage errors
                code = _exit_status(exit_.code, err)
    finally:
        sys.stdin = real_stdin
    return subprocess.CompletedProcess(list(argv), code, _text(out), _text(err))


def _stream() -> io.TextIOWrapper:
    """A text stream with a byte buffer under it, like sys.stdout (`agenda export --to -`
    writes bytes)."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    text = buffer.getvalue().decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")  # text=True's universal newlines


def _exit_status(code: object, err: io.TextIOWrapper) -> int:
    """The process's exit status for SystemExit(code), as the interpreter sets it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=err)
    return 1
