"""Small JPEG thumbnails of image evidence, made with Pillow (reportlab's own dependency).

reportlab embeds an image's original bytes: ten 5 MB phone photos would make a 50 MB
summary that mails and prints slowly. A thumbnail is decoded at reduced size (JPEG draft
mode), turned upright (EXIF orientation, as the phone showed it), flattened onto white and
re-encoded at a few tens of kilobytes. Any file that cannot be decoded is reported, never
raised: a bad photo must not stop a dispute summary from printing.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import warnings
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
        with warnings.catch_warnings():
            # A picture past Pillow's "decompression bomb" size (a 12000x9000 scan) is
            # decoded at reduced size below, never whole: no warning on the user's stderr.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return _thumbnail(path, max_px)
    except FileNotFoundError:
        return ThumbProblem.MISSING
    except Exception:  # any decoder failure on a user's file is "unreadable"
        return ThumbProblem.UNREADABLE


def _thumbnail(path: Path, max_px: int) -> Thumbnail:
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
    return Thumbnail(buffer.getvalue(), rgb.width, rgb.height)


def _on_white(img: Image.Image) -> Image.Image:
    """RGB for JPEG; transparent screenshots get a white background, not a black one."""
    if img.mode in ("RGBA", "LA", "P", "PA"):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return img.convert("RGB") if img.mode != "RGB" else img


class ThumbnailFolder:
    """Thumbnails kept on disk by the content hash of their picture, beside the evidence
    content store: made once when evidence is added (or the first time an older picture
    is printed) and read back by every print, instead of decoding a 5 MB photo each time.

    A thumbnail file is written whole or not at all (temporary file, then a rename); one
    that cannot be read back is made again. Only real thumbnails are kept: a picture that
    cannot be decoded is tried again next time.
    """

    def __init__(self, root: Path, max_px: int = THUMB_PX) -> None:
        self.root = root
        self.max_px = max_px

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}-{self.max_px}.jpg"

    def get(self, sha256: str, source: Path | None) -> Thumbnail | ThumbProblem:
        """The stored thumbnail of the picture with this hash, made from `source` and
        stored if there is none yet."""
        kept = self._read(self.path_for(sha256))
        if kept is not None:
            return kept
        thumb = make_thumbnail(source, self.max_px)
        if isinstance(thumb, Thumbnail):
            self._write(self.path_for(sha256), thumb.data)
        return thumb

    def _read(self, path: Path) -> Thumbnail | None:
        try:
            data = path.read_bytes()
            with Image.open(io.BytesIO(data)) as img:  # the header only: its size
                width, height = img.size
        except Exception:  # missing, or damaged: made again
            return None
        return Thumbnail(data, width, height)

    def _write(self, path: Path, data: bytes) -> None:
        # Best effort: a read-only or full disk only means the next print decodes again.
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".thumb-", suffix=".part", dir=path.parent)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                Path(tmp).unlink(missing_ok=True)


class ThumbnailCache:
    """Thumbnails by file (path, size, modification time): a photo shared by several cases
    of a batch, or laid out twice by a two-pass build, is decoded once. With a `folder`,
    pictures with a known hash come from (and go to) the thumbnails kept on disk."""

    def __init__(self, max_px: int = THUMB_PX, folder: ThumbnailFolder | None = None) -> None:
        self.max_px = max_px
        self.folder = folder
        self._cache: dict[tuple[str, int, int], Thumbnail | ThumbProblem] = {}

    def get(self, path: Path | None, sha256: str | None = None) -> Thumbnail | ThumbProblem:
        if path is None:
            return ThumbProblem.MISSING
        try:
            stat = path.stat()
        except OSError:
            return ThumbProblem.MISSING
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in self._cache:
            if self.folder is not None and sha256:
                self._cache[key] = self.folder.get(sha256, path)
            else:
                self._cache[key] = make_thumbnail(path, self.max_px)
        return self._cache[key]
