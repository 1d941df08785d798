"""The editor's Markdown colours follow every edit, and typing at the end of a coloured
paragraph repaints only that paragraph."""

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit

from desktop.ui.autosave import Target
from desktop.ui.highlighter import MarkdownHighlighter


@pytest.fixture
def edit(shown):
    return shown(QPlainTextEdit(), 480, 600)


def _spans(highlighter, block) -> list[tuple[str, str]]:
    """(text, kind) of each coloured run of `block`."""
    text = block.text()
    out = []
    for r in block.layout().formats():
        kind = next(k for k in highlighter._formats if highlighter.format_of(k) == r.format)
        out.append((text[r.start : r.start + r.length], kind))
    return out


def _type_at(edit, position: int, text: str) -> None:
    """Insert `text` at `position` as the editor's cursor does (QTest cannot type "`")."""
    cursor = edit.textCursor()
    cursor.setPosition(position)
    edit.setTextCursor(cursor)
    edit.textCursor().insertText(text)


def test_colours_each_line_and_follow_typing(edit):
    edit.setPlainText("## Day one\n\nA **big** idea")
    hl = MarkdownHighlighter(edit.document())
    doc = edit.document()
    assert _spans(hl, doc.findBlockByNumber(0)) == [("## Day one", "heading")]
    assert _spans(hl, doc.findBlockByNumber(2)) == [("**big**", "bold")]
    _type_at(edit, doc.findBlockByNumber(2).position(), "Such ")  # shifts the bold run
    assert _spans(hl, doc.findBlockByNumber(2)) == [("**big**", "bold")]
    _type_at(edit, doc.characterCount() - 1, " with `code`")
    assert _spans(hl, doc.findBlockByNumber(2)) == [("**big**", "bold"), ("`code`", "code")]
    edit.undo()
    assert _spans(hl, doc.findBlockByNumber(2)) == [("**big**", "bold")]


def test_a_fence_colours_the_lines_after_it_until_it_closes(edit):
    edit.setPlainText("before\nx = 1\ny = 2\nafter")
    hl = MarkdownHighlighter(edit.document())
    doc = edit.document()
    assert _spans(hl, doc.findBlockByNumber(1)) == []
    _type_at(edit, doc.findBlockByNumber(1).position(), "```\n")
    kinds = [_spans(hl, doc.findBlockByNumber(n)) for n in range(doc.blockCount())]
    assert kinds[2:] == [[("x = 1", "code")], [("y = 2", "code")], [("after", "code")]]
    _type_at(edit, doc.findBlockByNumber(3).position() + len("y = 2"), "\n```")
    assert _spans(hl, doc.findBlockByNumber(5)) == []  # "after" is text again
    assert _spans(hl, doc.findBlockByNumber(4)) == [("```", "code")]


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects = []

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def _watch_paints_from_now(edit, hl: MarkdownHighlighter, qtbot) -> _Paints:
    """The editor's paints from here on: once the highlighter has coloured the whole note
    (a slice per turn of the event loop: a while, on a loaded machine) and what that and the
    first key's scroll left to repaint has been painted, so none of it is counted."""
    qtbot.waitUntil(lambda: hl.done)
    paints = _Paints()
    edit.viewport().installEventFilter(paints)
    edit.viewport().update()  # one more paint, which takes in whatever was still to paint
    qtbot.waitUntil(lambda: bool(paints.rects))  # (Qt paints on a timer, not at once)
    paints.rects.clear()
    return paints


def test_typing_at_the_end_of_a_coloured_paragraph_repaints_only_it(edit, qtbot):
    paragraph = " ".join(["words **bold** `code` *it*"] * 12)
    edit.setPlainText("\n\n".join([paragraph] * 30))
    hl = MarkdownHighlighter(edit.document())
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(edit, Qt.Key.Key_A)  # the first key scrolls to the cursor: a full repaint
    paints = _watch_paints_from_now(edit, hl, qtbot)
    for _ in range(5):
        painted = len(paints.rects)
        QTest.keyClick(edit, Qt.Key.Key_A)
        qtbot.waitUntil(lambda n=painted: len(paints.rects) > n)  # each key painted in turn
    viewport = edit.viewport().height()
    assert paints.rects, "typing repainted nothing"
    # QSyntaxHighlighter set the formats again on every key, which repainted the whole view
    assert max(r.height() for r in paints.rects) < viewport / 2


def test_typing_a_quote_repaints_only_its_line(edit, qtbot):
    edit.setPlainText("\n\n".join(["Plain words and **bold** ones."] * 40) + '\n\n> "It')
    hl = MarkdownHighlighter(edit.document())
    edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(edit, Qt.Key.Key_A)
    paints = _watch_paints_from_now(edit, hl, qtbot)
    QTest.keyClicks(edit, "s true")
    qtbot.waitUntil(lambda: bool(paints.rects))  # the keys' repaint (one, or a few)
    assert _spans(hl, edit.document().lastBlock()) == [('> "Itas true', "quote")]
    assert paints.rects and max(r.height() for r in paints.rects) < edit.viewport().height() / 4


