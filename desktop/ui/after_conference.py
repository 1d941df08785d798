"""After the conference and between devices: "Missed but starred — watch later", and File →
Export My Agenda… / Import Agenda…. Imported when one of them is first used (menus.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import agenda
from desktop.core.links import recording, watch_later
from desktop.core.models import Talk
from desktop.core.wording import counted

TALK_ID = Qt.ItemDataRole.UserRole


class WatchLaterDialog(QDialog):
    """Starred talks without a note that now have a recording. Enter or a double click opens
    the recording; "Go to Talk" opens the talk's note."""

    def __init__(self, talks: list[Talk], go_to_talk: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Missed but Starred — Watch Later")
        self.resize(560, 380)
        self.go_to_talk = go_to_talk
        self.list = QListWidget()
        for talk in watch_later(talks):
            when = f"{talk.day} {agenda.time_label(talk)}" if talk.start else "unscheduled"
            item = QListWidgetItem(f"{talk.title}\n    {when} · {talk.room}")
            item.setData(TALK_ID, talk.id)
            item.setToolTip(recording(talk))
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda item: self.open_recording(item))
        empty = QLabel(
            "No starred talk you missed has a recording yet. Refresh the schedule (F5) "
            "after the conference to pick up recordings."
        )
        empty.setWordWrap(True)
        empty.setVisible(self.list.count() == 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.go_button = buttons.addButton("Go to Talk", QDialogButtonBox.ButtonRole.ActionRole)
        self.go_button.clicked.connect(self._go)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def talk_ids(self) -> list[int]:
        return [self.list.item(i).data(TALK_ID) for i in range(self.list.count())]

    def open_recording(self, item: QListWidgetItem) -> None:
        QDesktopServices.openUrl(QUrl(item.toolTip()))

    def _go(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.go_to_talk(int(item.data(TALK_ID)))
            self.accept()


def show_watch_later(window: Any) -> WatchLaterDialog:
    """View → Missed but Starred — Watch Later… (the talks the window shows)."""
    dialog = WatchLaterDialog(window.model.talks(), window.sidebar.select_talk, window)
    dialog.open()
    return dialog


def export_agenda(window: Any, target: str | None = None) -> None:
    """File → Export My Agenda…: the selected conference's starred talks as an .ics file."""
    from desktop.services.agenda_calendar import export_agenda as export

    conference_id = window.sidebar.current_conference_id()
    if conference_id is None:
        window.statusBar().showMessage("Choose a conference first.", 4000)
        return
    if target is None:
        target, _ = QFileDialog.getSaveFileName(
            window, "Export my agenda", f"agenda-{conference_id}.ics", "iCalendar (*.ics)"
        )
    if not target:
        return
    lib, path = window.library(), target

    def work() -> int:
        data, count = export(lib, conference_id)
        with open(path, "wb") as fh:
            fh.write(data)
        return count

    window.backend.read(
        work,
        on_done=lambda n: window.statusBar().showMessage(
            f"Wrote {counted(n, 'starred talk')} to {path}", 6000
        ),
        on_error=lambda exc: _failed(window, "Agenda not exported", exc),
    )


def import_agenda(window: Any, source: str | None = None) -> None:
    """File → Import Agenda…: star the talks of an .ics another app exported."""
    from pathlib import Path

    from desktop.services.agenda_calendar import import_agenda as load

    if source is None:
        source, _ = QFileDialog.getOpenFileName(
            window, "Import agenda", "", "iCalendar (*.ics *.ical);;All files (*)"
        )
    if not source:
        return
    lib = window.library()

    def done(result: Any) -> None:
        window.reload()
        lines = [
            f"Starred {len(result.starred)} talks ({len(result.already)} were starred already)."
        ]
        if result.unmatched:
            lines.append(f"{len(result.unmatched)} events matched no talk:")
            lines += [f"  {u.title or u.uid}" for u in result.unmatched[:15]]
        window.agenda_report = "\n".join(lines)
        window.statusBar().showMessage(lines[0], 6000)
        window.notifier.inform(window, "Agenda imported", window.agenda_report)

    window.backend.write(
        load,
        lib,
        Path(source),
        on_done=done,
        on_error=lambda exc: _failed(window, "Agenda not imported", exc),
    )


def _failed(window: Any, title: str, exc: BaseException) -> None:
    from desktop.core.errors import TalknotesError

    message = f"{exc.what}\n\n{exc.why}" if isinstance(exc, TalknotesError) else str(exc)
    window.statusBar().showMessage(message.replace("\n\n", ": "), 8000)
    window.notifier.warn(window, title, message)
