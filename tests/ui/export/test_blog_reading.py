"""The export dialog reads the chosen blog (its config and every post) off the GUI thread
(desktop/ui/export/blog_reading.py)."""

import shutil
import threading

import pytest

from desktop.services import exporting
from desktop.services.importing import import_schedule
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from desktop.ui.backend import Backend
from tests.conftest import SAMPLE, shared_fixture

HUGO, JEKYLL = "blogs/galexrt+www.edenmal.moe", "blogs/jaxxstorm+leebriggs.co.uk"


class GatedLearning:
    """exporting.learn held until the test releases it; records which blog each call read
    and whether it ran on the GUI thread."""

    def __init__(self, monkeypatch) -> None:
        self.real = exporting.learn
        self.release = threading.Event()
        self.entered = threading.Event()
        self.returned = threading.Event()
        self.calls: list[tuple[str, bool]] = []
        monkeypatch.setattr(exporting, "learn", self)

    def __call__(self, blog, problems=None):
        self.calls.append((blog.name, threading.current_thread() is threading.main_thread()))
        self.entered.set()
        self.release.wait(timeout=5)  # (the GUI thread held this long before the change)
        try:
            return self.real(blog) if problems is None else self.real(blog, problems)
        finally:
            self.returned.set()


@pytest.fixture
def dialog(qtbot, library):
    from desktop.ui.export.dialog import ExportDialog

    import_schedule(library, str(SAMPLE))
    talk = next(t for t in list_talks(library) if t.title == "Offline First, Always")
    save_talk_note(library, talk.id, "Offline.\n")
    shown = ExportDialog(library, Backend(), talk_id=talk.id)
    qtbot.addWidget(shown)
    qtbot.waitUntil(shown.settled, timeout=10_000)
    return shown


def _blog(tmp_path, fixture: str, name: str):
    return shutil.copytree(shared_fixture(fixture), tmp_path / name)


def test_choosing_a_blog_does_not_hold_the_window(qtbot, dialog, tmp_path, monkeypatch):
    """Learning the profile (every post's front matter) ran on the GUI thread: the window
    froze for the time of it. It is read in the background, the dialog says so and takes no
    export meanwhile, and the event loop keeps turning."""
    from PySide6.QtCore import QTimer

    learning = GatedLearning(monkeypatch)
    blog = _blog(tmp_path, HUGO, "hugo-blog")
    try:
        dialog.post.blog.setText(str(blog))
        dialog.load_profile()
        qtbot.waitUntil(learning.entered.is_set, timeout=5000)
        assert learning.calls == [("hugo-blog", False)]  # not on the GUI thread
        assert dialog.post.blog_state.text() == "Reading the blog…"
        assert dialog.profile_form.note.text() == "Reading the blog…"
        assert not dialog.export_button.isEnabled() and not dialog.dry_button.isEnabled()
        assert not dialog.settled()
        turned = []
        QTimer.singleShot(0, lambda: turned.append(True))
        qtbot.waitUntil(lambda: turned == [True], timeout=1000)  # the event loop runs
        qtbot.keyClicks(dialog.post.title_edit, "Day one")
        assert not dialog.settled()  # still reading: the form turns no profile meanwhile
    finally:
        learning.release.set()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert dialog.profile_form.widgets["generator"].currentText() == "hugo"
    assert dialog.post.blog_state.text().startswith("Learned from 5 posts of this hugo blog")
    assert dialog.export_button.isEnabled() and dialog.dry_button.isEnabled()
    assert dialog.post.title_edit.text() == "Day one"


def test_a_later_choice_wins_over_a_read_under_way(qtbot, dialog, tmp_path, monkeypatch):
    """Folders chosen one after another while the first is read: the last one chosen is
    shown, the ones between are never read, and the same folder chosen again (Enter, focus
    leaving the field) is not read again."""
    from PySide6.QtCore import QSettings

    learning = GatedLearning(monkeypatch)
    first = _blog(tmp_path, HUGO, "first")
    between = _blog(tmp_path, JEKYLL, "between")
    last = _blog(tmp_path, JEKYLL, "last")
    try:
        dialog.post.blog.setText(str(first))
        dialog.load_profile()
        qtbot.waitUntil(learning.entered.is_set, timeout=5000)
        for folder in (between, last):
            dialog.post.blog.setText(str(folder))
            dialog.load_profile()
        assert dialog.post.blog_state.text() == "Reading the blog…"
    finally:
        learning.release.set()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert [name for name, _ in learning.calls] == ["first", "last"]
    assert dialog.profile_form.widgets["generator"].currentText() == "jekyll"
    assert dialog.post.blog_state.text().startswith("Learned from 5 posts of this jekyll blog")
    assert QSettings().value("export/blog") == str(last)
    dialog.load_profile()  # the field left again, nothing changed
    assert dialog.settled() and len(learning.calls) == 2


