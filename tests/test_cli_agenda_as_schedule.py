"""`talknotes import` of the agenda `talknotes agenda export` wrote: refused, saying what the
file is and what to do, instead of importing a second conference of the starred talks."""

import json

from tests.conftest import SAMPLE
from tests.test_cli import run


def test_an_agenda_export_is_not_imported_as_a_schedule(tmp_path):
    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    run("star", "1", "2", library=lib)
    agenda = tmp_path / "agenda-1.ics"
    run("agenda", "export", "--conference", "1", "--to", str(agenda), library=lib)
    done = run("import", str(agenda), "--json", library=lib, check=False)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(
        f"error: {agenda}: a Talknotes agenda export of “Harbour Notes Conference 2026”, "
        "which is conference 1 in this library already;"
    )
    assert f"talknotes agenda import {agenda} --conference 1" in done.stderr
    assert [c["id"] for c in json.loads(run("conferences", "--json", library=lib).stdout)] == [1]

    elsewhere = tmp_path / "no-library-yet"
    done = run("import", str(agenda), library=elsewhere, check=False)
    assert done.returncode == 2 and "a Talknotes agenda export (the starred talks" in done.stderr
    assert not elsewhere.exists()  # a refused import creates no library
