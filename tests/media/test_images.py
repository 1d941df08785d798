"""Image intake: capture time from EXIF, orientation, and hostile files refused."""

import zlib
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from desktop.core.errors import TalknotesError
from desktop.media import files
from desktop.media.images import inspect, open_checked, upright
from desktop.media.publish import export_photo
from tests.imagegen import (
    BODY_SERIAL,
    EXIF_IFD,
    GPS_IFD,
    left_right_colors,
    make_oriented,
    make_photo,
)

LISBON = ZoneInfo("Europe/Lisbon")


def test_capture_time_with_offset(tmp_path):
    info = inspect(make_photo(tmp_path / "a.jpg", offset="+02:00"), LISBON)
    assert info.captured_at == datetime(2026, 5, 14, 10, 5, tzinfo=timezone(timedelta(hours=2)))
    assert info.capture_source == "exif-offset"


def test_capture_time_without_offset_uses_conference_zone(tmp_path):
    info = inspect(make_photo(tmp_path / "a.jpg", offset=None), LISBON)
    assert info.captured_at == datetime(2026, 5, 14, 10, 5, tzinfo=LISBON)
    assert info.capture_source == "exif-zone"


def test_capture_time_falls_back_to_file_time(tmp_path):
    info = inspect(make_photo(tmp_path / "a.png", when=None, offset=None, fmt="PNG"), LISBON)
    assert info.capture_source == "file-time"
    assert abs(info.captured_at - datetime.now(UTC)) < timedelta(minutes=5)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_thumbnail_is_upright_for_every_orientation(tmp_path, orientation):
    path = make_oriented(tmp_path / f"o{orientation}.jpg", orientation)
    sha = files.sha256_of(path)
    media = tmp_path / "media"
    files.store_original(media, path, sha)
    thumb = files.ensure_thumbnail(media, sha)
    with Image.open(thumb) as image:
        assert image.width > image.height  # landscape once upright
        assert left_right_colors(image) == ("red", "blue")
    info = inspect(path, LISBON)
    assert (info.width, info.height) == (400, 200)


def test_store_original_once_and_never_touch_source(tmp_path):
    path = make_photo(tmp_path / "in" / "IMG_1.jpg")
    before = path.read_bytes()
    sha = files.sha256_of(path)
    first = files.store_original(tmp_path / "media", path, sha)
    second = files.store_original(tmp_path / "media", path, sha)
    assert first == second and first.read_bytes() == before
    assert path.read_bytes() == before
    assert len(list((tmp_path / "media").rglob("*.jpg"))) == 1


def test_export_strips_gps_and_serial_and_applies_orientation(tmp_path):
    source = make_oriented(tmp_path / "o6.jpg", 6)
    with Image.open(source) as img:  # give it GPS and a serial too
        exif = img.getexif()
        exif.get_ifd(EXIF_IFD)[BODY_SERIAL] = "SERIAL-42"
        exif.get_ifd(GPS_IFD)[1] = "N"
        img.save(source, "JPEG", exif=exif.tobytes())
    out = tmp_path / "out" / "photo.jpg"
    export_photo(source, out, max_width=300)
    with Image.open(out) as image:
        exif = image.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert BODY_SERIAL not in exif.get_ifd(EXIF_IFD)
        assert 0x0112 not in exif  # no orientation left to apply: pixels are upright
        assert "exif" not in image.info and "xmp" not in image.info
        assert image.size == (300, 150)
        assert left_right_colors(image) == ("red", "blue")
    assert b"SERIAL-42" not in out.read_bytes()


def _png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0"))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "name,content,why",
    [
        ("empty.jpg", b"", "empty"),
        ("text.jpg", b"this is not a photo\n" * 10, "not an image"),
        ("giant.png", _png_claiming(60_000, 60_000), "megapixel limit"),
        ("garbage.png", bytes(range(256)) * 20, "not an image"),
    ],
)
def test_hostile_files_refused(tmp_path, name, content, why):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TalknotesError) as err:
        open_checked(path)
    assert err.value.what == str(path) and why in err.value.why


def test_truncated_jpeg_refused(tmp_path):
    path = make_photo(tmp_path / "t.jpg", size=(800, 600))
    path.write_bytes(path.read_bytes()[:1500])
    with pytest.raises(TalknotesError, match="damaged or truncated"):
        open_checked(path)


def test_upright_returns_image_without_orientation(tmp_path):
    with Image.open(make_photo(tmp_path / "a.jpg")) as image:
        assert upright(image).size == (400, 200)


def test_heic_from_a_phone_is_accepted_and_exported_as_jpeg(tmp_path):
    pytest.importorskip("pillow_heif")
    from desktop.media.images import HEIF_SUPPORTED

    assert HEIF_SUPPORTED
    path = tmp_path / "IMG_0001.HEIC"
    image = Image.new("RGB", (400, 200), "blue")
    image.paste(Image.new("RGB", (200, 200), "red"), (0, 0))
    image.save(path, format="HEIF", quality=90)
    info = inspect(path, LISBON)
    assert (info.width, info.height, info.format) == (400, 200, "HEIF")
    sha = files.sha256_of(path)
    files.store_original(tmp_path / "media", path, sha)
    assert files.ensure_thumbnail(tmp_path / "media", sha) is not None
    out = tmp_path / "out" / "IMG_0001.jpg"
    export_photo(path, out)
    with Image.open(out) as exported:
        assert exported.format == "JPEG" and left_right_colors(exported) == ("red", "blue")
