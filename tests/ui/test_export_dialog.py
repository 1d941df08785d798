"""The export dialog: learned profile shown, talks picked, post written into the blog."""

import re
import shutil

from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from desktop.ui.main_window import MainWindow
from desktop.workflows.importing import import_schedule
from tests.conftest import SAMPLE, shared_fixture


def test_export_day_recap_from_the_window(qtbot, library, tmp_path, notices):
    import_schedule(library, str(SAMPLE))
    talks = {t.title: t for t in list_talks(library)}
    save_talk_note(library, talks["Offline First, Always"].id, '> "Never lose a note"\n')
    save_talk_note(library, talks["Schedules Are Data"].id, "Schedules are messy.\n")
    blog = tmp_path / "blog"
    shutil.copytree(shared_fixture("blogs/jaxxstorm+leebriggs.co.uk"), blog)
    window = MainWindow(library, notifier=notices)
    qtbot.addWidget(window)
    window.sidebar.select_talk(talks["Offline First, Always"].id)
    dialog = window.open_export()
    dialog.scope.setCurrentIndex(dialog.scope.findData("day"))
    dialog.blog.setText(str(blog))
    dialog.load_profile()
    assert dialog.profile_widgets["generator"].currentText() == "jekyll"
    assert dialog.profile_widgets["category"].text() == "blog"
    checked = [
        dialog.talks.item(i).text()
        for i in range(dialog.talks.count())
        if dialog.talks.item(i).checkState().name == "Checked"
    ]
    assert len(checked) == 2
    assert "Never lose a note" in dialog.preview.toPlainText()
    dialog.profile_widgets["draft"].setChecked(False)
    dialog.description_edit.setText("Day one: offline apps and messy schedules")
    dialog.slug_edit.setText("harbour-day-one")
    dialog.extra.setPlainText("series: conferences\n")
    steps = []
    dialog.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        dialog.run_export(dry_run=False)
    assert steps and steps[-1][0] == steps[-1][1]  # progress reached the end
    result = blocker.args[0]
    post = blog / result.plan.post_path
    assert post.name == "2026-05-14-harbour-day-one.md"
    assert notices.told == [
        ("inform", "Exported", f"Wrote {len(result.written)} files.\nPost: {result.plan.post_path}")
    ]
    text = post.read_text()
    assert "series: conferences" in text
    assert text.index("Offline First, Always") < text.index("Schedules Are Data")


def test_the_preview_shows_a_posts_photos_before_a_blog_is_chosen(qtbot, library, tmp_path):
    """With no blog chosen yet the dialog opened on a talk with photos (it failed there), and
    its preview shows each photo as its thumbnail, made in the background when missing."""
    from PySide6.QtCore import QUrl

    from desktop.media import files
    from desktop.workflows.photos import attach_to_talk
    from tests.imagegen import make_photo

    import_schedule(library, str(SAMPLE))
    talk = next(t for t in list_talks(library) if t.title == "Offline First, Always")
    save_talk_note(library, talk.id, "Slides below.\n")
    [attached] = attach_to_talk(library, talk.id, [make_photo(tmp_path / "slide.jpg")])
    thumb = files.thumbnail_path(library.media_dir, attached.photo.sha256)
    thumb.unlink(missing_ok=True)  # as after `talknotes attach`: no thumbnail yet
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.sidebar.select_talk(talk.id)
    dialog = window.open_export()
    qtbot.addWidget(dialog)
    assert dialog.blog.text() == "" and "Slides below." in dialog.preview.toPlainText()
    shown = lambda: re.findall(r'<img src="([^"]+)"', dialog.preview.toHtml())  # noqa: E731
    qtbot.waitUntil(lambda: shown() == [QUrl.fromLocalFile(str(thumb)).toString()], timeout=10_000)
    assert thumb.exists()
    qtbot.keyClicks(dialog.intro, "Day one was about data.")
    qtbot.waitUntil(lambda: "Day one was about data." in dialog.preview.toPlainText(), timeout=3000)
