"""The main window: schedule sidebar | note editor | live preview, with menus and status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from desktop.core import agenda
from desktop.core.errors import TalknotesError
from desktop.core.ids import saved_id
from desktop.ui import runtime, screen_fit, window_dialogs, window_state
from desktop.ui.autosave import Autosaver, Target
from desktop.ui.focus_ring import FocusRing
from desktop.ui.note_opening import NoteOpening
from desktop.ui.note_pane import NotePane
from desktop.ui.preview import Preview, blog_flavor
from desktop.ui.save_status import SaveStatus
from desktop.ui.schedule_model import ScheduleModel
from desktop.ui.sidebar import Sidebar

if TYPE_CHECKING:
    from desktop.services.library import Library
    from desktop.ui.backend import Backend
    from desktop.ui.capture import CaptureCommands
    from desktop.ui.import_flow import ImportFlow
    from desktop.ui.notifier import Notifier
    from desktop.ui.photo_actions import PhotoActions
    from desktop.ui.search_panel import SearchPanel
    from desktop.ui.slide_reading import SlideReading

Clock = Callable[[], datetime]
LOADING = "Loading the schedule…"


WELCOME = (
    "Welcome! This is a sample conference. Import your own schedule with File → "
    "Import Schedule… (Ctrl+O)."
)


def save_target(lib: Library, target: Target, body: str) -> None:
    """Runs on the autosave thread. Typing into a talk's note: plain SQL (no SQLAlchemy)."""
    from desktop.services.notes import save_note

    save_note(lib, target.kind, target.id, body)


def read_schedule(lib: Library) -> tuple:
    """Conferences, talks and hallway notes, as the sidebar shows them (off the GUI thread).
    Plain SQL: a start shows its schedule before SQLAlchemy is imported."""
    from desktop.services.library import read_schedule as read

    return read(lib)


