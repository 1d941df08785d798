"""The export dialog's "Post" tab: what to export (a talk, a day, the conference), into which
blog folder, the post's title, tags, intro and wrap-up, and its talks; the talks, days and
recap texts are read off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.core.models import RECAP_PARTS
from desktop.exporters import wording
from desktop.exporters.compose import ExportRequest, Post
from desktop.services.exporting import recap_texts
from desktop.services.library import Library, list_talks
from desktop.services.notes import save_recap_note
from desktop.ui.backend import Backend

TALK_ROLE = Qt.ItemDataRole.UserRole + 1


class PostForm(QWidget):
    """The post's fields and talks; `changed` when the post to preview is another one."""

    changed = Signal()  # the post differs: compose the preview again
    failed = Signal(object)  # a read of the library failed (the exception)
    blog_chosen = Signal()  # a blog folder was chosen, or typed and left

    def __init__(
        self,
        lib: Library,
        backend: Backend,
        *,
        conference_id: int | None,
        talk_id: int | None,
        day: date | None,
        blog: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lib, self.backend = lib, backend
        self.conference_id, self.talk_id, self.day = conference_id, talk_id, day
        self._loading = 0  # reads of the talks and recap texts under way: no preview yet
        self._recap_key: tuple | None = None
        self.scope = QComboBox()
        self.scope.addItem("This talk", "talk")
        self.scope.addItem("Day recap", "day")
        self.scope.addItem("Whole conference", "conference")
        # open on what is in view: the open talk, else the day, else the conference
        in_view = "talk" if talk_id is not None else "day" if day else "conference"
        self.scope.setCurrentIndex(self.scope.findData(in_view))
        self.scope.currentIndexChanged.connect(self._scope_changed)
        # a day recap's day: the conference's days, the day in view first chosen
        self.day_box = QComboBox()
        self.day_box.setEnabled(False)  # until the conference's days are read
        self.day_box.currentIndexChanged.connect(self._day_changed)
        self.blog = QLineEdit(blog)
        self.blog.setPlaceholderText("Your Hugo or Jekyll blog folder")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self.choose_blog)
        self.blog.editingFinished.connect(self.blog_chosen)
        self.blog_state = QLabel(wordWrap=True)  # reading, learned from, or why not
        self.blog_state.setVisible(False)
        self.title_edit = QLineEdit(placeholderText="(default title)")
        self.tags_edit = QLineEdit(placeholderText="(default: conference and tracks)")
        self.description_edit = QLineEdit(placeholderText="(default: from the intro or notes)")
        self.slug_edit = QLineEdit(placeholderText="(default: from the title)")
        self.cover = QComboBox()
        self.cover.addItem("(blog's default)", None)
        self.intro = QPlainTextEdit(placeholderText="The opening paragraph (none when empty)")
        self.intro.setMaximumHeight(80)
        self.wrapup = QPlainTextEdit(placeholderText="A closing paragraph (optional)")
        self.wrapup.setMaximumHeight(60)
        self.all_talks = QCheckBox("Show talks without notes")
        self.all_talks.toggled.connect(lambda _on: self.refresh_talks())
        self.talks = QListWidget()
        self.talks.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.talks.itemChanged.connect(lambda _i: self.changed.emit())

        form = self._form = QFormLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.blog, 1)
        row.addWidget(browse)
        form.addRow("Export", self.scope)
        form.addRow("Day", self.day_box)
        form.addRow("Blog folder", row)
        form.addRow(self.blog_state)  # the form's width: a reason read in few lines
        form.addRow("Title", self.title_edit)
        form.addRow("Tags", self.tags_edit)
        form.addRow("Description", self.description_edit)
        form.addRow("Slug", self.slug_edit)
        form.addRow("Cover photo", self.cover)
        form.addRow("Intro", self.intro)
        form.addRow("Wrap-up", self.wrapup)
        form.addRow(QLabel("Talks (tick to include, drag to reorder)"), self.all_talks)
        form.addRow(self.talks)  # (commit and push: by the Export button, see dialog.py)
        self.title_edit.editingFinished.connect(self.changed)
        # typing the intro: show it when typing pauses (a preview reads the notes anew)
        self._intro_timer = QTimer(self, singleShot=True, interval=300)
        self._intro_timer.timeout.connect(self._recap_text_edited)
        self.intro.textChanged.connect(self._intro_timer.start)
        self.wrapup.textChanged.connect(self._intro_timer.start)

    def start(self) -> None:
        """Read the conference's days, the recap's texts and the talks (once connected)."""
        if self.conference_id is not None:
            conference_id = self.conference_id
            self._loading += 1
            self.backend.read(
                lambda: sorted({t.day for t in list_talks(self.lib, conference_id) if t.day}),
                on_done=lambda days: self._loaded(self._fill_days, days),
                on_error=lambda exc: self._loaded(self.failed.emit, exc),
            )
        self._load_recap_texts()
        self.refresh_talks()

    def loading(self) -> bool:
        """A read of the talks, days or recap texts is under way (it previews when done)."""
        return self._loading > 0

    def choose_blog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Blog folder", self.blog.text())
        if folder:
            self.blog.setText(folder)
            self.blog_chosen.emit()

    def tell_blog(self, text: str, whole: str = "") -> None:
        """What is known of the chosen blog, under its folder (`whole`: in its tooltip)."""
        self.blog_state.setText(text)
        self.blog_state.setToolTip(whole if whole != text else "")
        self.blog_state.setVisible(bool(text))
        self._fit_blog_state()

    def _fit_blog_state(self) -> None:
        """The height of all the lines it has: in this scrolling form Qt kept the row's height
        from the text before, and a reason of three lines showed as two cut ones."""
        width = self._form.contentsRect().width()
        if width > 0:
            self.blog_state.setMinimumHeight(max(self.blog_state.heightForWidth(width), 0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_blog_state()

    def _fill_days(self, days: list[date]) -> None:
        self.day_box.blockSignals(True)
        for each in days:
            self.day_box.addItem(wording.long_date(each), each)
        if self.day is None and days:
            self.day = days[0]
        self.day_box.setCurrentIndex(max(self.day_box.findData(self.day), 0))
        self.day_box.blockSignals(False)
        self._scope_changed()

    def _day_changed(self) -> None:
        self.day = self.day_box.currentData()
        self._load_recap_texts()
        self.refresh_talks()

    def _scope_changed(self) -> None:
        self.day_box.setEnabled(self.scope.currentData() == "day" and self.day_box.count() > 0)
        self._load_recap_texts()
        self.refresh_talks()

    def _recap_place(self) -> tuple[int, date | None] | None:
        scope = self.scope.currentData()
        if scope == "talk" or self.conference_id is None:
            return None
        return self.conference_id, self.day if scope == "day" else None

    def _load_recap_texts(self) -> None:
        """The intro and wrap-up kept for this recap (the intro made up when none was kept),
        read off the GUI thread."""
        place = self._recap_place()
        self._recap_key = None
        if place is None:
            self._show_recap_texts(None, ("", ""))
            return
        self._loading += 1
        self.backend.read(
            recap_texts,
            self.lib,
            *place,
            on_done=lambda texts: self._loaded(self._show_recap_texts, place, texts),
            on_error=lambda exc: self._loaded(self.failed.emit, exc),
        )

    def _loaded(self, show: Callable[..., Any], *args: Any) -> None:
        if not shiboken6.isValid(self):
            return  # (closed meanwhile)
        self._loading -= 1
        show(*args)

    def _show_recap_texts(self, place: tuple | None, texts: tuple) -> None:
        if place != self._recap_place():
            self.changed.emit()
            return  # another day or scope was chosen meanwhile: its own read follows
        for edit, text in zip((self.intro, self.wrapup), texts, strict=True):
            edit.blockSignals(True)
            edit.setPlainText(text)
            edit.blockSignals(False)
        self._recap_key = (place, *texts) if place else None
        self.changed.emit()

    def _recap_text_edited(self) -> None:
        """Keep what was typed as this recap's intro and wrap-up, then show it."""
        place = self._recap_place()
        texts = (self.intro.toPlainText(), self.wrapup.toPlainText())
        if place is not None and self._recap_key is not None and self._recap_key[0] == place:
            for part, text, before in zip(RECAP_PARTS, texts, self._recap_key[1:], strict=True):
                if text != before:
                    self.backend.write(save_recap_note, self.lib, *place, part, text)
            self._recap_key = (place, *texts)
        self.changed.emit()

    def refresh_talks(self) -> None:
        """The talks this export may hold (read off the GUI thread), then the preview."""
        scope = self.scope.currentData()
        if scope == "talk" or self.conference_id is None:
            self._show_talks(scope, self.day if scope == "day" else None, [])
            return
        day = self.day if scope == "day" else None
        self._loading += 1
        self.backend.read(
            list_talks,
            self.lib,
            self.conference_id,
            day,
            on_done=lambda talks: self._loaded(self._show_talks, scope, day, talks),
            on_error=lambda exc: self._loaded(self.failed.emit, exc),
        )

    def _show_talks(self, scope: str, day: date | None, talks: list) -> None:
        if scope != self.scope.currentData() or (scope == "day" and day != self.day):
            self.changed.emit()
            return  # another day or scope was chosen meanwhile: its own read follows
        self.talks.blockSignals(True)
        self.talks.clear()
        if scope != "talk":
            everything = self.all_talks.isChecked()
            for talk in talks:
                if not (talk.has_note or everything):
                    continue  # ~400 talks a day at FOSDEM: those with notes unless asked
                item = QListWidgetItem(
                    f"{talk.start:%a %H:%M}  {talk.title}" if talk.start else talk.title
                )
                item.setData(TALK_ROLE, talk.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if talk.has_note else Qt.CheckState.Unchecked
                )
                self.talks.addItem(item)
        self.talks.setEnabled(scope != "talk")
        self.talks.blockSignals(False)
        self.changed.emit()

    def request(self) -> ExportRequest:
        scope = self.scope.currentData()
        request = ExportRequest(
            scope, conference_id=self.conference_id, talk_id=self.talk_id, day=self.day
        )
        if scope != "talk":
            request.talk_ids = [
                self.talks.item(i).data(TALK_ROLE)
                for i in range(self.talks.count())
                if self.talks.item(i).checkState() == Qt.CheckState.Checked
            ]
        request.title = self.title_edit.text().strip() or None
        request.intro = self.intro.toPlainText()
        request.wrapup = self.wrapup.toPlainText()
        tags = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
        request.tags = tags or None
        request.description = self.description_edit.text().strip() or None
        request.slug = self.slug_edit.text().strip() or None
        request.cover = self.cover.currentData()
        return request

    def fill_covers(self, post: Post) -> None:
        """The post's photos to choose a cover from (the choice kept while it is there)."""
        keys = [p.key for p in post.photos]
        current = [self.cover.itemData(i) for i in range(1, self.cover.count())]
        if keys == current:
            return
        chosen = self.cover.currentData()
        self.cover.blockSignals(True)
        while self.cover.count() > 1:
            self.cover.removeItem(1)
        for photo in post.photos:
            self.cover.addItem(f"{photo.caption} ({photo.original_name})", photo.key)
        self.cover.setCurrentIndex(max(self.cover.findData(chosen), 0))
        self.cover.blockSignals(False)
