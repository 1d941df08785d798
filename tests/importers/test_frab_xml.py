"""frab / pentabarf XML: the two real files, after-midnight events, zones, HTML abstracts."""

from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.abstracts import to_markdown
from desktop.core.errors import TalknotesError
from desktop.importers import frab_xml
from desktop.importers.detect import parse_schedule
from tests.conftest import SAMPLE, shared_fixture

CET = timezone(timedelta(hours=1))


def _by_title(schedule, title):
    matches = [t for t in schedule.talks if t.title == title]
    assert matches, f"no talk titled {title!r}"
    return matches[0]


def test_31c3_after_midnight_talk_stays_on_its_day():
    path = shared_fixture("schedules/xml/31c3-frab-schedule.xml")
    s = parse_schedule(path.read_bytes(), str(path))
    assert len(s.talks) == 138
    assert s.conference.title == "31. Chaos Communication Congress"
    assert s.conference.time_zone == "Etc/GMT-1"  # no time_zone_name: implied by +01:00
    fnord = _by_title(s, "Fnord News Show")
    assert fnord.start == datetime(2014, 12, 29, 0, 15, tzinfo=CET)
    assert fnord.end == datetime(2014, 12, 29, 1, 45, tzinfo=CET)
    assert fnord.day == date(2014, 12, 28)
    assert fnord.speakers == ["frank", "Fefe"]
    assert fnord.room == "Saal 1"
    assert sum(t.start.date() != t.day for t in s.talks) == 4
    assert [d.isoformat() for d in s.days] == [
        "2014-12-27",
        "2014-12-28",
        "2014-12-29",
        "2014-12-30",
    ]


def test_31c3_text_is_cleaned_of_invisible_characters():
    path = shared_fixture("schedules/xml/31c3-frab-schedule.xml")
    s = parse_schedule(path.read_bytes(), str(path))
    for talk in s.talks:
        for text in (talk.title, talk.abstract):
            assert "\u00ad" not in text and "\u200b" not in text
    keynote = _by_title(s, "31C3 Keynote")
    assert keynote.subtitle == "A New Dawn"
    assert keynote.abstract == "The 31C3 Keynote\n\nA New Dawn"  # abstract + description


def test_fosdem_2024_emoji_title_zone_and_html_abstracts():
    path = shared_fixture("schedules/xml/fosdem-2024-schedule.xml")
    s = parse_schedule(path.read_bytes(), str(path))
    assert len(s.talks) == 876
    assert s.conference.time_zone == "Europe/Brussels"
    email = _by_title(s, "Welcome to the Modern Email DevRoom 💌")
    assert email.start == datetime(2024, 2, 4, 9, 0, tzinfo=CET)
    assert email.room == "H.2213"
    assert email.speakers == []
    assert email.day == date(2024, 2, 4)
    welcome = _by_title(s, "Welcome to FOSDEM 2024")
    assert welcome.speakers == ["FOSDEM Staff", 'Richard "RichiH" Hartmann']
    assert welcome.abstract == "<p>FOSDEM welcome and opening talk.</p>"  # as published
    assert to_markdown(welcome.abstract) == "FOSDEM welcome and opening talk."
    assert welcome.url.startswith("https://fosdem.org/2024/schedule/event/")
    assert [link.title for link in welcome.links][:2] == ["Chat room(web)", "Chat room(app)"]
    shown = [to_markdown(t.abstract) for t in s.talks]
    assert not any("<p>" in text or "&lt;" in text for text in shown)
    assert sum(not t.speakers for t in s.talks) == 6


@pytest.mark.parametrize("duration,minutes", [("0:45", 45), ("00:45", 45), ("01:30:00", 90)])
def test_durations_in_all_frab_forms(duration, minutes):
    xml = f"""<schedule><conference><title>T</title></conference>
    <day date="2024-01-01" index="1"><room name="R"><event guid="g1" id="1">
    <date>2024-01-01T10:00:00+02:00</date><start>10:00</start><duration>{duration}</duration>
    <title>X</title></event></room></day></schedule>""".encode()
    talk = frab_xml.parse(xml, "d.xml").talks[0]
    assert talk.end - talk.start == timedelta(minutes=minutes)


