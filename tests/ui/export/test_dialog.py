"""The export dialog: learned profile shown, talks picked, post written into the blog."""

import contextlib
import shutil

import pytest

from desktop.app import build_window
from desktop.core.wording import counted
from desktop.services.importing import import_schedule
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from desktop.ui.backend import Backend
from tests.conftest import SAMPLE, shared_fixture
from tests.ui.conftest import export_dialog_on


def _jekyll_blog(tmp_path):
    blog = tmp_path / "blog"
    shutil.copytree(shared_fixture("blogs/jaxxstorm+leebriggs.co.uk"), blog)
    return blog


def test_export_day_recap_from_the_window(qtbot, library, tmp_path, notices):
    import_schedule(library, str(SAMPLE))
    talks = {t.title: t for t in list_talks(library)}
    save_talk_note(library, talks["Offline First, Always"].id, '> "Never lose a note"\n')
    save_talk_note(library, talks["Schedules Are Data"].id, "Schedules are messy.\n")
    blog = _jekyll_blog(tmp_path)
    dialog = export_dialog_on(
        qtbot, library, notices=notices, talk_id=talks["Offline First, Always"].id
    )
    dialog.post.scope.setCurrentIndex(dialog.post.scope.findData("day"))
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    dialog.post.blog.setText(str(blog))
    dialog.load_profile()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert dialog.profile_form.widgets["generator"].currentText() == "jekyll"
    assert dialog.profile_form.widgets["category"].text() == "blog"
    checked = [
        dialog.post.talks.item(i).text()
        for i in range(dialog.post.talks.count())
        if dialog.post.talks.item(i).checkState().name == "Checked"
    ]
    assert len(checked) == 2
    assert "Never lose a note" in dialog.preview.toPlainText()
    dialog.profile_form.widgets["draft"].setChecked(False)
    dialog.post.description_edit.setText("Day one: offline apps and messy schedules")
    dialog.post.slug_edit.setText("harbour-day-one")
    dialog.profile_form.extra.setPlainText("series: conferences\n")
    steps = []
    dialog.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        dialog.run_export(dry_run=False)
    assert steps and steps[-1][0] == steps[-1][1]  # progress reached the end
    result = blocker.args[0]
    post = blog / result.plan.post_path
    assert post.name == "2026-05-14-harbour-day-one.md"
    assert result.url == "https://leebriggs.co.uk/blog/2026/05/14/harbour-day-one.html"
    assert notices.told == [
        (
            "inform",
            "Exported",
            f"Wrote {counted(len(result.written), 'file')}.\nPost: {result.plan.post_path}"
            f"\nAddress once built: {result.url}",
        )
    ]
    text = post.read_text()
    assert "series: conferences" in text
    assert text.index("Offline First, Always") < text.index("Schedules Are Data")


def _day_index(window, day_iso: str):
    from desktop.ui.schedule_model import DAY_ROLE, KIND_ROLE

    proxy = window.sidebar.tree.model()  # what the tree shows
    conf = proxy.index(0, 0)
    for row in range(proxy.rowCount(conf)):
        index = proxy.index(row, 0, conf)
        if index.data(KIND_ROLE) == "day" and index.data(DAY_ROLE) == day_iso:
            return index
    raise AssertionError(day_iso)


def test_the_dialog_opens_on_what_is_in_view_with_the_blogs_habits(
    qtbot, library, tmp_path, notices
):
    """A day in view: its recap, only the talks with notes listed and ticked; draft and photo
    layout as the blog's own posts have them; the intro made up from the schedule, and what is
    typed there is kept for this day's recap."""
    from datetime import date

    from desktop.store.recap_notes import recap_note

    import_schedule(library, str(SAMPLE))
    talks = {t.title: t for t in list_talks(library)}
    save_talk_note(library, talks["Offline First, Always"].id, "Offline.\n")
    save_talk_note(library, talks["Schedules Are Data"].id, "Data.\n")
    blog = tmp_path / "blog"
    shutil.copytree(shared_fixture("blogs/galexrt+www.edenmal.moe"), blog)
    window = build_window(library, notifier=notices)
    qtbot.waitUntil(window.settled)
    qtbot.addWidget(window)
    window.sidebar.tree.setCurrentIndex(_day_index(window, "2026-05-14"))
    dialog = window.open_export()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert dialog.post.scope.currentData() == "day"
    listed = [dialog.post.talks.item(i) for i in range(dialog.post.talks.count())]
    assert [i.text().split("  ", 1)[1] for i in listed] == [
        "Offline First, Always",
        "Schedules Are Data",
    ]
    assert all(i.checkState().name == "Checked" for i in listed)
    dialog.post.all_talks.setChecked(True)
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert dialog.post.talks.count() == 7  # every talk of the day when asked for
    assert "This is my recap of the first day, Thursday, 14 May 2026." in (
        dialog.post.intro.toPlainText()
    )
    dialog.post.blog.setText(str(blog))
    dialog.load_profile()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert not dialog.profile_form.widgets["draft"].isChecked()  # the blog's posts are no drafts
    assert dialog.profile_form.widgets["photos"].currentText() == "sibling"
    assert dialog.profile_form.widgets["heading_form"].currentText() == "title_speakers"
    dialog.post.intro.setPlainText("I was at Harbour Notes, day one.")
    qtbot.waitUntil(
        lambda: (
            recap_note(library, 1, date(2026, 5, 14), "intro") == "I was at Harbour Notes, day one."
        ),
        timeout=5000,
    )
    qtbot.waitUntil(
        lambda: "I was at Harbour Notes, day one." in dialog.preview.toPlainText(), timeout=3000
    )
    dialog.push_box.setChecked(True)
    assert dialog.commit_box.isChecked()  # a push commits first


