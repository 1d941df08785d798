"""The process entry point: start-up runs without the cyclic collector, commands with it."""

import gc
import sys

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
