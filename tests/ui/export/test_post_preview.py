"""The export dialog's preview: the post as the chosen blog's readers will see it."""

import re
import shutil

from desktop.services.importing import import_schedule
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from desktop.ui.backend import Backend
from tests.conftest import SAMPLE, shared_fixture
from tests.ui.conftest import export_dialog_on


def test_the_preview_shows_a_posts_photos_before_a_blog_is_chosen(qtbot, library, tmp_path):
    """With no blog chosen yet the dialog opened on a talk with photos (it failed there), and
    its preview shows each photo as its thumbnail, made in the background when missing."""
    from PySide6.QtCore import QUrl

    from desktop.media import files
    from desktop.services.photos import attach_to_talk
    from tests.imagegen import make_photo

    import_schedule(library, str(SAMPLE))
    talk = next(t for t in list_talks(library) if t.title == "Offline First, Always")
    save_talk_note(library, talk.id, "Slides below.\n")
    [attached] = attach_to_talk(library, talk.id, [make_photo(tmp_path / "slide.jpg")])
    thumb = files.thumbnail_path(library.media_dir, attached.photo.sha256)
    thumb.unlink(missing_ok=True)  # as after `talknotes attach`: no thumbnail yet
    dialog = export_dialog_on(qtbot, library, talk.id)
    assert dialog.post.blog.text() == "" and "Slides below." in dialog.preview.toPlainText()
    shown = lambda: re.findall(r'<img src="([^"]+)"', dialog.preview.toHtml())  # noqa: E731
    qtbot.waitUntil(lambda: shown() == [QUrl.fromLocalFile(str(thumb)).toString()], timeout=10_000)
    assert thumb.exists()
    qtbot.keyClicks(dialog.post.intro, "Day one was about data.")
    qtbot.waitUntil(lambda: "Day one was about data." in dialog.preview.toPlainText(), timeout=3000)


def _listed(dialog) -> list[str]:
    """The preview's lines that it shows as list items."""
    block, items = dialog.preview.document().begin(), []
    while block.isValid():
        if block.textList() is not None:
            items.append(block.text())
        block = block.next()
    return items


def test_the_preview_reads_the_note_as_the_chosen_blogs_engine(qtbot, library, tmp_path):
    """A Jekyll blog chosen: the preview reads the note as kramdown does (`3.` under a
    paragraph line starts a list there, not in Hugo), and shows a `1)` list as the list the
    Jekyll export makes of it."""
    from desktop.ui.export.dialog import ExportDialog

    import_schedule(library, str(SAMPLE))
    talk = next(t for t in list_talks(library) if t.title == "Offline First, Always")
    save_talk_note(library, talk.id, "Costs:\n3. three\n4. four\n\nSteps:\n\n1) one\n2) two\n")
    dialog = ExportDialog(library, Backend(), talk_id=talk.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert _listed(dialog) == ["one", "two"]  # no blog: Hugo's reading
    jekyll = tmp_path / "blog"
    shutil.copytree(shared_fixture("blogs/jaxxstorm+leebriggs.co.uk"), jekyll)
    dialog.post.blog.setText(str(jekyll))
    dialog.load_profile()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert dialog.profile_form.widgets["generator"].currentText() == "jekyll"
    assert _listed(dialog) == ["three", "four", "one", "two"]
