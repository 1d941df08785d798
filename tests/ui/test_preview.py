"""The live preview of a long note replaces only the parts that changed, and shows the same
text as rendering the whole note."""

import re
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser

import desktop.ui.preview as preview_module
from desktop.core.render import render_html, split_blocks
from desktop.ui.preview import DEBOUNCE_MS, FRAMED_PARTS, MAX_WAIT_MS, WINDOW_PARTS, Preview


def _one_thread():
    """The pool a preview renders on (the backend's compute pool in the app)."""
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


def _long_note(n: int = 52) -> str:  # 43 parts: framed (and with `unwindowed`, whole)
    parts = []
    for i in range(n):
        if i % 7 == 0:
            parts.append(f"## Section {i}")
        elif i % 5 == 0:
            parts.append(f"- item {i}\n- item {i}b")
        else:
            parts.append(f"Paragraph {i} about *talks* and `code`.")
    return "\n\n".join(parts)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def preview(shown):
    return shown(Preview(_one_thread()))


@pytest.fixture
def unwindowed(monkeypatch):
    """Long notes shown whole, however long (to test building them a slice at a time)."""
    monkeypatch.setattr(preview_module, "WINDOW_PARTS", 10_000)


def _shown_text(preview, text) -> str:
    """What the preview should show of `text`: the words of its parts shown."""
    first, count, _total = preview.shown_parts
    if count:
        text = "\n".join(split_blocks(text)[first : first + count])
    reference = QTextBrowser()
    reference.setHtml(render_html(text))
    return _words(reference.toPlainText())


def _show(qtbot, preview, text):
    before = preview.renders
    preview.render_now(lambda: text)
    qtbot.waitUntil(lambda: preview.renders > before, timeout=5000)
    assert _words(preview.toPlainText()) == _shown_text(preview, text)


