"""The note editor: a talk header above a Markdown QPlainTextEdit.

Each talk keeps its own QTextDocument for the whole run, so undo history survives switching.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextDocumentLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import abstracts, agenda
from desktop.core.models import Note, Talk
from desktop.ui.after_conference import links_html
from desktop.ui.autosave import Target
from desktop.ui.highlighter import MarkdownHighlighter
from desktop.ui.notes_edit import NotesEdit
from desktop.ui.photo_strip import PhotoStrip


def _header_html(talk: Talk) -> str:
    esc = html.escape
    who = ", ".join(talk.speakers) or "—"
    when = f"{talk.start:%a %d %b}, {agenda.time_label(talk)}" if talk.start else "unscheduled"
    facts = " · ".join(x for x in (esc(who), esc(talk.room), when, esc(talk.track)) if x)
    links = links_html(talk)  # recordings and slides first, each named by its kind
    subtitle = f"<br><i>{esc(talk.subtitle)}</i>" if talk.subtitle else ""
    gone = (
        '<br><span style="color:#c0392b">No longer in the schedule</span>'
        if talk.status == "removed"
        else ""
    )
    return (
        f'<span style="font-size:14pt; font-weight:600">{esc(talk.title)}</span>{subtitle}'
        f"<br>{facts}{gone}" + (f"<br>{' · '.join(links)}" if links else "")
    )


class NoteEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.header.setOpenExternalLinks(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.abstract_button = QToolButton(text="Abstract ▸", checkable=True, autoRaise=True)
        self.abstract_button.toggled.connect(self._toggle_abstract)
        self.abstract = QLabel(wordWrap=True, textFormat=Qt.TextFormat.MarkdownText)
        self.abstract.setVisible(False)
        self.abstract.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.abstract.setOpenExternalLinks(True)

        self.edit = NotesEdit()
        self.edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.5) + 1)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        self.edit.setFont(font)
        self.edit.setPlaceholderText("Type your notes… (Markdown)")
        self.edit.document().setDocumentMargin(12)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.abstract_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.abstract)
        layout.addWidget(self.edit, 1)
        self.strip = PhotoStrip()
        self.strip.setVisible(False)
        layout.addWidget(self.strip)

        self._documents: dict[Target, QTextDocument] = {}
        self._highlighters: dict[Target, MarkdownHighlighter] = {}
        self._texts: dict[Target, str] = {}  # text_of's copies, dropped on each change
        self.target: Target | None = None
        # called on every change (a plain callback: a Qt signal relay cost ~2 ms per key here)
        self.on_edit: Callable[[Target], None] = lambda _t: None
        self.talk: Talk | None = None
        self._show_placeholder()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """The system switched between light and dark: colour the notes for it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for highlighter in getattr(self, "_highlighters", {}).values():
                highlighter.restyle()

    def _show_placeholder(self) -> None:
        self.header.setText(
            '<span style="font-size:13pt">Pick a talk on the left '
            "(or press Ctrl+J for the one running now)</span>"
        )
        self.abstract_button.setVisible(False)
        self.edit.setEnabled(False)

    def _toggle_abstract(self, shown: bool) -> None:
        self.abstract.setVisible(shown)
        self.abstract_button.setText("Abstract ▾" if shown else "Abstract ▸")

    def _document(self, target: Target, body: str) -> QTextDocument:
        doc = self._documents.get(target)
        if doc is None:
            doc = QTextDocument(self)
            doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
            doc.setDefaultFont(self.edit.font())
            doc.setPlainText(body)
            doc.setModified(False)
            doc.setDocumentMargin(12)
            self._highlighters[target] = MarkdownHighlighter(doc)
            doc.contentsChanged.connect(lambda t=target: self._changed(t))
            self._documents[target] = doc
        return doc

    def _changed(self, target: Target) -> None:
        self._texts.pop(target, None)
        self.on_edit(target)

    def forget_documents(self) -> None:
        """Drop cached documents (except the open one) after notes changed on disk."""
        for target in list(self._documents):
            if target != self.target:
                self._highlighters.pop(target, None)
                self._texts.pop(target, None)
                self._documents.pop(target).deleteLater()

    def has_document(self, target: Target) -> bool:
        return target in self._documents

    def text_of(self, target: Target) -> str:
        """The note's text, copied out of its document once per change: the autosave, the
        preview, the preview's scrolling and the word count all ask for it after a pause
        (each copy of a 100,000-word note took ~2 ms of the GUI thread)."""
        text = self._texts.get(target)
        if text is None:
            doc = self._documents.get(target)
            if doc is None:
                return ""
            text = self._texts[target] = doc.toPlainText()
        return text

    def current_text(self) -> str:
        """The open note's text (see text_of)."""
        return self.text_of(self.target) if self.target is not None else ""

    def show_talk(self, talk: Talk, note: Note) -> None:
        self.talk = talk
        self.header.setText(_header_html(talk))
        self.abstract.setText(abstracts.to_markdown(talk.abstract))
        self.abstract_button.setVisible(bool(talk.abstract))
        self._open(Target("talk", talk.id), note.body)  # type: ignore[arg-type]

    def show_hallway(self, note: Note) -> None:
        self.talk = None
        self.header.setText(
            f'<span style="font-size:14pt; font-weight:600">☕ '
            f"{html.escape(note.title or 'Hallway notes')}</span><br>"
            "Notes that belong to no talk"
        )
        self.abstract_button.setVisible(False)
        self.abstract.setVisible(False)
        self._open(Target("hallway", note.id), note.body)  # type: ignore[arg-type]

    def _open(self, target: Target, body: str) -> None:
        self.target = target
        self.edit.setDocument(self._document(target, body))
        self.edit.setEnabled(True)

    def move_to_end(self) -> None:
        cursor = self.edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)
        self.edit.ensureCursorVisible()
        self.edit.setFocus()

    # --- capture actions -------------------------------------------------------------------

    def insert_quote(self, speaker: str) -> None:
        """Insert `> "…"` / `> \\- Speaker` with the cursor inside the quotes.

        A selection becomes the quote; otherwise the quote starts a new paragraph.
        """
        cursor = self.edit.textCursor()
        selected = cursor.selectedText().replace("\u2029", " ").strip()
        cursor.beginEditBlock()
        if not selected and (cursor.positionInBlock() > 0 or cursor.block().text().strip()):
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertText("\n\n")
        cursor.insertText('> "')
        inside = cursor.position()
        cursor.insertText(selected)
        after_quote = cursor.position()
        cursor.insertText(f'"\n> \\- {speaker}\n')
        cursor.endEditBlock()
        cursor.setPosition(after_quote if selected else inside)
        self.edit.setTextCursor(cursor)
        self.edit.setFocus()

    def insert_timestamp(self, now: datetime) -> None:
        """[mm:ss] into the talk (elapsed since its start), else the clock time [HH:MM]."""
        talk = self.talk
        if (
            talk
            and talk.start
            and talk.end
            and talk.start <= now <= talk.end + (talk.end - talk.start)
        ):
            elapsed = int((now - talk.start).total_seconds())
            hours, rest = divmod(elapsed, 3600)
            stamp = (
                f"[{hours}:{rest // 60:02d}:{rest % 60:02d}]"
                if hours
                else f"[{rest // 60:02d}:{rest % 60:02d}]"
            )
        else:
            stamp = f"[{now:%H:%M}]"
        self.edit.textCursor().insertText(stamp + " ")
        self.edit.setFocus()
