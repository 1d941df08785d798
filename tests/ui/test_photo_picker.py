"""Choosing photos: the picker opens where photos were last attached from (else the pictures
folder or home), not in the folder the app was started from, and wide enough to read."""

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.ui.photo_actions import IMAGE_FILTER
from desktop.ui.photo_picker import choose_photos
from tests.imagegen import make_photo


def _pick(chosen: Path | None, seen: list):
    """Answer the picker when it shows: note where it opened and its size, choose `chosen`
    (None: cancel)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)  # not shown yet
            return
        seen.append((Path(dialog.directory().absolutePath()), dialog.width()))
        if chosen is None:
            dialog.reject()
            return
        dialog.selectFile(str(chosen))
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_the_picker_opens_where_photos_were_last_attached_from(qtbot, tmp_path, monkeypatch):
    started_in = tmp_path / "checkout"
    started_in.mkdir()
    monkeypatch.chdir(started_in)  # where the app was started from: no photos there
    camera = tmp_path / "DCIM"
    photo = make_photo(camera / "IMG_4001.jpg")
    seen: list = []
    _pick(photo, seen)
    assert choose_photos(None, IMAGE_FILTER) == [str(photo)]
    first, width = seen[0]
    assert first != started_in  # the pictures folder, or home
    room = QApplication.primaryScreen().availableGeometry().width()
    assert first.is_dir() and width >= min(1000, room - 40)  # (its folder box, columns read)
    _pick(None, seen)
    assert choose_photos(None, IMAGE_FILTER) == []
    assert seen[1][0] == camera  # where the last photo came from
