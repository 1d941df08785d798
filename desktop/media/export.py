"""Photos for publishing: upright, resized, re-encoded, with no metadata at all.

Re-encoding from pixels drops EXIF (GPS, camera serial numbers, maker notes), XMP, IPTC and
embedded thumbnails; nothing of the original file's metadata is copied across.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PIL import Image

from desktop.media.images import open_checked, upright

DEFAULT_MAX_WIDTH = 1600
DEFAULT_QUALITY = 85


def export_photo(
    source: Path,
    target: Path,
    *,
    max_width: int | None = DEFAULT_MAX_WIDTH,
    quality: int = DEFAULT_QUALITY,
) -> tuple[int, int]:
    """Write a clean copy of `source` to `target` (atomically); returns its size."""
    # JPEG: decode at the smallest scale whose upright width is still ≥ max_width (draft)
    draft = None
    if max_width:
        with Image.open(source) as header:
            turned = header.getexif().get(0x0112, 1) in (5, 6, 7, 8)
        draft = (1, max_width) if turned else (max_width, 1)
    image = open_checked(source, draft=draft)
    try:
        clean = upright(image)
        has_alpha = clean.mode in ("RGBA", "LA") or "transparency" in clean.info
        out_format = "PNG" if target.suffix.lower() == ".png" else "JPEG"
        clean = clean.convert("RGBA" if has_alpha and out_format == "PNG" else "RGB")
        if max_width and clean.width > max_width:
            height = round(clean.height * max_width / clean.width)
            clean = clean.resize((max_width, height), Image.Resampling.LANCZOS)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=target.suffix)
        try:
            with os.fdopen(fd, "wb") as out:
                if out_format == "JPEG":
                    clean.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
                else:
                    clean.save(out, "PNG", optimize=True)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return clean.size
    finally:
        image.close()
