"""The library's media folder: content-addressed originals and cached thumbnails."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from PIL import Image

from desktop.core.errors import TalknotesError, plain_reason
from desktop.media.images import open_checked, upright

THUMB_SIZE = 320


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def original_path(media_dir: Path, sha256: str, suffix: str) -> Path:
    return media_dir / "originals" / sha256[:2] / f"{sha256}{suffix.lower()}"


def find_original(media_dir: Path, sha256: str) -> Path | None:
    folder = media_dir / "originals" / sha256[:2]
    matches = sorted(folder.glob(f"{sha256}.*")) if folder.is_dir() else []
    return matches[0] if matches else None


def store_original(media_dir: Path, source: Path, sha256: str) -> Path:
    """Copy `source` into the library once (the user's file is only read)."""
    target = original_path(media_dir, sha256, source.suffix or ".img")
    existing = find_original(media_dir, sha256)
    if existing is not None:
        return existing
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError as exc:  # a full disk: name the library's file, not a temporary one
        raise TalknotesError(str(target), f"not stored: {plain_reason(exc)}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def thumbnail_path(media_dir: Path, sha256: str, size: int = THUMB_SIZE) -> Path:
    return media_dir / "thumbs" / sha256[:2] / f"{sha256}-{size}.jpg"


def ensure_thumbnail(media_dir: Path, sha256: str, size: int = THUMB_SIZE) -> Path | None:
    """The cached upright thumbnail, made on first use. None when the original is gone."""
    target = thumbnail_path(media_dir, sha256, size)
    if target.exists():
        return target
    original = find_original(media_dir, sha256)
    if original is None:
        return None
    image = open_checked(original, draft=(size * 2, size * 2))  # JPEG: reduced-scale decode
    try:
        thumb = upright(image).convert("RGB")
        thumb.thumbnail((size, size), Image.Resampling.LANCZOS)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".thumb-")
        with os.fdopen(fd, "wb") as out:
            thumb.save(out, "JPEG", quality=85)
        os.replace(tmp, target)
    finally:
        image.close()
    return target
