"""Pictures of slides, measured with Pillow: a perceptual hash and how sharp the shot is.

The hash is a 64-bit difference hash (dHash): about ten lines on Pillow, where `imagehash`
would bring SciPy and PyWavelets (~100 MB in the bundle) for the same number.
"""

from __future__ import annotations

from PIL import Image, ImageFilter, ImageStat

HASH_SIZE = 8
SHARPNESS_WIDTH = 800  # measured at one width, so photos of any resolution compare
_LAPLACIAN = ImageFilter.Kernel((3, 3), [0, 1, 0, 1, -4, 1, 0, 1, 0], scale=1, offset=128)


def dhash(image: Image.Image) -> int:
    """Brightness gradients of a 9×8 grey thumbnail, one bit each: alike pictures, close hashes."""
    small = image.convert("L").resize((HASH_SIZE + 1, HASH_SIZE), Image.Resampling.LANCZOS)
    pixels = small.tobytes()  # one byte a pixel, row by row
    bits = 0
    for row in range(HASH_SIZE):
        for col in range(HASH_SIZE):
            left = pixels[row * (HASH_SIZE + 1) + col]
            right = pixels[row * (HASH_SIZE + 1) + col + 1]
            bits = (bits << 1) | (left > right)
    return bits


def sharpness(image: Image.Image) -> float:
    """Variance of the Laplacian of the grey image at a fixed width: blur lowers it."""
    grey = image.convert("L")
    if grey.width > SHARPNESS_WIDTH:
        height = max(1, round(grey.height * SHARPNESS_WIDTH / grey.width))
        grey = grey.resize((SHARPNESS_WIDTH, height), Image.Resampling.BILINEAR)
    edges = grey.filter(_LAPLACIAN)
    return round(ImageStat.Stat(edges).var[0], 2)
