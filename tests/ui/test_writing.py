"""The editor writes like ghostwriter or Obsidian: lists and quotes continue on Enter, Tab
nests; pasted photos get a paragraph each; the word count is the words a reader reads."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor, QImage

from desktop.app import build_window
from desktop.store.notes import save_talk_note, talk_note
from desktop.store.talks import list_talks
from tests.ui.conftest import sample_window


@pytest.fixture
def window(qtbot, library):
    win = sample_window(qtbot, library)
    qtbot.waitUntil(win.settled)
    win.talks = {t.title: t for t in list_talks(library)}
    win.sidebar.select_talk(win.talks["Static Sites in 2026"].id)
    qtbot.waitUntil(win.settled)
    yield win
    win.autosaver.flush()


def _type(qtbot, edit, *keys):
    for key in keys:
        if isinstance(key, str):
            qtbot.keyClicks(edit, key)
        else:
            qtbot.keyClick(edit, key[0], key[1]) if isinstance(key, tuple) else qtbot.keyClick(
                edit, key
            )


ENTER, TAB = Qt.Key.Key_Return, Qt.Key.Key_Tab
BACKTAB = (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)


def test_enter_continues_and_ends_lists(window, qtbot):
    edit = window.editor.edit
    _type(qtbot, edit, "Key points:", ENTER, "- first", ENTER, "second", ENTER, ENTER, "after")
    assert edit.toPlainText() == "Key points:\n- first\n- second\n\nafter"


def test_numbered_lists_continue_nest_and_renumber(window, qtbot):
    edit = window.editor.edit
    _type(qtbot, edit, "1) one", ENTER, "two", ENTER, "sub", TAB, ENTER, "sub two")
    _type(qtbot, edit, ENTER, BACKTAB, "three")
    assert edit.toPlainText() == "1) one\n2) two\n   1) sub\n   2) sub two\n3) three"
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    edit.moveCursor(edit.textCursor().MoveOperation.EndOfBlock)
    _type(qtbot, edit, ENTER, "inserted")  # the items after it are renumbered
    assert edit.toPlainText().split("\n")[:3] == ["1) one", "2) inserted", "3) two"]
    assert edit.toPlainText().endswith("4) three")


def test_enter_continues_a_quote_and_tab_nests_bullets(window, qtbot):
    edit = window.editor.edit
    _type(qtbot, edit, '> "Ship it', ENTER, 'then fix it"', ENTER, ENTER, "- a", ENTER, "b", TAB)
    assert edit.toPlainText() == '> "Ship it\n> then fix it"\n\n- a\n  - b'
    edit.undo()  # one undo takes the nesting back
    assert edit.toPlainText().endswith("- a\n- b")


def test_pasted_photos_get_a_paragraph_each(window, qtbot):
    edit = window.editor.edit
    _type(qtbot, edit, "Slides:")
    for colour in ("orange", "teal"):
        image = QImage(64, 48, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        mime = QMimeData()
        mime.setImageData(image)
        with qtbot.waitSignal(window.photos.attached, timeout=10_000):
            edit.insertFromMimeData(mime)
    paragraphs = [p for p in edit.toPlainText().split("\n\n") if p.strip()]
    assert paragraphs[0] == "Slides:"
    assert len(paragraphs) == 3 and all(p.strip().startswith("![") for p in paragraphs[1:])


def test_the_word_count_is_what_a_reader_reads(window, qtbot, library):
    edit, words = window.editor.edit, window.words_label
    save_talk_note(
        library,
        window.talks["Schedules Are Data"].id,
        "Key points:\n- one two\n\n![A long caption of many words](photo:0123456789abcdef)\n\n"
        '> "Quoted words"\n> \\- Fatima Zahra\n\nSee [the docs](https://example.org/a-b-c).',
    )
    window.sidebar.select_talk(window.talks["Schedules Are Data"].id)
    qtbot.waitUntil(window.settled)
    assert words.text() == "11 words"  # at once, and no caption, marker or link target
    window.sidebar.select_talk(window.talks["Closing Remarks"].id)
    qtbot.waitUntil(window.settled)
    assert words.text() == "0 words"  # an empty note: not the last note's count
    qtbot.keyClicks(edit, "one two three")
    qtbot.waitUntil(lambda: words.text() == "3 words", timeout=3000)


def test_a_100000_word_note_opens_complete_counted_and_saved(window, qtbot, library):
    """A note of 100,000 words and more: the editor holds all of it, the preview builds the
    parts around the writer (at the end), the count (made off the GUI thread) is the
    note's, never the last note's, and typing into it is saved."""
    from desktop.ui.preview import WINDOW_PARTS

    talk = window.talks["Schedules Are Data"]
    body = "\n\n".join(f"Paragraph {i} " + "word " * 99 for i in range(1000))  # 101 words
    save_talk_note(library, talk.id, body)
    window.sidebar.select_talk(talk.id)
    qtbot.waitUntil(window.settled)  # (the note is read off the GUI thread)
    edit, preview, words = window.editor.edit, window.preview, window.words_label
    assert edit.toPlainText() == body
    assert words.text() in ("… words", "101,000 words")
    window.editor.move_to_end()
    qtbot.waitUntil(lambda: words.text() == "101,000 words", timeout=10_000)
    qtbot.waitUntil(lambda: "Paragraph 999 " in preview.toPlainText(), timeout=10_000)
    first, count, total = preview.shown_parts
    assert (first + count, count, total) == (1000, WINDOW_PARTS, 1000)
    assert f"Paragraph {1000 - WINDOW_PARTS} " in preview.toPlainText()  # all of them
    qtbot.keyClicks(edit, " typed last")
    saved = lambda: talk_note(library, talk.id).body == body + " typed last"  # noqa: E731
    qtbot.waitUntil(saved, timeout=5000)
    qtbot.waitUntil(lambda: words.text() == "101,002 words", timeout=5000)


def test_the_count_follows_typing_without_a_pause(window, qtbot):
    """Typing on and on (no 1 s pause) still updates the count about once a second."""
    edit, words = window.editor.edit, window.words_label
    typed = {"n": 0}

    def keep_typing():
        qtbot.keyClicks(edit, "word ")
        typed["n"] += 1
        return words.text() not in ("0 words", "")

    qtbot.waitUntil(keep_typing, timeout=5000)
    assert typed["n"] > 1
    assert window.saved_label.text() in ("Editing…", "Saving…", "Saved")


def test_saved_says_nothing_when_no_note_is_open(qtbot, library):
    win = build_window(library)
    qtbot.waitUntil(win.settled)
    qtbot.addWidget(win)
    assert win.saved_label.text() == ""


def test_shift_tab_off_a_list_never_leaves_the_editor(window, qtbot):
    """Shift+Tab on a plain line used to move focus out (to a button): the next line typed
    was lost. Off a list it outdents an indented line, else does nothing; Ctrl+Tab leaves."""
    edit = window.editor.edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    _type(qtbot, edit, "plain line", BACKTAB, " kept")
    assert edit.hasFocus()
    _type(qtbot, edit, ENTER, "    indented", BACKTAB, "!")
    assert edit.hasFocus()
    assert edit.toPlainText() == "plain line kept\nindented!"
    _type(qtbot, edit, ENTER, "\tcode", BACKTAB)
    assert edit.toPlainText().endswith("\ncode") and edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier | CTRL_MOD)
    assert not edit.hasFocus()  # leaving by keyboard stays on Ctrl+(Shift+)Tab


CTRL_MOD = Qt.KeyboardModifier.ControlModifier


def test_a_time_stamp_outside_the_talk_is_the_conference_clock_marked(window, qtbot, library):
    """Outside the talk's slot the stamp was the machine's UTC clock, "[09:10]", published
    verbatim; now it is the conference's local time with its zone, and the status says why."""
    edit = window.editor.edit
    window.clock = lambda: datetime(2026, 5, 14, 9, 10, tzinfo=UTC)  # 10:10 in Lisbon
    window.act_stamp.trigger()
    assert edit.toPlainText() == "[10:10 WEST] "
    assert "no talk of this note is running" in window.statusBar().currentMessage().lower()
    window.clock = lambda: datetime(2026, 5, 14, 10, 5, tzinfo=UTC)  # 5 min into the talk
    window.act_stamp.trigger()
    assert edit.toPlainText() == "[10:10 WEST] [05:00] "
    window.opening.new_hallway_note(window.sidebar.current_conference_id())  # no talk at all
    qtbot.waitUntil(window.settled)
    window.clock = lambda: datetime(2026, 5, 14, 12, 0, tzinfo=UTC)
    window.act_stamp.trigger()
    assert window.editor.edit.toPlainText().endswith("[13:00 WEST] ")


