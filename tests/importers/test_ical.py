"""iCalendar: UTC-only feeds need a zone; attendees, categories, missing ends, duplicate UIDs."""

from datetime import date, timedelta

import pytest

from desktop.core.abstracts import to_markdown
from desktop.importers.common import NeedsTimeZone
from desktop.importers.detect import parse_schedule
from tests.conftest import shared_fixture


def test_utc_only_feed_asks_for_the_zone():
    path = shared_fixture("schedules/ics/fosdem-2024-app-export-jonathan.ics")
    with pytest.raises(NeedsTimeZone, match="--tz ZONE"):
        parse_schedule(path.read_bytes(), str(path))


def test_fosdem_app_export():
    path = shared_fixture("schedules/ics/fosdem-2024-app-export-jonathan.ics")
    s = parse_schedule(path.read_bytes(), str(path), tz="Europe/Brussels")
    assert len(s.talks) == 26
    assert s.conference.time_zone == "Europe/Brussels"
    semver = s.talks[0]
    assert semver.title == "SemVer in the Rust ecosystem: breakage, tooling, and edge cases"
    assert semver.start.isoformat() == "2024-02-03T10:30:00+01:00"  # 09:30Z in Brussels
    assert semver.end.isoformat() == "2024-02-03T11:10:00+01:00"
    assert semver.speakers == ["Predrag Gruevski"]
    assert semver.track == "Rust devroom"
    assert semver.room == "H.1308 (Rolin)"
    shown = to_markdown(semver.abstract)
    assert "<p>" not in shown and "None of those statements are true!" in shown
    assert s.days == [date(2024, 2, 3), date(2024, 2, 4)]


def test_pyconuk_missing_ends_empty_titles_and_duplicate_uid():
    path = shared_fixture("schedules/ics/pyconuk-2015-schedule.ics")
    s = parse_schedule(path.read_bytes(), str(path), tz="Europe/London")
    assert len(s.talks) == 162
    assert s.duplicate_ids == 1
    assert len({t.source_id for t in s.talks}) == 162
    estimated = [t for t in s.talks if t.end_estimated]
    assert len(estimated) == 5
    assert all(t.end - t.start == timedelta(minutes=30) for t in estimated)
    assert any("5 events have no end" in w for w in s.warnings)
    assert sum(t.title == "(untitled)" for t in s.talks) == 4
    keynote = next(t for t in s.talks if t.title == "Keynote: Van Lindberg, PSF Chair")
    assert keynote.start.isoformat() == "2015-09-18T10:30:00+01:00"
    assert keynote.room == "PythonAnywhere Room (CC1.3)"


def test_tzid_location_address_and_organizer():
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nX-WR-CALNAME:Tiny Conf\r\n"
        "BEGIN:VEVENT\r\nUID:u1\r\nDTSTART;TZID=America/New_York:20240310T100000\r\n"
        "DURATION:PT45M\r\nSUMMARY:Keynote\r\nLOCATION:Ballroom A, 1 Main St, Boston\r\n"
        "ORGANIZER;CN=Grace Hopper:mailto:g@example.org\r\nCATEGORIES:Main,Other\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    s = parse_schedule(ics.encode(), "tiny.ics")
    talk = s.talks[0]
    assert s.conference.title == "Tiny Conf"
    assert s.conference.time_zone == "America/New_York"
    assert talk.start.isoformat() == "2024-03-10T10:00:00-04:00"
    assert talk.end - talk.start == timedelta(minutes=45)
    assert (talk.room, talk.speakers, talk.track) == ("Ballroom A", ["Grace Hopper"], "Main")


def test_calendar_url_is_the_conference_site():
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nX-WR-CALNAME:Tiny Conf\r\n"
        "URL:https://tiny.example.org/schedule/\r\n"
        "BEGIN:VEVENT\r\nUID:u1\r\nDTSTART;TZID=America/New_York:20240310T100000\r\n"
        "DURATION:PT45M\r\nSUMMARY:Keynote\r\nURL:https://tiny.example.org/talk/1\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    s = parse_schedule(ics.encode(), "tiny.ics")
    assert s.conference.url == "https://tiny.example.org/schedule/"
    assert s.talks[0].url == "https://tiny.example.org/talk/1"
    path = shared_fixture("schedules/ics/fosdem-2024-app-export-jonathan.ics")
    assert parse_schedule(path.read_bytes(), str(path), tz="Europe/Brussels").conference.url == ""
