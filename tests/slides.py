"""Render slides with known text (Pillow), and degrade them as a phone photo of a screen would:
rotated, perspective-skewed, blurred, JPEG-compressed, with a screen's moiré."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")


def font(size: int, bold: bool = False, mono: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSansMono.ttf" if mono else "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


@dataclass
class Slide:
    title: str
    bullets: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)  # a second column
    footer: str = "DevConf 2026 · Lisbon"  # the deck's template repeats it on every slide

    @property
    def lines(self) -> list[str]:
        return [self.title, *self.bullets, *self.code, *self.right, self.footer]


DECK = [
    Slide("Distributed Computing", ["Consensus with Raft", "Leader election", "Watch caches"]),
    Slide("Why Offline First", ["Conference wifi fails", "Notes must never wait"]),
    Slide("Code Sample", code=["def read(path):", "    return path.read_text()"]),
    Slide("Two Columns", ["Pros listed here", "Fast to write"], right=["Cons over here", "Slow"]),
]


def render(slide: Slide, size: tuple[int, int] = (1200, 900)) -> Image.Image:
    width, height = size
    image = Image.new("RGB", size, "#fdfdfd")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, int(height * 0.02)), fill="#1d4e89")  # the template's band
    scale = width / 1200
    draw.text((70 * scale, 60 * scale), slide.title, font=font(int(64 * scale), True), fill="#111")
    y = 220 * scale
    body = font(int(38 * scale))
    for bullet in slide.bullets:
        draw.text((100 * scale, y), "• " + bullet, font=body, fill="#222")
        y += 70 * scale
    code = font(int(34 * scale), mono=True)
    for line in slide.code:
        draw.text((100 * scale, y), line, font=code, fill="#0a5")
        y += 56 * scale
    y = 220 * scale
    for item in slide.right:
        draw.text((650 * scale, y), "• " + item, font=body, fill="#222")
        y += 70 * scale
    draw.text(
        (70 * scale, height - 70 * scale), slide.footer, font=font(int(26 * scale)), fill="#777"
    )
    return image


def rotated(image: Image.Image, degrees: float = 4) -> Image.Image:
    return image.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=False, fillcolor="#444")


def skewed(image: Image.Image, amount: float = 0.06) -> Image.Image:
    """Seen from the side: the right edge is shorter (a perspective transform)."""
    w, h = image.size
    d = amount * h
    # corners of the source quad that map onto the output rectangle
    quad = (0, 0, 0, h, w, h + d, w, -d)
    return image.transform(
        image.size, Image.Transform.QUAD, quad, Image.Resampling.BICUBIC, fillcolor="#444"
    )


def blurred(image: Image.Image, radius: float = 2.5) -> Image.Image:
    return image.filter(ImageFilter.GaussianBlur(radius))


def moire(image: Image.Image, period: float = 3.2, strength: int = 18) -> Image.Image:
    """A photographed screen: faint interference stripes over the picture."""
    w, h = image.size
    stripes = Image.new("L", (w, h))
    stripes.putdata(
        [
            int(128 + strength * math.sin((x * 0.9 + y * 0.35) / period))
            for y in range(h)
            for x in range(w)
        ]
    )
    return Image.composite(
        image, Image.new("RGB", (w, h), "#888"), stripes.point(lambda v: v + 110)
    )


def save_jpeg(image: Image.Image, path: Path, quality: int = 60) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=quality)
    return path


SHOTS = {  # how each degraded shot is made from the clean render
    "rotated": rotated,
    "skewed": skewed,
    "blurred": blurred,
    "moire": moire,
}
