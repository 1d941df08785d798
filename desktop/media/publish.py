"""Photos for publishing: upright, resized, re-encoded, with only what the image needs.

The metadata policy: the ICC colour profile is kept (without it colours shift); everything
else is dropped: EXIF (GPS, camera serial numbers, MakerNote), XMP, IPTC, JPEG comments (COM),
embedded thumbnails. Pillow carries a JPEG's COM segment over on save unless told otherwise, so
each kept key is named rather than trusting a re-encode to drop the rest. Files are written
with the blog's usual permissions (0644 under the common umask), not mkstemp's 0600: a web
server running as another user must be able to read them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PIL import Image

from desktop.media.images import open_checked, upright

DEFAULT_MAX_WIDTH = 1600
_umask: int | None = None


def current_umask() -> int:
    """The process umask (read once: setting it to read it is not thread-safe)."""
    global _umask
    if _umask is None:
        try:  # Linux says it without changing it
            with open("/proc/self/status", encoding="ascii") as status:
                line = next(x for x in status if x.startswith("Umask:"))
            _umask = int(line.split()[1], 8)
        except (OSError, StopIteration, ValueError):
            _umask = os.umask(0o022)
            os.umask(_umask)
    return _umask


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
        # an RGB profile only: one made for CMYK or grey pixels would misdescribe RGB output
        icc = image.info.get("icc_profile") if image.mode in ("RGB", "RGBA") else None
        clean.info = {}  # nothing of the original's metadata rides along (COM, XMP, EXIF …)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=target.suffix)
        try:
            os.fchmod(fd, 0o666 & ~current_umask())
            with os.fdopen(fd, "wb") as out:
                kept = {"icc_profile": icc} if icc else {}
                if out_format == "JPEG":
                    clean.save(
                        out, "JPEG", quality=quality, optimize=True, progressive=True, **kept
                    )
                else:
                    clean.save(out, "PNG", optimize=True, **kept)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return clean.size
    finally:
        image.close()