def test_a_blog_that_cannot_be_read_says_which_file_and_why(qtbot, dialog, tmp_path):
    """A broken config and a post whose front matter is no YAML were skipped in silence: the
    dialog names each and says why (the profile is still learned from the rest); a folder
    that is no blog, or a saved profile that is no longer readable, is told with its path,
    and nothing can be exported until a blog is read."""
    from desktop.exporters.profile import profile_path

    blog = _blog(tmp_path, HUGO, "broken")
    (blog / "config.yaml").write_text("baseURL: 'https://example.org/'\ntitle: [Edenmal\n")
    post = blog / "content" / "post" / "2020" / "Broken.md"
    post.write_text("---\ntitle: Broken: colons\n---\nBody.\n")
    dialog.post.blog.setText(str(blog))
    dialog.load_profile()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert dialog.post.blog_state.text() == (
        "Learned from 5 posts of this hugo blog; change anything that should differ.\n"
        "⚠ 2 files not read: see Blog profile."
    )
    told = dialog.profile_form.note.text()
    assert told.startswith("Learned from 5 posts of this hugo blog"), told
    assert "config.yaml: not read, learned without it (expected ',' or ']'" in told
    assert "content/post/2020/Broken.md: skipped, front matter not read (mapping values" in told
    assert "(line 2, column 14)" in told and "(line 3, column 1)" in told
    assert dialog.post.blog_state.toolTip() == told
    assert dialog.export_button.isEnabled()
    dialog.run_export(dry_run=True)  # the config, read again for the export, is named there
    qtbot.waitUntil(lambda: "Dry run" in dialog.preview.toPlainText(), timeout=20_000)
    assert "⚠ config.yaml: not read, learned without it (" in dialog.preview.toPlainText()
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=3000)

    nothing = tmp_path / "photos"
    nothing.mkdir()
    dialog.post.blog.setText(str(nothing))
    dialog.load_profile()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert dialog.post.blog_state.text().startswith(
        f"⚠ Could not read the blog: {nothing}: not a Hugo or Jekyll blog"
    )
    assert dialog.profile_form.note.text() == dialog.post.blog_state.text()
    assert dialog.profile is None and not dialog.profile_form.widgets

    saved = profile_path(dialog.lib.path, blog)
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text("{not json")
    dialog.post.blog.setText(str(blog))
    dialog.load_profile()
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    assert dialog.post.blog_state.text().startswith(
        f"⚠ Could not read the blog: {saved}: not a blog profile Talknotes can read"
    )


def test_the_line_under_the_folder_shows_all_its_lines_on_a_small_screen(
    qtbot, library, tmp_path, monkeypatch
):
    """At 1024x600, after a blog with files it could not read, the three lines under the
    folder showed as two, cut at top and bottom: the scrolling form kept the row's height."""
    from PySide6.QtCore import QRect

    from desktop.ui import screen_fit
    from desktop.ui.export.dialog import ExportDialog

    monkeypatch.setattr(screen_fit, "available", lambda _widget: QRect(0, 0, 1024, 600))
    import_schedule(library, str(SAMPLE))
    dialog = ExportDialog(library, Backend(), talk_id=1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    blog = _blog(tmp_path, HUGO, "broken")
    (blog / "config.yaml").write_text("title: [Edenmal\n")
    photos = tmp_path / "photos"  # no blog: the reason is three lines long
    photos.mkdir()
    state = dialog.post.blog_state
    for folder in (blog, photos):
        dialog.post.blog.setText(str(folder))
        dialog.load_profile()
        qtbot.waitUntil(dialog.settled, timeout=10_000)
        lines = state.heightForWidth(state.width())
        assert state.fontMetrics().lineSpacing() * 2 < lines  # three lines or more
        qtbot.waitUntil(lambda: state.height() >= lines, timeout=2000)  # noqa: B023


def test_closing_the_dialog_while_the_blog_is_read(qtbot, library, tmp_path, monkeypatch):
    """The read ends after the dialog is gone: its answer is dropped, nothing is shown and
    nothing raises (pytest-qt fails a test on an exception in a Qt callback)."""
    from desktop.ui import workers
    from desktop.ui.export.dialog import ExportDialog

    import_schedule(library, str(SAMPLE))
    learning = GatedLearning(monkeypatch)
    dialog = ExportDialog(library, Backend(), talk_id=1)
    qtbot.waitUntil(dialog.settled, timeout=10_000)
    dialog.post.blog.setText(str(_blog(tmp_path, HUGO, "blog")))
    dialog.load_profile()
    qtbot.waitUntil(learning.entered.is_set, timeout=5000)
    with qtbot.waitSignal(dialog.destroyed):
        dialog.deleteLater()
    learning.release.set()
    qtbot.waitUntil(learning.returned.is_set, timeout=10_000)
    qtbot.waitUntil(lambda: not workers._in_flight, timeout=5000)  # its answer was delivered
