"""Refresh: a talk keeps its identity (source id), notes stay attached, annotated talks stay."""

import re

from desktop.core.models import TalkStatus
from desktop.importers import parse_schedule
from desktop.store.notes import save_talk_note, talk_note
from desktop.store.schedule_sync import apply_schedule
from desktop.store.talks import list_talks, set_starred
from tests.conftest import SAMPLE


def _edited_sample() -> bytes:
    """The sample with one talk moved (and renamed), one removed, one added."""
    xml = SAMPLE.read_text(encoding="utf-8")
    xml = xml.replace(
        "<date>2026-05-14T11:00:00+01:00</date>\n        <start>11:00</start>\n"
        "        <duration>00:45</duration>\n        <room>Main Hall</room>",
        "<date>2026-05-14T15:00:00+01:00</date>\n        <start>15:00</start>\n"
        "        <duration>00:45</duration>\n        <room>Workshop Room</room>",
        1,
    )
    xml = xml.replace("Static Sites in 2026", "Static Sites in 2026 (moved)")
    removed = re.search(
        r"\s*<event (?:(?!</event>).)*?Speaking Without Slides.*?</event>", xml, re.S
    )
    assert removed
    xml = xml.replace(removed.group(0), "")
    xml = xml.replace(
        "</room>\n  </day>\n  <day",
        """  <event guid="new-talk-guid" id="999">
        <date>2026-05-14T17:00:00+01:00</date><start>17:00</start><duration>00:30</duration>
        <room>Workshop Room</room><title>A Late Addition</title>
        <persons><person id="1">New Speaker</person></persons>
      </event>
    </room>
  </day>
  <day""",
        1,
    )
    return xml.encode()


def test_refresh_moves_adds_removes_and_keeps_notes(library):
    first = apply_schedule(library, parse_schedule(SAMPLE.read_bytes(), "sample.xml"))
    assert (first.added, first.updated, first.unchanged) == (12, 0, 0)
    talks = {t.title: t for t in list_talks(library)}
    static = talks["Static Sites in 2026"]
    speaking = talks["🎤 Speaking Without Slides"]  # removed in the edited copy
    opening = talks["Opening Keynote: Notes That Outlive the Conference"]
    save_talk_note(library, static.id, "static notes")
    save_talk_note(library, speaking.id, "notes on a talk that will vanish")
    set_starred(library, opening.id, True)

    summary = apply_schedule(library, parse_schedule(_edited_sample(), "sample.xml"))
    assert (summary.added, summary.updated, summary.removed, summary.kept_annotated) == (1, 1, 0, 1)
    assert summary.unchanged == 10
    after = {t.id: t for t in list_talks(library)}
    moved = after[static.id]
    assert moved.title == "Static Sites in 2026 (moved)"
    assert moved.start.isoformat() == "2026-05-14T15:00:00+01:00"
    assert moved.room == "Workshop Room"
    assert talk_note(library, static.id).body == "static notes"
    kept = after[speaking.id]
    assert kept.status == TalkStatus.REMOVED
    assert talk_note(library, speaking.id).body == "notes on a talk that will vanish"
    assert after[opening.id].starred  # user marks survive a refresh
    added = [t for t in after.values() if t.title == "A Late Addition"]
    assert added and added[0].speakers == ["New Speaker"]


def test_talk_without_notes_is_deleted_when_gone(library):
    apply_schedule(library, parse_schedule(SAMPLE.read_bytes(), "sample.xml"))
    summary = apply_schedule(library, parse_schedule(_edited_sample(), "sample.xml"))
    assert (summary.removed, summary.kept_annotated) == (1, 0)
    assert len(list_talks(library)) == 12


def test_reappearing_talk_is_scheduled_again(library):
    apply_schedule(library, parse_schedule(SAMPLE.read_bytes(), "sample.xml"))
    speaking = next(t for t in list_talks(library) if t.title.startswith("🎤"))
    save_talk_note(library, speaking.id, "x")
    apply_schedule(library, parse_schedule(_edited_sample(), "sample.xml"))
    apply_schedule(library, parse_schedule(SAMPLE.read_bytes(), "sample.xml"))
    again = next(t for t in list_talks(library) if t.id == speaking.id)
    assert again.status == TalkStatus.SCHEDULED


