"""Live preview: debounced, coalesced Markdown rendering off the GUI thread.

Only the parts of the note that changed are rendered again (core.render.IncrementalRenderer):
rendering holds the GIL, and a whole long note took 0.7 s of it, which typing felt. A long
note is shown one frame per part, and only changed parts are replaced: setHtml of a
20,000-word note blocked the GUI thread for ~100 ms, a patch takes ~5 ms. A long note shown
anew (opening it) is built a few frames per turn of the event loop, so a key typed meanwhile
waits for one slice (~8 ms), not for the whole build (~150 ms for 20,000 words).

A note of more than WINDOW_PARTS parts is shown WINDOW_PARTS at a time, around the part being
written; scrolling to either end of them shows the next ones. Rendering and laying out all
of a 100,000-word note took ~12 s, and a note of 500 photos held every one of their images
(~150 MiB): only the parts shown are rendered and hold their images.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QThreadPool, QTimer
from PySide6.QtGui import QTextCursor, QTextFrame, QTextFrameFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.render import IncrementalRenderer, Window, locate
from desktop.ui.tones import tones
from desktop.ui.viewport import viewport_height
from desktop.ui.workers import submit

DEBOUNCE_MS = 250  # a pause this long renders
MAX_WAIT_MS = 1000  # typing on without a pause renders this often
FRAMED_PARTS = 40  # from this many parts on, a change replaces only its part's frame
BUILD_SLICE_S = 0.004  # building a long note anew: inserting per turn (its layout takes as long)
WINDOW_PARTS = 24  # a longer note is shown this many parts at a time, in frames
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
    folder = str(settings.value("export/blog", "", str))
    return "jekyll" if folder and (Path(folder) / "_config.yml").is_file() else "hugo"


class Preview(QTextBrowser):
    """At most one render in flight; changes during a render trigger exactly one more.

    A render comes DEBOUNCE_MS after the last change, or MAX_WAIT_MS after the first change
    not yet shown when typing goes on without a pause: the preview stays live.
    """

    def __init__(self, pool: QThreadPool, parent: QWidget | None = None) -> None:
        """`pool`: one thread (the backend's compute pool) for the renders and the status
        bar's long word counts; the incremental renderer lives on it."""
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        if pool.maxThreadCount() != 1:
            raise ValueError("the preview renders on one thread")
        self.pool = pool
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._render)
        self._unshown_since: float | None = None  # first change not yet handed to a render
        self._source: Callable[[], str] = lambda: ""
        self.resolve_photo: Callable[[str], str | None] | None = None
        # Where the writer is, as core.render.locate gives it: shown after each render.
        self.locate: Callable[[], tuple[int, int, float]] | None = None
        # Or the writer's position in the text: located in the render thread, which splits
        # the text anyway (splitting a 100,000-word note took ~7 ms of the GUI thread)
        self.position: Callable[[], int] | None = None
        self._rendered: str | None = None  # the text of the last render asked for
        self._scroll_wanted: int | None = None
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self._renderer = IncrementalRenderer()  # used on the pool's one thread only
        self._shown = ""
        self._parts: list[str] = []  # shown one frame each (long notes)
        self._target: list[str] | None = None  # the parts a build under way is heading for
        self._scroll_to = 0
        # The window of a long note: its first part, how many it covers, of how many
        self._first, self._count, self._total = 0, 0, 0
        self._shift_to: int | None = None  # a window start asked for by scrolling
        self._anchor: tuple[int, float] | None = None  # (part, pixels into it) kept in view
        self.verticalScrollBar().actionTriggered.connect(
            lambda _action: QTimer.singleShot(0, self._at_edge)
        )
        self._build_timer = QTimer(self, singleShot=True, interval=0)
        self._build_timer.timeout.connect(self._build_step)
        self._busy = False
        self._again = False
        self.renders = 0
        self._css = css()
        self.setPlaceholderText("The preview of your note appears here.")
        self.setAccessibleName("Preview")
        self.setUndoRedoEnabled(False)  # patches would pile up in the undo stack

    @property
    def shown_parts(self) -> tuple[int, int, int]:
        """The parts shown: (first, how many, of how many in the note); (0, 0, 0) when the
        note is rendered whole as one document."""
        return self._first, self._count, self._total

    @property
    def idle(self) -> bool:
        """No render in flight, none scheduled, no build under way: what is shown stays as
        it is until the next change."""
        return not self._busy and not self._timer.isActive() and self._target is None

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
        focus, current, position = None, None, None
        if self._shift_to is not None:
            current, self._shift_to = self._shift_to, None
        else:
            if self.position is not None:
                position = self.position()
            elif self.locate is not None:
                focus = self.locate()[0]
            current = self._first if self._total > WINDOW_PARTS else None
        self._rendered = text = self._source()
        submit(
            self.pool,
            _render_around,
            self._renderer,
            text,
            self.resolve_photo,
            focus,
            position,
            current,
            on_done=self._show,
            on_error=lambda exc: self._show(f"<pre>{exc}</pre>"),
        )

    def _show(self, rendered: Window | list[str] | str) -> None:
        self._busy = False
        if isinstance(rendered, Window):
            self._first, self._count, self._total = rendered.first, rendered.count, rendered.total
            rendered = rendered.parts
        elif isinstance(rendered, list):
            self._first, self._count, self._total = 0, len(rendered), len(rendered)
        else:
            self._first, self._count, self._total = 0, 0, 0
        windowed = self._total > self._count
        settle = True  # (a build settles when it is done)
        if isinstance(rendered, list) and (len(rendered) >= FRAMED_PARTS or windowed):
            if self._target is not None:  # a build is under way
                settle = False
                if rendered[: len(self._parts)] == self._parts:
                    self._target = rendered  # typing at the end: build on, to the new parts
                else:
                    self._rebuild(rendered)
            elif rendered != self._parts:
                if self._patch(rendered):
                    self.renders += 1  # (a build counts itself when done)
                else:
                    settle = False
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
        if settle:
            self._settle()
        if self._again:
            self._again = False
            self._arm()

    def reveal(self) -> None:
        """Scroll as little as needed to show where the writer is (`locate`), a couple of lines
        of context around it: typing at the end of a long note, the preview follows."""
        index, count, within = self._where()
        if not count or self._target is not None:
            return
        local, span = index - self._first, self._count or count
        if not 0 <= local < span:  # outside the parts shown: show the writer's
            if self._total > span and not self._busy:
                self.render_now(self._source)
            return
        doc = self.document()
        frames = doc.rootFrame().childFrames() if self._parts else []
        if len(frames) == span:  # one frame per part: exact
            rect = doc.documentLayout().frameBoundingRect(frames[local])
            y = rect.top() + within * rect.height()
        else:  # one document: by proportion
            y = doc.size().height() * (local + within) / span
        bar, margin = self.verticalScrollBar(), 2 * self.fontMetrics().height()
        self._scroll_wanted = None
        if y - margin < bar.value():
            self._scroll(int(y - margin))
        elif y + margin > bar.value() + viewport_height(self):
            self._scroll(int(y + margin - viewport_height(self)))

    def _where(self) -> tuple[int, int, float]:
        """Where the writer is (core.render.locate). By position: in the text last rendered,
        which the render thread has split already (it differs from the text now by the
        keys typed since, a few characters: near enough to scroll by)."""
        if self.position is not None:
            text = self._rendered if self._rendered is not None else self._source()
            return locate(text, min(self.position(), len(text)))
        return self.locate() if self.locate else (0, 0, 0.0)

    def _scroll(self, value: int) -> None:
        """Scroll to `value`, or as far as the scroll bar goes and the rest when its range
        grows (it follows a new layout a moment later)."""
        bar = self.verticalScrollBar()
        value = min(value, int(self.document().size().height()) - viewport_height(self))
        bar.setValue(value)
        self._scroll_wanted = value if value > bar.maximum() else None

    def _range_changed(self, _low: int, high: int) -> None:
        if self._scroll_wanted is not None:
            self._scroll(self._scroll_wanted)

    # --- the window of a long note: scrolled to an end, the next parts ---------------------

    def _at_edge(self) -> None:
        """The reader scrolled: at the top or bottom of the parts shown, show the parts
        before or after them, keeping what is on screen where it is."""
        if self._total <= self._count or self._busy or self._target is not None:
            return
        bar = self.verticalScrollBar()
        up = bar.value() <= bar.minimum() and self._first > 0
        down = bar.value() >= bar.maximum() and self._first + self._count < self._total
        frames = self.document().rootFrame().childFrames()
        if not (up or down) or len(frames) != self._count:
            return  # (parts that render to nothing: no exact place to keep)
        layout = self.document().documentLayout()
        top = bar.value()
        local = next(
            (i for i, f in enumerate(frames) if layout.frameBoundingRect(f).bottom() > top), 0
        )
        part = self._first + local  # the part at the top of the view: it stays there
        self._anchor = (part, top - layout.frameBoundingRect(frames[local]).top())
        if up:
            self._shift_to = max(0, self._first - WINDOW_PARTS // 2)
        else:  # the next parts, keeping the one at the top
            self._shift_to = max(self._first + 1, min(part, self._first + WINDOW_PARTS // 2))
        self.render_now(self._source)

    def _settle(self) -> None:
        """After a render: keep the part the reader scrolled to in place, else show the
        writer's."""
        anchor, self._anchor = self._anchor, None
        if anchor is None:
            self.reveal()
            return
        frames = self.document().rootFrame().childFrames() if self._parts else []
        local = anchor[0] - self._first
        if len(frames) == self._count and 0 <= local < len(frames):
            rect = self.document().documentLayout().frameBoundingRect(frames[local])
            self._scroll(int(rect.top() + anchor[1]))

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
        while len(self._parts) < len(target):  # one part at least: a slice started late
            html = target[len(self._parts)]  # (a busy machine) still moves the build on
            last = self._insert(cursor, html, last)
            self._parts.append(html)
            if time.perf_counter() >= deadline:
                break
        cursor.endEditBlock()
        self.verticalScrollBar().setValue(self._scroll_to)
        if len(self._parts) < len(target):
            self._build_timer.start()
            return
        self._target = None
        if self._parts == target or self._patch(target):  # (a newer render came meanwhile)
            self.renders += 1
        self._settle()

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


def _render_around(
    renderer: IncrementalRenderer,
    text: str,
    resolve_photo: Callable[[str], str | None] | None,
    focus: int | None,
    position: int | None,
    current: int | None,
) -> Window | str:
    """In the render thread: the window of parts around the writer's part (`focus`, or the
    part at `position` in `text`)."""
    if position is not None:
        focus = locate(text, position)[0]
    return renderer.render_window(text, resolve_photo, WINDOW_PARTS, focus, current)
