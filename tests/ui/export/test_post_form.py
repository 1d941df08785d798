"""The export dialog's Post tab: what is in view chosen, the days of a day recap."""

from desktop.services.importing import import_schedule
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from desktop.ui.backend import Backend
from tests.conftest import SAMPLE
from tests.ui.conftest import export_dialog_on


def test_the_dialog_opens_on_the_open_talk(qtbot, library):
    import_schedule(library, str(SAMPLE))
    talk = next(t for t in list_talks(library) if t.title == "Offline First, Always")
    save_talk_note(library, talk.id, "Offline.\n")
    dialog = export_dialog_on(qtbot, library, talk.id)
    assert dialog.post.scope.currentData() == "talk" and not dialog.post.talks.isEnabled()


def test_a_day_recap_has_a_day_chooser(qtbot, library, tmp_path, notices):
    """The day of a day recap came silently from the open talk: the dialog lists the
    conference's days (weekday and date), opens on the day in view, and another day chosen
    lists that day's talks and exports that day's recap."""
    from datetime import date

    from desktop.ui.export.dialog import ExportDialog

    import_schedule(library, str(SAMPLE))
    talks = {t.title: t for t in list_talks(library)}
    save_talk_note(library, talks["Offline First, Always"].id, "Offline.\n")
    save_talk_note(library, talks["Markdown Beyond the Basics"].id, "Tables.\n")
    talk = talks["Offline First, Always"]
    dialog = ExportDialog(
        library,
        Backend(),
        conference_id=talk.conference_id,
        talk_id=talk.id,
        day=talk.day,
        notifier=notices,
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    dialog.post.scope.setCurrentIndex(dialog.post.scope.findData("day"))
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    days = [dialog.post.day_box.itemText(i) for i in range(dialog.post.day_box.count())]
    assert days == ["Thursday, 14 May 2026", "Friday, 15 May 2026"]
    assert (
        dialog.post.day_box.currentData() == date(2026, 5, 14) and dialog.post.day_box.isEnabled()
    )
    listed = lambda: [dialog.post.talks.item(i).text() for i in range(dialog.post.talks.count())]  # noqa: E731
    assert [t.split("  ", 1)[1] for t in listed()] == ["Offline First, Always"]
    dialog.post.day_box.setCurrentIndex(1)
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert [t.split("  ", 1)[1] for t in listed()] == ["Markdown Beyond the Basics"]
    assert dialog.post.request().day == date(2026, 5, 15)
    assert "Day 2" in dialog.preview.toPlainText() and "Tables." in dialog.preview.toPlainText()
    dialog.post.scope.setCurrentIndex(dialog.post.scope.findData("talk"))
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert not dialog.post.day_box.isEnabled()
