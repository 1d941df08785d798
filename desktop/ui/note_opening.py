"""Opening a note: the note chosen is read off the GUI thread (the backend's readers) while the
keys typed meanwhile are held for it; a later choice wins over an earlier read; steps wait for
the note chosen (`when_open`); the note open when the window closed opens at the next start."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.core.errors import NotFoundError
from desktop.core.ids import saved_id
from desktop.core.models import Note, Talk
from desktop.ui.autosave import Target
from desktop.ui.held_keys import HeldKeys

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.ui.main_window import MainWindow


class NoteOpening(QObject):
    """The window's way to open a note: `show_talk` / `show_hallway` (the sidebar's choices),
    `opened` once the editor shows the note chosen."""

    opened = Signal()  # another note is in the editor

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editor = window.editor
        self.keys = HeldKeys(window.editor)
        self.target: Target | None = None  # the note being read, to show when it comes
        self._when_opened: list[Callable[[], None]] = []  # then (e.g. the cursor to its end)
        self._reopen_tried = False
        self._making: object | None = None  # a hallway note being made, to open when made
        # notes chosen while `target` is read, after something was typed for it: each opens
        # in turn, with what was typed for it and its when_open steps
        self._queue: list[tuple[Target, Callable[[], None], list[Callable[[], None]]]] = []

    # --- choosing a note -------------------------------------------------------------------

    def show_talk(self, talk_id: int) -> None:
        """Open a talk's note: at once when the editor holds it, else read in the background;
        keys typed meanwhile are held for it (HeldKeys)."""
        from desktop.services.notes import open_talk, talk_note

        window = self.window
        target = Target("talk", talk_id)
        if self._waits(target, partial(self.show_talk, talk_id)):
            return
        self._making = None  # a later choice wins
        window.autosaver.save_now()  # switching talk saves at once
        talk = window.model.talk(talk_id)
        if talk is not None and self.editor.has_document(target):
            self.target = None
            self._show_talk(talk, Note(talk_id=talk_id))  # (the editor's own copy shows)
            self._open_next()
            return
        if talk is None:  # not in the sidebar (yet): the talk too
            self._open(target, open_talk, window.library(), talk_id)
        else:  # only its note
            self._open(target, lambda lib: (talk, talk_note(lib, talk_id)), window.library())

    def show_hallway(self, note_id: int) -> None:
        from desktop.services.notes import hallway_note

        target = Target("hallway", note_id)
        if self._waits(target, partial(self.show_hallway, note_id)):
            return
        self._making = None  # a later choice wins
        self.window.autosaver.save_now()
        self._open(target, hallway_note, self.window.library(), note_id)

    def _waits(self, target: Target, open_it: Callable[[], None]) -> bool:
        """A note chosen while another is read: when something was typed for that one, this
        one waits for it to open and take what was typed (then opens, with what is typed
        from now on); else it takes the other's place (True: it waits)."""
        if self.target is None and self._making is None:
            return False
        if self.keys.has_input():
            self.keys.split()
            self._queue.append((target, open_it, []))
        elif self._queue:  # nothing typed for the one waiting last: this one instead
            self._queue[-1] = (target, open_it, self._queue[-1][2])
        else:
            return False
        self.editor.show_opening(*self._name(target))  # the window names the last choice
        self.window.sidebar.mark_open(target.kind, target.id)
        return True

    def _open_next(self) -> None:
        """The note shown got what was typed for it: the next one chosen opens."""
        if self._queue and self.target is None:
            _target, open_it, steps = self._queue.pop(0)
            self._when_opened = steps
            open_it()

    def new_hallway_note(self, conference_id: int) -> None:
        """The conference's hallway note, made on first use."""
        from desktop.services.notes import new_hallway_note
        from desktop.ui.schedule_model import HALLWAY_TITLE

        window = self.window

        def made(note) -> None:
            window.reload(then=lambda: self._open_new_hallway(note.id, making))

        self._making = making = object()
        if not self.keys.has_input() and not self._queue:
            self.target = None  # a note being read with nothing typed for it: this instead
        self.keys.hold()  # what is typed meanwhile goes into the new note
        self.editor.show_opening(HALLWAY_TITLE)
        window._write(
            new_hallway_note, window.library(), conference_id, HALLWAY_TITLE, on_done=made
        )

    def _open_new_hallway(self, note_id: int, making: object) -> None:
        if making is not self._making:
            return  # another note was chosen meanwhile: it stays the one receiving typing
        self._making = None
        if self.window.sidebar.select_hallway(note_id):
            if self.target is None:
                self.editor.move_to_end()
            else:  # its own step (when_open's would be a later choice's)
                self._when_opened.append(self.editor.move_to_end)
        elif self.target is None:  # (gone meanwhile: the note on screen takes typing again)
            self.keys.drop()
            if self._queue:
                self._open_next()
            else:
                self.editor.stop_opening()

    def chosen_target(self) -> Target | None:
        """The note chosen last: one waiting to open, the one being opened, or the one open."""
        if self._queue:
            return self._queue[-1][0]
        return self.target or self.editor.target

    def when_open(self, step: Callable[[], None]) -> None:
        """Do `step` with the note chosen: now, or when the one being read is shown."""
        if self._queue:
            self._queue[-1][2].append(step)
        elif self.target is None:
            step()
        else:
            self._when_opened.append(step)

    def editor_command(self, command: Callable[[], None]) -> None:
        """A command on the open note (a stamp, a quote, a photo): on the note being opened
        when there is one, in its place among the keys typed meanwhile."""
        self.keys.command(command)

    def to_the_note(self) -> None:
        """Enter on a row, a search hit, a chooser's pick: the typing goes to the note at once
        (held there while the note is read)."""
        self.editor.edit.setFocus()
        self.when_open(self.editor.edit.setFocus)

    # --- reading it ------------------------------------------------------------------------

    def _open(self, target: Target, read: Callable, *args) -> None:
        self.target = target
        self.keys.hold()  # from now on typing is for the note chosen…
        self.editor.show_opening(*self._name(target))  # …and the pane says so
        self.window.sidebar.mark_open(target.kind, target.id)  # as the sidebar does
        self.window._read(
            read,
            *args,
            on_done=lambda result: self._read_done(target, result),
            on_error=lambda exc: self._read_failed(target, exc),
        )

    def _name(self, target: Target) -> tuple[str, Talk | None]:
        """How the pane names the note chosen while it is read (and its talk)."""
        model = self.window.model
        if target.kind == "talk":
            talk = model.talk(target.id)
            return (talk.title if talk else "the talk"), talk
        index = model.index_of_hallway(target.id)
        return (str(index.data()) if index is not None else "the hallway note"), None

    def _read_done(self, target: Target, result) -> None:
        if self.target != target:
            return  # another note was chosen meanwhile
        if result is None:  # a hallway note gone meanwhile
            self._read_failed(target, NotFoundError(f"note {target.id}", "no such hallway note"))
            return
        self.target = None
        if target.kind == "talk":
            talk, note = result
            self._show_talk(self.window.model.talk(target.id) or talk, note)
        else:
            self._show_hallway(result)
            self.keys.release()
        self._open_next()

    def _read_failed(self, target: Target, exc: BaseException) -> None:
        if self.target != target:
            return
        self.target = None
        self._when_opened.clear()
        lost = self.keys.drop()
        self.window._failed(exc)
        if lost:
            self.window.statusBar().showMessage(
                f"The note could not be opened; {lost} keys typed for it were not written.",
                10_000,
            )
        if self._queue:  # the next one chosen opens instead
            self._open_next()
            return
        self.editor.stop_opening()
        if self.editor.target is not None:  # the note still open is the one marked
            self.window.sidebar.mark_open(self.editor.target.kind, self.editor.target.id)

    def _show_talk(self, talk, note: Note) -> None:
        self.editor.show_talk(talk, note)
        self.window.sidebar.mark_open("talk", talk.id)
        self.window.photos.refresh_strip()
        self._shown()
        self.keys.release()

    def _show_hallway(self, note: Note) -> None:
        self.editor.show_hallway(note)
        self.window.sidebar.mark_open("hallway", saved_id(note.id))
        self.window.photos.refresh_strip()
        self._shown()

    def _shown(self) -> None:
        """The note chosen is in the editor: the steps that waited for it, then `opened`; it
        is the one reopened at the next start."""
        then, self._when_opened = self._when_opened, []
        for step in then:
            step()
        target, window = self.editor.target, self.window
        if target is not None and window.lib is not None:
            window.settings.setValue(self._last_note_key(), f"{target.kind}:{target.id}")
        self.opened.emit()

    def drop_notes(self, held: set[Target]) -> Target | None:
        """These notes are gone (their conference is being removed): none of them opens, and
        the editor closes the one it shows. Returns the note closed: the one open (or being
        opened), when it was one of them."""
        chosen = [self.target, *(t for t, _open, _steps in self._queue)]
        closed = next((t for t in (*chosen, self.editor.target) if t in held), None)
        if any(t in held for t in chosen):  # (and those chosen with them)
            self.target = None
            self._queue.clear()
            self._when_opened.clear()
            self.keys.drop_all()
            self.editor.stop_opening()
        self.editor.close_notes(held)
        if self.target is not None and closed is not None:  # another note is still being read
            self.keys.hold()
            self.editor.show_opening(*self._name(self.target))
        return closed

    # --- the note open when the window was last closed -------------------------------------

    def _last_note_key(self) -> str:
        return f"last-note/{self.window.library().path}"

    def reopen_last_note(self) -> None:
        """Open the note last open in this library, if it still exists. Only at the first
        showing of the library, and only while no note is open: never over a user's choice."""
        if self._reopen_tried or self.editor.target is not None:
            return
        self._reopen_tried = True
        window = self.window
        kind, _, item_id = str(window.settings.value(self._last_note_key(), "")).partition(":")
        if not item_id.isdigit():
            return
        focus = window.focusWidget()
        if kind == "talk" and window.model.talk(int(item_id)) is not None:
            window.sidebar.select_talk(int(item_id))
        elif kind == "hallway" and window.model.index_of_hallway(int(item_id)) is not None:
            window.sidebar.select_hallway(int(item_id))
        else:
            return
        self.when_open(lambda: self._focus_reopened(focus))

    def _focus_reopened(self, before: QWidget | None) -> None:
        """The note reopened at start takes the focus (the first words typed went into the
        filter), unless the writer moved the focus meanwhile or is typing a filter."""
        window = self.window
        now = window.focusWidget()
        filtering = now is window.sidebar.filter_edit and window.sidebar.filter_edit.text()
        if now in (before, None) and not filtering:
            self.editor.edit.setFocus()
