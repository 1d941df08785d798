"""What the window says after an import or a refresh: the outcome in words, no parser names,
ids or rows of zeros (those are the command line's)."""

from desktop.core.models import ImportSummary
from desktop.ui.import_flow import summary_text


def _summary(**counts) -> ImportSummary:
    return ImportSummary(conference_id=2, title="FOSDEM 2024", format="frab-xml", **counts)


def test_a_first_import_says_how_many_talks():
    text = summary_text(_summary(added=876))
    assert text == "Imported “FOSDEM 2024”: 876 talks."


def test_a_refresh_says_what_changed_and_what_was_kept():
    text = summary_text(_summary(added=2, updated=5, unchanged=869, removed=1, kept_annotated=1))
    assert text == (
        "Refreshed “FOSDEM 2024”: 876 talks — 2 new, 5 changed, 1 dropped from the schedule, "
        "1 dropped but kept for your notes (struck out)."
    )
    assert summary_text(_summary(unchanged=876)).endswith("876 talks — nothing changed.")


def test_warnings_follow_and_nothing_of_the_command_line_s_wording():
    text = summary_text(_summary(added=1, warnings=["2 talks repeat an id"]))
    assert text == "Imported “FOSDEM 2024”: 1 talk.\nNote: 2 talks repeat an id"
    assert "frab-xml" not in text and "conference 2" not in text


def test_after_a_real_import_the_sample_is_pointed_out_with_how_to_remove_it(qtbot, library):
    """The sample conference a new library gets stayed beside the real one, its days, tracks
    and rooms mixed into the filters, and the line that explained it was gone."""
    from desktop import config
    from desktop.app import build_window
    from desktop.services.importing import import_schedule
    from tests.conftest import shared_fixture
    from tests.ui.conftest import RecordingNotifier

    import_schedule(library, str(config.sample_schedule_path()))  # as a new library gets it
    window = build_window(library, notifier=RecordingNotifier())
    qtbot.waitUntil(window.settled)
    qtbot.addWidget(window)
    fosdem = shared_fixture("schedules/xml/fosdem-2024-schedule.xml")
    with qtbot.waitSignal(window.import_flow.imported, timeout=20_000):
        window.import_flow.start(str(fosdem))
    ((kind, title, text),) = window.notifier.told
    assert text.startswith("Imported “FOSDEM 2024”: 876 talks.")
    assert "“Harbour Notes Conference 2026”, is still in the library" in text
    assert "Remove Conference…" in text
    qtbot.waitUntil(window.settled)
    with qtbot.waitSignal(window.import_flow.imported, timeout=20_000):
        window.import_flow.start(str(fosdem))  # a refresh: said once more, while it is there
    assert "still in the library" in window.notifier.told[-1][2]


def test_the_sample_imported_itself_is_not_pointed_out():
    from desktop import config
    from desktop.core.models import Conference
    from desktop.ui.import_flow import sample_note

    sample = Conference(
        id=1, title="Harbour Notes Conference 2026", source_uri=str(config.sample_schedule_path())
    )
    other = Conference(id=2, title="FOSDEM 2024", source_uri="/home/a/fosdem.xml")
    assert sample_note([sample, other], imported_id=1) == ""
    assert sample_note([other], imported_id=2) == ""
    assert "Harbour Notes" in sample_note([sample, other], imported_id=2)