def test_long_note_is_patched_part_by_part(qtbot, preview, unwindowed):
    note = _long_note()
    _show(qtbot, preview, note)
    assert len(preview.document().rootFrame().childFrames()) == len(split_blocks(note))
    first, last = preview.document().rootFrame().childFrames()[:: len(split_blocks(note)) - 1]
    _show(qtbot, preview, note + " More words.")  # typing at the end: only its frame changes
    frames = preview.document().rootFrame().childFrames()
    assert frames[0] is first and frames[-1] is last and "More words." in preview.toPlainText()

    edits = [
        note.replace("Paragraph 3 about", "Paragraph 3, edited, about"),  # in the middle
        note.replace("Paragraph 3 about", "New one.\n\nParagraph 3 about"),  # a part added
        note.replace("Paragraph 4 about *talks* and `code`.\n\n", ""),  # a part removed
        "Top.\n\n" + note,  # added first
        note + "\n\nLast.\n\nVery last.",  # two added at the end
        _long_note(48),  # several removed from the end
        _long_note(FRAMED_PARTS // 2),  # now short: one plain document
    ]
    for text in edits:
        _show(qtbot, preview, text)
        parts = len(split_blocks(text))
        framed = parts if parts >= FRAMED_PARTS else 0
        assert len(preview.document().rootFrame().childFrames()) == framed


def test_short_notes_and_whole_notes_use_one_document(qtbot, preview, unwindowed):
    _show(qtbot, preview, _long_note())
    _show(qtbot, preview, "# Short\n\nnote")  # back to one plain document
    assert preview.document().rootFrame().childFrames() == []
    footnoted = _long_note() + "\n\nA claim[^1].\n\n[^1]: Source."
    _show(qtbot, preview, footnoted)  # footnotes: rendered whole
    assert preview.document().rootFrame().childFrames() == []


def test_a_long_note_is_built_a_slice_at_a_time_and_ends_current(qtbot, preview, unwindowed):
    """Opening a long note must not hold the GUI thread for the whole build; a render that
    arrives meanwhile (typing at the end) is what is finally shown."""
    note = _long_note(6 * FRAMED_PARTS)
    parts = len(split_blocks(note))
    before = preview.renders
    preview._show(preview._renderer.render_parts(note))  # as a finished render arrives
    built_at_once = len(preview.document().rootFrame().childFrames())
    assert 0 < built_at_once < parts
    assert preview.renders == before  # not shown whole yet
    preview._show(preview._renderer.render_parts(note + " Typed meanwhile."))
    qtbot.waitUntil(lambda: preview.renders > before, timeout=5000)
    assert len(preview.document().rootFrame().childFrames()) == parts
    assert "Typed meanwhile." in preview.toPlainText()
    reference = QTextBrowser()
    reference.setHtml(render_html(note + " Typed meanwhile."))
    assert _words(preview.toPlainText()) == _words(reference.toPlainText())


def test_switching_notes_during_a_build_shows_the_second(qtbot, preview, unwindowed):
    first = _long_note(6 * FRAMED_PARTS)
    second = first.replace("Paragraph", "Absatz")
    before = preview.renders
    preview._show(preview._renderer.render_parts(first))
    preview._show(preview._renderer.render_parts(second))
    qtbot.waitUntil(lambda: preview.renders > before, timeout=5000)
    assert preview.idle  # nothing left to build: no slice of the first can come after
    assert "Paragraph" not in preview.toPlainText() and "Absatz 1 about" in preview.toPlainText()
    assert len(preview.document().rootFrame().childFrames()) == len(split_blocks(second))


def test_typing_without_a_pause_still_renders_about_once_a_second(qtbot, preview):
    """Keys every 40 ms never leave a DEBOUNCE_MS pause; the preview shows them anyway, at
    most MAX_WAIT_MS after the first unshown key, and many keys make one render."""
    assert DEBOUNCE_MS > 40  # the typist never pauses long enough
    typed: list[str] = []
    shown_at: list[float] = []  # seconds from the first key
    show = preview._show
    preview._show = lambda rendered: (show(rendered), shown_at.append(time.perf_counter() - start))
    typing_for = 2.5 * MAX_WAIT_MS / 1000
    start = time.perf_counter()

    def key():
        typed.append(f"w{len(typed)}")
        preview.schedule(lambda: " ".join(typed))
        if time.perf_counter() - start > typing_for:
            typist.stop()

    typist = QTimer(interval=40)
    typist.timeout.connect(key)
    typist.start()
    qtbot.waitUntil(lambda: not typist.isActive(), timeout=10_000)
    during = [at for at in shown_at if at < typing_for]
    assert len(during) == 2, shown_at  # live, yet coalesced: ~60 keys, 2 renders
    assert during[0] < (MAX_WAIT_MS + DEBOUNCE_MS) / 1000, shown_at
    qtbot.waitUntil(lambda: f"w{len(typed) - 1}" in preview.toPlainText(), timeout=5000)


def test_a_switch_to_a_dark_palette_recolours_the_quotes(qtbot, preview, go_dark):
    from desktop.ui.tones import DARK, LIGHT

    def quote_colour():
        found = preview.document().find("Quoted")
        return found.charFormat().foreground().color().name()

    _show(qtbot, preview, '> "Quoted," she said.\n\nText.')
    assert quote_colour() == LIGHT.quote
    go_dark()
    qtbot.waitUntil(lambda: quote_colour() == DARK.quote, timeout=3000)


def test_the_preview_reads_notes_as_the_blogs_engine(qtbot, tmp_path, shown):
    """`1)` lists are lists in Hugo, text in Jekyll: the preview follows the blog last
    exported to."""
    from PySide6.QtCore import QSettings

    from desktop.ui.preview import Preview, blog_flavor

    preview = shown(Preview(_one_thread()))
    note = "Order:\n1) first\n2) second"
    preview.render_now(lambda: note)
    qtbot.waitUntil(lambda: preview.toPlainText().count("first") == 1, timeout=3000)
    assert "1)" not in preview.toPlainText()  # a list (numbered by the list, not the text)
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "_config.yml").write_text("title: x\n")
    QSettings().setValue("export/blog", str(blog))
    preview.set_flavor(blog_flavor(QSettings()))
    qtbot.waitUntil(lambda: "1) first" in preview.toPlainText(), timeout=3000)


