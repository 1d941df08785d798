"""Offline OCR of slide photos with RapidOCR (PP-OCR models shipped in its wheel, run by
onnxruntime on the CPU). Optional: without the packages, `available()` is False and nothing
else here is imported."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import TalknotesError
from desktop.core.slide_text import TextLine

MAX_SIDE = 2000  # the detector reads at most this size; a 12 MP photo is scaled down first
NOT_INSTALLED = "OCR is not installed (the rapidocr and onnxruntime packages)"


def available() -> bool:
    """Whether the OCR packages are installed (looked up, not imported: that takes ~1 s)."""
    try:
        return all(importlib.util.find_spec(name) for name in ("rapidocr", "onnxruntime"))
    except (ImportError, ValueError):  # a package blocked or half-installed
        return False


def engine_version() -> str:
    from importlib.metadata import version

    return f"rapidocr {version('rapidocr')}"


@dataclass(frozen=True)
class Reading:
    """What one photo says: its lines (boxes in the upright photo's pixels) and measures."""

    lines: list[TextLine]
    width: int
    height: int
    dhash: int
    sharpness: float


class SlideReader:
    """Reads photos one at a time, on one CPU thread (the models load on the first photo)."""

    def __init__(self, threads: int = 1) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", str(threads))
        import rapidocr
        from rapidocr import RapidOCR

        models = Path(rapidocr.__file__).parent / "models"
        if len(list(models.glob("*.onnx"))) < 3:  # RapidOCR would download them: never
            raise TalknotesError(str(models), "the OCR models are missing (reinstall rapidocr)")

        try:
            import cv2

            cv2.setNumThreads(threads)
        except ImportError:  # pragma: no cover (a dependency of rapidocr)
            pass
        self._engine = RapidOCR(
            params={
                "Global.log_level": "error",
                "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            }
        )

    def read(self, path: Path) -> Reading:
        # Pillow with the reading, not with this module: the window asks available() at start
        from desktop.media.images import open_checked, upright
        from desktop.media.slide_image import dhash, sharpness

        image = open_checked(path)
        try:
            picture = upright(image).convert("RGB")
        finally:
            image.close()
        measures = dhash(picture), sharpness(picture)
        scale = 1.0
        if max(picture.size) > MAX_SIDE:
            scale = MAX_SIDE / max(picture.size)
            picture = picture.resize(
                (round(picture.width * scale), round(picture.height * scale)),
                resample=3,  # bicubic
            )
        from rapidocr.utils.output import RapidOCROutput

        result = self._engine(picture)
        lines = []
        # Only a full result has text: when recognition fails RapidOCR logs it and returns the
        # detection alone (boxes, no texts), which is a photo without readable text.
        if isinstance(result, RapidOCROutput) and result.boxes is not None:
            for text, score, box in zip(
                result.txts or (), result.scores or (), result.boxes, strict=False
            ):
                a, b, c, d = ((float(x) / scale, float(y) / scale) for x, y in box[:4])
                lines.append(TextLine(str(text), float(score), (a, b, c, d)))
        width, height = round(picture.width / scale), round(picture.height / scale)
        return Reading(lines, width, height, *measures)
