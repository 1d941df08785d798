"""The file-name suffixes of photos Talknotes takes. No Pillow: the window's drop check reads
this at start-up, and importing Pillow with its HEIF plugin costs ~25 ms there."""

IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".heic", ".heif"}
)
