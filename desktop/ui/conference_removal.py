"""File → Remove Conference… and the sidebar's menu on a conference: a dialog says what goes
(talks, notes, photos) and that a backup is taken first; the removal runs on the backend's
writer, after the autosave, and the sidebar and the editor follow."""

from __future__ import annotations

import html
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.core.wording import counted

MOST_NOTES_LISTED = 8


def what_goes(held: Any, backup_hint: str) -> str:
    """The dialog's text (rich text) from services.conference_removal.Holdings."""
    esc = html.escape
    talks = counted(held.talks, "talk")
    if held.starred:
        talks += f" ({held.starred} starred)"
    parts = [f"its {talks}"]
    if held.notes:
        names = [
            f"“{esc(n.title)}”" if n.talk_id is not None else f"{esc(n.title)} (hallway)"
            for n in held.notes
        ]
        listed = "".join(f"<li>{name}</li>" for name in names[:MOST_NOTES_LISTED])
        more = len(names) - MOST_NOTES_LISTED
        if more > 0:
            listed += f"<li>and {more} more</li>"
        parts.append(f"<b>your {counted(len(held.notes), 'note')}</b>:<ul>{listed}</ul>")
    if held.photos:
        files = len(held.photo_files)
        where = f", {counted(files, 'file')} moved to the library's trash folder" if files else ""
        parts.append(f"{counted(held.photos, 'photo')}{where}")
    if held.recap_texts:
        parts.append(f"{counted(held.recap_texts, 'recap text')} (intros, wrap-ups)")
    goes = "".join(f"<li>{p}</li>" for p in parts)
    return (
        f"<p><b>Remove “{esc(held.title)}” from the library?</b></p>"
        f"<p>This removes:</p><ul>{goes}</ul>"
        "<p>A backup of the library is taken first, so this can be undone with "
        f"<tt>talknotes restore</tt> of it:<br><tt>{esc(backup_hint)}</tt></p>"
    )


class RemoveConferenceDialog(QDialog):
    """Asks before a conference is removed; Cancel is the default button."""

    def __init__(self, held: Any, backup_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.held = held
        self.setWindowTitle("Remove Conference")
        self.text = QLabel(what_goes(held, backup_hint))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAccessibleName("What is removed")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.remove_button = buttons.addButton(
            "&Remove Conference", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setAutoDefault(False)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        self.remove_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.cancel_button.setFocus()


def ask_to_remove(window: Any, conference_id: int | None = None) -> None:
    """Remove a conference (the one given, or the one selected in the sidebar, or the only
    one): saves what was typed, reads what it holds, then asks."""
    from desktop.services.conference_removal import holdings

    if conference_id is None:
        conference_id = window.sidebar.current_conference_id()
    if conference_id is None and len(window.model.conferences()) == 1:
        conference_id = window.model.conferences()[0].id
    if conference_id is None:
        window.statusBar().showMessage("Choose a conference to remove first.", 4000)
        return
    window.autosaver.save_now()  # what was just typed counts among its notes
    window._read(
        holdings,
        window.library(),
        conference_id,
        on_done=partial(_ask, window),
        after_writes=True,
    )


def _ask(window: Any, held: Any) -> None:
    from desktop.services.conference_removal import backup_pattern

    hint = backup_pattern(window.library(), held.conference_id)
    dialog = RemoveConferenceDialog(held, hint, window)
    dialog.accepted.connect(lambda: _remove(window, held))
    window.removal_dialog = dialog
    dialog.open()


def _remove(window: Any, held: Any) -> None:
    """Every note typed so far reaches the library (and so the backup) before the removal;
    a save that fails keeps the conference where it is."""
    if not window.autosaver.flush():
        _not_saved(window)
        return
    # A failed save reports through a queued signal, delivered before this queued call
    QTimer.singleShot(0, partial(_remove_saved, window, held))


def _not_saved(window: Any) -> None:
    window.notifier.warn(
        window,
        "Conference not removed",
        "What was typed could not be saved yet, so nothing was removed. Try again once the "
        "note is saved.",
    )


def _remove_saved(window: Any, held: Any) -> None:
    from desktop.services.conference_removal import remove_conference

    if window.autosaver.dirty:  # a save failed (or more was typed): not now
        _not_saved(window)
        return
    closed = window.drop_conference(held.conference_id)
    window.statusBar().showMessage(f"Removing “{held.title}”…")
    window._write(
        partial(remove_conference, with_notes=True),  # the user saw its notes and said yes
        window.library(),
        held.conference_id,
        on_done=partial(_removed, window, closed),
        on_error=partial(_not_removed, window, held, closed),
    )


def _removed(window: Any, closed: Any, removed: Any) -> None:
    window.reload()
    text = (
        f"Removed “{removed.title}”: {counted(removed.talks, 'talk')}, "
        f"{counted(removed.notes, 'note')}, {counted(removed.photos, 'photo')}."
    )
    if closed is not None:
        text += " Its note that was open is closed (its text is in the backup)."
    window.notify(text, 10_000)
    window.notifier.inform(
        window,
        "Conference removed",
        f"{text}\n\nA backup was taken first: {removed.backup}\n\nTo undo, quit Talknotes and "
        f"run: talknotes restore {removed.backup}"
        + (f"\n\nIts photo files are in {removed.trash}" if removed.trash else ""),
    )


def _not_removed(window: Any, held: Any, closed: Any, exc: BaseException) -> None:
    """Nothing was removed: the conference shows again, and the note it closed opens again."""
    from desktop.core.errors import TalknotesError

    def reopen() -> None:
        if closed is None or window.editor.target is not None:
            return
        if closed.kind == "talk":
            window.sidebar.select_talk(closed.id)
        else:
            window.sidebar.select_hallway(closed.id)

    window.reload(then=reopen)
    why = f"{exc.what}: {exc.why}" if isinstance(exc, TalknotesError) else str(exc)
    window.statusBar().showMessage(f"“{held.title}” was not removed ({why}).", 10_000)
    window.notifier.warn(window, "Conference not removed", f"“{held.title}”: {why}")
