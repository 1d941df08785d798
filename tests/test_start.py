"""The process entry point: start-up runs without the cyclic collector, commands with it."""

import gc
import subprocess
import sys

import pytest

from desktop import start
from tests.conftest import SAMPLE


def test_a_command_runs_with_the_collector_on_and_start_up_frozen(tmp_path, monkeypatch):
    import desktop.cli

    seen = {}
    real_import = desktop.cli.cmd_import

    def spy(lib, args):
        seen["gc"] = (gc.isenabled(), gc.get_freeze_count())
        return real_import(lib, args)

    monkeypatch.setattr(desktop.cli, "cmd_import", spy)
    monkeypatch.setattr(
        sys, "argv", ["talknotes", "--library", str(tmp_path), "import", str(SAMPLE)]
    )
    try:
        assert start.main() == 0
        enabled, frozen = seen["gc"]
        assert enabled and frozen > 10_000
    finally:
        gc.unfreeze()
        gc.enable()


def test_startup_done_leaves_a_running_collector_alone():
    assert gc.isenabled()
    start.startup_done()
    assert gc.isenabled() and gc.get_freeze_count() == 0


ARGUMENTS = [
    [],
    ["--library", "lib"],
    ["--library=lib"],
    ["--library", "my lib/with space"],
    ["--library=-odd"],
    ["--library", "-x"],
    ["--library"],
    ["--library="],
    ["--lib", "lib"],  # argparse takes the abbreviation; the short cut leaves it to argparse
    ["--json"],
    ["--library", "lib", "--json"],
    ["talks"],
    ["--library", "lib", "talks"],
    ["--version"],
    ["-h"],
]


@pytest.mark.parametrize("args", ARGUMENTS, ids=lambda a: " ".join(a) or "(none)")
def test_the_window_short_cut_agrees_with_the_parser(args):
    """Whatever start.window_start sends straight to the window, the parser would have too,
    with the same library."""
    import desktop.cli

    window_only, library = start.window_start(args)
    if not window_only:
        return
    parsed = desktop.cli.build_parser().parse_args(args)
    assert parsed.command is None
    assert getattr(parsed, "library", None) == library


def test_opening_the_window_imports_no_command(tmp_path):
    """`talknotes --library DIR` opens the window without the command line's modules."""
    probe = (
        "import sys\n"
        "from desktop import app, start\n"
        "app.main = lambda library: print(library, 'desktop.cli' in sys.modules) or 0\n"
        f"sys.argv = ['talknotes', '--library', {str(tmp_path)!r}]\n"
        "sys.exit(start.main())\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [str(tmp_path), "False"]
