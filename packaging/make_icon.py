"""Draw ShopDesk's application icon and write every format the platforms want.

    python packaging/make_icon.py      (Pillow; the output files are committed)

The icon: a shopping bag on a teal tile (the shop), a check mark on the bag (a case
handled) and an orange speech bubble (talking to the buyer, after-sales). Drawn once at
1024 px and scaled down with a filter, so the small sizes stay crisp enough; the 16 and
32 px versions drop the bubble's dots, which would turn to mud.

Writes:
  resources/icons/shopdesk.png     256 px, the window icon at run time (and Linux menus)
  packaging/icons/shopdesk.ico     16-256 px, the Windows .exe and installer
  packaging/icons/shopdesk.icns    16-1024 px, the macOS .app
  packaging/icons/shopdesk-512.png Linux hicolor 512 px
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
S = 1024  # drawing size

TEAL_TOP, TEAL_BOTTOM = (20, 160, 150), (12, 98, 110)
WHITE = (255, 255, 255, 255)
ORANGE = (255, 143, 38, 255)
CHECK = (12, 120, 120, 255)


def _tile() -> Image.Image:
    """A rounded square with a vertical gradient, as app icons are drawn on both OSes."""
    gradient = Image.new("RGBA", (S, S))
    rows = ImageDraw.Draw(gradient)
    for y in range(S):
        t = y / (S - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(TEAL_TOP, TEAL_BOTTOM,
                                                                strict=True))
        rows.line([(0, y), (S - 1, y)], fill=(*colour, 255))
    mask = Image.new("L", (S, S), 0)
    margin = 56  # macOS leaves a margin around the tile; harmless elsewhere
    ImageDraw.Draw(mask).rounded_rectangle((margin, margin, S - margin, S - margin),
                                           radius=200, fill=255)
    tile = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    tile.paste(gradient, (0, 0), mask)
    return tile


@functools.cache
def draw(detail: bool = True) -> Image.Image:
    img = _tile()
    d = ImageDraw.Draw(img)
    # The bag: a body slightly wider at the bottom, and a handle.
    left, right, top, bottom = 250, 720, 400, 830
    d.arc((345, 230, 625, 520), start=180, end=360, fill=WHITE, width=46)
    d.polygon([(left + 20, top), (right - 20, top), (right, bottom), (left, bottom)],
              fill=WHITE)
    d.rounded_rectangle((left, bottom - 60, right, bottom), radius=30, fill=WHITE)
    # The check mark on the bag.
    d.line([(355, 615), (450, 710), (625, 520)], fill=CHECK, width=62, joint="curve")
    for x, y in ((355, 615), (625, 520)):
        d.ellipse((x - 31, y - 31, x + 31, y + 31), fill=CHECK)
    # The speech bubble, top right, overlapping the tile's corner a little.
    cx, cy, r = 760, 300, 150
    d.ellipse((cx - r, cy - r + 20, cx + r, cy + r - 20), fill=ORANGE)
    d.polygon([(cx - 90, cy + 80), (cx - 150, cy + 170), (cx - 20, cy + 110)], fill=ORANGE)
    if detail:
        for dx in (-70, 0, 70):
            d.ellipse((cx + dx - 24, cy - 24, cx + dx + 24, cy + 24), fill=WHITE)
    return img


def sized(size: int) -> Image.Image:
    return draw(size >= 48).resize((size, size), Image.Resampling.LANCZOS)


def main(root: Path = ROOT) -> list[Path]:
    icons = root / "packaging" / "icons"
    icons.mkdir(parents=True, exist_ok=True)
    (root / "resources" / "icons").mkdir(parents=True, exist_ok=True)
    written = []
    png = root / "resources" / "icons" / "shopdesk.png"
    sized(256).save(png, optimize=True)
    big = icons / "shopdesk-512.png"
    sized(512).save(big, optimize=True)
    ico = icons / "shopdesk.ico"
    # Each ICO size drawn at its own size (Pillow would otherwise shrink the largest).
    frames = [sized(n) for n in (256, 128, 64, 48, 32, 24, 16)]
    frames[0].save(ico, format="ICO", sizes=[f.size for f in frames], append_images=frames[1:])
    icns = icons / "shopdesk.icns"
    full = sized(1024)
    full.save(icns, format="ICNS", append_images=[sized(n) for n in (16, 32, 64, 128, 256,
                                                                       512)])
    written += [png, big, ico, icns]
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT):
        print(path)
