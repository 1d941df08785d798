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
