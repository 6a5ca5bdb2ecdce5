"""Whether an evidence file can be read, checked when it is added (not first at print):
a picture's header is read and the picture decoded at thumbnail size (the thumbnail is
kept), a PDF is opened.

Pillow and pdfium load here on first use. Plain results, never raised: the service turns
a problem into a refusal naming the file.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

from ..domain.text import Text
from .thumbnails import Thumbnail, ThumbProblem

# Pictures Pillow decodes; HEIC (iPhone photos) is not among them and is taken on its
# signature alone, as are videos and recordings.
DECODED_PICTURES = frozenset({"image/png", "image/jpeg", "image/gif", "image/bmp",
                              "image/webp"})


def unreadable(path: Path, mime: str, filename: str,
               thumbnail: Callable[[Path], Thumbnail | ThumbProblem]) -> Text | None:
    """Why `path` (a file whose bytes proved `mime`) cannot be read, or None.

    `thumbnail` makes (or finds) the picture's thumbnail: decoding it is the test.
    """
    if mime in DECODED_PICTURES:
        return _picture(path, filename, thumbnail)
    if mime == "application/pdf":
        return _pdf(path, filename)
    return None


def _picture(path: Path, filename: str,
             thumbnail: Callable[[Path], Thumbnail | ThumbProblem]) -> Text | None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            # Past Pillow's "decompression bomb" size (a 12000x9000 scan) but under twice
            # it: decoded at reduced size for the thumbnail, never whole; no warning.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            Image.open(path).close()  # the header: its size
    except Image.DecompressionBombError:
        limit = round(2 * (Image.MAX_IMAGE_PIXELS or 0) / 1_000_000)
        return Text(f"图片“{filename}”的像素太多（超过约 {limit} 百万像素），无法安全读取；"
                    "请先缩小或截图后再添加",
                    f"The picture '{filename}' has too many pixels (over about {limit} "
                    "megapixels) to read safely; shrink it or take a screenshot, then add "
                    "that")
    except Exception:  # any decoder failure on a user's file
        return _damaged(filename)
    if not isinstance(thumbnail(path), Thumbnail):
        return _damaged(filename)
    return None


def _damaged(filename: str) -> Text:
    return Text(f"无法读取图片“{filename}”：文件不完整或已损坏",
                f"Cannot read the picture '{filename}': the file is incomplete or damaged")


def _pdf(path: Path, filename: str) -> Text | None:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return Text(f"无法打开 PDF“{filename}”：文件已损坏、不完整或设了密码",
                    f"Cannot open the PDF '{filename}': it is damaged, incomplete or "
                    "password-protected")
    try:
        pages = len(document)
    finally:
        document.close()
    if pages == 0:
        return Text(f"PDF“{filename}”没有任何页面", f"The PDF '{filename}' has no pages")
    return None
