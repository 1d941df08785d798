"""Sessionize "All data": floating local times, speakers and rooms by id, breaks, unscheduled."""

import json
from datetime import date

import pytest

from desktop.core.models import TalkStatus
from desktop.importers.common import NeedsTimeZone
from desktop.importers.detect import parse_schedule
from tests.conftest import shared_fixture

NAME = "schedules/json/sessionize-global-azure-austria-2024.json"


def test_needs_a_zone():
    path = shared_fixture(NAME)
    with pytest.raises(NeedsTimeZone):
        parse_schedule(path.read_bytes(), str(path))


def test_global_azure_austria():
    path = shared_fixture(NAME)
    s = parse_schedule(path.read_bytes(), str(path), tz="Europe/Vienna")
    assert s.format == "sessionize"
    assert len(s.talks) == 15
    keynote = s.talks[0]
    assert keynote.title == "Keynote: Pioneering the Future of Java with Intelligent Apps"
    assert keynote.start.isoformat() == "2024-04-20T09:00:00+02:00"
    assert keynote.end.isoformat() == "2024-04-20T09:45:00+02:00"
    assert keynote.speakers == ["Ed Burns", "Sandra Ahlgrimm"]
    assert keynote.room == "Aula"
    assert keynote.day == date(2024, 4, 20)
    assert all("\r" not in t.abstract for t in s.talks)


def test_service_sessions_and_unscheduled():
    doc = {
        "sessions": [
            {
                "id": "1",
                "title": "Lunch",
                "startsAt": "2024-05-01T12:00:00",
                "endsAt": "2024-05-01T13:00:00",
                "isServiceSession": True,
                "speakers": [],
                "categoryItems": [11],
                "roomId": 5,
            },
            {
                "id": "2",
                "title": "TBA",
                "startsAt": None,
                "endsAt": None,
                "speakers": ["s1"],
                "categoryItems": [],
                "roomId": None,
            },
        ],
        "speakers": [{"id": "s1", "fullName": "Ana Lima"}],
        "rooms": [{"id": 5, "name": "Hall"}],
        "categories": [{"id": 1, "title": "Track", "items": [{"id": 11, "name": "Food"}]}],
    }
    lunch, tba = parse_schedule(json.dumps(doc).encode(), "s.json", tz="Europe/Lisbon").talks
    assert lunch.is_break and lunch.track == "Food" and lunch.room == "Hall"
    assert lunch.start.isoformat() == "2024-05-01T12:00:00+01:00"
    assert tba.status == TalkStatus.UNSCHEDULED and tba.start is None
    assert tba.speakers == ["Ana Lima"]
