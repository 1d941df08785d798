"""Schedules from the wild, each shaped like a real file that was imported wrong (issue 18)."""

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.core.abstracts import to_markdown
from desktop.core.errors import TalknotesError
from desktop.importers import common
from desktop.importers.common import NeedsTimeZone
from desktop.importers.detect import parse_schedule
from tests.conftest import SAMPLE, shared_fixture

WILD = Path(__file__).parent / "wild"


def _parse(name: str, tz: str | None = None):
    path = WILD / name
    return parse_schedule(path.read_bytes(), str(path), tz)


def test_xml_that_is_not_frab_is_refused_saying_what_it_holds():
    with pytest.raises(TalknotesError) as err:
        _parse("odd-schedule.xml")
    assert err.value.what.endswith("odd-schedule.xml")
    why = err.value.why
    assert "root <schedule>" in why and "<slot>" in why and "<session>" in why
    assert "no talks found, nothing imported" in why and "frab XML" in why


@pytest.mark.parametrize(
    "data",
    [
        b'{"schedule": {"conference": {"title": "Empty", "days": [{"date": "2025-01-01",'
        b' "rooms": {}}]}}}',
        b'{"sessions": [], "speakers": [], "rooms": []}',
    ],
)
def test_a_schedule_without_talks_is_never_a_result(data):
    with pytest.raises(TalknotesError, match="no talks found"):
        parse_schedule(data, "empty.json", "Europe/Berlin")


def test_several_names_in_one_cn_are_several_speakers():
    first, second = _parse("organizers.ics").talks
    assert first.speakers == ["Cleo Example", "Dan Example", "Ann Example", "Bob Example"]
    assert second.speakers == ["Eve Example", "Finn Example", "Gus Example"]


def test_folds_of_an_app_that_never_folds_for_length_are_line_breaks():
    (talk,) = _parse("app-export.ics", "Europe/Brussels").talks
    shown = " ".join(to_markdown(talk.abstract).split())
    assert "wide range of building blocks" in shown and "specialised DNS" in shown
    assert "rangeof" not in shown and "specialisedDNS" not in shown


def test_the_fosdem_app_export_reads_as_written():
    path = shared_fixture("schedules/ics/fosdem-2024-app-export-jonathan.ics")
    talks = parse_schedule(path.read_bytes(), str(path), "Europe/Brussels").talks
    text = " ".join(to_markdown(t.abstract) for t in talks)
    assert "rangeof" not in text and "specialisedDNS" not in text and "true!In" not in text
    assert "wide range of building blocks" in " ".join(text.split())


def test_length_folds_are_still_joined_strictly():
    """A proper folder cuts anywhere in a line of 75 octets: those folds join without a gap."""
    long = "DESCRIPTION:" + "x" * 63  # 75 octets
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:UTC\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        f"DTSTART:20250101T100000Z\r\nSUMMARY:T\r\n{long}\r\n yz\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    (talk,) = parse_schedule(ics.encode(), "fold.ics").talks
    assert talk.abstract == "x" * 63 + "yz"


def test_recurring_events_expand_within_the_conference_days():
    schedule = _parse("recurring.ics")
    lightning = [t for t in schedule.talks if t.title == "Lightning talks"]
    assert [t.start.isoformat() for t in lightning] == [
        "2025-03-10T12:00:00+01:00",
        "2025-03-11T12:00:00+01:00",
        "2025-03-12T12:00:00+01:00",
    ]
    assert all(t.end - t.start == timedelta(minutes=15) for t in lightning)
    assert len({t.source_id for t in schedule.talks}) == 5
    assert any(
        "1 recurring events were expanded into 3 occurrences" in w for w in schedule.warnings
    )


def test_track_names_not_slugs_in_schedule_json_v2():
    schedule = _parse("pretalx-v2-tracks.json")
    assert [t.track for t in schedule.talks] == ["Hardware & Making", "Ethics, Society & Politics"]


def test_huge_text_is_capped_with_a_warning():
    xml = SAMPLE.read_text(encoding="utf-8").replace(
        "<title>Static Sites in 2026</title>", f"<title>{'Static ' * 150_000}</title>"
    )
    xml = xml.replace("<room>Main Hall</room>", f"<room>{'Hall ' * 1000}</room>", 1)
    schedule = parse_schedule(xml.encode(), "big.xml")
    assert max(len(t.title) for t in schedule.talks) <= common.MAX_TITLE
    assert max(len(t.room) for t in schedule.talks) <= common.MAX_NAME
    assert "1 titles longer than 1,000 characters were cut" in schedule.warnings
    assert any(w.startswith("1 rooms longer than") for w in schedule.warnings)
    long = "a" * (common.MAX_ABSTRACT + 10)
    xml = SAMPLE.read_text(encoding="utf-8").replace("<abstract>", f"<abstract>{long}", 1)
    talks = parse_schedule(xml.encode(), "long.xml").talks
    assert max(len(t.abstract) for t in talks) == common.MAX_ABSTRACT