def test_text_typed_in_the_preview_goes_into_the_note(qtbot, library):
    """Ctrl+Tab leaves the editor for the preview, which is read-only: what was typed there
    was thrown away."""
    from PySide6.QtCore import Qt

    from tests.ui.conftest import sample_window

    window = sample_window(qtbot, library, size=(1366, 768))
    qtbot.waitUntil(window.settled)
    window.sidebar.select_talk(list_talks(library)[1].id)
    qtbot.waitUntil(window.settled)
    qtbot.keyClicks(window.editor.edit, "Start")
    qtbot.keyClick(window.editor.edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.preview, " and more")
    assert window.editor.current_text() == "Start and more"


QUOTE_KEY = (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
STAMP_KEY = (Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
END_KEY = (Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def test_a_time_stamp_after_a_quote_starts_a_paragraph_of_its_own(window, qtbot):
    """The stamp went on the line right under the quote's attribution, which Markdown's lazy
    continuation reads as part of the quote: the preview and the blog showed it inside it."""
    edit = window.editor.edit
    window.clock = lambda: datetime(2026, 5, 14, 18, 34, tzinfo=UTC)  # after the talk
    _type(qtbot, edit, "Intro.", QUOTE_KEY, "Plain files win", END_KEY, STAMP_KEY, "demo time")
    assert edit.toPlainText() == (
        'Intro.\n\n> "Plain files win"\n> \\- Eitan Cohen\n\n[19:34 WEST] demo time'
    )
    window.toggle_preview()
    qtbot.waitUntil(lambda: "demo time" in window.preview.toPlainText(), timeout=5000)
    blocks = window.preview.document()

    def margin(words):
        return blocks.find(words).blockFormat().leftMargin()

    assert margin("Plain files win") > margin("demo time") == margin("Intro.")
    edit.undo()  # the stamp and its blank line go in one step (the typing first)
    edit.undo()
    assert edit.toPlainText().endswith("> \\- Eitan Cohen\n")


def test_a_time_stamp_in_a_line_or_under_text_stays_where_it_is(window, qtbot):
    edit = window.editor.edit
    window.clock = lambda: datetime(2026, 5, 14, 18, 34, tzinfo=UTC)
    _type(qtbot, edit, '> "a quote', STAMP_KEY, "more", ENTER, "text", ENTER, STAMP_KEY)
    assert edit.toPlainText() == '> "a quote[19:34 WEST] more\n> text\n> [19:34 WEST] '
    _type(qtbot, edit, ENTER, ENTER, "Plain", ENTER, STAMP_KEY)
    assert edit.toPlainText().endswith("\n\nPlain\n[19:34 WEST] ")


def test_enter_at_a_quotes_closing_mark_keeps_the_mark_on_its_line(window, qtbot):
    """The Quote command leaves the cursor before the closing mark; Enter after typing the
    quote split the mark off onto a line of its own: `> "text` then `> "`."""
    edit = window.editor.edit
    _type(qtbot, edit, QUOTE_KEY, "Plain files win", ENTER, "and folders")
    assert edit.toPlainText() == '> "Plain files win"\n> and folders\n> \\- Eitan Cohen\n'
    edit.undo()  # the typing, then the Enter (one step): the quote as it was
    edit.undo()
    assert edit.toPlainText() == '> "Plain files win"\n> \\- Eitan Cohen\n'


def test_enter_before_a_quote_mark_with_more_after_it_or_in_an_item_splits_as_ever(window, qtbot):
    edit = window.editor.edit
    left = (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier)
    _type(qtbot, edit, '> "a" b', left, left, left, ENTER)
    assert edit.toPlainText() == '> "a\n> " b'
    _type(qtbot, edit, END_KEY, ENTER, ENTER, '- say "hi"', left, ENTER)  # an item: no quote
    assert edit.toPlainText() == '> "a\n> " b\n\n- say "hi\n- "'


def test_a_quote_right_after_a_quote_is_a_quote_of_its_own(window, qtbot):
    """A second quote under the first one's attribution joined it: one quote, two speakers'
    words run together in the preview and the blog."""
    edit = window.editor.edit
    _type(qtbot, edit, QUOTE_KEY, "Plain files win", END_KEY, QUOTE_KEY, "Ship it")
    assert edit.toPlainText() == (
        '> "Plain files win"\n> \\- Eitan Cohen\n\n> "Ship it"\n> \\- Eitan Cohen\n'
    )


def test_a_time_stamp_at_the_end_of_an_attribution_starts_a_paragraph(window, qtbot):
    """A note whose last line is a quote's attribution (no line after it): the stamp went on
    the speaker's name, `> \\- Eitan Cohen[19:34 WEST]`."""
    edit = window.editor.edit
    window.clock = lambda: datetime(2026, 5, 14, 18, 34, tzinfo=UTC)
    _type(qtbot, edit, QUOTE_KEY, "Plain files win", END_KEY, Qt.Key.Key_Backspace, STAMP_KEY)
    assert edit.toPlainText() == '> "Plain files win"\n> \\- Eitan Cohen\n\n[19:34 WEST] '
