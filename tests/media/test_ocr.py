"""Reading a slide photo with the real OCR engine, including a recognition that fails."""

import pytest

from desktop.media.ocr import SlideReader
from tests.slides import DECK, render, save_jpeg

rapidocr_main = pytest.importorskip("rapidocr.main")


def test_a_failed_recognition_reads_as_no_text(tmp_path, monkeypatch):
    """When recognition fails RapidOCR logs it and returns the detected boxes alone (a result
    without texts): that is a photo with nothing readable, not an AttributeError."""
    photo = save_jpeg(render(DECK[0], (800, 600)), tmp_path / "slide.jpg")
    reader = SlideReader()
    assert "Distributed Computing" in [line.text for line in reader.read(photo).lines]

    def fails(self, images):
        raise rapidocr_main.RapidOCRError("recognition failed")

    monkeypatch.setattr(rapidocr_main.RapidOCR, "recognize_txt", fails)
    reading = reader.read(photo)
    assert reading.lines == [] and (reading.width, reading.height) == (800, 600)
