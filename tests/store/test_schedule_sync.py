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
