"""The capture commands of a talk under way: Go to Now (Ctrl+J), Star, Quote and Time Stamp.

Apart from the window (ui/main_window.py), which they act on: its schedule model, sidebar,
editor and clock. Built by app.build_window; the menus' actions call them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core import agenda
from desktop.core.ids import saved_id
from desktop.ui import note_inserts

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.now_chooser import NowChooser


class CaptureCommands:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.chosen_now: int | None = None  # the talk picked among parallel ones
        self.now_chooser: NowChooser | None = None

    def go_to_now(self) -> None:
        """Open the running talk, cursor at the end: the one running, the one starred, or the
        one chosen before while it runs; among several, ask (starred first)."""
        chosen, running = agenda.choose_now(
            self.window.model.talks(), self.window.clock(), self.chosen_now
        )
        if chosen is not None:
            self._open_now(saved_id(chosen.id))
        elif running:
            from desktop.ui.now_chooser import NowChooser

            self.now_chooser = NowChooser(running, self.window)
            self.now_chooser.chosen.connect(self._now_chosen)
            self.now_chooser.open()
        else:
            upcoming = agenda.upcoming(self.window.model.talks(), self.window.clock())
            hint = (
                f" Next: {upcoming[0].title} at {upcoming[0].start:%a %H:%M}." if upcoming else ""
            )
            self.window.notify(f"No talk is running right now.{hint}")

    def _now_chosen(self, talk_id: int) -> None:
        self.chosen_now = talk_id  # asked once per slot: while it runs, Ctrl+J opens it
        self.window.activateWindow()  # back from the chooser: the typing goes here
        self._open_now(talk_id)

    def _open_now(self, talk_id: int) -> None:
        if self.window.sidebar.select_talk(talk_id):
            self.window.editor.edit.setFocus()  # the keys typed from now on are for it
            self.window.when_open(self.window.editor.move_to_end)  # once the note is there

    def toggle_star(self) -> None:
        """Star the talk browsed to in the sidebar when it has the focus, else the open one."""
        self._toggle_star()
        self.window._sync_star()  # (the action toggled itself: it shows the open talk's state)

    def _toggle_star(self) -> None:
        talk_id = (
            self.window.sidebar.current_talk_id() if self.window.sidebar.tree.hasFocus() else None
        )
        target = self.window.chosen_target()
        if talk_id is None and target and target.kind == "talk":
            talk_id = target.id
        if talk_id is None:
            return
        talk = self.window.model.talk(talk_id)
        if talk is None:
            return
        from desktop.services.library import set_starred

        talk.starred = not talk.starred  # shown at once; written on the writer thread
        self.window._write(set_starred, self.window.library(), talk_id, talk.starred)
        self.window.model.update_talk(talk)
        self.window.model.mark_time(self.window.clock())

    def insert_quote(self) -> None:
        self.window.editor_command(self._insert_quote)

    def _insert_quote(self) -> None:
        if self.window.editor.target is None:
            return
        speakers = self.window.editor.talk.speakers if self.window.editor.talk else []
        speaker = speakers[0] if speakers else ""
        if len(speakers) > 1 or not speakers:
            from PySide6.QtWidgets import QInputDialog

            speaker, ok = QInputDialog.getItem(
                self.window, "Quote", "Who said it?", speakers or [""], 0, True
            )
            if not ok:
                return
        note_inserts.insert_quote(self.window.editor.edit, speaker.strip())

    def insert_timestamp(self) -> None:
        self.window.editor_command(self._insert_timestamp)

    def _insert_timestamp(self) -> None:
        target = self.window.editor.target
        if target is None:
            return
        editor = self.window.editor
        now, zone = self.window.clock(), self._conference_zone()
        if not note_inserts.insert_timestamp(editor.edit, editor.talk, now, zone):
            self.window.statusBar().showMessage(
                "No talk of this note is running: the stamp is the conference's clock time.",
                6000,
            )

    def _conference_zone(self):
        """The time zone of the open note's conference (a hallway note has no talk to ask)."""
        from desktop.core.timezones import get_zone

        target = self.window.editor.target
        if target is None or target.kind != "hallway":
            return None
        conference_id = self.window.model.hallway_conference(target.id)
        conf = next((c for c in self.window.model.conferences() if c.id == conference_id), None)
        return get_zone(conf.time_zone) if conf else None
