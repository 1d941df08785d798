"""The status bar's note state: its word count, and whether it is saved."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel, QStatusBar

from desktop.core.render import word_count
from desktop.ui.workers import submit

# A note this long (characters) is counted off the GUI thread: a 100,000-word note took
# ~60 ms of it as it opened, and ~6 ms each second while typing went on.
COUNTED_APART = 20_000
COUNTING = "… words"  # a long note just opened, until its count comes


def _hold_width(label: QLabel, *texts: str) -> None:
    """Keep `label` at least as wide as the widest of `texts`."""
    metrics = label.fontMetrics()
    label.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in texts) + 8)


class SaveStatus:
    """Two permanent labels at steady widths: a label that changes size re-lays out the whole
    window, which cost typing several ms twice per autosave.

    A long note is counted in `pool` (one thread: the preview's, so that counting waits for
    the render asked for before it rather than sharing the interpreter with it)."""

    def __init__(self, bar: QStatusBar, pool: QThreadPool) -> None:
        self.bar = bar
        self.pool = pool
        self.words = QLabel()
        self.saved = QLabel()  # nothing to say until a note is open
        self._asked = 0  # counts asked for: only the last one's answer is shown
        _hold_width(self.words, "999,999 words", COUNTING)
        _hold_width(self.saved, "Editing…", "Saving…", "Saved")
        bar.addPermanentWidget(self.words)
        bar.addPermanentWidget(self.saved)

    def count_words(self, text: str, opened: bool = False) -> None:
        """Show `text`'s word count: at once for a short text, else when counted apart
        (`opened`: another note, whose count until then is not the last note's)."""
        self._asked += 1
        if len(text) < COUNTED_APART:
            self._show_count(word_count(text))
            return
        if opened:
            self.words.setText(COUNTING)
        asked = self._asked
        submit(
            self.pool,
            word_count,
            text,
            on_done=lambda n: self._counted(asked, n),
        )

    def _counted(self, asked: int, words: int) -> None:
        """A count from the pool: shown when it is the last asked for, and the window is
        still there (closed meanwhile, its labels are gone)."""
        if asked == self._asked and shiboken6.isValid(self.words):
            self._show_count(words)

    def _show_count(self, words: int) -> None:
        self.words.setText(f"{words:,} words")

    def opened(self, dirty: bool) -> None:
        self.saved.setText("Editing…" if dirty else "Saved")

    def dirty_changed(self, dirty: bool) -> None:
        self.saved.setText("Editing…" if dirty else "Saving…")

    def save_done(self, still_dirty: bool) -> None:
        if not still_dirty:
            self.saved.setText("Saved")

    def save_failed(self, message: str) -> None:
        self.saved.setText("⚠ Not saved — retrying")
        self.bar.showMessage(
            f"Could not save the note: {message}. Your text is kept "
            "in the editor and saving is retried.",
            10_000,
        )
