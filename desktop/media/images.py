"""Open untrusted image files safely and read what we need from them."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from desktop.core.errors import TalknotesError
from desktop.core.file_name_time import time_from_name

MAX_PIXELS = 120_000_000  # a 24 MP phone photo is fine; a 50k×50k "PNG" is not
MAX_FILE_BYTES = 200 * 2**20

Image.MAX_IMAGE_PIXELS = MAX_PIXELS
ImageFile.LOAD_TRUNCATED_IMAGES = False

_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011
_DATETIME = 0x0132


def _register_heif() -> bool:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


HEIF_SUPPORTED = _register_heif()


@dataclass(frozen=True)
class ImageInfo:
    width: int  # upright (orientation applied)
    height: int
    format: str
    captured_at: datetime | None
    capture_source: str  # exif-offset | exif-zone | file-name | file-name-date | file-time


def open_checked(path: Path, draft: tuple[int, int] | None = None) -> Image.Image:
    """Open and decode `path`, refusing anything that is not a sound, sane image.

    With `draft`, a JPEG is decoded at a reduced scale (still reading the whole stream, so a
    truncated file is still caught): validating a 24 MP photo costs a fraction of a full decode.
    """
    what = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise TalknotesError(what, "no such file") from exc
    if size == 0:
        raise TalknotesError(what, "the file is empty (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise TalknotesError(what, f"{size // 2**20} MB is too large for a photo")
    if path.suffix.lower() in (".heic", ".heif") and not HEIF_SUPPORTED:
        raise TalknotesError(what, "HEIC/HEIF photos need the pillow-heif package")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            if image.width * image.height > MAX_PIXELS:
                raise TalknotesError(
                    what,
                    f"{image.width}×{image.height} pixels is over the "
                    f"{MAX_PIXELS // 1_000_000} megapixel limit (decompression bomb?)",
                )
            if draft is not None and image.format == "JPEG":
                image.draft("RGB", draft)
            image.load()
    except TalknotesError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise TalknotesError(
            what, f"over the {MAX_PIXELS // 1_000_000} megapixel limit (decompression bomb?)"
        ) from exc
    except UnidentifiedImageError as exc:
        raise TalknotesError(what, "not an image Talknotes can read") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise TalknotesError(what, f"damaged or truncated image ({exc})") from exc
    return image


def _parse_exif_time(
    value: str | None, offset: str | None, zone: tzinfo
) -> tuple[datetime, str] | None:
    if not value or not isinstance(value, str):
        return None
    try:
        naive = datetime.strptime(value.strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if offset and isinstance(offset, str) and len(offset.strip("\x00 ")) == 6:
        text = offset.strip("\x00 ")
        try:
            sign = 1 if text[0] == "+" else -1
            delta = timedelta(hours=int(text[1:3]), minutes=int(text[4:6]))
            return naive.replace(tzinfo=timezone(sign * delta)), "exif-offset"
        except ValueError:
            pass
    return naive.replace(tzinfo=zone), "exif-zone"


def capture_time(image: Image.Image, path: Path, zone: tzinfo) -> tuple[datetime, str]:
    """When the photo was taken: EXIF DateTimeOriginal (+ OffsetTimeOriginal when present,
    else read in the conference zone), then the time a camera wrote into the file name (in the
    conference zone: the phone's local time there; "file-name-date" when the name has only the
    day), falling back to the file's modification time."""
    exif = image.getexif()
    sub = exif.get_ifd(_EXIF_IFD)
    found = _parse_exif_time(sub.get(_DATETIME_ORIGINAL), sub.get(_OFFSET_TIME_ORIGINAL), zone)
    found = found or _parse_exif_time(exif.get(_DATETIME), None, zone)
    if found:
        return found
    named = time_from_name(path.name, zone)
    if named is not None:
        return named.moment, "file-name-date" if named.date_only else "file-name"
    mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return mtime, "file-time"


def inspect(path: Path, zone: tzinfo) -> ImageInfo:
    image = open_checked(path, draft=(640, 640))
    try:
        captured, source = capture_time(image, path, zone)
        orientation = image.getexif().get(0x0112, 1)
        with Image.open(path) as header:  # the full size, from the header alone
            width, height = header.size
        if orientation in (5, 6, 7, 8):
            width, height = height, width
        return ImageInfo(width, height, image.format or "", captured, source)
    finally:
        image.close()


def upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation so the pixels are the right way up."""
    return ImageOps.exif_transpose(image) or image
