"""DocumentText keeps a document's text line by line: after every kind of edit it is what
toPlainText gives, which is what the autosave stores."""

import random

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop.ui.document_text import DocumentText

# Characters toPlainText changes (a no-break space, a line separator), ends of lines
# setPlainText reads ("\r", "\r\n", a paragraph separator), text beyond the BMP (two UTF-16
# units a character), combining marks, right-to-left text, a tab.
ODD = ["\xa0", "\u2028", "\r", "\r\n", "\u2029", "😀", "🇵🇹", "e\u0301", "שלום", "\t", "ß"]
WORDS = ["note", "talk", "- item", "> quote", "```", "# Title", "", "\n", "\n\n", *ODD]


def editor(body: str) -> tuple[QPlainTextEdit, DocumentText]:
    edit = QPlainTextEdit()
    edit.setPlainText(body)
    return edit, DocumentText(edit.document(), body)


def random_text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def at(edit: QPlainTextEdit, position: int, anchor: int | None = None) -> QTextCursor:
    cursor = edit.textCursor()
    size = edit.document().characterCount() - 1
    cursor.setPosition(min(position, size))
    if anchor is not None:
        cursor.setPosition(min(anchor, size), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    return cursor


@pytest.mark.parametrize(
    "body",
    ["", "one line", "a\nb\n", "\n\n\n", "a\xa0b\u2028c", "a\r\nb\rc\u2029d", "😀\n🇵🇹 e\u0301"],
)
def test_the_text_at_first_is_the_documents(qapp, body):
    edit, text = editor(body)
    assert text.text() == edit.toPlainText()


def test_typing_at_the_start_middle_and_end_and_over_a_selection(qapp):
    edit, text = editor("first line\nsecond line\nthird line")
    for position, typed in [(0, "A"), (15, "B\nC"), (10**6, " end"), (3, "")]:
        at(edit, position).insertText(typed)
        assert text.text() == edit.toPlainText()
    at(edit, 2, 20).insertText("joined")  # across lines
    assert text.text() == edit.toPlainText()
    at(edit, 0, 10**6).removeSelectedText()  # everything
    assert text.text() == edit.toPlainText() == ""


def test_undo_and_redo_of_every_step(qapp):
    edit, text = editor("start\n\nmiddle\n\nend")
    rng = random.Random(3)
    for _ in range(30):
        size = edit.document().characterCount()
        at(edit, rng.randrange(size), rng.randrange(size)).insertText(random_text(rng, 3))
    history = [edit.toPlainText()]
    while edit.document().isUndoAvailable():
        edit.undo()
        assert text.text() == edit.toPlainText()
        history.append(edit.toPlainText())
    assert text.text() == "start\n\nmiddle\n\nend"
    while edit.document().isRedoAvailable():
        edit.redo()
        assert text.text() == edit.toPlainText()
    assert text.text() == history[0]


def test_a_large_paste_into_a_long_note(qapp):
    rng = random.Random(5)
    edit, text = editor(random_text(rng, 20_000))
    pasted = QMimeData()
    pasted.setText("\n".join(random_text(rng, 50) for _ in range(400)))  # ~20,000 words
    at(edit, edit.document().characterCount() // 2)
    edit.insertFromMimeData(pasted)
    assert text.text() == edit.toPlainText()
    edit.undo()
    assert text.text() == edit.toPlainText()


def test_a_clipboard_paste_and_cut(qapp):
    edit, text = editor("keep this\nand this")
    QApplication.clipboard().setText("pasted\r\nlines 😀\n")
    at(edit, 4)
    edit.paste()
    assert text.text() == edit.toPlainText()
    at(edit, 2, 12)
    edit.cut()
    assert text.text() == edit.toPlainText()


def test_a_thousand_random_edits(qapp):
    """Inserts, deletes and replacements anywhere, within and across lines, with odd
    characters, grouped edits and undo: the text is toPlainText's after each one."""
    rng = random.Random(11)
    edit, text = editor(random_text(rng, 300))
    for step in range(1000):
        size = edit.document().characterCount()
        kind = rng.random()
        if kind < 0.1 and edit.document().isUndoAvailable():
            edit.undo()
        elif kind < 0.15:
            cursor = at(edit, rng.randrange(size))
            cursor.beginEditBlock()  # one change reported for several edits
            for _ in range(3):
                cursor.setPosition(rng.randrange(edit.document().characterCount()))
                cursor.insertText(random_text(rng, 2))
            cursor.endEditBlock()
        elif kind < 0.3:
            start = rng.randrange(size)
            at(edit, start, min(size - 1, start + rng.randrange(40))).removeSelectedText()
        else:
            start = rng.randrange(size)
            cursor = at(edit, start, start + rng.choice([0, 0, 1, 5, 60]))
            cursor.insertText(random_text(rng, rng.randrange(1, 4)))
        assert text.text() == edit.toPlainText(), f"step {step}"


def test_the_whole_text_replaced_at_once(qapp):
    edit, text = editor("old\ntext")
    edit.document().setPlainText("new\r\ntext\u2028here")
    assert text.text() == edit.toPlainText()
    edit.selectAll()
    edit.insertPlainText("")
    assert text.text() == edit.toPlainText() == ""


def test_a_change_reported_short_reads_every_line_again(qapp):
    """A safety net: when the lines do not add up with what a change reports (here, two
    lines added while signals were blocked, then a change reported at the start), every
    line is read again rather than the text going wrong."""
    edit, text = editor("one\ntwo")
    doc = edit.document()
    doc.blockSignals(True)
    at(edit, 10**6).insertText("\nthree\nfour")
    doc.blockSignals(False)
    doc.contentsChange.emit(0, 0, 0)
    assert text.text() == edit.toPlainText() == "one\ntwo\nthree\nfour"
