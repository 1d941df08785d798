"""Live preview: debounced, coalesced Markdown rendering off the GUI thread.

Only the parts of the note that changed are rendered again (core.render.IncrementalRenderer):
rendering holds the GIL, and a whole long note took 0.7 s of it, which typing felt. A long
note is shown one frame per part, and only changed parts are replaced: setHtml of a
20,000-word note blocked the GUI thread for ~100 ms, a patch takes ~5 ms. A long note shown
anew (opening it) is built a few frames per turn of the event loop, so a key typed meanwhile
waits for one slice (~8 ms), not for the whole build (~150 ms for 20,000 words).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QThreadPool, QTimer
from PySide6.QtGui import QTextCursor, QTextFrame, QTextFrameFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.render import IncrementalRenderer
from desktop.ui.tones import tones
from desktop.ui.workers import submit

DEBOUNCE_MS = 250  # a pause this long renders
MAX_WAIT_MS = 1000  # typing on without a pause renders this often
FRAMED_PARTS = 40  # from this many parts on, a change replaces only its part's frame
BUILD_SLICE_S = 0.004  # building a long note anew: inserting per turn (its layout takes as long)
CSS = """
blockquote { margin: 8px 16px; font-style: italic; color: %(quote)s; }
table { border-collapse: collapse; margin: 6px 0; }
th, td { border: 1px solid #9aa5b1; padding: 3px 8px; }
th { background: rgba(127, 127, 127, 0.15); }
code, pre { font-family: monospace; }
img { max-width: 100%%; }
h1, h2, h3 { margin-top: 10px; }
"""


def css() -> str:
    """The preview's style sheet, in colours for the palette now."""
    return CSS % {"quote": tones().quote}


_PART_FORMAT = QTextFrameFormat()
for _set in (_PART_FORMAT.setMargin, _PART_FORMAT.setPadding, _PART_FORMAT.setBorder):
    _set(0)


def blog_flavor(settings: QSettings) -> str:
    """The engine of the blog last exported to ("jekyll" or "hugo"): the preview reads notes
    as it will (where goldmark and kramdown differ; Hugo when no blog was chosen)."""
    folder = settings.value("export/blog", "", str)
    return "jekyll" if folder and (Path(folder) / "_config.yml").is_file() else "hugo"


class Preview(QTextBrowser):
    """At most one render in flight; changes during a render trigger exactly one more.

    A render comes DEBOUNCE_MS after the last change, or MAX_WAIT_MS after the first change
    not yet shown when typing goes on without a pause: the preview stays live.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._render)
        self._unshown_since: float | None = None  # first change not yet handed to a render
        self._source: Callable[[], str] = lambda: ""
        self.resolve_photo: Callable[[str], str | None] | None = None
        # Where the writer is, as core.render.locate gives it: shown after each render.
        self.locate: Callable[[], tuple[int, int, float]] | None = None
        self._scroll_wanted: int | None = None
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self._renderer = IncrementalRenderer()  # used on the pool's one thread only
        self._shown = ""
        self._parts: list[str] = []  # shown one frame each (long notes)
        self._target: list[str] | None = None  # the parts a build under way is heading for
        self._scroll_to = 0
        self._build_timer = QTimer(self, singleShot=True, interval=0)
        self._build_timer.timeout.connect(self._build_step)
        self._busy = False
        self._again = False
        self.renders = 0
        self._css = css()
        self.setPlaceholderText("The preview of your note appears here.")
        self.setAccessibleName("Preview")
        self.setUndoRedoEnabled(False)  # patches would pile up in the undo stack

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """The system switched between light and dark: show the note anew in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and css() != self._css:
            self._css = css()
            self._shown, self._parts = "", []  # what is shown has the old colours
            self.render_now(self._source)

    def set_flavor(self, flavor: str) -> None:
        """Read notes as `flavor`'s engine does ("hugo" or "jekyll")."""
        if flavor != self._renderer.flavor:
            self._renderer = IncrementalRenderer(flavor)  # (its parts: of the other flavor)
            self._shown, self._parts = "", []
            if self.isVisible():
                self.render_now(self._source)

    def schedule(self, source: Callable[[], str]) -> None:
        """Render `source()` soon; called on every change."""
        self._source = source
        if not self.isVisible():
            return
        if self._unshown_since is None:
            self._unshown_since = time.perf_counter()
        self._arm()

    def _arm(self) -> None:
        """Render after DEBOUNCE_MS, or sooner when the oldest unshown change nears MAX_WAIT_MS."""
        waited_ms = (time.perf_counter() - (self._unshown_since or time.perf_counter())) * 1000
        self._timer.start(max(0, min(DEBOUNCE_MS, int(MAX_WAIT_MS - waited_ms))))

    def render_now(self, source: Callable[[], str]) -> None:
        self._source = source
        self._timer.stop()
        self._render()

    def _render(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._unshown_since = None
        submit(
            self._pool,
            self._renderer.render_parts,
            self._source(),
            self.resolve_photo,
            on_done=self._show,
            on_error=lambda exc: self._show(f"<pre>{exc}</pre>"),
        )

    def _show(self, rendered: list[str] | str) -> None:
        self._busy = False
        if isinstance(rendered, list) and len(rendered) >= FRAMED_PARTS:
            if self._target is not None:  # a build is under way
                if rendered[: len(self._parts)] == self._parts:
                    self._target = rendered  # typing at the end: build on, to the new parts
                else:
                    self._rebuild(rendered)
            elif rendered != self._parts and self._patch(rendered):
                self.renders += 1  # (a build counts itself when done)
        else:
            self._target = None
            self._build_timer.stop()
            html = rendered if isinstance(rendered, str) else "\n".join(rendered)
            if html != self._shown or self._parts:
                self._parts = []
                self._shown = html
                bar = self.verticalScrollBar()
                position = bar.value()
                self.setHtml(f"<style>{self._css}</style>{html}")
                bar.setValue(position)
                self.renders += 1
        if self._target is None:  # (a build reveals when it is done)
            self.reveal()
        if self._again:
            self._again = False
            self._arm()

    def reveal(self) -> None:
        """Scroll as little as needed to show where the writer is (`locate`), a couple of lines
        of context around it: typing at the end of a long note, the preview follows."""
        where = self.locate() if self.locate else (0, 0, 0.0)
        index, count, within = where
        if not count or self._target is not None:
            return
        doc = self.document()
        frames = doc.rootFrame().childFrames() if self._parts else []
        if len(frames) == count:  # one frame per part: exact
            rect = doc.documentLayout().frameBoundingRect(frames[index])
            y = rect.top() + within * rect.height()
        else:  # one document: by proportion
            y = doc.size().height() * (index + within) / count
        bar, margin = self.verticalScrollBar(), 2 * self.fontMetrics().height()
        self._scroll_wanted = None
        if y - margin < bar.value():
            self._scroll(int(y - margin))
        elif y + margin > bar.value() + self.viewport().height():
            self._scroll(int(y + margin - self.viewport().height()))

    def _scroll(self, value: int) -> None:
        """Scroll to `value`, or as far as the scroll bar goes and the rest when its range
        grows (it follows a new layout a moment later)."""
        bar = self.verticalScrollBar()
        value = min(value, int(self.document().size().height()) - self.viewport().height())
        bar.setValue(value)
        self._scroll_wanted = value if value > bar.maximum() else None

    def _range_changed(self, _low: int, high: int) -> None:
        if self._scroll_wanted is not None:
            self._scroll(self._scroll_wanted)

    # --- long notes: one frame per part, and only changed parts are replaced ---------------

    def _patch(self, parts: list[str]) -> bool:
        """Show `parts`, touching only the frames of parts that differ from those shown.
        False when it is building them anew instead."""
        old = self._parts
        same = min(len(old), len(parts))
        head = next((i for i in range(same) if old[i] != parts[i]), same)
        tail = next((i for i in range(same - head) if old[-1 - i] != parts[-1 - i]), same - head)
        if not old or head + tail < len(parts) // 2:  # another note: building anew is faster
            self._rebuild(parts)
            return False
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one layout pass for the whole change
        frames = self.document().rootFrame().childFrames()
        gone, new = frames[head : len(old) - tail], parts[head : len(parts) - tail]
        for frame, html in zip(gone, new, strict=False):
            cursor.setPosition(frame.firstPosition())
            cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertHtml(html)
        anchor = frames[head + len(gone) - 1] if head + len(gone) else None
        for html in new[len(gone) :]:  # parts added: new frames after the last one kept
            anchor = self._insert(cursor, html, anchor)
        for frame in gone[len(new) :]:  # parts removed: their frames go
            cursor.setPosition(frame.firstPosition() - 1)
            cursor.setPosition(frame.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        cursor.endEditBlock()
        self._parts = parts
        self._shown = ""
        return True

    def _rebuild(self, parts: list[str]) -> None:
        """Show `parts` anew, a slice at a time (see _build_step)."""
        if self._target is None:
            self._scroll_to = self.verticalScrollBar().value()  # kept, as setHtml does in _show
        doc = self.document()
        doc.clear()
        doc.setDefaultStyleSheet(self._css)
        self._parts, self._target = [], parts
        self._shown = ""
        self._build_step()

    def _build_step(self) -> None:
        """Add frames for BUILD_SLICE_S, then let the event loop run; done, show what
        changed meanwhile."""
        target = self._target
        if target is None:
            return
        deadline = time.perf_counter() + BUILD_SLICE_S
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        frames = self.document().rootFrame().childFrames()
        last = frames[-1] if frames else None
        while len(self._parts) < len(target) and time.perf_counter() < deadline:
            html = target[len(self._parts)]
            last = self._insert(cursor, html, last)
            self._parts.append(html)
        cursor.endEditBlock()
        self.verticalScrollBar().setValue(self._scroll_to)
        if len(self._parts) < len(target):
            self._build_timer.start()
            return
        self._target = None
        if self._parts == target or self._patch(target):  # (a newer render came meanwhile)
            self.renders += 1
        self.reveal()

    @staticmethod
    def _insert(cursor: QTextCursor, html: str, after: QTextFrame | None) -> QTextFrame:
        """A new part after frame `after` (first when None); returns its frame."""
        if after is None:
            cursor.setPosition(0)
        else:
            cursor.setPosition(after.lastPosition())
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        frame = cursor.insertFrame(_PART_FORMAT)
        cursor.insertHtml(html)
        return frame
