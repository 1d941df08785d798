"""Output helpers: --json data (a stable contract: add fields, never rename) or text."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from typing import Any

from desktop.core.models import ImportSummary, Photo, Speaker, Talk


def talk_json(talk: Talk) -> dict[str, Any]:
    return {
        "id": talk.id,
        "conference_id": talk.conference_id,
        "source_id": talk.source_id,
        "title": talk.title,
        "subtitle": talk.subtitle,
        "speakers": talk.speakers,
        "room": talk.room,
        "track": talk.track,
        "type": talk.kind,
        "language": talk.language,
        "start": talk.start.isoformat() if talk.start else None,
        "end": talk.end.isoformat() if talk.end else None,
        "end_estimated": talk.end_estimated,
        "day": talk.day.isoformat() if talk.day else None,
        "status": str(talk.status),
        "starred": talk.starred,
        "has_note": talk.has_note,
        "is_break": talk.is_break,
        "url": talk.url,
        "links": [{"title": link.title, "url": link.url, "kind": link.kind} for link in talk.links],
        "speaker_details": [speaker_json(s) for s in talk.speaker_details],
    }


def speaker_json(speaker: Speaker) -> dict[str, str]:
    return {"name": speaker.name, "affiliation": speaker.affiliation}


def summary_json(summary: ImportSummary) -> dict[str, Any]:
    return {
        "conference_id": summary.conference_id,
        "title": summary.title,
        "format": summary.format,
        "talks": summary.total,
        "added": summary.added,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "removed": summary.removed,
        "kept_annotated": summary.kept_annotated,
        "duplicate_ids": summary.duplicate_ids,
        "warnings": summary.warnings,
    }


# Control characters other than newline and tab: a schedule's "\x1b]0;…\x07\x1b[2J" would
# retitle and clear the terminal it is printed in.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text for a terminal: control characters shown as U+FFFD (JSON stays exact)."""
    return _CONTROL.sub("\ufffd", text)


def to_json(data: Any) -> str:
    """`data` as JSON indented by 2, as json.dumps(data, ensure_ascii=False, indent=2) writes
    it. By orjson: json's indenting encoder is pure Python (FOSDEM's talks: ~45 ms, ~3 ms
    here); json for what orjson refuses (a lone surrogate, an integer past 64 bits)."""
    import orjson

    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False, indent=2)


def emit(args: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    if args.json:
        sys.stdout.write(to_json(data))
        sys.stdout.write("\n")
    else:
        out = text()
        if out:
            print(printable(out))


def photo_json(photo: Photo) -> dict[str, Any]:
    from desktop.core.photo_refs import key_of as photo_key

    return {
        "id": photo.id,
        "note_id": photo.note_id,
        "key": photo_key(photo.sha256),
        "sha256": photo.sha256,
        "original_name": photo.original_name,
        "caption": photo.caption,
        "width": photo.width,
        "height": photo.height,
        "size_bytes": photo.size_bytes,
        "captured_at": photo.captured_at.isoformat() if photo.captured_at else None,
        "capture_source": photo.capture_source,
        "text": photo.text,
        "suggested_caption": photo.suggested_caption,
        "duplicate_of": photo.duplicate_of,
        "sharpness": photo.sharpness,
    }
