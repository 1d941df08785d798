"""The main window's actions: menus, shortcuts and the capture toolbar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from desktop.ui.theme import ThemeMenu


def _action(window, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_actions(window) -> None:
    """Every action, with its shortcut, in the menus and (capture actions) the toolbar."""

    def a(*args, **kwargs) -> QAction:
        return _action(window, *args, **kwargs)

    window.act_import = a(
        "&Import Schedule…",
        window.import_flow.import_file,
        QKeySequence.StandardKey.Open,
        "Import a schedule file",
    )
    window.act_import_url = a("Import from &URL…", window.import_flow.import_url, "Ctrl+Shift+O")
    window.act_camera_roll = a(
        "Import &Photos from Folder…",
        window.import_photo_folder,
        None,
        "File a phone's photos to the talks they were taken in",
    )
    window.act_refresh = a(
        "&Refresh Schedule",
        window.refresh_schedule,
        "F5",
        "Fetch the selected conference's schedule again (notes are kept)",
    )
    window.act_remove_conference = a(
        "Re&move Conference…",
        lambda: ask_to_remove(window),
        None,
        "Remove the selected conference with its talks, notes and photos (a backup is taken first)",
    )
    window.act_export = a(
        "&Export to Blog…",
        window.open_export,
        "Ctrl+E",
        "Write this talk, the day or the conference as a blog post",
    )
    window.act_save = a("&Save Now", window.save_now, QKeySequence.StandardKey.Save)
    window.act_quit = a("&Quit", window.close, QKeySequence.StandardKey.Quit)
    window.act_undo = a("&Undo", lambda: window.editor_command(window.editor.edit.undo), None)
    window.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
    window.act_redo = a("&Redo", lambda: window.editor_command(window.editor.edit.redo), None)
    window.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
    window.act_filter = a("&Filter Talks", window.focus_filter, QKeySequence.StandardKey.Find)
    window.act_search = a("&Search Notes…", window.search_notes, "Ctrl+Shift+F")
    window.act_preview = a("Show &Preview", window.toggle_preview, "Ctrl+Shift+V")
    window.act_preview.setCheckable(True)
    window.act_preview.setChecked(True)
    window.act_now = a(
        "Go to &Now", window.capture.go_to_now, "Ctrl+J", "Open the talk running now, ready to type"
    )
    window.act_star = a("&Star Talk", window.capture.toggle_star, "Ctrl+D")
    window.act_star.setCheckable(True)  # checked: the open talk is starred
    window.act_agenda = a("My &Agenda", window.sidebar.starred_button.toggle, "Ctrl+Shift+A")
    window.act_quote = a(
        "Insert &Quote",
        window.capture.insert_quote,
        "Ctrl+Shift+Q",
        'Insert > "…" attributed to a speaker',
    )
    window.act_stamp = a("Insert &Time Stamp", window.capture.insert_timestamp, "Ctrl+Shift+T")
    window.act_photo = a(
        "Attach &Photos…",
        lambda: window.editor_command(window.photos.choose_files),
        "Ctrl+Shift+P",
        "Attach photos to this note (also: paste, or drop files)",
    )
    window.act_history = a(
        "Note &History…", window.show_history, "Ctrl+Shift+H", "Earlier versions of this note"
    )
    window.act_focus = a(
        "&Focus Mode", window.toggle_focus_mode, "F11", "The note alone, full screen"
    )
    window.act_focus.setCheckable(True)
    window.act_about = a("&About Talknotes", window.about)
    for act in (window.act_undo, window.act_redo):
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.library_actions = [  # disabled until the window's library is open
        window.act_import,
        window.act_import_url,
        window.act_camera_roll,
        window.act_refresh,
        window.act_remove_conference,
        window.act_export,
        window.act_search,
        window.act_now,
        window.act_star,
        window.act_photo,
        window.act_history,
    ]

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([window.act_import, window.act_import_url, window.act_refresh])
    file_menu.addAction(window.act_camera_roll)
    file_menu.addAction(window.act_remove_conference)
    file_menu.aboutToShow.connect(lambda: name_the_removal(window))
    file_menu.addSeparator()
    file_menu.addAction(window.act_export)
    file_menu.addSeparator()
    file_menu.addActions([window.act_save])
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([window.act_undo, window.act_redo])
    edit_menu.addSeparator()
    edit_menu.addActions([window.act_filter, window.act_search])
    view_menu = bar.addMenu("&View")
    view_menu.addActions([window.act_preview, window.act_agenda, window.act_focus])
    window.theme_menu = ThemeMenu(view_menu.addMenu("&Theme"), window.settings)
    _after_conference_actions(window, file_menu, view_menu, a)
    talk_menu = window.talk_menu = bar.addMenu("&Talk")
    talk_menu.addActions([window.act_now, window.act_star])
    talk_menu.addSeparator()
    talk_menu.addActions([window.act_quote, window.act_stamp, window.act_photo])
    talk_menu.addSeparator()
    talk_menu.addAction(window.act_history)
    bar.addMenu("&Help").addAction(window.act_about)

    tools = QToolBar("Capture", window)
    tools.setObjectName("capture-toolbar")
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for act, label in (
        (window.act_now, "Now"),
        (window.act_star, "★ Star"),
        (window.act_quote, "❝ Quote"),
        (window.act_stamp, "[mm:ss] Time"),
        (window.act_photo, "Photo"),
        (window.act_preview, "Preview"),
    ):
        button_action = tools.addAction(label)
        button_action.setToolTip(
            f"{act.text().replace('&', '')} "
            f"({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        button_action.triggered.connect(act.trigger)
        button_action.setEnabled(act.isEnabled())
        act.enabledChanged.connect(button_action.setEnabled)
        if act.isCheckable():  # the button shows on/off (Star: the open talk is starred)
            button_action.setCheckable(True)
            button_action.setChecked(act.isChecked())
            act.toggled.connect(button_action.setChecked)
        button_action.setObjectName(f"toolbar-{label}")
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)
    window.capture_toolbar = tools


def _after_conference_actions(window, file_menu, view_menu, action) -> None:
    """Export My Agenda…, Import Agenda… and Watch Later…: their dialogs' module is imported
    when one is first chosen (its Qt classes' enums cost a start ~5 ms)."""

    def run(name: str):
        def go() -> None:
            from desktop.ui import after_conference

            getattr(after_conference, name)(window)

        return go

    window.act_agenda_export = action(
        "Export My &Agenda…",
        run("export_agenda"),
        None,
        "The selected conference's starred talks as iCalendar, for a phone's calendar",
    )
    window.act_agenda_import = action(
        "Import A&genda…",
        run("import_agenda"),
        None,
        "Star the talks of an .ics file another app exported",
    )
    window.act_watch_later = action(
        "Missed but Starred — &Watch Later…",
        run("show_watch_later"),
        None,
        "Starred talks without a note that now have a recording",
    )
    window.library_actions += [
        window.act_agenda_export,
        window.act_agenda_import,
        window.act_watch_later,
    ]
    file_menu.insertActions(window.act_save, [window.act_agenda_export, window.act_agenda_import])
    file_menu.insertSeparator(window.act_save)
    view_menu.addAction(window.act_watch_later)


def ask_to_remove(window, conference_id: int | None = None) -> None:
    """File → Remove Conference… and the sidebar's menu: its dialog's module is imported when
    first chosen (as the after-conference dialogs: Qt classes' enums cost a start)."""
    from desktop.ui import conference_removal

    conference_removal.ask_to_remove(window, conference_id)


def name_the_removal(window) -> None:
    """File → Remove names the conference it would remove: the one of the selected row (or the
    only one), so the choice is seen before the dialog."""
    conferences = window.model.conferences()
    chosen = window.sidebar.current_conference_id()
    if chosen is None and len(conferences) == 1:
        chosen = conferences[0].id
    conference = next((c for c in conferences if c.id == chosen), None)
    if conference is None:
        window.act_remove_conference.setText("Re&move Conference…")
        return
    title = conference.title if len(conference.title) <= 40 else conference.title[:39] + "…"
    window.act_remove_conference.setText(f"Re&move “{title.replace('&', '&&')}”…")