def test_the_tz_hint_comes_from_the_file_not_from_brussels(monkeypatch):
    with pytest.raises(NeedsTimeZone, match="--tz Europe/Lisbon"):
        _parse("utc-lisbon.ics")
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # nothing in the file: this machine's zone
    with pytest.raises(NeedsTimeZone, match=r"e\.g\. --tz Asia/Tokyo"):
        _parse("app-export.ics")
    monkeypatch.setenv("TZ", "Etc/UTC")  # a machine on UTC: UTC would be no help
    with pytest.raises(NeedsTimeZone, match="an IANA name") as err:
        _parse("app-export.ics")
    assert "--tz Etc/UTC" not in err.value.why and "Brussels" not in err.value.why


def test_unusable_x_wr_timezone_is_ignored_with_a_warning():
    ics = (WILD / "organizers.ics").read_text().replace("Europe/Vienna", "Mars/Olympus")
    schedule = parse_schedule(ics.encode(), "mars.ics", "Europe/Vienna")
    assert any("Mars/Olympus" in w for w in schedule.warnings)


def test_repeated_ids_are_a_warning_too():
    path = shared_fixture("schedules/ics/pyconuk-2015-schedule.ics")
    schedule = parse_schedule(path.read_bytes(), str(path), "Europe/London")
    assert any("1 events repeat another event's id" in w for w in schedule.warnings)


def test_utf16_xml_with_bom_and_declaration_is_read():
    xml = SAMPLE.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    for codec in ("utf-16", "utf-16-be"):
        data = xml.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        schedule = parse_schedule(data, "utf16.xml")
        assert len(schedule.talks) == 12
        assert schedule.conference.title == "Harbour Notes Conference 2026"


def test_link_kinds_come_from_the_schedule_the_url_and_the_file_type():
    first = _parse("pretalx-v2-tracks.json").talks[0]
    assert [(link.kind, link.url.rsplit("/", 1)[-1]) for link in first.links] == [
        ("video", "camp25-1-soldering"),
        ("slides", "soldering.pdf"),
    ]
    path = shared_fixture("schedules/xml/fosdem-2024-schedule.xml")
    talks = parse_schedule(path.read_bytes(), str(path)).talks
    kinds = {(link.title, link.kind) for t in talks for link in t.links}
    assert sum(link.kind == "slides" for t in talks for link in t.links) >= 98  # attachments
    assert {("Chat room(web)", "other"), ("Website", "other"), ("deck", "slides")} <= kinds
    assert ("Video: Modos Paper Monitor Demo #1", "video") in kinds


def test_real_fixtures_keep_their_documented_counts():
    counts = {
        "schedules/xml/31c3-frab-schedule.xml": (138, None),
        "schedules/xml/fosdem-2024-schedule.xml": (876, None),
        "schedules/json/frab-camp2019.json": (79, None),
        "schedules/json/pretalx-democon.json": (36, None),
        "schedules/json/sessionize-global-azure-austria-2024.json": (15, "Europe/Vienna"),
        "schedules/ics/fosdem-2024-app-export-jonathan.ics": (26, "Europe/Brussels"),
        "schedules/ics/pyconuk-2015-schedule.ics": (162, "Europe/London"),
    }
    for relative, (count, tz) in counts.items():
        path = shared_fixture(relative)
        schedule = parse_schedule(path.read_bytes(), str(path), tz)
        assert len(schedule.talks) == count, relative
        assert not any("were cut" in w for w in schedule.warnings), relative
        assert all(isinstance(t.start, datetime) or t.start is None for t in schedule.talks)


def test_a_rule_that_recurs_every_second_is_refused_without_expanding_it_all():
    ics = (WILD / "recurring.ics").read_text().replace("FREQ=DAILY", "FREQ=SECONDLY")
    with pytest.raises(TalknotesError, match="more than a conference schedule has"):
        parse_schedule(ics.encode(), "seconds.ics")


def test_a_windows_zone_name_in_x_wr_timezone_is_understood():
    ics = (WILD / "organizers.ics").read_text().replace("Europe/Vienna", "W. Europe Standard Time")
    schedule = parse_schedule(ics.encode(), "outlook.ics")
    assert schedule.conference.time_zone == "Europe/Berlin"
    assert schedule.talks[0].start.isoformat() == "2025-03-08T10:00:00+01:00"


def test_a_fosdem_video_link_with_a_mime_type_is_a_video():
    xml = SAMPLE.read_text(encoding="utf-8").replace(
        '<link href="https://harbourconf.example/2026/talk/105/slides.pdf">Slides</link>',
        '<link href="https://video.example.org/105.av1" type="video/AV1">Recording (AV1)</link>',
    )
    talk = next(t for t in parse_schedule(xml.encode(), "s.xml").talks if "105" in t.url)
    assert [(link.kind, link.title) for link in talk.links] == [("video", "Recording (AV1)")]


def test_pretalx_resources_and_recordings_arrive_with_a_refresh():
    import json

    doc = json.loads((WILD / "pretalx-v2-tracks.json").read_text(encoding="utf-8"))
    second = doc["schedule"]["events"][1]
    second["resources"] = [
        {"resource": "https://pretalx.example.org/media/mesh-slides.odp", "description": "Deck"}
    ]
    second["recording_url"] = "https://cdn.example.org/camp25/mesh.mp4"
    talk = parse_schedule(json.dumps(doc).encode(), "after.json").talks[1]
    assert [(link.kind, link.title) for link in talk.links] == [
        ("slides", "Deck"),
        ("video", "Recording"),
    ]
