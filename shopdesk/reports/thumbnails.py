"""Small JPEG thumbnails of image evidence, made with Pillow (reportlab's own dependency).

reportlab embeds an image's original bytes: ten 5 MB phone photos would make a 50 MB
summary that mails and prints slowly. A thumbnail is decoded at reduced size (JPEG draft
mode), turned upright (EXIF orientation, as the phone showed it), flattened onto white and
re-encoded at a few tens of kilobytes. Any file that cannot be decoded is reported, never
raised: a bad photo must not stop a dispute summary from printing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PIL import Image, ImageOps

THUMB_PX = 480  # longest side; ~40 mm printed at 300 dpi
JPEG_QUALITY = 82


class ThumbProblem(StrEnum):
    """Why an image evidence file has no thumbnail."""

    MISSING = "missing"  # not in the data folder (deleted, lost, never copied back)
    UNREADABLE = "unreadable"  # there, but not a picture Pillow can decode


@dataclass(frozen=True)
class Thumbnail:
    """An upright RGB JPEG no larger than THUMB_PX on its longest side."""

    data: bytes
    width: int
    height: int


def make_thumbnail(path: Path | None, max_px: int = THUMB_PX) -> Thumbnail | ThumbProblem:
    """A thumbnail of the image at `path`, or the reason there is none."""
    if path is None or not path.is_file():
        return ThumbProblem.MISSING
    try:
        with Image.open(path) as img:
            # JPEG decodes straight to 1/2, 1/4 or 1/8 size: a 12 MP photo in ~20 ms.
            img.draft("RGB", (max_px, max_px))
            # Shrink first, then turn upright: exif_transpose copies the whole picture
            # (even when nothing turns), which for a 100 MP screenshot is gigabytes.
            img.thumbnail((max_px, max_px))
            ImageOps.exif_transpose(img, in_place=True)
            rgb = _on_white(img)
            buffer = io.BytesIO()
            rgb.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except FileNotFoundError:
        return ThumbProblem.MISSING
    except Exception:  # any decoder failure on a user's file is "unreadable"
        return ThumbProblem.UNREADABLE
    return Thumbnail(buffer.getvalue(), rgb.width, rgb.height)


def _on_white(img: Image.Image) -> Image.Image:
    """RGB for JPEG; transparent screenshots get a white background, not a black one."""
    if img.mode in ("RGBA", "LA", "P", "PA"):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return img.convert("RGB") if img.mode != "RGB" else img


class ThumbnailCache:
    """Thumbnails by file (path, size, modification time): a photo shared by several cases
    of a batch, or laid out twice by a two-pass build, is decoded once."""

    def __init__(self, max_px: int = THUMB_PX) -> None:
        self.max_px = max_px
        self._cache: dict[tuple[str, int, int], Thumbnail | ThumbProblem] = {}

    def get(self, path: Path | None) -> Thumbnail | ThumbProblem:
        if path is None:
            return ThumbProblem.MISSING
        try:
            stat = path.stat()
        except OSError:
            return ThumbProblem.MISSING
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in self._cache:
            self._cache[key] = make_thumbnail(path, self.max_px)
        return self._cache[key]
