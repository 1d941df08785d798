"""Live preview: debounced, coalesced Markdown rendering off the GUI thread.

Only the parts of the note that changed are rendered again (core.render.IncrementalRenderer):
rendering holds the GIL, and a whole long note took 0.7 s of it, which typing felt.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.render import IncrementalRenderer
from desktop.ui.workers import submit

DEBOUNCE_MS = 250
LONG_NOTE_DEBOUNCE_MS = 900  # re-laying out a long preview is the costly part
LONG_NOTE_CHARS = 30_000
STYLE = """
<style>
blockquote { margin: 8px 16px; font-style: italic; color: #2d6a3a; }
table { border-collapse: collapse; margin: 6px 0; }
th, td { border: 1px solid #9aa5b1; padding: 3px 8px; }
th { background: rgba(127, 127, 127, 0.15); }
code, pre { font-family: monospace; }
img { max-width: 100%; }
h1, h2, h3 { margin-top: 10px; }
</style>
"""


class Preview(QTextBrowser):
    """At most one render in flight; changes during a render trigger exactly one more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._render)
        self._source: Callable[[], str] = lambda: ""
        self.resolve_photo: Callable[[str], str | None] | None = None
        self._renderer = IncrementalRenderer()  # used on the pool's one thread only
        self._shown = ""
        self._busy = False
        self._again = False
        self.renders = 0
        self.setPlaceholderText("The preview of your note appears here.")

    def schedule(self, source: Callable[[], str], length_hint: int = 0) -> None:
        """Render `source()` soon; called on every change."""
        self._source = source
        if not self.isVisible():
            return
        long = length_hint > LONG_NOTE_CHARS
        self._timer.start(LONG_NOTE_DEBOUNCE_MS if long else DEBOUNCE_MS)

    def render_now(self, source: Callable[[], str]) -> None:
        self._source = source
        self._timer.stop()
        self._render()

    def _render(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        submit(
            self._pool,
            self._renderer.render,
            self._source(),
            self.resolve_photo,
            on_done=self._show,
            on_error=lambda exc: self._show(f"<pre>{exc}</pre>"),
        )

    def _show(self, html: str) -> None:
        self._busy = False
        if html != self._shown:  # re-laying out a long note costs ~80 ms: only for a change
            self._shown = html
            bar = self.verticalScrollBar()
            position = bar.value()
            self.setHtml(STYLE + html)
            bar.setValue(position)
            self.renders += 1
        if self._again:
            self._again = False
            self._timer.start(DEBOUNCE_MS)
