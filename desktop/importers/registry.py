"""The schedule formats Talknotes reads: a protocol every importer meets, and the registry
that detection and the "which formats are understood" texts come from.

Adding a format is one module with an object meeting `ScheduleFormat` plus one line in
`_register_builtins` (or one `FORMATS.register(...)` call from anywhere).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from desktop.core.models import Schedule


class ScheduleFormat(Protocol):
    """One schedule format: how sure it is that bytes are its own, and how to read them."""

    name: str  # unique in the registry (e.g. "frab-xml"); the Schedule says which variant it read
    label: str  # how user-facing texts name it (e.g. "iCalendar")

    def sniff(self, data: bytes) -> float:
        """Confidence from 0 (not mine) to 1 (certainly mine), by content. Never raises."""
        ...

    def parse(self, data: bytes, source: str, tz: str | None) -> Schedule:
        """The schedule in `data`; `source` names it in messages, `tz` is the zone for
        formats that carry none. Raises TalknotesError (NeedsTimeZone without a zone)."""
        ...


class Registry:
    """Schedule formats in registration order (the order ties are broken in, and shown in)."""

    def __init__(self) -> None:
        self._formats: dict[str, ScheduleFormat] = {}

    def register(self, fmt: ScheduleFormat) -> ScheduleFormat:
        if fmt.name in self._formats:
            raise ValueError(f"schedule format {fmt.name!r} is already registered")
        self._formats[fmt.name] = fmt
        return fmt

    def unregister(self, name: str) -> None:
        del self._formats[name]

    def __iter__(self) -> Iterator[ScheduleFormat]:
        return iter(list(self._formats.values()))

    def __len__(self) -> int:
        return len(self._formats)

    def best(self, data: bytes) -> ScheduleFormat | None:
        """The format most confident that `data` is its own; the first registered on a tie."""
        found: ScheduleFormat | None = None
        top = 0.0
        for fmt in self:
            confidence = fmt.sniff(data)
            if confidence > top:
                found, top = fmt, confidence
        return found

    def labels(self) -> list[str]:
        return [fmt.label for fmt in self]

    def understood(self) -> str:
        """The formats in words, for messages: "frab XML (…), …, Sessionize JSON"."""
        return ", ".join(self.labels())


FORMATS = Registry()


def _register_builtins() -> None:
    from desktop.importers import frab_json, frab_xml, ical, sessionize

    FORMATS.register(frab_xml.IMPORTER)
    FORMATS.register(frab_json.IMPORTER)
    FORMATS.register(ical.IMPORTER)
    FORMATS.register(sessionize.IMPORTER)


_register_builtins()
