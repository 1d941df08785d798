"""A recap's sections: each group once a day, keynotes first, the blogger's order kept within
a group. Picked in time order, a closing keynote made "Talks, Keynotes, Talks"."""

from datetime import date

from desktop.exporters.compose import ExportRequest
from desktop.exporters.profile import BlogProfile
from desktop.services.exporting import build_post
from desktop.services.importing import import_schedule
from desktop.services.library import list_talks
from desktop.store.notes import save_talk_note
from tests.conftest import SAMPLE

DAY2 = date(2026, 5, 15)


def _sections(post) -> list[str]:
    shown = []
    for section in post.sections:
        shown += [f"## {text}" for _level, text in section.opens]
        shown.append(section.talk.title)
    return shown


def test_picked_talks_are_grouped_once_keynotes_first_in_the_picked_order(library):
    import_schedule(library, str(SAMPLE))
    talks = {t.title.split(":")[0]: t for t in list_talks(library, None, DAY2)}
    for talk in talks.values():
        save_talk_note(library, talk.id, f"Notes on {talk.title}.\n")
    picked = ["From Notes to Recap in Ten Minutes", "Closing Remarks", "Markdown Beyond the Basics"]
    request = ExportRequest(
        "day", conference_id=1, day=DAY2, talk_ids=[talks[t].id for t in picked]
    )
    post = build_post(library, request, BlogProfile(generator="hugo", group_by="kind"))
    assert _sections(post) == [
        "## Keynotes",
        "Closing Remarks",
        "## Talks",
        "From Notes to Recap in Ten Minutes",  # the blogger's order within the group
        "Markdown Beyond the Basics",
    ]


def test_in_time_order_each_group_comes_once(library):
    import_schedule(library, str(SAMPLE))
    for talk in list_talks(library, None, DAY2):
        save_talk_note(library, talk.id, "Noted.\n")
    request = ExportRequest("day", conference_id=1, day=DAY2)
    post = build_post(library, request, BlogProfile(generator="hugo", group_by="kind"))
    headings = [s for s in _sections(post) if s.startswith("## ")]
    assert headings == ["## Keynotes", "## Talks"]
    titles = [s for s in _sections(post) if not s.startswith("## ")]
    assert titles[:2] == ["Photographs of Slides, and Why They Matter", "Closing Remarks"]