def test_the_dialog_fits_a_small_screen_and_stays_within_it_after_a_dry_run(
    qtbot, library, tmp_path, notices, monkeypatch
):
    """At 1024x600 the dialog opened at 1100x885 and a dry run made it taller still, its
    buttons below the screen: it is sized within the screen's available area (title bar
    included), the post form scrolls inside, and a dry run does not make it grow."""
    from PySide6.QtCore import QRect

    from desktop.ui import screen_fit
    from desktop.ui.export.dialog import ExportDialog

    area = QRect(0, 0, 1024, 600)
    monkeypatch.setattr(screen_fit, "available", lambda _widget: area)
    import_schedule(library, str(SAMPLE))
    talks = {t.title: t for t in list_talks(library)}
    save_talk_note(library, talks["Offline First, Always"].id, "Offline.\n")
    save_talk_note(library, talks["Schedules Are Data"].id, "Data.\n")
    blog = tmp_path / "blog"
    shutil.copytree(shared_fixture("blogs/jaxxstorm+leebriggs.co.uk"), blog)
    talk = talks["Offline First, Always"]
    dialog = ExportDialog(
        library, Backend(), conference_id=talk.conference_id, day=talk.day, notifier=notices
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    dialog.post.blog.setText(str(blog))
    dialog.load_profile()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    dialog.show()
    qtbot.waitExposed(dialog)

    def within() -> bool:
        frame_w, frame_h = screen_fit.DECORATION
        size = dialog.size()
        return size.width() + frame_w <= area.width() and size.height() + frame_h <= area.height()

    assert within(), dialog.size()
    assert dialog.buttons.isVisible()
    before = dialog.size()
    dialog.run_export(dry_run=True)
    qtbot.waitUntil(lambda: "Dry run" in dialog.preview.toPlainText(), timeout=20_000)
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=3000)
    assert within(), dialog.size()
    assert dialog.size().height() <= before.height()


def _on_a_jekyll_blog(qtbot, library, tmp_path, notices):
    """The dialog, shown, on a noted talk of the sample with a copy of a real Jekyll blog
    chosen and read."""
    from desktop.ui.export.dialog import ExportDialog

    import_schedule(library, str(SAMPLE))
    talk = next(t for t in list_talks(library) if t.title == "Offline First, Always")
    save_talk_note(library, talk.id, "Offline.\n")
    blog = tmp_path / "blog"
    shutil.copytree(shared_fixture("blogs/jaxxstorm+leebriggs.co.uk"), blog)
    dialog = ExportDialog(library, Backend(), talk_id=talk.id, notifier=notices)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    dialog.post.blog.setText(str(blog))
    dialog.load_profile()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    return dialog


def test_exporting_unchanged_notes_again_says_the_post_is_up_to_date(
    qtbot, library, tmp_path, notices
):
    """The second export of the same notes said only "Wrote 0 files."."""
    dialog = _on_a_jekyll_blog(qtbot, library, tmp_path, notices)
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.run_export(dry_run=False)
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        dialog.run_export(dry_run=False)
    post, url = blocker.args[0].plan.post_path, blocker.args[0].url
    assert notices.told[-1] == (
        "inform",
        "Exported",
        f"Already up to date: nothing changed in {post}\nAddress once built: {url}",
    )


