"""The sidebar's model: a talk's row shows its state in its font (running: bold; no longer in
the schedule: struck out), set when a row is made and kept up as the state changes."""

from dataclasses import replace
from datetime import timedelta

from desktop.core.models import Conference, TalkStatus
from desktop.importers import parse_schedule
from desktop.ui.schedule_model import ScheduleModel
from tests.conftest import SAMPLE


def _font(model, talk_id):
    return model.itemFromIndex(model.index_of_talk(talk_id)).font()


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
