"""File → Export…: scope, blog, learned profile (editable), talks, preview, then export."""

from __future__ import annotations

import html
import threading
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import TalknotesError
from desktop.core.models import RECAP_PARTS
from desktop.core.render import render_html
from desktop.exporters import registry, wording
from desktop.exporters.base import Generator, escape_alt
from desktop.exporters.compose import ExportRequest, Post, PostPhoto
from desktop.exporters.profile import BlogProfile
from desktop.exporters.writer import ExportConflict
from desktop.media import files
from desktop.services.exporting import (
    BlogReading,
    ExportResult,
    PushRefused,
    build_post,
    export,
    generator_for,
    read_blog_profile,
    recap_texts,
)
from desktop.services.library import Library, list_talks
from desktop.services.notes import save_recap_note
from desktop.ui import screen_fit
from desktop.ui.backend import Backend
from desktop.ui.notifier import Notifier
from desktop.ui.preview import css as preview_css
from desktop.ui.profile_form import ProfileForm
from desktop.ui.workers import submit

TALK_ROLE = Qt.ItemDataRole.UserRole + 1


class _AsReaders(Generator):
    """The post as its readers will see it, for the dialog's preview: the blog's layout of
    sections, its photos as their thumbnails (a caption until the thumbnail is made)."""

    def __init__(self, profile: BlogProfile, thumbs: dict[str, str]) -> None:
        super().__init__(profile)
        self.thumbs = thumbs
        known = profile.generator in registry.ENGINES
        self.engine = generator_for(profile) if known else Generator(profile)

    @property
    def flavor(self) -> str:
        """How the blog's engine reads Markdown ("jekyll": kramdown, else goldmark's way)."""
        return "jekyll" if self.profile.generator == "jekyll" else "hugo"

    def note_text(self, markdown: str) -> str:
        return self.engine.note_text(markdown)  # as the export writes it (Jekyll: `1)` lists)

    def photo_url(self, post: Post, photo: PostPhoto) -> str:
        return self.thumbs.get(photo.key, "")

    def image(self, post: Post, photo: PostPhoto, caption: str) -> str:
        if photo.key in self.thumbs:
            return super().image(post, photo, caption)
        return f"*[{escape_alt(caption)}]*"


def _unread(folder: str, exc: BaseException) -> str:
    """Why a blog could not be read, naming the file."""
    if isinstance(exc, TalknotesError):
        return f"{exc.what}: {exc.why}"
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    return f"{folder}: {exc}"


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


