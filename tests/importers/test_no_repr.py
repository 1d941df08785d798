"""No Python repr ever reaches what a user sees: whatever JSON shape a schedule gives a field,
its talks hold text ("['Ann', 'Bob']" once reached a speaker list from an iCalendar CN)."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import TalknotesError
from desktop.importers.detect import parse_schedule

# Leaves without brackets, quotes or capitals: any of those in a talk then comes from a repr.
_words = st.text(alphabet="abcdefgh ,&;", min_size=1, max_size=12)
_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 99) | _words,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_words, inner, max_size=3),
    max_leaves=6,
)
_REPR_MARKS = ("[", "]", "{", "}", "'", '"', "None", "True", "False")


def _visible(schedule) -> list[str]:
    texts = [schedule.conference.title, *schedule.warnings]
    for t in schedule.talks:
        texts += [t.title, t.subtitle, t.abstract, t.track, t.kind, t.room, t.language, t.url]
        texts += t.speakers + [x for link in t.links for x in (link.title, link.url)]
    return texts


def _check(data: bytes, name: str) -> None:
    try:
        schedule = parse_schedule(data, name, "Europe/Berlin")
    except TalknotesError:
        return  # refused with a message: fine
    for text in _visible(schedule):
        assert not any(mark in text for mark in _REPR_MARKS), text


@settings(max_examples=80, deadline=None)
@given(title=_values, track=_values, room=_values, person=_values, link=_values, v2=st.booleans())
def test_frab_json_fields_of_any_shape(title, track, room, person, link, v2):
    event = {
        "guid": "g1",
        "id": 1,
        "date": "2025-05-01T10:00:00+02:00",
        "duration": "00:30",
        "title": title,
        "subtitle": title,
        "track": track,
        "room": room,
        "type": track,
        "language": room,
        "persons": [{"public_name": person}, person],
        "links": [{"title": link, "url": "https://example.org/a"}, link],
    }
    conference = {"title": title, "acronym": "x", "time_zone_name": "Europe/Berlin"}
    if v2:
        doc = {
            "schedule": {
                "conference": {**conference, "tracks": [{"name": track}]},
                "events": [event],
            }
        }
    else:
        rooms = {"hall": [event]}
        doc = {
            "schedule": {
                "conference": {**conference, "days": [{"date": "2025-05-01", "rooms": rooms}]}
            }
        }
    _check(json.dumps(doc).encode(), "any.json")


@settings(max_examples=80, deadline=None)
@given(title=_values, name=_values, room=_values, category=_values, description=_values)
def test_sessionize_fields_of_any_shape(title, name, room, category, description):
    doc = {
        "sessions": [
            {
                "id": "1",
                "title": title,
                "description": description,
                "startsAt": "2025-05-01T10:00:00",
                "endsAt": "2025-05-01T10:30:00",
                "roomId": 7,
                "speakers": ["s1", {"id": "s2", "name": name}],
                "categoryItems": [3],
                "recordingUrl": title,
            }
        ],
        "speakers": [{"id": "s1", "fullName": name}],
        "rooms": [{"id": 7, "name": room}],
        "categories": [{"title": "Track", "items": [{"id": 3, "name": category}]}],
    }
    _check(json.dumps(doc).encode(), "sessionize.json")


_cn = st.lists(st.text(alphabet="abcdefgh ", min_size=1, max_size=10), min_size=1, max_size=4)


@settings(max_examples=80, deadline=None)
@given(names=_cn, joiner=st.sampled_from([", ", " and ", " & ", "; ", ","]), quoted=st.booleans())
def test_icalendar_cn_with_several_names(names, joiner, quoted):
    cn = joiner.join(names)
    if quoted or ";" in cn:
        cn = f'"{cn}"'
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u\r\n"
        "DTSTART:20250501T080000Z\r\nSUMMARY:talk\r\n"
        f"ORGANIZER;CN={cn}:mailto:a@example.org\r\nATTENDEE;CN={cn}:mailto:b@example.org\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    _check(ics.encode(), "cn.ics")
    speakers = parse_schedule(ics.encode(), "cn.ics", "Europe/Berlin").talks[0].speakers
    if all(n.strip() and "and" not in n.split() for n in names):
        assert len(speakers) == len({" ".join(n.split()) for n in names})  # one per name
    assert not any(sep in s for s in speakers for sep in (",", ";", "&"))
    assert not any(" and " in f" {s} " for s in speakers)


@settings(max_examples=40, deadline=None)
@given(title=_words, person=_words, room=_words)
def test_frab_xml_text_stays_text(title, person, room):
    from xml.sax.saxutils import escape

    xml = (
        '<?xml version="1.0"?><schedule><conference><title>c</title></conference>'
        f'<day date="2025-05-01"><room name="{escape(room)}"><event guid="g">'
        f"<date>2025-05-01T10:00:00+02:00</date><duration>00:30</duration>"
        f"<title>{escape(title)}</title><persons><person>{escape(person)}</person></persons>"
        "</event></room></day></schedule>"
    )
    _check(xml.encode(), "any.xml")
