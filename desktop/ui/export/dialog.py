"""File → Export to Blog…: the dialog's shell. It lays out the post form, the blog's profile
and the preview, keeps them in step, and runs the export with its progress and outcome."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import TalknotesError
from desktop.core.wording import counted
from desktop.exporters import registry
from desktop.exporters.profile import BlogProfile
from desktop.exporters.writer import ExportConflict
from desktop.services.exporting import BlogReading, ExportResult, PushRefused, export
from desktop.services.library import Library
from desktop.ui import screen_fit
from desktop.ui.backend import Backend
from desktop.ui.export.blog_reading import READING, BlogReader, learned_note, unread_note
from desktop.ui.export.post_form import PostForm
from desktop.ui.export.post_preview import PostPreview
from desktop.ui.export.profile_form import ProfileForm
from desktop.ui.notifier import Notifier

OVERWRITE, WRITE_COPY = "Overwrite (keep the blog's file aside)", "Write a Draft Copy"


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class ExportDialog(QDialog):
    """Scope, blog, learned profile (editable), talks, preview, then export."""

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
        self.settings = QSettings()
        self.profile: BlogProfile | None = None
        self.cancel_event = threading.Event()
        self.notifier = notifier or Notifier()
        self.setWindowTitle("Export to blog")
        self._fit_to_screen(1100, 720)

        self.post = PostForm(
            lib,
            backend,
            conference_id=conference_id,
            talk_id=talk_id,
            day=day,
            blog=str(self.settings.value("export/blog", "", str)),
        )
        self.blog_reader = BlogReader(lib, backend, self)
        self.profile_form = ProfileForm()
        self.preview = PostPreview(lib, backend)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progressed.connect(self._show_progress)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "&Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.dry_button = self.buttons.addButton("&Dry Run", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(lambda: self.run_export(dry_run=False))
        self.dry_button.clicked.connect(lambda: self.run_export(dry_run=True))
        self.close_button.clicked.connect(self.close_or_cancel)
        # what the export does to the blog's repository, by the Export button: at the end of
        # the scrolling post form it was below the fold at 1366x768
        self.commit_box = QCheckBox("Commit in the blog's git repository")
        self.push_box = QCheckBox("Commit and push (with your own git setup)")
        self.push_box.toggled.connect(lambda on: self.commit_box.setChecked(True) if on else None)

        tabs = QTabWidget()
        # the forms scroll inside the dialog: it never needs more than the screen's height
        tabs.addTab(_scrolling(self.post), "Post")
        tabs.addTab(_scrolling(self.profile_form), "Blog profile")
        split = QSplitter()
        split.addWidget(tabs)
        split.addWidget(self.preview)
        split.setSizes([520, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.progress)
        bottom = QHBoxLayout()
        bottom.addWidget(self.commit_box)
        bottom.addWidget(self.push_box)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self.post.changed.connect(self.update_preview)
        self.post.failed.connect(self.preview.show_error)
        self.post.blog_chosen.connect(self.load_profile)
        self.blog_reader.read.connect(self._blog_read)
        self.preview.composed.connect(self.post.fill_covers)
        self.preview.thumbnail_made.connect(self.update_preview)
        self.preview.previewed.connect(self.previewed)
        self.post.start()
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

    # --- the blog's profile ----------------------------------------------------------------

    def load_profile(self) -> None:
        """Learn the chosen blog's profile (its config and every post) off the GUI thread;
        "Reading the blog…" meanwhile, and no export until it is known."""
        folder = self.post.blog.text().strip()
        if not self.blog_reader.choose(folder):
            return  # its profile is shown (and maybe edited): nothing new to read
        self.profile = None
        self.profile_form.show_profile(None)
        if folder:
            self._tell_blog(READING)
            self._enable_export()

    def _blog_read(self, folder: str, reading: BlogReading | BaseException | None) -> None:
        if isinstance(reading, BlogReading):
            self.profile = reading.profile
            self._tell_blog(learned_note(reading), learned_note(reading, brief=True))
            self.settings.setValue("export/blog", folder)
        else:
            self._tell_blog(unread_note(folder, reading) if reading is not None else "")
        self.profile_form.show_profile(self.profile)
        self._enable_export()
        self.update_preview()

    def _tell_blog(self, text: str, brief: str | None = None) -> None:
        """What is known of the chosen blog, on both tabs (`brief` under the folder)."""
        self.profile_form.note.setText(text)
        self.post.tell_blog(text if brief is None else brief, text)

    def edited_profile(self) -> BlogProfile | None:
        return self.profile_form.edited()

    # --- the preview -----------------------------------------------------------------------

    def update_preview(self) -> None:
        """Compose the post off the GUI thread (it reads every note), then show it."""
        if self.post.loading() or self.blog_reader.busy():
            return  # the read under way shows the preview when it is done
        profile = self.edited_profile() or registry.default_profile("hugo")
        self.preview.compose(self.post.request(), profile)

    def settled(self) -> bool:
        """Nothing being read: the talks, texts, blog and preview show things as they are."""
        return not self.post.loading() and not self.blog_reader.busy() and self.preview.settled()

    # --- export ----------------------------------------------------------------------------

    def _enable_export(self) -> None:
        """Export once the blog is read, and while no export runs."""
        ready = not self.blog_reader.busy() and not self.progress.isVisible()
        self.export_button.setEnabled(ready)
        self.dry_button.setEnabled(ready)

    def run_export(self, dry_run: bool, overwrite: bool = False, copy: bool = False) -> None:
        folder = self.post.blog.text().strip()
        if not folder:
            self._error("Choose the blog folder first.")
            return
        profile = self.edited_profile()
        request = self.post.request()
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
            lines = [
                f"{f.action:<9} {f.path}" + (f"\n          ({f.reason})" if f.reason else "")
                for f in result.plan.files
            ]
            lines += [f"\nAddress once built: {result.url}"] if result.url else []
            lines += [f"⚠ {w}" for w in result.warnings]
            self.preview.setPlainText("Dry run — nothing was written:\n\n" + "\n".join(lines))
            return
        self.exported.emit(result)
        done = " Committed and pushed." if result.pushed else ""
        done = done or (" Committed." if result.committed else "")
        notes = "".join(f"\n• {w}" for w in result.warnings)
        told = f"Wrote {counted(len(result.written), 'file')}.{done}\nPost: {result.plan.post_path}"
        if not result.written:
            told = f"Already up to date: nothing changed in {result.plan.post_path}{done}"
        if result.url:
            told += f"\nAddress once built: {result.url}"
        self.preview.setPlainText(f"Exported. {told}{notes}")  # (not the last dry run's list)
        self.notifier.inform(self, "Exported", told + notes)

    def _failed(self, exc: BaseException, dry_run: bool) -> None:
        self._reset()
        if isinstance(exc, ExportConflict):
            choice = self.notifier.choose(
                self,
                "Already in the Blog",
                f"{exc.what}\n\nNot overwritten: {exc.reason}.\n\nOverwrite it (the blog's "
                "file is kept in the library's export-backups folder), or write a draft copy "
                "beside it?",
                [OVERWRITE, WRITE_COPY],
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

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Enter runs the button it is on, nothing else: in a field it ran Export (the button
        box's default), again after an export. Export is a click, Alt+E, or Enter on it."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            return
        super().keyPressEvent(event)

    def close_or_cancel(self) -> None:
        if self.close_button.text() == "Cancel":
            self.cancel_event.set()
        else:
            self.reject()
