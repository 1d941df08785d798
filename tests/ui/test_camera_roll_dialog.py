"""The camera-roll review shows which shots look like one slide, and the sharpest of them."""

from desktop.services.importing import import_schedule
from desktop.ui.backend import Backend
from desktop.ui.camera_roll_dialog import CameraRollDialog
from tests.conftest import SAMPLE
from tests.slides import DECK, SHOTS, render, save_jpeg


def test_review_shows_shots_of_one_slide_as_a_group(qtbot, library, tmp_path):
    import_schedule(library, str(SAMPLE))
    roll = tmp_path / "roll"
    slide = render(DECK[0], (640, 480))
    save_jpeg(slide, roll / "IMG_20260514_092000.jpg", 85)
    save_jpeg(SHOTS["blurred"](slide), roll / "IMG_20260514_092004.jpg", 85)
    save_jpeg(render(DECK[1], (640, 480)), roll / "IMG_20260514_093000.jpg", 85)
    dialog = CameraRollDialog(library, roll, Backend())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3 and dialog.buttons.isEnabled())
    shots = {dialog.table.item(row, 0).text(): dialog.table.item(row, 4).text() for row in range(3)}
    assert shots == {
        "IMG_20260514_092000.jpg": "shots 1: sharpest, kept",
        "IMG_20260514_092004.jpg": "shots 1: another shot",
        "IMG_20260514_093000.jpg": "",
    }