def test_a_very_long_note_shows_the_parts_around_the_writer(qtbot, preview):
    """Only WINDOW_PARTS parts are rendered and laid out, around the part being written:
    rendering all of a 100,000-word note took seconds."""
    note = _long_note(5 * WINDOW_PARTS)
    total = len(split_blocks(note))
    writing = {"at": total - 1}
    preview.locate = lambda: (writing["at"], total, 1.0)
    _show(qtbot, preview, note)
    first, count, of = preview.shown_parts
    assert (first, count, of) == (total - WINDOW_PARTS, WINDOW_PARTS, total)
    assert len(preview.document().rootFrame().childFrames()) == WINDOW_PARTS
    _show(qtbot, preview, note + " More words.")  # typing on at the end: the window stays
    assert preview.shown_parts[0] == first and "More words." in preview.toPlainText()
    writing["at"] = 3  # the writer moved to the top: the top is shown
    before = preview.renders
    preview.reveal()
    qtbot.waitUntil(lambda: preview.renders > before, timeout=5000)
    assert preview.shown_parts[0] == 0 and "Paragraph 3 about" in preview.toPlainText()
    assert _words(preview.toPlainText()) == _shown_text(preview, note + " More words.")


def _part_at_top(preview) -> str:
    """The first line of the part at the top of the preview's view."""
    layout = preview.document().documentLayout()
    top = preview.verticalScrollBar().value()
    for frame in preview.document().rootFrame().childFrames():
        if layout.frameBoundingRect(frame).bottom() > top:
            return frame.firstCursorPosition().block().text()
    return ""


def test_scrolling_to_the_end_of_the_parts_shown_shows_the_next(qtbot, preview):
    """The reader scrolls past the last part shown: the next parts follow, and the part that
    was at the top of the view stays there."""
    from PySide6.QtWidgets import QAbstractSlider

    note = _long_note(3 * WINDOW_PARTS)
    preview.locate = lambda: (0, len(split_blocks(note)), 0.0)
    _show(qtbot, preview, note)
    assert preview.shown_parts[0] == 0
    bar = preview.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=3000)
    bar.setValue(bar.maximum())  # no new parts: the reader did not scroll
    QApplication.processEvents()
    assert preview.shown_parts[0] == 0 and not preview._busy
    on_top = _part_at_top(preview)
    assert on_top
    before = preview.renders
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)  # as the reader does
    qtbot.waitUntil(lambda: preview.renders > before, timeout=5000)
    assert 0 < preview.shown_parts[0] <= WINDOW_PARTS // 2
    assert _words(preview.toPlainText()) == _shown_text(preview, note)
    assert _part_at_top(preview) == on_top
    bar.setValue(0)
    before = preview.renders
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)  # and back to the top
    qtbot.waitUntil(lambda: preview.renders > before, timeout=5000)
    assert preview.shown_parts[0] == 0


def test_a_build_moves_on_even_when_each_slice_starts_late(qtbot, preview, unwindowed, monkeypatch):
    """A slice whose time is up before it inserts anything (the process was not scheduled
    for the slice's few ms: a loaded machine) still adds a part, so the build ends."""
    monkeypatch.setattr(preview_module, "BUILD_SLICE_S", -1.0)  # every slice starts late
    note = _long_note(6 * FRAMED_PARTS)
    before = preview.renders
    preview._show(preview._renderer.render_parts(note))
    assert len(preview.document().rootFrame().childFrames()) == 1
    qtbot.waitUntil(lambda: preview.renders > before, timeout=5000)
    assert len(preview.document().rootFrame().childFrames()) == len(split_blocks(note))
