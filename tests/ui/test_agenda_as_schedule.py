"""File → Import Schedule… of an agenda Talknotes exported: refused with what the file is and
what to do, and no second conference."""

from desktop.services.agenda_calendar import export_agenda
from desktop.store.talks import list_talks, set_starred
from tests.ui.conftest import sample_window


def test_importing_an_agenda_export_says_what_it_is_and_adds_nothing(qtbot, library, tmp_path):
    window = sample_window(qtbot, library)
    set_starred(library, list_talks(library)[0].id, True)
    agenda = tmp_path / "agenda-1.ics"
    agenda.write_bytes(export_agenda(library, 1)[0])
    window.import_flow.start(str(agenda))
    qtbot.waitUntil(lambda: bool(window.notifier.told))
    kind, title, text = window.notifier.told[-1]
    assert (kind, title) == ("warn", "Import failed")
    assert "a Talknotes agenda export of “Harbour Notes Conference 2026”" in text
    assert "conference 1 in this library already" in text and "Import Agenda…" in text
    qtbot.waitUntil(window.settled)
    assert len(window.model.conferences()) == 1 and len(list_talks(library)) == 12
