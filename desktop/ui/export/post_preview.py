"""The export dialog's preview: the post composed off the GUI thread from the notes, shown as
the chosen blog's readers will see it (its engine's Markdown, photos as thumbnails)."""

from __future__ import annotations

import html

import shiboken6
from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.errors import TalknotesError
from desktop.core.render import render_html
from desktop.exporters import registry
from desktop.exporters.base import Generator, escape_alt
from desktop.exporters.compose import ExportRequest, Post, PostPhoto
from desktop.exporters.profile import BlogProfile
from desktop.media import files
from desktop.services.exporting import build_post, generator_for
from desktop.services.library import Library
from desktop.ui.backend import Backend
from desktop.ui.preview import css as preview_css
from desktop.ui.workers import submit


class AsReaders(Generator):
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


class PostPreview(QTextBrowser):
    """Shows the newest post asked for (older answers are dropped), or why it cannot."""

    previewed = Signal()  # the preview shows the post as it is now (or why it cannot)
    composed = Signal(object)  # the Post shown: the dialog offers its photos as covers
    thumbnail_made = Signal()  # a photo's missing thumbnail was made: compose again to show it

    def __init__(self, lib: Library, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.backend = lib, backend
        self._thumbnailing: set[str] = set()
        self._asked = 0  # the newest preview asked for
        self._shown = 0
        self.setPlainText("Composing the post from your notes…")  # (read meanwhile)

    def compose(self, request: ExportRequest, profile: BlogProfile) -> None:
        """Compose the post off the GUI thread (it reads every note), then show it."""
        self._asked += 1
        asked = self._asked
        self.backend.read(
            build_post,
            self.lib,
            request,
            profile,
            on_done=lambda post: self._show_post(asked, profile, post),
            on_error=lambda exc: self._show_post(asked, profile, exc),
        )

    def settled(self) -> bool:
        """The newest post asked for is shown."""
        return self._shown == self._asked

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, TalknotesError):
            self.setPlainText(f"{exc.what}: {exc.why}")
        else:
            self.setPlainText(str(exc))

    def _show_post(self, asked: int, profile: BlogProfile, post: Post | BaseException) -> None:
        if not shiboken6.isValid(self) or asked != self._asked:
            return  # closed, or a newer preview is on its way
        self._shown = asked
        if isinstance(post, BaseException):
            self.show_error(post)
            self.previewed.emit()
            return
        self.composed.emit(post)
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
        readers = AsReaders(profile, thumbs)
        body = readers.body(post)
        title = f"<h1>{html.escape(post.title)}</h1>"
        shown = render_html(body, flavor=readers.flavor)  # read as the chosen blog reads it
        self.setHtml(f"<style>{preview_css()}</style>{title}{shown}")
        self.previewed.emit()

    def _thumbnail_made(self, _path: object) -> None:
        if shiboken6.isValid(self) and self.window().isVisible():  # (it may be gone by now)
            self.thumbnail_made.emit()