def test_typing_on_leaves_the_colours_a_fresh_highlighter_gives(edit, shown, qtbot):
    """Keys typed at line ends skip colouring when nothing can change: check that it held."""
    edit.setPlainText("# Day\n\n> quote\n\n```\n\ncode\n```\n\n- see https://x.org and *it*\n\n")
    hl = MarkdownHighlighter(edit.document())
    for number in range(edit.document().blockCount()):
        cursor = edit.textCursor()
        cursor.setPosition(edit.document().findBlockByNumber(number).position())
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        edit.setTextCursor(cursor)
        QTest.keyClicks(edit, " word 42 more")
    again = shown(QPlainTextEdit())
    again.setPlainText(edit.toPlainText())
    fresh = MarkdownHighlighter(again.document())
    qtbot.waitUntil(lambda: fresh.done and hl.done)  # (a loaded machine: more than one slice)
    for number in range(edit.document().blockCount()):
        typed = _spans(hl, edit.document().findBlockByNumber(number))
        assert typed == _spans(fresh, again.document().findBlockByNumber(number)), number
    assert _spans(hl, edit.document().findBlockByNumber(5)) == [(" word 42 more", "code")]


def test_a_long_note_is_coloured_a_slice_at_a_time_to_its_end(edit, qtbot):
    """Colouring a 100,000-word note at once held the GUI thread ~0.7 s as it opened: the
    first lines are coloured at once, the rest in later turns, an edit meanwhile included."""
    lines = [f"## Part {i}\n\nSome **bold** words and `code` {i}." for i in range(3000)]
    edit.setPlainText("\n\n".join(lines))
    doc = edit.document()
    hl = MarkdownHighlighter(doc)
    assert not hl.done
    assert _spans(hl, doc.findBlockByNumber(0)) == [("## Part 0", "heading")]
    assert _spans(hl, doc.lastBlock()) == []  # not yet
    _type_at(edit, 0, "```\nfenced\n```\n\n")  # an edit above the lines still to colour
    qtbot.waitUntil(lambda: hl.done, timeout=10_000)
    assert _spans(hl, doc.findBlockByNumber(1)) == [("fenced", "code")]  # (code_block alike)
    last = doc.lastBlock()
    assert _spans(hl, last) == [("**bold**", "bold"), ("`code`", "code")]
    assert ("## Part 1500", "heading") in _spans(hl, doc.findBlockByNumber(4 + 4 * 1500))


def test_the_lines_shown_are_coloured_ahead_of_the_sweep(qtbot, shown, library):
    """A long note opened at its end is coloured there at once, not when the sweep from the
    top gets there (~1 s at 100,000 words), and a code fence open above is respected."""
    from desktop.ui.note_pane import NotePane

    lines = [f"Some **bold** words and `code` {i}." for i in range(3000)]
    body = "\n\n".join([*lines, "```", "inside a fence", "", "still **code**", "```", "After"])
    editor = shown(NotePane(), 480, 600)
    editor._open(Target("talk", 1), body)
    editor.move_to_end()
    hl = editor._highlighters[editor.target]
    doc = editor.edit.document()
    assert not hl.done  # the sweep is still near the top
    assert doc.lastBlock().text() == "After"
    assert _spans(hl, doc.lastBlock()) == []  # the fence closed above it: plain
    block = doc.findBlockByNumber(doc.blockCount() - 5)
    assert block.text() == "still **code**"
    assert _spans(hl, block) == [("still **code**", "code")]
    qtbot.waitUntil(lambda: hl.done, timeout=20_000)
    assert _spans(hl, block) == [("still **code**", "code")]
    assert _spans(hl, doc.findBlockByNumber(2)) == [("**bold**", "bold"), ("`code`", "code")]


def test_colouring_a_note_moves_on_even_when_each_slice_starts_late(edit, qtbot, monkeypatch):
    """A slice whose time is up before it colours a line (the process was not scheduled for
    its few ms: a loaded machine) still colours one, so the whole note gets coloured."""
    import desktop.ui.highlighter as highlighter_module

    monkeypatch.setattr(highlighter_module, "SLICE_S", -1.0)  # every slice starts late
    edit.setPlainText("\n\n".join(["words **bold** `code`"] * 50))
    hl = MarkdownHighlighter(edit.document())
    qtbot.waitUntil(lambda: hl.done)
    assert _spans(hl, edit.document().lastBlock()) == [("**bold**", "bold"), ("`code`", "code")]
