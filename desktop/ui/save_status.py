"""The status bar's note state: its word count, and whether it is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from desktop.core.render import word_count


def _hold_width(label: QLabel, *texts: str) -> None:
    """Keep `label` at least as wide as the widest of `texts`."""
    metrics = label.fontMetrics()
    label.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in texts) + 8)


class SaveStatus:
    """Two permanent labels at steady widths: a label that changes size re-lays out the whole
    window, which cost typing several ms twice per autosave."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.words = QLabel()
        self.saved = QLabel()  # nothing to say until a note is open
        _hold_width(self.words, "999,999 words")
        _hold_width(self.saved, "Editing…", "Saving…", "Saved")
        bar.addPermanentWidget(self.words)
        bar.addPermanentWidget(self.saved)

    def count_words(self, text: str) -> None:
        self.words.setText(f"{word_count(text):,} words")

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
