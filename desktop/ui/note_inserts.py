"""What the capture commands put into the note: a quote (`> "…"` / `> \\- Speaker`) and a
time stamp ([12:34] into the talk, or the clock time with its zone), each apart from a quote
above it, where Markdown would read it as the quote's."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from desktop.core import list_editing
from desktop.core.models import Talk


def apart_from_quote(cursor: QTextCursor) -> None:
    """Text the app puts at the start of the line right under a quote line (a time stamp,
    another quote) gets a blank line before it: else Markdown reads it as the quote's. At the
    end of a quote's attribution it starts a paragraph too (not on the speaker's name)."""
    block = cursor.block()
    if cursor.atBlockEnd() and list_editing.is_attribution(block.text()):
        cursor.insertText("\n\n")
    elif (
        not block.text()[: cursor.positionInBlock()].strip()
        and block.previous().isValid()
        and list_editing.joins_quote(block.previous().text())
    ):
        cursor.insertText("\n")


def insert_quote(edit: QPlainTextEdit, speaker: str) -> None:
    """Insert `> "…"` / `> \\- Speaker` with the cursor inside the quotes.

    A selection becomes the quote; otherwise the quote starts a new paragraph.
    """
    cursor = edit.textCursor()
    selected = cursor.selectedText().replace("\u2029", " ").strip()
    cursor.beginEditBlock()
    if not selected and (cursor.positionInBlock() > 0 or cursor.block().text().strip()):
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertText("\n\n")
    elif not selected:
        apart_from_quote(cursor)
    cursor.insertText('> "')
    inside = cursor.position()
    cursor.insertText(selected)
    after_quote = cursor.position()
    cursor.insertText(f'"\n> \\- {speaker}\n')
    cursor.endEditBlock()
    cursor.setPosition(after_quote if selected else inside)
    edit.setTextCursor(cursor)
    edit.setFocus()


def insert_timestamp(
    edit: QPlainTextEdit, talk: Talk | None, now: datetime, zone: tzinfo | None = None
) -> bool:
    """[mm:ss] into the talk (elapsed since its start) and True; outside the talk's slot
    the clock time in the conference's zone, marked with it ([14:03 CET]), and False: a
    bare [13:03] would read as a time into the talk, and the machine's zone means nothing
    to a reader."""
    start, end = (talk.start, talk.end) if talk else (None, None)
    running = bool(start and end and start <= now <= end + (end - start))
    if start and running:
        elapsed = int((now - start).total_seconds())
        hours, rest = divmod(elapsed, 3600)
        stamp = (
            f"[{hours}:{rest // 60:02d}:{rest % 60:02d}]"
            if hours
            else f"[{rest // 60:02d}:{rest % 60:02d}]"
        )
    else:
        zone = (start.tzinfo if start else None) or zone
        local = now.astimezone(zone) if zone else now
        stamp = f"[{local:%H:%M} {local.tzname() or 'UTC'}]"
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    apart_from_quote(cursor)
    cursor.insertText(stamp + " ")
    cursor.endEditBlock()
    edit.setTextCursor(cursor)
    edit.setFocus()
    return running