# --- repeated source ids (issue 17.2): matched by content, never by position -----------------

import itertools  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from desktop.core.models import Conference, Schedule, Talk  # noqa: E402
from desktop.importers.common import make_ids_unique  # noqa: E402
from desktop.store.notes import save_talk_note as _save  # noqa: E402

_feed_numbers = itertools.count()
_SLOT = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def _event(uid: str, title: str, slot: int, room: str = "Hall") -> Talk:
    start = _SLOT + timedelta(hours=slot)
    return Talk(
        source_id=uid,
        title=title,
        start=start,
        end=start + timedelta(minutes=30),
        day=start.date(),
        room=room,
        speakers=["Ann Example"],
    )


def _feed(events: list[Talk], source: str) -> Schedule:
    talks = [
        Talk(
            source_id=e.source_id,
            title=e.title,
            start=e.start,
            end=e.end,
            day=e.day,
            room=e.room,
            speakers=list(e.speakers),
        )
        for e in events
    ]
    duplicates = make_ids_unique(talks)  # as every importer does
    conference = Conference(title="Feed", time_zone="UTC", source_uri=source)
    return Schedule(
        conference=conference, talks=talks, format="icalendar", duplicate_ids=duplicates
    )


def _notes_follow_their_talks(library, events: list[Talk], refreshed: list[Talk]) -> None:
    source = f"feed-{next(_feed_numbers)}.ics"
    first = apply_schedule(library, _feed(events, source))
    cid = first.conference_id
    for talk in list_talks(library, cid):
        _save(library, talk.id, f"{talk.title}|{talk.start.isoformat()}")
    apply_schedule(library, _feed(refreshed, source))
    after = list_talks(library, cid)
    for talk in after:
        body = talk_note(library, talk.id).body
        if body:  # a note is only ever under the talk it was written in
            assert body == f"{talk.title}|{talk.start.isoformat()}"
    assert sum(bool(talk_note(library, t.id).body) for t in after) == len(events)