OVERWRITE, WRITE_COPY = "Overwrite (keep the edited file aside)", "Write a Draft Copy"


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult
    progressed = Signal(int, int)  # done, total: emitted from the export thread, shown here
    previewed = Signal()  # the preview shows the post as it is now (or why it cannot)

    def __init__(
        self,
        lib: Library,
        backend: Backend,
        parent: QWidget | None = None,
        *,
        conference_id: int | None = None,
        talk_id: int | None = None,
        day: date | None = None,
        notifier: Notifier | None = None,
    ) -> None:
        super().__init__(parent)
        self.lib, self.backend = lib, backend
        self._thumbnailing: set[str] = set()
        self._loading = 0  # reads of the talks and recap texts under way: no preview yet
        self._preview_asked = 0  # the newest preview asked for (older answers are dropped)
        self._preview_shown = 0
        self.settings = QSettings()
        self.profile: BlogProfile | None = None
        # the blog's profile is read off the GUI thread, one read at a time; a folder chosen
        # meanwhile is read next (the latest choice wins, the ones between are never read)
        self._blog_wanted = ""  # the folder chosen last
        self._blog_reading: str | None = None  # the folder being read
        self._blog_shown: str | None = None  # the folder whose profile is shown
        self.cancel_event = threading.Event()
        self.notifier = notifier or Notifier()
        self.conference_id, self.talk_id, self.day = conference_id, talk_id, day
        self.setWindowTitle("Export to blog")
        self._fit_to_screen(1100, 720)

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
        if conference_id is not None:
            self._loading += 1
            self.backend.read(
                lambda: sorted({t.day for t in list_talks(lib, conference_id) if t.day}),
                on_done=lambda days: self._loaded(self._fill_days, days),
                on_error=lambda exc: self._loaded(self._show_error, exc),
            )
        self.blog = QLineEdit(str(self.settings.value("export/blog", "", str)))
        self.blog.setPlaceholderText("Your Hugo or Jekyll blog folder")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self.choose_blog)
        self.blog.editingFinished.connect(self.load_profile)
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
        self.commit_box = QCheckBox("Commit in the blog's git repository")
        self.push_box = QCheckBox("Commit and push (with your own git setup)")
        self.push_box.toggled.connect(lambda on: self.commit_box.setChecked(True) if on else None)
        self.talks = QListWidget()
        self.talks.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.talks.itemChanged.connect(lambda _i: self.update_preview())
        self.profile_form = ProfileForm()
        self.profile_widgets = self.profile_form.widgets  # the same dict, refilled in place
        self.extra = self.profile_form.extra
        self.preview = QTextBrowser()
        self.preview.setPlainText("Composing the post from your notes…")  # (read meanwhile)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progressed.connect(self._show_progress)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.dry_button = self.buttons.addButton("Dry Run", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(lambda: self.run_export(dry_run=False))
        self.dry_button.clicked.connect(lambda: self.run_export(dry_run=True))
        self.close_button.clicked.connect(self.close_or_cancel)

        post_form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.blog, 1)
        row.addWidget(browse)
        post_form.addRow("Export", self.scope)
        post_form.addRow("Day", self.day_box)
        post_form.addRow("Blog folder", row)
        post_form.addRow("", self.blog_state)
        post_form.addRow("Title", self.title_edit)
        post_form.addRow("Tags", self.tags_edit)
        post_form.addRow("Description", self.description_edit)
        post_form.addRow("Slug", self.slug_edit)
        post_form.addRow("Cover photo", self.cover)
        post_form.addRow("Intro", self.intro)
        post_form.addRow("Wrap-up", self.wrapup)
        post_form.addRow(QLabel("Talks (tick to include, drag to reorder)"), self.all_talks)
        post_form.addRow(self.talks)
        post_form.addRow(self.commit_box)
        post_form.addRow(self.push_box)
        post_tab = QWidget()
        post_tab.setLayout(post_form)
        tabs = QTabWidget()
        # the forms scroll inside the dialog: it never needs more than the screen's height
        tabs.addTab(_scrolling(post_tab), "Post")
        tabs.addTab(_scrolling(self.profile_form), "Blog profile")
        split = QSplitter()
        split.addWidget(tabs)
        split.addWidget(self.preview)
        split.setSizes([520, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.title_edit.editingFinished.connect(self.update_preview)
        # typing the intro: show it when typing pauses (a preview reads the notes anew)
        self._intro_timer = QTimer(self, singleShot=True, interval=300)
        self._intro_timer.timeout.connect(self._recap_text_edited)
        self.intro.textChanged.connect(self._intro_timer.start)
        self.wrapup.textChanged.connect(self._intro_timer.start)
        self._recap_key: tuple | None = None
        self._load_recap_texts()
        self.refresh_talks()
        self.load_profile()

    def _fit_to_screen(self, width: int, height: int) -> None:
        """At most `width` x `height`, and within the screen's available area (title bar and
        borders included)."""
        area = screen_fit.available(self)
        frame_w, frame_h = screen_fit._decoration(self)
        self.resize(
            max(min(width, area.width() - frame_w), 200),
            max(min(height, area.height() - frame_h), 200),
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_to_screen(self.width(), self.height())
        screen_fit.keep_within(self)  # and placed on it

    # --- inputs ----------------------------------------------------------------------------

    def choose_blog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Blog folder", self.blog.text())
        if folder:
            self.blog.setText(folder)
            self.load_profile()

    def load_profile(self) -> None:
        """Learn the chosen blog's profile (its config and every post) off the GUI thread;
        "Reading the blog…" meanwhile, and no export until it is known."""
        folder = self.blog.text().strip()
        if self._blog_reading is None and folder and folder == self._blog_shown:
            return  # (Enter, or the field left again: this blog's profile is shown)
        self._blog_wanted = folder
        self._blog_shown = None
        self.profile = None
        self.profile_form.show_profile(None)
        if self._blog_reading is not None:
            return  # the read under way reads this folder next
        if folder:
            self._read_blog(folder)
        else:
            self._tell_blog("")
            self.update_preview()

    def _read_blog(self, folder: str) -> None:
        self._blog_reading = folder
        self._tell_blog("Reading the blog…")
        self._enable_export()
        self.backend.read(
            read_blog_profile,
            self.lib,
            Path(folder),
            on_done=lambda reading: self._blog_read(folder, reading),
            on_error=lambda exc: self._blog_read(folder, exc),
        )

    def _blog_read(self, folder: str, reading: BlogReading | BaseException) -> None:
        if not shiboken6.isValid(self):
            return  # (closed meanwhile)
        self._blog_reading = None
        if folder != self._blog_wanted:  # another folder was chosen meanwhile: read it
            if self._blog_wanted:
                self._read_blog(self._blog_wanted)
            else:
                self._tell_blog("")
                self._enable_export()
                self.update_preview()
            return
        if isinstance(reading, BaseException):
            self._tell_blog(f"⚠ Could not read the blog: {_unread(folder, reading)}")
        else:
            self.profile, self._blog_shown = reading.profile, folder
            learned = self.profile.learned_from
            told = (
                f"Learned from {learned} posts of this {self.profile.generator} blog; "
                "change anything that should differ."
                if learned
                else f"No posts to learn from: {self.profile.generator} defaults."
            )
            skipped = reading.problems
            if skipped:
                more = f"\n… and {len(skipped) - 5} more" if len(skipped) > 5 else ""
                told += "\n⚠ Not read:" + "".join(f"\n• {p}" for p in skipped[:5]) + more
            self._tell_blog(told)
            self.settings.setValue("export/blog", folder)
        self.profile_form.show_profile(self.profile)
        self._enable_export()
        self.update_preview()

    def _tell_blog(self, text: str) -> None:
        """What is known of the chosen blog, on both tabs."""
        self.profile_form.note.setText(text)
        self.blog_state.setText(text)
        self.blog_state.setVisible(bool(text))

    def _enable_export(self) -> None:
        """Export once the blog is read, and while no export runs."""
        ready = self._blog_reading is None and not self.progress.isVisible()
        self.export_button.setEnabled(ready)
        self.dry_button.setEnabled(ready)

    def edited_profile(self) -> BlogProfile | None:
        return self.profile_form.edited()

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
            on_error=lambda exc: self._loaded(self._show_error, exc),
        )

    def _loaded(self, show, *args) -> None:
        if not shiboken6.isValid(self):
            return  # (closed meanwhile)
        self._loading -= 1
        show(*args)

    def _show_recap_texts(self, place, texts: tuple) -> None:
        if place != self._recap_place():
            self.update_preview()
            return  # another day or scope was chosen meanwhile: its own read follows
        for edit, text in zip((self.intro, self.wrapup), texts, strict=True):
            edit.blockSignals(True)
            edit.setPlainText(text)
            edit.blockSignals(False)
        self._recap_key = (place, *texts) if place else None
        self.update_preview()

    def _recap_text_edited(self) -> None:
        """Keep what was typed as this recap's intro and wrap-up, then show it."""
        place = self._recap_place()
        texts = (self.intro.toPlainText(), self.wrapup.toPlainText())
        if place is not None and self._recap_key is not None and self._recap_key[0] == place:
            for part, text, before in zip(RECAP_PARTS, texts, self._recap_key[1:], strict=True):
                if text != before:
                    self.backend.write(save_recap_note, self.lib, *place, part, text)
            self._recap_key = (place, *texts)
        self.update_preview()

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
            on_error=lambda exc: self._loaded(self._show_error, exc),
        )

    def _show_talks(self, scope: str, day: date | None, talks: list) -> None:
        if scope != self.scope.currentData() or (scope == "day" and day != self.day):
            self.update_preview()
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
        self.update_preview()

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

    def update_preview(self) -> None:
        """Compose the post off the GUI thread (it reads every note), then show it."""
        if self._loading or self._blog_reading is not None:
            return  # the read under way shows the preview when it is done
        profile = self.edited_profile() or registry.default_profile("hugo")
        request = self.request()
        self._preview_asked += 1
        asked = self._preview_asked
        self.backend.read(
            build_post,
            self.lib,
            request,
            profile,
            on_done=lambda post: self._show_post(asked, profile, post),
            on_error=lambda exc: self._show_post(asked, profile, exc),
        )

    def settled(self) -> bool:
        """Nothing being read: the talks, texts and preview show the library as it is."""
        return (
            not self._loading
            and self._blog_reading is None
            and self._preview_shown == self._preview_asked
        )

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, TalknotesError):
            self.preview.setPlainText(f"{exc.what}: {exc.why}")
        else:
            self.preview.setPlainText(str(exc))

    def _show_post(self, asked: int, profile: BlogProfile, post: Post | BaseException) -> None:
        if not shiboken6.isValid(self) or asked != self._preview_asked:
            return  # closed, or a newer preview is on its way
        self._preview_shown = asked
        if isinstance(post, BaseException):
            self._show_error(post)
            self.previewed.emit()
            return
        self._fill_covers(post)
        thumbs = {}
        for photo in post.photos:
            thumb = files.thumbnail_path(self.lib.media_dir, photo.sha256)
            if thumb.exists():
                thumbs[photo.key] = QUrl.fromLocalFile(str(thumb)).toString()
            elif photo.sha256 not in self._thumbnailing:
                self._thumbnailing.add(photo.sha256)
                submit(
                    self.backend.compute,  # files, no library: never behind the disk's writes
                    files.ensure_thumbnail,
                    self.lib.media_dir,
                    photo.sha256,
                    on_done=self._thumbnail_made,
                )
        readers = _AsReaders(profile, thumbs)
        body = readers.body(post)
        title = f"<h1>{html.escape(post.title)}</h1>"
        shown = render_html(body, flavor=readers.flavor)  # read as the chosen blog reads it
        self.preview.setHtml(f"<style>{preview_css()}</style>{title}{shown}")
        self.previewed.emit()

    def _thumbnail_made(self, _path: object) -> None:
        if shiboken6.isValid(self) and self.isVisible():  # (the dialog may be gone by now)
            self.update_preview()

    def _fill_covers(self, post) -> None:
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

    # --- export ----------------------------------------------------------------------------

    def run_export(self, dry_run: bool, overwrite: bool = False, copy: bool = False) -> None:
        folder = self.blog.text().strip()
        if not folder:
            self._error("Choose the blog folder first.")
            return
        profile = self.edited_profile()
        request = self.request()
        self.cancel_event.clear()
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.export_button.setEnabled(False)
        self.dry_button.setEnabled(False)
        self.close_button.setText("Cancel")

        def progress(done: int, total: int) -> None:  # export thread: signal, never widgets
            self.progressed.emit(done, total)

        self.backend.read(  # reads the library, writes the blog: the saves need not wait
            lambda: export(
                self.lib,
                request,
                Path(folder),
                profile=profile,
                dry_run=dry_run,
                overwrite=overwrite,
                copy=copy,
                progress=progress,
                cancel=self.cancel_event,
                commit=self.commit_box.isChecked(),
                push=self.push_box.isChecked(),
            ),
            on_done=self._done,
            on_error=lambda exc: self._failed(exc, dry_run),
        )

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat("%v of %m files")

    def _reset(self) -> None:
        self.progress.setVisible(False)
        self._enable_export()
        self.close_button.setText("Close")

    def _done(self, result: ExportResult) -> None:
        self._reset()
        if result.dry_run:
            lines = [f"{f.action:<9} {f.path}" for f in result.plan.files]
            self.preview.setPlainText("Dry run — nothing was written:\n\n" + "\n".join(lines))
            return
        self.exported.emit(result)
        done = " Committed and pushed." if result.pushed else ""
        done = done or (" Committed." if result.committed else "")
        notes = "".join(f"\n• {w}" for w in result.warnings)
        told = f"Wrote {len(result.written)} files.{done}\nPost: {result.plan.post_path}"
        if not result.written:
            told = f"Already up to date: nothing changed in {result.plan.post_path}{done}"
        self.notifier.inform(self, "Exported", told + notes)

    def _failed(self, exc: BaseException, dry_run: bool) -> None:
        self._reset()
        if isinstance(exc, ExportConflict):
            choice = self.notifier.choose(
                self, "Post was edited", f"{exc.what}\n\n{exc.why}", [OVERWRITE, WRITE_COPY]
            )
            if choice is not None:
                self.run_export(dry_run, overwrite=choice == OVERWRITE, copy=choice == WRITE_COPY)
            return
        message = f"{exc.what}: {exc.why}" if isinstance(exc, TalknotesError) else str(exc)
        if isinstance(exc, PushRefused):  # written and committed: only the push failed
            self._error(message)
            return
        self._error(message + "\n\nThe blog folder was left as it was.")

    def _error(self, message: str) -> None:
        self.preview.setPlainText(message)
        self.notifier.warn(self, "Export", message)

    def close_or_cancel(self) -> None:
        if self.close_button.text() == "Cancel":
            self.cancel_event.set()
        else:
            self.reject()
