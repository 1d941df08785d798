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
