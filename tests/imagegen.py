"""Generate test photos with real EXIF: capture time, offset, orientation, GPS, camera serial."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

EXIF_IFD, GPS_IFD = 0x8769, 0x8825
DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL = 0x9003, 0x9011
BODY_SERIAL, MAKE, MODEL, ORIENTATION = 0xA431, 0x010F, 0x0110, 0x0112


def make_photo(
    path: Path,
    *,
    size=(400, 200),
    when: str | None = "2026:05:14 10:05:00",
    offset: str | None = "+01:00",
    orientation: int = 1,
    gps: bool = True,
    serial: str | None = "SN-123456",
    fmt: str = "JPEG",
) -> Path:
    """A landscape image whose left half is red and right half blue (to check orientation)."""
    image = Image.new("RGB", size, "blue")
    image.paste(Image.new("RGB", (size[0] // 2, size[1]), "red"), (0, 0))
    exif = Image.Exif()
    exif[MAKE], exif[MODEL] = "TestCam", "T-1000"
    exif[ORIENTATION] = orientation
    sub = exif.get_ifd(EXIF_IFD)
    if when:
        sub[DATETIME_ORIGINAL] = when
    if offset:
        sub[OFFSET_TIME_ORIGINAL] = offset
    if serial:
        sub[BODY_SERIAL] = serial
    if gps:
        gps_ifd = exif.get_ifd(GPS_IFD)
        gps_ifd[1], gps_ifd[2] = "N", (38.0, 42.0, 30.5)
        gps_ifd[3], gps_ifd[4] = "W", (9.0, 8.0, 20.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, exif=exif.tobytes(), **({"quality": 90} if fmt == "JPEG" else {}))
    return path


# Orientation n shows the stored pixels transformed; for each, the stored image that makes an
# upright "red left, blue right" picture after exif_transpose is built by the inverse transform.
INVERSE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def make_oriented(path: Path, orientation: int) -> Path:
    """Pixels stored so that, with `orientation` applied, red is left and blue right."""
    make_photo(path, orientation=1)
    with Image.open(path) as image:
        upright = image.copy()
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    transform = INVERSE[orientation]
    stored = upright.transpose(transform) if transform is not None else upright
    stored.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    return path


def left_right_colors(image: Image.Image) -> tuple[str, str]:
    def name(px):
        r, g, b = px[:3]
        return "red" if r > 150 and b < 100 else "blue" if b > 150 and r < 100 else f"{px}"

    w, h = image.size
    rgb = image.convert("RGB")
    return name(rgb.getpixel((w // 6, h // 2))), name(rgb.getpixel((5 * w // 6, h // 2)))