def test_a_post_already_in_the_blog_is_explained_in_the_window_s_words(
    qtbot, library, tmp_path, notices
):
    """A post of that name that this library did not write: the window says so (not "edited",
    not the command line's --overwrite / --copy), and the dry run gives the reason too."""
    import_schedule(library, str(SAMPLE))
    talks = {t.title: t for t in list_talks(library)}
    save_talk_note(library, talks["Offline First, Always"].id, "Notes.\n")
    blog = _jekyll_blog(tmp_path)
    dialog = export_dialog_on(
        qtbot, library, notices=notices, talk_id=talks["Offline First, Always"].id
    )
    dialog.post.blog.setText(str(blog))
    dialog.load_profile()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        dialog.run_export(dry_run=False)
    post = blog / blocker.args[0].plan.post_path
    (library.path / "exports.json").unlink()  # as if another library had written it
    post.write_text(post.read_text() + "\nA line added in the blog.\n")
    notices.told.clear()
    dialog.run_export(dry_run=True)
    qtbot.waitUntil(lambda: "Dry run" in dialog.preview.toPlainText(), timeout=20_000)
    assert "this library did not write it" in dialog.preview.toPlainText()
    assert f"Address once built: {blocker.args[0].url}" in dialog.preview.toPlainText()
    dialog.run_export(dry_run=False)
    qtbot.waitUntil(lambda: bool(notices.told), timeout=20_000)
    kind, title, text = notices.told[0]
    assert kind == "choose" and title == "Already in the Blog"
    assert "this library did not write it" in text and "edited" not in text
    assert "--overwrite" not in text and "--copy" not in text
    assert post.read_text().endswith("A line added in the blog.\n")  # (cancelled: unchanged)


def _seen_whole(widget) -> bool:
    """Shown and not cut by anything it sits in (a scrolling form's viewport, the dialog)."""
    if not widget.isVisible():
        return False
    rect, child, parent = widget.rect(), widget, widget.parentWidget()
    while parent is not None:
        rect = rect.translated(child.pos())
        if not parent.rect().contains(rect):
            return False
        child, parent = parent, parent.parentWidget()
    return True


@pytest.mark.parametrize("screen", [(1366, 768), (1024, 600)])
def test_what_an_export_needs_is_in_view_without_scrolling(
    qtbot, library, tmp_path, notices, monkeypatch, screen
):
    """At 1366x768, with a blog chosen, the "commit" checkbox was below the scrolling form's
    fold: what the export does (scope, blog, commit, push, Export) is in view at 1366x768
    and at 1024x600; the post's optional fields may scroll there."""
    from PySide6.QtCore import QRect

    from desktop.ui import screen_fit
    from desktop.ui.export.dialog import ExportDialog

    monkeypatch.setattr(screen_fit, "available", lambda _widget: QRect(0, 0, *screen))
    import_schedule(library, str(SAMPLE))
    talks = {t.title: t for t in list_talks(library)}
    for title in ("Offline First, Always", "Schedules Are Data", "Static Sites in 2026"):
        save_talk_note(library, talks[title].id, f"{title}.\n")
    talk = talks["Offline First, Always"]
    dialog = ExportDialog(
        library, Backend(), conference_id=talk.conference_id, day=talk.day, notifier=notices
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.post.blog.setText(str(_jekyll_blog(tmp_path)))
    dialog.load_profile()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert dialog.post.blog_state.isVisible()  # "Learned from 5 posts…" under the folder
    post = dialog.post
    needed = (post.scope, post.blog, dialog.commit_box, dialog.push_box, dialog.export_button)
    with contextlib.suppress(qtbot.TimeoutError):  # (the form takes its new height)
        qtbot.waitUntil(lambda: all(_seen_whole(w) for w in needed), timeout=2000)
    for widget in needed:
        assert _seen_whole(widget), widget


def test_after_an_export_the_pane_says_so_and_enter_exports_nothing(
    qtbot, library, tmp_path, notices
):
    """After an export the pane still showed the last dry run ("nothing was written"), and
    Enter anywhere in the dialog ran Export again."""
    from PySide6.QtCore import Qt

    dialog = _on_a_jekyll_blog(qtbot, library, tmp_path, notices)
    dialog.run_export(dry_run=True)
    qtbot.waitUntil(lambda: dialog.preview.toPlainText().startswith("Dry run"), timeout=20_000)
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        dialog.run_export(dry_run=False)
    shown = dialog.preview.toPlainText()
    assert shown.startswith("Exported.") and str(blocker.args[0].plan.post_path) in shown
    assert "nothing was written" not in shown
    dialog.post.blog.setFocus()
    qtbot.keyClick(dialog.post.blog, Qt.Key.Key_Return)  # Enter in a field
    assert not dialog.progress.isVisible()  # no export started (it shows at once when one is)
    assert dialog.isVisible()
    dialog.dry_button.setFocus()
    qtbot.keyClick(dialog.dry_button, Qt.Key.Key_Return)  # Enter on a button: that button
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.preview.toPlainText().startswith("Dry run"), timeout=20_000)