class MainWindow(QMainWindow):
    """The window: its widgets and their layout. app.build_window (the composition root) makes
    it with the backend and notifier, gives it its controllers (autosave, import, photos),
    wires them and starts it.

    The store is imported on first use, not with this module: at start-up the window paints
    first and the library (SQLAlchemy, ~0.4 s to import here) opens behind it (see attach)."""

    library_changed = Signal()
    autosaver: Autosaver
    import_flow: ImportFlow
    photos: PhotoActions
    capture: CaptureCommands  # Go to Now, Star, Quote, Time Stamp
    # made by menus.build_actions (those the window itself uses)
    library_actions: list[QAction]
    act_preview: QAction
    act_star: QAction
    slide_reading: SlideReading  # given by slide_reading.install

    def __init__(
        self,
        lib: Library | None,
        backend: Backend,
        notifier: Notifier,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        runtime.tune_for_interaction()
        self.lib = lib
        self.backend = backend
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self.setWindowTitle("Talknotes")
        self.setAcceptDrops(True)
        self.settings = QSettings()
        self.notifier = notifier  # outcomes of imports, exports, photos

        self.model = ScheduleModel(self)
        self.sidebar = Sidebar(self.model)
        self.editor = NotePane()
        self.preview = Preview(backend.compute)
        self.preview.position = lambda: self.editor.edit.textCursor().position()
        self.preview.set_flavor(blog_flavor(self.settings))
        self._search_panel: SearchPanel | None = None

        self.notes_split = QSplitter(Qt.Orientation.Horizontal)
        self.notes_split.addWidget(self.editor)
        self.notes_split.addWidget(self.preview)
        self.notes_split.setSizes([520, 340])
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.sidebar)
        self.main_split.addWidget(self.notes_split)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([470, 810])
        self.setCentralWidget(self.main_split)
        for splitter in (self.main_split, self.notes_split):  # the user's sizes win from then on
            splitter.splitterMoved.connect(lambda *_: setattr(self, "_default_split", False))

        self.focus_ring = FocusRing(self)  # where the typing goes, and which pane has it
        self.focus_frame = self.focus_ring.frame
        self.save_status = SaveStatus(self.statusBar(), self.preview.pool)
        self.words_label, self.saved_label = self.save_status.words, self.save_status.saved

        self.opening = NoteOpening(self)  # the note chosen: read, then shown
        self.opening.opened.connect(self._note_opened)
        self.sidebar.talk_selected.connect(self.opening.show_talk)
        self.sidebar.hallway_selected.connect(self.opening.show_hallway)
        self.sidebar.hallway_requested.connect(self.opening.new_hallway_note)
        self.sidebar.note_wanted.connect(self.opening.to_the_note)
        self.sidebar.sample_wanted.connect(self.load_sample)
        self.editor.on_edit = self._edited

        self.in_focus_mode = False
        # The preview follows the cursor when it moves without typing (typing: each render)
        self.reveal_timer = QTimer(self, singleShot=True, interval=150)
        self.reveal_timer.timeout.connect(self._cursor_moved)
        self._revealed_revision = -1
        self.editor.edit.cursorPositionChanged.connect(
            lambda: self.reveal_timer.isActive() or self.reveal_timer.start()
        )
        self.words_timer = QTimer(self, singleShot=True, interval=1000)
        self.words_timer.timeout.connect(
            lambda: self.save_status.count_words(self.editor.current_text())
        )
        self.clock_timer = QTimer(self, interval=30_000)
        self.clock_timer.timeout.connect(self.refresh_clock)
        self.clock_timer.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # (always: this is a window)
            app.applicationStateChanged.connect(self._app_state_changed)
        self._default_split = window_state.restore(self, self.settings)
        self._reads = 0  # library reads under way (settled())

    def start(self, load_now: bool = True) -> None:
        """Once its parts are given and wired (app.build_window): show the schedule, or say
        that the library is opening."""
        for action in self.library_actions:
            action.setEnabled(self.lib is not None)
        if self.lib is None:
            self.statusBar().showMessage(LOADING)
        elif load_now:
            self.reload()

    # --- data ------------------------------------------------------------------------------

    def library(self) -> Library:
        if self.lib is None:
            raise RuntimeError("the library is not open yet")
        return self.lib

    def attach(self, lib: Library, schedule: tuple | None = None) -> None:
        """Give the window its library once open, and show `schedule` (read_schedule's;
        read in the background when not given)."""
        self.lib = lib
        for action in self.library_actions:
            action.setEnabled(True)
        if schedule is None:
            self.reload()
        else:
            self._populate(schedule)
        if self.statusBar().currentMessage() == LOADING:
            self.statusBar().clearMessage()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Re-read the schedule (after an import, a new note), then `then`."""

        def show(schedule: tuple) -> None:
            self._populate(schedule)
            if then is not None:
                then()

        self._read(read_schedule, self.library(), on_done=show, after_writes=True)

    def _read(
        self,
        fn: Callable,
        *args,
        on_done: Callable,
        after_writes: bool = False,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Read the library through the backend (never on the GUI thread), then `on_done`."""
        run = partial(self.backend.read, after_writes=after_writes)
        self._counted(run, fn, args, on_done, on_error)

    def _write(
        self,
        fn: Callable,
        *args,
        on_done: Callable | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Change the library on the backend's writer thread, in order with the saves."""
        self._counted(self.backend.write, fn, args, on_done, on_error)

    def _counted(
        self,
        run: Callable,
        fn: Callable,
        args: tuple,
        on_done: Callable | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        """`run(fn, *args)` on the backend, counted until it reports (settled())."""
        self._reads += 1

        def done(result: object) -> None:
            self._reads -= 1
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._reads -= 1
            (on_error or self._failed)(exc)

        run(fn, *args, on_done=done, on_error=failed)

    def _failed(self, exc: BaseException) -> None:
        why = f"{exc.what}: {exc.why}" if isinstance(exc, TalknotesError) else str(exc)
        self.notify(f"The library could not be read or changed ({why}).", 10_000)

    def settled(self) -> bool:
        """No library read or write of the window's under way: it shows the library as it
        is (tests wait for this)."""
        return self._reads == 0 and self.opening.target is None

    def _populate(self, data: tuple) -> None:
        self.model.populate(*data)
        self.sidebar.refresh_choices()
        self.sidebar.expand_initial()
        self.refresh_clock()
        self.sidebar.show_open()  # a reload never changes the open note
        self.sidebar.show_empty(self.model.rowCount() == 0)  # any empty library: the sample
        self.opening.reopen_last_note()  # once per library: the note open when last closed
        if self.editor.target is None and self.opening.target is None:  # at start-up: the slot
            # running now, or the next one
            now = self.clock()
            slot = agenda.candidates(self.model.talks(), now) or agenda.upcoming(
                self.model.talks(), now
            )
            if slot:
                self.sidebar.reveal(saved_id(slot[0].id))
        self.library_changed.emit()
        runtime.settle_long_lived()

    def load_sample(self) -> None:
        """Import the bundled sample conference (offered while the library is empty)."""
        from desktop import config

        self.import_flow.start(str(config.sample_schedule_path()))

    def refresh_clock(self) -> None:
        self.model.mark_time(self.clock())

    def drop_conference(self, conference_id: int) -> Target | None:
        """The conference is being removed: out of the sidebar at once, and its notes out of
        the editor (typing into them would save into notes that are gone). Call after the
        autosave's flush. Returns the note it closed: the one open (or being opened), when it
        was one of them."""
        held = {Target(*note) for note in self.model.drop_conference(conference_id)}
        closed = self.opening.drop_notes(held)
        if closed is not None:
            self.sidebar.mark_open(None, None)
            self.preview.render_now(self.editor.current_text)
            self.save_status.count_words("", opened=True)
            self._sync_star()
        self.sidebar.refresh_choices()
        self.sidebar.show_empty(self.model.rowCount() == 0)
        return closed

    def schedule_imported(self) -> None:
        if self.statusBar().currentMessage() == WELCOME:  # it points to the import just done
            self.statusBar().clearMessage()
        self.reload()

    def _edited(self, target: Target) -> None:
        self.autosaver.changed(target, lambda: self.editor.text_of(target))
        if target == self.editor.target:
            self.text_changed_view()
        if target.kind == "talk":
            talk = self.model.talk(target.id)
            if talk and not talk.has_note:
                talk.has_note = True
                self.model.update_talk(talk)

    def text_changed_view(self) -> None:
        # counting a long note costs tens of ms: at most once a second while typing goes on
        # (a timer restarted on each key showed no count until a pause)
        if not self.words_timer.isActive():
            self.words_timer.start()
        self.preview.schedule(self.editor.current_text)

    def chosen_target(self) -> Target | None:
        """The note chosen last: waiting to open, being opened, or open (NoteOpening)."""
        return self.opening.chosen_target()

    def when_open(self, step: Callable[[], None]) -> None:
        """Do `step` with the note chosen: now, or when the one being read is shown."""
        self.opening.when_open(step)

    def editor_command(self, command: Callable[[], None]) -> None:
        """A command on the note chosen (held among the keys typed while it opens)."""
        self.opening.editor_command(command)

    def _note_opened(self) -> None:
        """Another note in the editor: its count and state now, not the last note's, and its
        preview at once (no pause after typing to wait for)."""
        self.words_timer.stop()
        self.save_status.opened(self.autosaver.dirty)
        self._sync_star()
        if self.preview.isVisible():
            self.preview.render_now(self.editor.current_text)
        else:
            self.preview.schedule(self.editor.current_text)
        self.save_status.count_words(self.editor.current_text(), opened=True)  # after the render

    def _cursor_moved(self) -> None:
        """Show the cursor's part in the preview, unless the text changed meanwhile (typing:
        the next render shows it)."""
        revision = self.editor.edit.document().revision()
        if revision == self._revealed_revision and self.preview.isVisible():
            self.preview.reveal()
        self._revealed_revision = revision

    # --- commands --------------------------------------------------------------------------

    def save_now(self) -> None:
        self.autosaver.flush()

    def focus_filter(self) -> None:
        self.sidebar.filter_edit.setFocus()
        self.sidebar.filter_edit.selectAll()

    def refresh_schedule(self) -> None:
        conference_id = self.sidebar.current_conference_id()
        confs = self.model.conferences()
        conf = next((c for c in confs if c.id == conference_id), confs[0] if confs else None)
        if conf is None:
            self.statusBar().showMessage("No conference to refresh.", 4000)
            return
        self.autosaver.flush()
        self.import_flow.start(conf.source_uri, conference_id=conf.id)

    def open_export(self):
        return window_dialogs.open_export(self)

    def import_photo_folder(self, folder: str | None = None):
        return window_dialogs.import_photo_folder(self, folder)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A schedule file dropped on the window is imported."""
        if self.lib is None:
            return
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.import_flow.start(url.toLocalFile())
                event.acceptProposedAction()
                return

    @property
    def search_panel(self):
        if self._search_panel is None:  # made on first use: start-up stays light
            from desktop.ui.search_panel import SearchPanel

            self._search_panel = SearchPanel(self.library(), self.backend, self)
            self._search_panel.hit_chosen.connect(self.open_hit)
        return self._search_panel

    def search_notes(self) -> None:
        self.autosaver.save_now()  # search what was just typed too (the search waits for it)
        self.search_panel.open_panel()

    def open_hit(self, hit) -> None:
        if hit.talk_id is not None:
            self.sidebar.select_talk(hit.talk_id)
        else:
            self.opening.show_hallway(hit.note_id)
        self.opening.to_the_note()

    def toggle_preview(self) -> None:
        shown = not self.preview.isVisible()
        self.preview.setVisible(shown)
        self.act_preview.setChecked(shown)
        if shown:
            self.preview.render_now(self.editor.current_text)

    def _sync_star(self) -> None:
        """The Star action (and its toolbar button) shows whether the open talk is starred."""
        target = self.editor.target
        talk = self.model.talk(target.id) if target and target.kind == "talk" else None
        self.act_star.setChecked(bool(talk and talk.starred))

    def show_history(self) -> None:
        """Talk → Note History…: restoring replaces the text in the editor (undoable)."""
        window_dialogs.show_history(self)

    def about(self) -> None:
        window_dialogs.show_about(self)

    def show_error(self, error: TalknotesError) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, "Talknotes", f"{error.what}\n\n{error.why}")

    # --- window state ----------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Until the user moves a splitter, the splitters follow the window's width; a short
        window makes the editor compact."""
        super().resizeEvent(event)
        if getattr(self, "_default_split", False):
            window_state.default_split(self)
        screen_fit.follow_height(self)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The first show: now that the title bar is known, keep the window on the screen."""
        super().showEvent(event)
        if not getattr(self, "_fitted", False):
            self._fitted = True
            QTimer.singleShot(0, lambda: screen_fit.keep_within(self))

    def toggle_focus_mode(self) -> None:
        screen_fit.toggle_focus_mode(self)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and self.in_focus_mode:
            self.toggle_focus_mode()
            return
        super().keyPressEvent(event)

    def notify(self, text: str, msecs: int = 6000) -> None:
        """A message that matters: over the note, and in the status bar."""
        self.statusBar().showMessage(text, msecs)
        self.editor.show_notice(text, msecs)

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.autosaver.save_now()  # losing focus saves at once

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.in_focus_mode:  # remember the window, not the full screen
            self.toggle_focus_mode()
        if not self.autosaver.flush():
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self,
                "Talknotes",
                "Saving takes longer than expected; the note is still being written.",
            )
        window_state.save(self, self.settings)
        super().closeEvent(event)
