"""The sidebar's two-line talk rows, as painted: the selected row in the palette's highlight
with its text in the highlighted colour, the others in the text colour, the title once (not
Qt's own text drawn under it)."""

from dataclasses import replace

import pytest

from desktop.core.models import Conference
from desktop.importers import parse_schedule
from desktop.ui.schedule_model import ID_ROLE
from tests.conftest import SAMPLE


@pytest.fixture
def tree(qtbot):
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QTreeView

    from desktop.ui.schedule_model import ScheduleModel
    from desktop.ui.talk_delegate import TalkDelegate

    talks = parse_schedule(SAMPLE.read_bytes(), str(SAMPLE)).talks
    talks = [replace(t, id=n, conference_id=1) for n, t in enumerate(talks, start=1)]
    model = ScheduleModel()
    model.populate([Conference(id=1, title="Sample")], [t for t in talks if t.start], [])
    view = QTreeView()
    palette = view.palette()  # colours no style or theme would pick, to find them in pixels
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#ffffff"))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#0000c8"))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffff00"))
        palette.setColor(group, QPalette.ColorRole.Text, QColor("#c80000"))
    view.setPalette(palette)
    view.setModel(model)
    view.setItemDelegate(TalkDelegate(model, view))
    view.setHeaderHidden(True)
    view.resize(420, 500)
    view.expandAll()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def _colours(image, rect):
    """The colours painted in `rect`, counted."""
    found: dict[tuple[int, int, int], int] = {}
    for y in range(rect.top(), rect.bottom()):
        for x in range(rect.left(), rect.right()):
            c = image.pixelColor(x, y)
            key = (c.red(), c.green(), c.blue())
            found[key] = found.get(key, 0) + 1
    return found


def _near(colours, rgb, slack=60):
    """Pixels close to `rgb` (text is antialiased: its edges are blends)."""
    return sum(
        n
        for (r, g, b), n in colours.items()
        if abs(r - rgb[0]) + abs(g - rgb[1]) + abs(b - rgb[2]) <= slack
    )


def test_selected_row_in_highlight_with_highlighted_text(tree):
    from PySide6.QtCore import QItemSelectionModel

    view, model = tree
    day = model.index(0, 0, model.index(0, 0))
    first, second = model.index(0, 0, day), model.index(1, 0, day)
    view.selectionModel().setCurrentIndex(second, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    image = view.viewport().grab().toImage()
    chosen = _colours(image, view.visualRect(second).adjusted(1, 1, -1, -1))
    other = _colours(image, view.visualRect(first).adjusted(1, 1, -1, -1))
    assert _near(chosen, (0, 0, 200), 10) > 0.5 * sum(chosen.values())  # the highlight
    assert _near(chosen, (255, 255, 0)) > 20  # its two lines, in the highlighted colour
    assert _near(chosen, (200, 0, 0)) == 0  # nothing in the plain text colour
    assert _near(other, (200, 0, 0)) > 20  # the other row's text: plain
    assert _near(other, (0, 0, 200), 10) == 0 and _near(other, (255, 255, 0)) == 0


def test_the_title_is_drawn_once(tree):
    """Qt's own text (the row's whole label) is left out: only the delegate's two lines. The
    first line is the label up to the speakers; nothing is drawn right of where it ends."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics

    view, model = tree
    view.resize(1600, 500)  # wider than the title line: room for what must not be drawn
    day = model.index(0, 0, model.index(0, 0))
    index = model.index(0, 0, day)
    label = index.data(Qt.ItemDataRole.DisplayRole)
    assert " — " in label  # (the sample's first talk has speakers: the label names them)
    title_line = label.split(" — ")[0]
    rect = view.visualRect(index)
    metrics = QFontMetrics(view.font())
    line = metrics.lineSpacing()
    end = rect.left() + 4 + metrics.horizontalAdvance(title_line)
    image = view.viewport().grab().toImage()
    first_line = QRect(end + 8, rect.top() + 2, rect.right() - end - 10, line)
    assert first_line.width() > 40  # room for Qt's text, had it been drawn
    assert _near(_colours(image, first_line), (200, 0, 0), 200) == 0


def test_the_open_note_s_row_is_marked_when_the_selection_moves_off_it(tree):
    """Browsing with the arrows moves the selection, not the note typed into: its row keeps
    a bar at its left edge (in the highlight colour), and only its row."""
    from PySide6.QtCore import QItemSelectionModel, QRect

    from desktop.ui.talk_delegate import TalkDelegate

    view, model = tree
    day = model.index(0, 0, model.index(0, 0))
    first, second = model.index(0, 0, day), model.index(1, 0, day)
    opened = ("talk", first.data(ID_ROLE))
    view.setItemDelegate(TalkDelegate(model, view, open_note=lambda: opened))
    view.selectionModel().setCurrentIndex(
        second, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )  # browsed on, one row down
    image = view.viewport().grab().toImage()

    def left_edge(index):
        rect = view.visualRect(index)
        return _colours(image, QRect(rect.left(), rect.top() + 3, 3, rect.height() - 6))

    assert _near(left_edge(first), (0, 0, 200), 10) > 0.9 * sum(left_edge(first).values())
    third = model.index(2, 0, day)
    assert _near(left_edge(third), (0, 0, 200), 10) == 0  # another row: no mark
