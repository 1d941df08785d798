"""frab / pretalx JSON v1 and v2: persons, zones that contradict offsets, invalid files."""

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.abstracts import to_markdown
from desktop.core.errors import TalknotesError
from desktop.importers.detect import parse_schedule
from tests.conftest import shared_fixture


def _load(name):
    path = shared_fixture(f"schedules/json/{name}")
    return parse_schedule(path.read_bytes(), str(path))


def test_camp2019():
    s = _load("frab-camp2019.json")
    assert len(s.talks) == 79
    assert s.conference.title == "Chaos Communication Camp 2019"
    assert s.conference.time_zone == "Europe/Berlin"
    opening = s.talks[0]
    assert opening.title == "Opening Ceremony"
    assert opening.speakers == ["jinxx", "smtw"]
    assert opening.room == "Curie"
    assert opening.start == datetime(2019, 8, 21, 11, 0, tzinfo=timezone(timedelta(hours=2)))
    assert opening.end - opening.start == timedelta(minutes=30)
    assert opening.day == date(2019, 8, 21)
    card10 = next(t for t in s.talks if t.title == "card10 Badge")
    assert card10.speakers == ["schneider"]


def test_pretalx_offsets_win_over_contradicting_zone():
    s = _load("pretalx-democon.json")
    assert len(s.talks) == 36
    assert s.conference.time_zone == "Etc/GMT-1"
    assert any("contradicts" in w for w in s.warnings)
    first = s.talks[0]
    assert first.title == "Focused 5thgeneration hardware"
    assert first.start.isoformat() == "2020-12-14T09:00:00+01:00"
    assert first.speakers == ["Brian Robinson"]
    last = next(t for t in s.talks if t.title == "Proactive leadingedge Graphical User Interface")
    assert (last.room, last.day) == ("Tan Room", date(2020, 12, 16))
    assert last.end.isoformat() == "2020-12-16T15:30:00+01:00"


def test_invalid_example_is_refused_clearly():
    path = shared_fixture("schedules/json/invalid-example.json")
    with pytest.raises(TalknotesError) as err:
        parse_schedule(path.read_bytes(), str(path))
    assert err.value.what == str(path)
    assert "declares 3 days" in err.value.why
    assert 'person id "dsadf"' in err.value.why


def test_schedule_v2_flat_events():
    doc = {
        "schedule": {
            "version": "1",
            "conference": {
                "acronym": "v2c",
                "title": "V2 Conf",
                "start": "2024-06-01",
                "end": "2024-06-02",
                "time_zone_name": "Europe/Paris",
                "days": [],
            },
            "events": [
                {
                    "guid": "e1",
                    "title": "Late one",
                    "start": "2024-06-02T00:30:00+02:00",
                    "end": "2024-06-02T01:00:00+02:00",
                    "room": {"name": "Amphi", "guid": "r"},
                    "track": {"slug": "web", "name": "Web"},
                    "participants": [{"name": "Zoé", "guid": "p"}],
                    "abstract": {"en": "<p>Hi</p>"},
                    "language": "en",
                    "links": [],
                    "slug": "s",
                    "subtitle": None,
                    "type": "talk",
                    "url": "u",
                }
            ],
        }
    }
    s = parse_schedule(json.dumps(doc).encode(), "v2.json")
    assert s.format == "frab-json-v2"
    talk = s.talks[0]
    assert (talk.room, talk.track, talk.speakers) == ("Amphi", "Web", ["Zoé"])
    assert to_markdown(talk.abstract) == "Hi"
    assert talk.day == date(2024, 6, 1)  # after midnight: previous conference day


def test_conference_site_from_the_schedule():
    """conference.url, else schedule.base_url; a test instance's localhost address is none."""
    assert _load("frab-camp2019.json").conference.url == (
        "https://fahrplan.events.ccc.de/camp/2019/Fahrplan/"
    )
    assert _load("pretalx-democon.json").conference.url == ""  # http://localhost/democon/…
    path = shared_fixture("schedules/json/frab-camp2019.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["schedule"]["conference"]["url"] = "https://events.ccc.de/camp/2019/?api_key=k3y"
    conf = parse_schedule(json.dumps(doc).encode(), "camp.json").conference
    assert conf.url == "https://events.ccc.de/camp/2019/"
