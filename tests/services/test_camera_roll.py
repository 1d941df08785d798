"""Filing a camera roll: the talk running at capture time, parallel slots, day boundaries."""

from desktop.services import camera_roll
from desktop.services.importing import import_schedule
from desktop.store.notes import hallway_notes, talk_note
from desktop.store.photos import note_photos
from desktop.store.talks import list_talks, set_starred
from tests.conftest import SAMPLE
from tests.imagegen import make_photo


def _talks(library):
    return {t.title: t for t in list_talks(library)}


def test_files_photos_to_running_talks(library, tmp_path):
    import_schedule(library, str(SAMPLE))
    talks = _talks(library)
    set_starred(library, talks["Sketchnoting for Engineers"].id, True)  # parallel with Offline
    roll = tmp_path / "DCIM"
    make_photo(roll / "a_keynote.jpg", when="2026:05:14 09:20:00", offset="+01:00")
    make_photo(roll / "b_parallel.jpg", when="2026:05:14 10:15:00", offset="+01:00")
    make_photo(roll / "c_lunch.jpg", when="2026:05:14 12:30:00", offset="+01:00")
    # 00:10 on 15 May: the Night Owls talk (23:30–00:30) of conference day 14 May
    make_photo(roll / "d_night.jpg", when="2026:05:15 00:10:00", offset="+01:00")
    # camera clock in UTC without offset → read in conference zone; 16:10 = Closing Remarks
    make_photo(roll / "e_closing.jpg", when="2026:05:15 16:10:00", offset=None)
    make_photo(roll / "f_year_later.jpg", when="2027:05:14 10:00:00")

    plan = camera_roll.plan(library, roll)
    by_name = {f.path.name: f for f in plan}
    assert (
        by_name["a_keynote.jpg"].talk_id
        == talks["Opening Keynote: Notes That Outlive the Conference"].id
    )
    assert by_name["b_parallel.jpg"].talk_id == talks["Sketchnoting for Engineers"].id
    assert "parallel" in by_name["b_parallel.jpg"].reason
    assert by_name["c_lunch.jpg"].talk_id is None
    assert by_name["c_lunch.jpg"].title == "Hallway · Thu 14 May"
    night = by_name["d_night.jpg"]
    assert night.talk_id == talks["Night Owls: Lightning Talks After Dark"].id
    assert night.day.isoformat() == "2026-05-14"
    assert by_name["e_closing.jpg"].talk_id == talks["Closing Remarks"].id
    assert by_name["f_year_later.jpg"].skip

    assert talk_note(library, talks["Closing Remarks"].id).id is None  # plan changed nothing
    assert camera_roll.apply(library, plan) == 5
    sketch = talk_note(library, talks["Sketchnoting for Engineers"].id)
    assert len(note_photos(library, sketch.id)) == 1 and "](photo:" in sketch.body
    (hallway,) = hallway_notes(library)
    assert hallway.title == "Hallway · Thu 14 May" and "](photo:" in hallway.body

    again = camera_roll.plan(library, roll)
    assert all(f.skip for f in again)
    assert camera_roll.apply(library, again) == 0


def test_clock_offset_moves_photos(library, tmp_path):
    import_schedule(library, str(SAMPLE))
    talks = _talks(library)
    roll = tmp_path / "roll"
    # the camera was 20 minutes behind: 09:40 on its clock was really 10:00
    make_photo(roll / "x.jpg", when="2026:05:15 09:40:00", offset="+01:00")
    (entry,) = camera_roll.plan(library, roll, clock_offset_minutes=20)
    assert entry.talk_id in {
        talks["Markdown Beyond the Basics"].id,
        talks["Time Zones for the Perplexed"].id,
    }
    (entry,) = camera_roll.plan(library, roll)
    assert entry.talk_id == talks["Photographs of Slides, and Why They Matter"].id


def test_photos_without_exif_are_filed_by_the_time_in_their_names(library, tmp_path):
    """Messenger and blog copies lose EXIF but keep the camera's name; the file's mtime (the
    day it was copied) must not decide."""
    import_schedule(library, str(SAMPLE))
    talks = _talks(library)
    roll = tmp_path / "exported"
    names = {
        "IMG_20260514_092000.jpg": "Opening Keynote: Notes That Outlive the Conference",
        "PXL_20260515_161000123.jpg": "Closing Remarks",
        "Screenshot_20260514-092500.png": "Opening Keynote: Notes That Outlive the Conference",
        "2026-05-15 16.05.00.jpg": "Closing Remarks",
    }
    for name in [*names, "IMG-20260514-WA0003.jpg"]:
        fmt = "PNG" if name.endswith(".png") else "JPEG"
        make_photo(roll / name, when=None, offset=None, fmt=fmt)
    by_name = {f.path.name: f for f in camera_roll.plan(library, roll)}
    for name, title in names.items():
        entry = by_name[name]
        assert entry.capture_source == "file-name", name
        assert entry.talk_id == talks[title].id, name
    date_only = by_name["IMG-20260514-WA0003.jpg"]
    assert date_only.capture_source == "file-name-date"
    assert date_only.talk_id is None and date_only.title == "Hallway · Thu 14 May"
    assert "only a date" in date_only.reason


def test_shots_of_one_slide_taken_moments_apart_are_grouped_for_review(library, tmp_path):
    from tests.slides import DECK, SHOTS, render, save_jpeg

    import_schedule(library, str(SAMPLE))
    roll = tmp_path / "roll"
    slide = render(DECK[0], (800, 600))
    save_jpeg(slide, roll / "IMG_20260514_092000.jpg", 85)
    save_jpeg(SHOTS["blurred"](slide), roll / "IMG_20260514_092005.jpg", 85)
    save_jpeg(render(DECK[1], (800, 600)), roll / "IMG_20260514_093000.jpg", 85)
    save_jpeg(slide, roll / "IMG_20260514_094500.jpg", 70)  # again, a quarter hour later
    plan = {f.path.name: f for f in camera_roll.plan(library, roll)}
    sharp, blurred = plan["IMG_20260514_092000.jpg"], plan["IMG_20260514_092005.jpg"]
    assert sharp.group == blurred.group == 1
    assert sharp.sharpest and not blurred.sharpest
    assert plan["IMG_20260514_093000.jpg"].group == 0
    assert plan["IMG_20260514_094500.jpg"].group == 0