_events = st.lists(
    st.builds(
        _event,
        uid=st.sampled_from(["UID-A", "UID-B"]),
        title=st.sampled_from(["Rust", "Go", "Zig"]),
        slot=st.integers(0, 3),
        room=st.sampled_from(["Hall", "Room 2"]),
    ),
    min_size=2,
    max_size=8,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(events=_events, data=st.data())
def test_refresh_never_moves_a_note_when_ids_repeat(library, events, data):
    """Random reorderings and removals of a feed with repeated ids never move a note."""
    order = data.draw(st.permutations(range(len(events))))
    keep = data.draw(st.lists(st.booleans(), min_size=len(events), max_size=len(events)))
    refreshed = [events[i] for i in order if keep[i]]
    _notes_follow_their_talks(library, events, refreshed)


def test_dropping_the_first_of_three_repeats_keeps_each_note_on_its_talk(library):
    """The case seen in the wild: repeats numbered #2, #3 in file order, the first one dropped."""
    events = [_event("X", "Opening", 0), _event("X", "Rust", 1), _event("X", "Closing", 2)]
    apply_schedule(library, _feed(events, "seen.ics"))
    rust = next(t for t in list_talks(library) if t.title == "Rust")
    save_talk_note(library, rust.id, "notes on Rust")
    summary = apply_schedule(library, _feed(events[1:], "seen.ics"))
    assert (summary.unchanged, summary.removed) == (2, 1)
    assert talk_note(library, rust.id).body == "notes on Rust"
    assert next(t for t in list_talks(library) if t.id == rust.id).title == "Rust"


def test_a_repeated_id_talk_moved_in_time_keeps_its_note(library):
    events = [_event("X", "Opening", 0), _event("X", "Rust", 1)]
    apply_schedule(library, _feed(events, "moved.ics"))
    rust = next(t for t in list_talks(library) if t.title == "Rust")
    save_talk_note(library, rust.id, "notes on Rust")
    moved = [_event("X", "Rust", 3), _event("X", "Opening", 0)]  # reordered and moved
    summary = apply_schedule(library, _feed(moved, "moved.ics"))
    assert (summary.updated, summary.unchanged, summary.added) == (1, 1, 0)
    after = next(t for t in list_talks(library) if t.id == rust.id)
    assert after.start == _SLOT + timedelta(hours=3)
    assert talk_note(library, rust.id).body == "notes on Rust"


def test_ambiguous_repeats_keep_the_noted_talk_and_say_so(library):
    events = [_event("X", "Rust", 0, "Hall"), _event("X", "Go", 1, "Hall")]
    apply_schedule(library, _feed(events, "ambiguous.ics"))
    rust = next(t for t in list_talks(library) if t.title == "Rust")
    save_talk_note(library, rust.id, "notes on Rust")
    # both events change title and time: nothing tells which one is which
    changed = [_event("X", "Zig", 2, "Hall"), _event("X", "Odin", 2, "Hall")]
    summary = apply_schedule(library, _feed(changed, "ambiguous.ics"))
    kept = next(t for t in list_talks(library) if t.id == rust.id)
    assert (kept.title, kept.status) == ("Rust", TalkStatus.REMOVED)
    assert talk_note(library, rust.id).body == "notes on Rust"
    assert any("could not be told apart" in w and '"X"' in w for w in summary.warnings)
    assert {t.title for t in list_talks(library)} == {"Rust", "Zig", "Odin"}


def test_a_new_talk_in_the_slot_of_a_noted_one_does_not_take_its_note(library):
    """Same id, same slot and room, another title: a replacement, not the talk with the note
    (a talk without a note is simply renamed)."""
    events = [_event("X", "Rust", 0), _event("X", "Go", 1), _event("X", "Zig", 2)]
    apply_schedule(library, _feed(events, "slot.ics"))
    rust = next(t for t in list_talks(library) if t.title == "Rust")
    go = next(t for t in list_talks(library) if t.title == "Go")
    save_talk_note(library, rust.id, "notes on Rust")
    replaced = [_event("X", "Odin", 0), _event("X", "Go 2.0", 1), _event("X", "Zig", 2)]
    summary = apply_schedule(library, _feed(replaced, "slot.ics"))
    after = {t.id: t for t in list_talks(library)}
    assert (after[rust.id].title, after[rust.id].status) == ("Rust", TalkStatus.REMOVED)
    assert talk_note(library, rust.id).body == "notes on Rust"
    assert after[go.id].title == "Go 2.0"  # no note: renamed in place
    assert any("could not be told apart" in w for w in summary.warnings)


def test_refresh_adds_affiliations_and_the_venue_and_notes_stay(library):
    """A refresh that gives some speakers an affiliation (not others) and the conference a
    venue, city and site updates them in place; the talk and its note are the same."""
    from desktop.store.conferences import get_conference

    first = parse_schedule(SAMPLE.read_bytes(), "sample.xml")
    cid = apply_schedule(library, first).conference_id
    talks = {t.title: t for t in list_talks(library)}
    offline = talks["Offline First, Always"]
    save_talk_note(library, offline.id, "my notes")
    assert offline.affiliations == {}
    assert get_conference(library, cid).venue == ""

    xml = SAMPLE.read_text(encoding="utf-8").replace(
        "<conference>", "<conference><venue>Pavilhão</venue><city>Lisbon</city>", 1
    )
    refreshed = parse_schedule(xml.encode(), "sample.xml")
    talk = next(t for t in refreshed.talks if t.title == "Offline First, Always")
    talk.affiliations = {"Chen Liu": "Staff Engineer, Harbour Labs"}  # Bram Okafor: none
    summary = apply_schedule(library, refreshed)
    assert (summary.updated, summary.unchanged) == (1, 11)

    conf = get_conference(library, cid)
    assert (conf.venue, conf.city, conf.url) == (
        "Pavilhão",
        "Lisbon",
        "https://harbourconf.example/2026/",
    )
    after = {t.id: t for t in list_talks(library)}[offline.id]
    assert [(s.name, s.affiliation) for s in after.speaker_details] == [
        ("Bram Okafor", ""),
        ("Chen Liu", "Staff Engineer, Harbour Labs"),
    ]
    note = talk_note(library, offline.id)
    assert (note.talk_id, note.body) == (offline.id, "my notes")

    again = apply_schedule(library, refreshed)  # the same schedule again: nothing to do
    assert (again.updated, again.unchanged) == (0, 12)
