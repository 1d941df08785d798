"""The importer registry: a format registered here, in the test alone, is sniffed and imported
end to end, and the refusal names exactly the registered formats."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from desktop.cli import main
from desktop.core.errors import TalknotesError
from desktop.core.models import Conference, Schedule, Talk
from desktop.core.timezones import get_zone
from desktop.importers import parse_schedule
from desktop.importers.detect import not_a_schedule
from desktop.importers.registry import FORMATS, ScheduleFormat

BUILTIN_LABELS = [
    "frab XML (<schedule>, <day>, <room>, <event>)",
    "frab/pretalx JSON",
    "iCalendar",
    "Sessionize JSON",
]
TOY = b"""TOYSCHEDULE Toy Conf
2026-05-04T10:00|45|Opening the toy box|Ann Example
2026-05-04T11:00|30|Toys in production|Bob Example
"""


class ToySchedule:
    """A made-up line format: a header, then `start|minutes|title|speaker` per talk."""

    name = "toy"
    label = "Toy schedule (TOYSCHEDULE lines)"

    def sniff(self, data: bytes) -> float:
        return 1.0 if data.startswith(b"TOYSCHEDULE ") else 0.0

    def parse(self, data: bytes, source: str, tz: str | None) -> Schedule:
        header, *lines = data.decode().splitlines()
        zone = get_zone(tz or "UTC")
        talks = []
        for n, line in enumerate(lines):
            start, minutes, title, speaker = line.split("|")
            begin = datetime.fromisoformat(start).replace(tzinfo=zone)
            end = begin + timedelta(minutes=int(minutes))
            talks.append(Talk(f"toy-{n}", title, begin, end, begin.date(), speakers=[speaker]))
        conference = Conference(header.removeprefix("TOYSCHEDULE "), time_zone=zone.key)
        return Schedule(conference=conference, talks=talks, format=self.name)


@pytest.fixture
def toy_format():
    fmt: ScheduleFormat = FORMATS.register(ToySchedule())
    yield fmt
    FORMATS.unregister(fmt.name)


def test_toy_format_is_refused_until_registered(tmp_path):
    with pytest.raises(TalknotesError, match="not a schedule Talknotes can read"):
        parse_schedule(TOY, "toy.txt")


def test_registered_toy_format_imports_end_to_end(toy_format, tmp_path, capsys):
    source = tmp_path / "toy.txt"
    source.write_bytes(TOY)
    library = str(tmp_path / "library")
    assert (
        main(["--library", library, "import", str(source), "--tz", "Europe/Berlin", "--json"]) == 0
    )
    summary = json.loads(capsys.readouterr().out)
    assert (summary["title"], summary["format"], summary["added"]) == ("Toy Conf", "toy", 2)

    assert main(["--library", library, "talks", "--json"]) == 0
    talks = json.loads(capsys.readouterr().out)
    assert sorted(t["title"] for t in talks) == ["Opening the toy box", "Toys in production"]
    assert {s for t in talks for s in t["speakers"]} == {"Ann Example", "Bob Example"}


def test_refusal_lists_exactly_the_registered_formats(toy_format):
    assert [f.label for f in FORMATS] == [*BUILTIN_LABELS, ToySchedule.label]
    with pytest.raises(TalknotesError) as err:
        parse_schedule(b"just some text", "notes.txt")
    listed = err.value.why.removeprefix("not a schedule Talknotes can read (looked for ")
    assert listed == ", ".join([*BUILTIN_LABELS, ToySchedule.label]) + ")"


def test_refusal_without_toy_lists_the_builtin_formats():
    assert not_a_schedule() == (
        f"not a schedule Talknotes can read (looked for {', '.join(BUILTIN_LABELS)})"
    )


def test_most_confident_format_wins_and_ties_go_to_the_first_registered(toy_format):
    class Greedy(ToySchedule):
        name, label = "greedy", "Greedy"

        def __init__(self, confidence: float) -> None:
            self.confidence = confidence

        def sniff(self, data: bytes) -> float:
            return self.confidence

    FORMATS.register(Greedy(0.5))
    try:
        assert FORMATS.best(TOY) is toy_format
        assert FORMATS.best(b"anything").name == "greedy"
    finally:
        FORMATS.unregister("greedy")
    with pytest.raises(ValueError, match="already registered"):
        FORMATS.register(ToySchedule())
