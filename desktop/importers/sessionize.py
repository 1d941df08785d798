"""Sessionize "All data" JSON: sessions, speakers, rooms and categories linked by id."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import PurePath
from typing import Any

from desktop.core import abstracts
from desktop.core.errors import TalknotesError
from desktop.core.models import Conference, Schedule, Talk, TalkStatus
from desktop.core.timezones import get_zone
from desktop.importers import common

FORMAT = "sessionize"


def is_schedule(doc: Any) -> bool:
    return (
        isinstance(doc, dict)
        and isinstance(doc.get("sessions"), list)
        and isinstance(doc.get("speakers"), list)
        and isinstance(doc.get("rooms"), list)
    )


def _local(value: Any, zone: Any, where: str) -> datetime | None:
    value = common.as_text(value)
    if not value.strip():
        return None
    moment = common.parse_iso(value, where)  # range-checked
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


# A speaker question asking where they work ("Company", "Organisation", German "Firma").
_COMPANY = re.compile(
    r"\b(company|companies|organi[sz]ations?|employer|affiliations?|firma|unternehmen)\b", re.I
)


def _affiliation(person: dict[str, Any], company_questions: set[str]) -> str:
    """What the speaker's profile says they do and where: the tag line ("Software Engineer at
    Dynatrace"), and the answer to a company question when the tag line does not name it."""
    tag_line = common.clean_title(common.as_text(person.get("tagLine")))
    answers = person.get("questionAnswers")
    company = next(
        (
            common.clean_title(common.as_text(a.get("answerValue") or a.get("answer")))
            for a in (answers if isinstance(answers, list) else [])
            if isinstance(a, dict) and common.as_text(a.get("questionId")) in company_questions
        ),
        "",
    )
    if company and company.casefold() not in tag_line.casefold():
        return f"{tag_line}, {company}" if tag_line else company
    return tag_line


def parse(doc: dict[str, Any], source: str, tz: str | None = None) -> Schedule:
    what = source
    if not tz:
        raise common.NeedsTimeZone(
            what,
            "Sessionize gives local times without a zone; give the conference's time zone "
            "with --tz ZONE (e.g. --tz Europe/Vienna)",
        )
    zone = get_zone(tz)
    text = common.as_text
    speakers = {text(s.get("id")): s for s in doc["speakers"] if isinstance(s, dict)}
    rooms = {text(r.get("id")): text(r.get("name")) for r in doc["rooms"] if isinstance(r, dict)}
    items: dict[str, tuple[str, str]] = {}  # category item id → (category title, item name)
    for cat in doc.get("categories") or []:
        for item in (cat.get("items") or []) if isinstance(cat, dict) else []:
            if isinstance(item, dict):
                items[text(item.get("id"))] = (text(cat.get("title")), text(item.get("name")))

    company_questions = {
        text(q.get("id"))
        for q in doc.get("questions") or []
        if isinstance(q, dict) and _COMPANY.search(text(q.get("question")))
    }
    talks = []
    for session in doc["sessions"]:
        if not isinstance(session, dict):
            raise TalknotesError(what, f"a session that is {type(session).__name__}, not an object")
        sid = text(session.get("id")).strip()
        where = f"{what}: session {sid or '?'}"
        if not sid:
            raise TalknotesError(where, "session without id")
        start = _local(session.get("startsAt"), zone, where)
        end = _local(session.get("endsAt"), zone, where)
        refs = session.get("categoryItems")
        cats = [items[text(i)] for i in refs if text(i) in items] if isinstance(refs, list) else []
        track = next((name for title, name in cats if "track" in title.lower()), "")
        kind = next((name for title, name in cats if "format" in title.lower()), "")
        names = []
        affiliations: dict[str, str] = {}
        refs = session.get("speakers")
        for ref in refs if isinstance(refs, list) else []:
            ref_id = ref.get("id") if isinstance(ref, dict) else ref
            person = speakers.get(text(ref_id))
            name = text((person or {}).get("fullName")) or (
                text(ref.get("name")) if isinstance(ref, dict) else ""
            )
            if common.clean_title(name):
                names.append(common.clean_title(name))
                if person and (affiliation := _affiliation(person, company_questions)):
                    affiliations[names[-1]] = affiliation
        links = [
            common.make_link(title, url, kind)
            for title, url, kind in (
                ("Live stream", session.get("liveUrl"), "other"),
                ("Recording", session.get("recordingUrl"), "recording"),
            )
            if common.as_text(url).strip()
        ]
        talks.append(
            Talk(
                source_id=sid,
                title=common.clean_title(text(session.get("title"))) or "(untitled)",
                abstract=abstracts.clean(text(session.get("description"))),
                track=track or (cats[0][1] if cats else ""),
                kind=kind,
                room=common.clean_title(rooms.get(text(session.get("roomId")), "")),
                speakers=names,
                affiliations=affiliations,
                links=links,
                start=start,
                end=end or start,
                day=common.conference_day(start) if start else None,
                is_break=bool(session.get("isServiceSession")),
                status=TalkStatus.SCHEDULED if start else TalkStatus.UNSCHEDULED,
            )
        )
    duplicates = common.make_ids_unique(talks)
    title = PurePath(source).stem.replace("-", " ").replace("_", " ").strip() or "Conference"
    conference = Conference(title=title, time_zone=tz, source_uri=source)
    return Schedule(conference=conference, talks=talks, format=FORMAT, duplicate_ids=duplicates)


class _Importer:
    """The registry's entry point (see importers/registry.py)."""

    name = FORMAT
    label = "Sessionize JSON"

    def sniff(self, data: bytes) -> float:
        # three lists are a looser mark than frab's schedule.conference: frab wins a tie
        return 0.9 if is_schedule(common.sniffed_json(data)) else 0.0

    def parse(self, data: bytes, source: str, tz: str | None) -> Schedule:
        doc = common.sniffed_json(data)
        if not is_schedule(doc):
            raise TalknotesError(source, "not Sessionize JSON (no sessions, speakers, rooms)")
        common.check_count(len(doc["sessions"]), source)
        return parse(doc, source, tz)


IMPORTER = _Importer()