def test_start_without_date_uses_zone_and_next_morning():
    xml = b"""<schedule><conference><title>T</title><time_zone_name>Europe/Berlin</time_zone_name>
    </conference><day date="2024-07-01" index="1"><room name="R">
    <event guid="a"><start>22:00</start><duration>00:30</duration><title>Late</title></event>
    <event guid="b"><start>01:00</start><duration>00:30</duration><title>Later</title></event>
    </room></day></schedule>"""
    late, later = frab_xml.parse(xml, "x.xml").talks
    assert late.start.isoformat() == "2024-07-01T22:00:00+02:00"
    assert later.start.isoformat() == "2024-07-02T01:00:00+02:00"
    assert later.day == date(2024, 7, 1)


def test_sample_conference_is_a_valid_two_day_schedule():
    s = parse_schedule(SAMPLE.read_bytes(), str(SAMPLE))
    assert len(s.talks) == 12 and len(s.days) == 2
    assert s.conference.time_zone == "Europe/Lisbon"
    assert s.warnings == []


def test_bad_duration_names_the_event():
    xml = b"""<schedule><day date="2024-01-01"><room name="R"><event guid="g9">
    <date>2024-01-01T10:00:00+00:00</date><duration>forever</duration><title>X</title>
    </event></room></day></schedule>"""
    with pytest.raises(TalknotesError, match='event g9.*duration "forever"'):
        frab_xml.parse(xml, "d.xml")


def test_fosdem_conference_site_city_and_venue():
    path = shared_fixture("schedules/xml/fosdem-2024-schedule.xml")
    conf = parse_schedule(path.read_bytes(), str(path)).conference
    assert (conf.url, conf.city, conf.venue) == (
        "https://fosdem.org/2024/schedule/",  # <base_url>: FOSDEM gives no <url>
        "Brussels",
        "ULB (Université Libre de Bruxelles)",
    )
    path = shared_fixture("schedules/xml/31c3-frab-schedule.xml")
    conf = parse_schedule(path.read_bytes(), str(path)).conference
    assert (conf.url, conf.city, conf.venue) == ("", "", "")  # nothing made up


def _with_conference(extra: str) -> bytes:
    xml = SAMPLE.read_text(encoding="utf-8")
    return xml.replace("<conference>", "<conference>" + extra, 1).encode()


@pytest.mark.parametrize(
    ("extra", "url"),
    [
        ("<url>https://harbour.example.org/</url>", "https://harbour.example.org/"),  # over base
        (
            "<url>https://harbour.example.org/?token=s3cret&amp;lang=en</url>",
            "https://harbour.example.org/?lang=en",
        ),
        ("<url>https://me:pw@harbour.example.org/</url>", "https://harbour.example.org/"),
        ("<url>javascript:alert(1)</url>", "https://harbourconf.example/2026/"),
        ("<url>http://localhost:8000/</url>", "https://harbourconf.example/2026/"),
        ("<url>http://192.168.1.5/</url>", "https://harbourconf.example/2026/"),
    ],
)
def test_conference_site_is_a_public_web_address_without_credentials(extra, url):
    conf = parse_schedule(_with_conference(extra), "sample.xml").conference
    assert conf.url == url


def test_city_and_venue_are_one_clean_capped_line():
    extra = "<city>Lis\u00adbon\n</city><venue>" + "Hall\t\x85 " * 60 + "</venue>"
    conf = parse_schedule(_with_conference(extra), "sample.xml").conference
    assert conf.city == "Lisbon"
    assert len(conf.venue) == 200 and "\x85" not in conf.venue and "\n" not in conf.venue
