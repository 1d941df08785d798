"""The agenda as iCalendar: starred talks out with their zone, stars in by UID, title and
start (also floating local times), or URL."""

from datetime import datetime

from icalendar import Calendar

from desktop.services.agenda_calendar import export_agenda, import_agenda
from desktop.services.importing import import_schedule
from desktop.store.talks import list_talks, set_starred
from tests.conftest import SAMPLE


def _bookmarks(events: str) -> str:
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other app//EN\r\n{events}END:VCALENDAR\r\n"


def test_exported_agenda_keeps_instants_and_zone(library):
    import_schedule(library, str(SAMPLE))
    talk = list_talks(library)[3]
    set_starred(library, talk.id, True)
    data, count = export_agenda(library, talk.conference_id)
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert count == 1
    assert event["UID"] == talk.source_id
    assert event["DTSTART"].params["TZID"] == "Europe/Lisbon"
    assert event["DTSTART"].dt == talk.start and event["DTEND"].dt == talk.end


def test_import_matches_uid_then_floating_title_and_start_then_url(library, tmp_path):
    import_schedule(library, str(SAMPLE))
    by_uid, by_time, by_url = list_talks(library)[1:4]
    local = by_time.start.replace(tzinfo=None)  # floating: the conference's wall clock
    events = (
        f"BEGIN:VEVENT\r\nUID:{by_uid.source_id}\r\nDTSTART:20000101T000000Z\r\n"
        "SUMMARY:renamed by the other app\r\nEND:VEVENT\r\n"
        f"BEGIN:VEVENT\r\nUID:their-own-1\r\nDTSTART:{local:%Y%m%dT%H%M%S}\r\n"
        f"SUMMARY:{by_time.title}\r\nEND:VEVENT\r\n"
        f"BEGIN:VEVENT\r\nUID:their-own-2\r\nDTSTART:20000101T000000Z\r\n"
        f"SUMMARY:x\r\nURL:{by_url.url}\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:nowhere\r\nDTSTART:20260514T120000Z\r\nSUMMARY:Elsewhere\r\n"
        "END:VEVENT\r\n"
    )
    path = tmp_path / "bookmarks.ics"
    path.write_text(_bookmarks(events))
    result = import_agenda(library, path)
    assert sorted(t.id for t in result.starred) == sorted([by_uid.id, by_time.id, by_url.id])
    assert [(u.uid, u.title) for u in result.unmatched] == [("nowhere", "Elsewhere")]
    assert result.unmatched[0].start == datetime.fromisoformat("2026-05-14T12:00:00+00:00")
    again = import_agenda(library, path)
    assert (len(again.starred), len(again.already)) == (0, 3)


def test_an_agenda_export_imported_as_a_schedule_is_refused_naming_its_conference(
    library, tmp_path
):
    """The file `talknotes agenda export` writes is no schedule: imported as one it made a
    second conference of the starred talks."""
    import pytest

    from desktop.core.errors import TalknotesError
    from desktop.importers import parse_schedule
    from desktop.importers.ical import AgendaExport
    from tests.conftest import library_snapshot

    import_schedule(library, str(SAMPLE))
    for talk in list_talks(library)[:3]:
        set_starred(library, talk.id, True)
    data, _count = export_agenda(library, 1)
    path = tmp_path / "agenda-1.ics"
    path.write_bytes(data)
    with pytest.raises(AgendaExport) as plain:  # no library to look in
        parse_schedule(data, str(path))
    assert plain.value.conference_title == "Harbour Notes Conference 2026"
    before = library_snapshot(library)
    with pytest.raises(TalknotesError) as refused:
        import_schedule(library, str(path))
    assert refused.value.what == str(path)
    assert refused.value.why.startswith(
        "a Talknotes agenda export of “Harbour Notes Conference 2026”, which is conference 1 "
        "in this library already;"
    )
    assert f"talknotes agenda import {path} --conference 1" in refused.value.why
    assert library_snapshot(library) == before
    # an agenda with nothing starred is recognised too (not "a calendar without events")
    for talk in list_talks(library)[:3]:
        set_starred(library, talk.id, False)
    with pytest.raises(AgendaExport):
        parse_schedule(export_agenda(library, 1)[0], "empty.ics")


def test_another_apps_bookmarks_still_import_as_a_schedule(library):
    """Only Talknotes' own agenda is refused: a calendar app's export is a schedule."""
    events = (
        "BEGIN:VEVENT\r\nUID:x-1\r\nDTSTART:20260514T090000Z\r\nDTEND:20260514T094500Z\r\n"
        "SUMMARY:A talk\r\nEND:VEVENT\r\n"
    )
    from desktop.importers import parse_schedule

    schedule = parse_schedule(_bookmarks(events).encode(), "bookmarks.ics", "Europe/Lisbon")
    assert [t.title for t in schedule.talks] == ["A talk"]
