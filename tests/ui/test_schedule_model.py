"""The sidebar's model: a talk's row shows its state in its font (running: bold; no longer in
the schedule: struck out), set when a row is made and kept up as the state changes."""

from dataclasses import replace
from datetime import timedelta

from desktop.core.models import Conference, TalkStatus
from desktop.importers import parse_schedule
from desktop.ui.schedule_model import ID_ROLE, KIND_ROLE, ROOM_ROLE, ScheduleModel
from tests.conftest import SAMPLE


def _font(model, talk_id):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont

    return model.index_of_talk(talk_id).data(Qt.ItemDataRole.FontRole) or QFont()


def test_running_talks_are_bold_until_they_end_and_removed_ones_struck_out(qapp):
    talks = parse_schedule(SAMPLE.read_bytes(), str(SAMPLE)).talks
    talks = [replace(t, id=n, conference_id=1) for n, t in enumerate(talks, start=1)]
    gone = replace(talks[-1], status=TalkStatus.REMOVED)
    model = ScheduleModel()
    model.populate([Conference(id=1, title="Sample")], [*talks[:-1], gone], [])
    plain = [t for t in talks[:-1] if t.start]
    first = plain[0]
    assert not _font(model, first.id).bold() and not _font(model, first.id).strikeOut()
    assert _font(model, gone.id).strikeOut() and not _font(model, gone.id).bold()
    model.mark_time(first.start + timedelta(minutes=1))
    assert _font(model, first.id).bold()
    model.mark_time(first.end + timedelta(days=30))  # long over
    assert not _font(model, first.id).bold()
    assert _font(model, gone.id).strikeOut()
    model.update_talk(replace(gone, status=TalkStatus.SCHEDULED))  # back in the schedule
    assert not _font(model, gone.id).strikeOut()


def _fosdem_model():
    from tests.conftest import shared_fixture

    path = shared_fixture("schedules/xml/fosdem-2024-schedule.xml")
    talks = parse_schedule(path.read_bytes(), str(path)).talks
    talks = [replace(t, id=n, conference_id=1) for n, t in enumerate(talks, start=1)]
    talks.sort(key=lambda t: (t.start is None, t.start, t.room, t.id))  # as the library reads
    model = ScheduleModel()
    model.populate([Conference(id=1, title="FOSDEM 2024")], talks, [])
    return model, talks


def test_the_tree_keeps_qt_s_model_rules(qapp, qtlog):
    """Qt's own model tester walks the tree (parents, rows, columns, data) through a fill, a
    refill and changes of state, and finds nothing wrong."""
    from PySide6.QtTest import QAbstractItemModelTester

    model, talks = _fosdem_model()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.mark_time(talks[0].start + timedelta(minutes=1))
    model.update_talk(replace(talks[3], starred=True))
    model.populate([Conference(id=1, title="FOSDEM 2024")], talks[:50], [])
    assert not [r.message for r in qtlog.records if "FAIL" in r.message or "ASSERT" in r.message]
    assert model.rowCount() == 1


def test_rows_show_what_the_talks_hold(qapp):
    """Each talk's row: its line, its room, its tooltip, parallel talks banded together; the
    conference bold; kind and id on both columns."""
    from PySide6.QtCore import Qt

    model, talks = _fosdem_model()
    conference = model.index(0, 0)
    assert conference.data() == "FOSDEM 2024" and conference.data(Qt.ItemDataRole.FontRole).bold()
    day = model.index(0, 0, conference)
    assert day.data() == "Day 1 · Saturday 3 February"
    dated = sorted((t for t in talks if t.day == talks[0].day), key=lambda t: t.start)
    for row in (0, 1, 40):
        index = model.index(row, 0, day)
        talk = model.talk(index.data(ID_ROLE))
        assert talk.title in index.data() and talk.speakers[0] in index.data()
        assert index.data(ROOM_ROLE) == talk.room  # (shown on the row's second line)
        assert not model.index(row, 1, day).isValid()  # one column
        assert talk.title in index.data(Qt.ItemDataRole.ToolTipRole)
        assert index.data(KIND_ROLE) == "talk" and index.data(ID_ROLE) == talk.id
        assert model.parent(index) == day and model.parent(day) == conference
    slots = sorted({t.start for t in dated})
    for talk in dated[:60]:
        banded = model.index_of_talk(talk.id).data(Qt.ItemDataRole.BackgroundRole) is not None
        assert banded == bool(slots.index(talk.start) % 2)


def test_banded_rows_follow_the_theme(qapp, go_dark):
    """The band of alternate slots was made from the palette once, as the model was built: a
    switch to the dark theme left near-white rows under pale text."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette

    model, talks = _fosdem_model()
    banded = next(
        index
        for row in range(40)
        if (index := model.index(row, 0, model.index(0, 0, model.index(0, 0)))).data(
            Qt.ItemDataRole.BackgroundRole
        )
        is not None
    )
    light = banded.data(Qt.ItemDataRole.BackgroundRole).color()
    assert light == qapp.palette().color(QPalette.ColorRole.AlternateBase)
    go_dark()
    palette = qapp.palette()
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#2a2a2a"))  # (as a dark theme)
    qapp.setPalette(palette)
    dark = banded.data(Qt.ItemDataRole.BackgroundRole).color()
    assert dark == QColor("#2a2a2a") and dark != light
