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


def test_real_tag_lines_are_the_speakers_affiliations():
    path = shared_fixture(NAME)
    s = parse_schedule(path.read_bytes(), str(path), tz="Europe/Vienna")
    keynote = s.talks[0]
    assert [(x.name, x.affiliation) for x in keynote.speaker_details] == [
        ("Ed Burns", "Principal Architect on the Java Tooling and Experiences team at Microsoft"),
        ("Sandra Ahlgrimm", "Cloud Advocate working for Java Developers at Microsoft"),
    ]
    # "MVP | ACP IT Solutions GMBH, Lead Cloud Architect " in the file: trimmed, as written
    copilot = next(t for t in s.talks if "Copilot for Azure" in t.title)
    assert copilot.affiliations == {
        "Hannes Lagler-Gruener": "MVP | ACP IT Solutions GMBH, Lead Cloud Architect"
    }


def test_affiliation_for_some_speakers_and_not_others():
    """A tag line, a company question's answer, both, neither; control characters and line
    breaks cleaned as in names; nothing made up for a speaker without them."""
    doc = {
        "questions": [
            {"id": 7, "question": "Company", "questionType": "Short_Text"},
            {"id": 8, "question": "T-shirt size", "questionType": "Short_Text"},
        ],
        "speakers": [
            {"id": "a", "fullName": "Ann Tagline", "tagLine": "CTO at\r\nExample\u00ad Ltd"},
            {
                "id": "b",
                "fullName": "Bob Answer",
                "tagLine": "",
                "questionAnswers": [
                    {"questionId": 8, "answerValue": "XL"},
                    {"questionId": 7, "answerValue": "Acme GmbH"},
                ],
            },
            {
                "id": "c",
                "fullName": "Cy Both",
                "tagLine": "Founder",
                "questionAnswers": [{"questionId": 7, "answerValue": "Initech"}],
            },
            {
                "id": "d",
                "fullName": "Di Same",
                "tagLine": "Engineer at Initech",
                "questionAnswers": [{"questionId": 7, "answerValue": "initech"}],
            },
            {"id": "e", "fullName": "Eve Nothing", "questionAnswers": [{"questionId": 8}]},
        ],
        "rooms": [{"id": 1, "name": "Aula"}],
        "sessions": [
            {
                "id": "1",
                "title": "Panel",
                "startsAt": "2024-04-20T09:00:00",
                "endsAt": "2024-04-20T10:00:00",
                "roomId": 1,
                "speakers": ["a", "b", "c", "d", "e"],
            }
        ],
    }
    talk = parse_schedule(json.dumps(doc).encode(), "panel.json", tz="Europe/Vienna").talks[0]
    assert talk.speakers == ["Ann Tagline", "Bob Answer", "Cy Both", "Di Same", "Eve Nothing"]
    assert [x.affiliation for x in talk.speaker_details] == [
        "CTO at Example Ltd",
        "Acme GmbH",
        "Founder, Initech",
        "Engineer at Initech",
        "",
    ]


def test_long_affiliation_is_cut_with_a_warning():
    doc = {
        "speakers": [{"id": "a", "fullName": "Ann", "tagLine": "Chief " * 100}],
        "rooms": [],
        "sessions": [{"id": "1", "title": "T", "startsAt": None, "speakers": ["a"]}],
    }
    s = parse_schedule(json.dumps(doc).encode(), "long.json", tz="Europe/Vienna")
    assert len(s.talks[0].affiliations["Ann"]) == 200
    assert "1 speaker affiliations longer than 200 characters were cut" in s.warnings
