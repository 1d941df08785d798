"""The note pane: the open note's title line, talk details and photo strip around the text
widget (markdown_edit), and the documents of the notes opened this run.

Each talk keeps its own QTextDocument for the whole run, so undo history survives switching.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextDocumentLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import abstracts, agenda
from desktop.core.ids import saved_id
from desktop.core.models import Note, Talk
from desktop.ui.autosave import Target
from desktop.ui.document_text import DocumentText
from desktop.ui.markdown_edit import MarkdownEdit
from desktop.ui.photo_strip import PhotoStrip
from desktop.ui.talk_details import details_html
from desktop.ui.title_line import FactsLine, TitleLine

if TYPE_CHECKING:
    from desktop.ui.highlighter import MarkdownHighlighter


class NotePane(QWidget):
    """Compact (small screens, focus mode): the title line alone above the note, with the
    when and where on it; the details, the abstract and the photo strip fold away behind
    their buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compact = self._strip_folded = False
        self.title_line = TitleLine()
        self.when_where = FactsLine()  # (compact: the details that tell it are folded)
        self.when_where.setVisible(False)
        self.header = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.header.setOpenExternalLinks(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.header.setAccessibleName("Talk details")
        self.header.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its links open by mouse: by
        # keyboard the focus got stuck there, showing nothing, and what was typed was lost
        self.abstract_button = QToolButton(autoRaise=True)
        self.abstract_button.setText("Abstract ▸")
        self.abstract_button.setCheckable(True)
        self.abstract_button.setAccessibleName("Show the abstract")
        self.abstract_button.toggled.connect(self._toggle_abstract)
        self.photos_button = QToolButton(autoRaise=True)
        self.photos_button.setCheckable(True)
        self.photos_button.setChecked(True)
        self.photos_button.setAccessibleName("Show the photo strip")
        self.photos_button.setToolTip("Show or hide this note's photos")
        self.photos_button.toggled.connect(lambda _on: self._sync_strip())
        self.notice = QLabel(wordWrap=True)  # messages that matter, where the eyes are
        self.notice.setAccessibleName("Notice")
        self.notice.setVisible(False)
        self.notice.setStyleSheet(
            "QLabel { background: palette(highlight); color: palette(highlighted-text);"
            " padding: 4px 8px; border-radius: 3px; }"
        )
        self._notice_timer = QTimer(self, singleShot=True)
        self._notice_timer.timeout.connect(lambda: self.notice.setVisible(False))
        self.abstract = QLabel(wordWrap=True, textFormat=Qt.TextFormat.MarkdownText)
        self.abstract.setVisible(False)
        self.abstract.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.abstract.setOpenExternalLinks(True)
        self.abstract.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (as the details)

        self.edit = MarkdownEdit()
        self.edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.5) + 1)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        self.edit.setFont(font)
        self.edit.setPlaceholderText("Type your notes… (Markdown)")
        self.edit.document().setDocumentMargin(12)

        self.edit.setAccessibleName("Note")
        # the lines shown are coloured at once, ahead of the sweep over a long note
        self.edit.verticalScrollBar().valueChanged.connect(lambda _v: self._colour_shown())

        # the buttons end the title's first line; compact, the when-and-where line under it
        # (the title then has the whole width: at 1024x600 it had a third of it)
        self.buttons = QWidget()
        buttons = QHBoxLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.abstract_button)
        buttons.addWidget(self.photos_button)
        self._top = QHBoxLayout()
        self._top.setContentsMargins(0, 0, 0, 0)
        self._top.addWidget(self.title_line, 1)
        self._top.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignTop)
        self._facts_row = QHBoxLayout()
        self._facts_row.setContentsMargins(0, 0, 0, 0)
        self._facts_row.addWidget(self.when_where, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(self._top)
        layout.addLayout(self._facts_row)
        layout.addWidget(self.header)
        layout.addWidget(self.notice)
        layout.addWidget(self.abstract)
        layout.addWidget(self.edit, 1)
        self.strip = PhotoStrip()
        self.strip.setVisible(False)
        self.strip.setAccessibleName("Photos of this note")
        self.strip_box = QWidget()  # the strip shows when it has photos; its box, unless folded
        box_layout = QVBoxLayout(self.strip_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.strip)
        layout.addWidget(self.strip_box)
        strip_model = self.strip.model()
        for signal in (strip_model.rowsInserted, strip_model.rowsRemoved, strip_model.modelReset):
            signal.connect(self._sync_strip)
        self._sync_strip()

        self._documents: dict[Target, QTextDocument] = {}
        self._highlighters: dict[Target, MarkdownHighlighter] = {}
        self._texts: dict[Target, DocumentText] = {}  # each document's text (text_of)
        self._places: dict[Target, QTextCursor] = {}  # where each note's cursor was left
        self.target: Target | None = None
        # called on every change (a plain callback: a Qt signal relay cost ~2 ms per key here)
        self.on_edit: Callable[[Target], None] = lambda _t: None
        self.talk: Talk | None = None
        # while a note chosen is read: the title line and details it replaced (show_opening)
        self._before_opening: tuple[str, str, str, bool, str, str, bool] | None = None
        self._opening_talk: Talk | None = None  # (its abstract, should it be unfolded)
        self._show_placeholder()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """The system switched between light and dark: colour the notes for it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for highlighter in getattr(self, "_highlighters", {}).values():
                highlighter.restyle()

    def _show_placeholder(self) -> None:
        self.title_line.set_full_text("No note open")
        self.when_where.setVisible(False)
        self.header.setText(
            "Pick a talk on the left and press Enter, or press Ctrl+J for the one running now"
        )
        self.abstract_button.setVisible(False)
        self.edit.setEnabled(False)

    def _toggle_abstract(self, shown: bool) -> None:
        if shown:
            self._fill_abstract()
        self.abstract.setVisible(shown)
        self.abstract_button.setText("Abstract ▾" if shown else "Abstract ▸")

    def set_compact(self, compact: bool, fold_strip: bool | None = None) -> None:
        """Fold the details and the abstract (the title line then tells when and where) and
        the photo strip: the note gets the height. `fold_strip` folds the strip alone (a
        window a little short keeps the details: they take two lines, the strip six)."""
        fold_strip = compact if fold_strip is None else fold_strip
        if fold_strip != self._strip_folded:
            self._strip_folded = fold_strip
            self.photos_button.setChecked(not fold_strip)
        if compact != self.compact:
            self.compact = compact
            if compact:
                self.abstract_button.setChecked(False)
            (self._top if compact else self._facts_row).removeWidget(self.buttons)
            if compact:
                self._facts_row.addWidget(self.buttons)
            else:
                self._top.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignTop)
            self._show_title()
            self.header.setVisible(not compact or self.target is None)
        self._sync_strip()

    def set_reading_column(self, on: bool) -> None:
        """Full screen (focus mode): the text in a column of about 80 characters, centred,
        not in lines as wide as the screen."""
        self._reading_column = on
        self._fit_column()

    def _fit_column(self) -> None:
        side = 0
        if getattr(self, "_reading_column", False):
            column = self.edit.fontMetrics().horizontalAdvance("x" * 80)
            side = max(0, (self.edit.width() - column) // 2)
        self.edit.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if getattr(self, "_reading_column", False):
            self._fit_column()

    def _sync_strip(self, *_args) -> None:
        if not shiboken6.isValid(self.strip):  # its rows go as it is deleted
            return
        count = self.strip.count()
        arrow = "▾" if self.photos_button.isChecked() else "▸"
        self.photos_button.setText(f"Photos ({count}) {arrow}")
        self.photos_button.setVisible(count > 0)
        self.strip_box.setVisible(count > 0 and self.photos_button.isChecked())

    def show_notice(self, text: str, msecs: int = 6000) -> None:
        """A message over the note, where the writer looks (the status bar may be off-screen)."""
        self.notice.setText(text)
        self.notice.setVisible(True)
        self._notice_timer.start(msecs)

    def _show_title(self) -> None:
        talk = self.talk
        if talk is None or self._before_opening is not None:  # (it names the note chosen)
            return
        facts = [agenda.time_label(talk), talk.room]
        self.when_where.set_facts(facts)
        self.when_where.setVisible(self.compact)
        where = " · ".join(x for x in facts if x)
        self.title_line.set_full_text(talk.title, f"{talk.title} · {where}" if where else "")

    def show_opening(self, name: str, talk: Talk | None = None) -> None:
        """A note is chosen and being read: the pane names it at once ("Opening …", its
        talk's details) and the note still showing takes no typing (read-only: no input
        method, drop or paste reaches it; the keys typed are held for the note chosen)."""
        if self._before_opening is None:
            title, facts = self.title_line, self.when_where
            self._before_opening = (
                title.full_text(),
                title.toolTip(),
                facts.full_text(),
                facts.isVisibleTo(self),
                self.header.text(),
                self.abstract.text(),
                self.abstract_button.isVisibleTo(self),
            )
        self._opening_talk = talk
        self.title_line.set_full_text(f"Opening {name}…")
        self.when_where.set_facts([agenda.time_label(talk), talk.room] if talk else [])
        self.when_where.setVisible(bool(talk) and self.compact)
        self.header.setText(details_html(talk) if talk else "Notes that belong to no talk")
        shown = talk is not None and self.abstract_button.isChecked()
        self.abstract.setText(abstracts.to_markdown(talk.abstract) if shown and talk else "")
        self.abstract_button.setVisible(bool(talk and talk.abstract))
        self.edit.setReadOnly(True)

    def stop_opening(self) -> None:
        """The note chosen will not open (it could not be read): the pane names the note it
        shows again, which takes typing again."""
        before, self._before_opening = self._before_opening, None
        self.edit.setReadOnly(False)
        if self.target is None:
            self._show_placeholder()
        elif before is not None:
            title, tip, facts, facts_shown, header, abstract, has_abstract = before
            self.title_line.set_full_text(title, tip)
            self.when_where.set_facts(facts.split(" · "))
            self.when_where.setVisible(facts_shown)
            self.header.setText(header)
            self.abstract.setText(abstract)
            self.abstract_button.setVisible(has_abstract)

    def _document(self, target: Target, body: str) -> QTextDocument:
        doc = self._documents.get(target)
        if doc is None:
            doc = QTextDocument(self)
            doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
            doc.setDefaultFont(self.edit.font())
            doc.setPlainText(body)
            doc.setModified(False)
            doc.setDocumentMargin(12)
            from desktop.ui.highlighter import MarkdownHighlighter  # (first note: ~8 ms less
            # before the window paints, with its regular expressions' Qt enums)

            self._highlighters[target] = MarkdownHighlighter(doc)
            self._texts[target] = DocumentText(doc, body)
            doc.contentsChanged.connect(lambda t=target: self._changed(t))
            self._documents[target] = doc
        return doc

    def _changed(self, target: Target) -> None:
        self.on_edit(target)

    def forget_documents(self) -> None:
        """Drop cached documents (except the open one) after notes changed on disk."""
        for target in list(self._documents):
            if target != self.target:
                self._highlighters.pop(target, None)
                self._texts.pop(target, None)
                self._places.pop(target, None)
                self._documents.pop(target).deleteLater()

    def close_notes(self, targets: set[Target]) -> None:
        """These notes are gone from the library (their conference was removed): drop their
        documents; when one is open, the editor shows no note."""
        if self.target in targets:
            self.target = None
            self.talk = None
            blank = QTextDocument(self)  # no note's: nothing typed here is kept
            blank.setDocumentLayout(QPlainTextDocumentLayout(blank))
            blank.setDefaultFont(self.edit.font())
            self.edit.setDocument(blank)
            self._show_placeholder()
            self.header.setVisible(True)
            self.abstract.setVisible(False)
            self.strip.show_photos([])
        for target in targets & set(self._documents):
            self._highlighters.pop(target, None)
            self._texts.pop(target, None)
            self._places.pop(target, None)
            self._documents.pop(target).deleteLater()

    def has_document(self, target: Target) -> bool:
        return target in self._documents

    def text_of(self, target: Target) -> str:
        """The note's text, as its document's toPlainText gives it: the autosave, the
        preview, the preview's scrolling and the word count ask for it after a pause. Kept
        up to date line by line (ui.document_text): copying a 100,000-word note out of its
        document took 2–5 ms of the GUI thread, joining its lines takes ~0.1 ms."""
        text = self._texts.get(target)
        return "" if text is None else text.text()

    def current_text(self) -> str:
        """The open note's text (see text_of)."""
        return self.text_of(self.target) if self.target is not None else ""

    def show_talk(self, talk: Talk, note: Note) -> None:
        self.talk = talk
        self._before_opening = None  # (the note chosen is here)
        self._show_title()
        self.header.setText(details_html(talk))
        self.header.setVisible(not self.compact)
        self.abstract.clear()  # made when shown: an HTML abstract's conversion (~5 ms the
        # first time, html.parser imported) is not in the way of the note opening
        if self.abstract_button.isChecked():
            self._fill_abstract()
        self.abstract_button.setVisible(bool(talk.abstract))
        self._open(Target("talk", saved_id(talk.id)), note.body)

    def _fill_abstract(self) -> None:
        talk = self._opening_talk if self._before_opening is not None else self.talk
        if talk is not None and not self.abstract.text():
            self.abstract.setText(abstracts.to_markdown(talk.abstract))

    def show_hallway(self, note: Note) -> None:
        self.talk = None
        self.title_line.set_full_text(f"☕ {note.title or 'Hallway notes'}")
        self.when_where.setVisible(False)
        self.header.setText("Notes that belong to no talk")
        self.header.setVisible(not self.compact)
        self.abstract_button.setVisible(False)
        self.abstract.setVisible(False)
        self._open(Target("hallway", saved_id(note.id)), note.body)

    def _open(self, target: Target, body: str) -> None:
        if self.target is not None and self.target in self._documents:
            # its place, to come back to (setDocument puts the cursor at the note's start);
            # a cursor of its own follows the edits made to the note meanwhile (a caption)
            self._places[self.target] = QTextCursor(self.edit.textCursor())
        first = target not in self._documents
        self.target = target
        self.edit.setDocument(self._document(target, body))
        self.edit.setEnabled(True)
        self.edit.setReadOnly(False)
        self._before_opening = None
        place = self._places.get(target)
        if first or place is None:  # opened for the first time this run: typing adds to
            # the end of the note
            cursor = self.edit.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            self.edit.setTextCursor(cursor)
        else:  # opened before: where the writer left it
            self.edit.setTextCursor(QTextCursor(place))
            self.edit.ensureCursorVisible()
        self._colour_shown()

    def _colour_shown(self) -> None:
        highlighter = self._highlighters.get(self.target) if self.target else None
        if highlighter is not None and not highlighter.done:
            highlighter.colour_ahead(self.edit.firstVisibleBlock())

    def move_to_end(self) -> None:
        cursor = self.edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)
        self.edit.ensureCursorVisible()
        self.edit.setFocus()
