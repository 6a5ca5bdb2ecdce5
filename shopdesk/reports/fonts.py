"""Finding a font that prints Chinese as real, searchable text in reportlab PDFs.

reportlab embeds TrueType (glyf) outlines only; the OpenType/CFF Noto CJK files most Linux
desktops ship are refused, so we look for TrueType CJK fonts by name and check each one covers
both Chinese and Latin digits (Droid Sans Fallback, for one, has no digits). When none is found
we fall back to reportlab's built-in CID font STSong-Light: still real text, but not embedded,
so the viewer supplies the glyphs.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FONT_ENV = "SHOPDESK_PDF_FONT"
CID_FALLBACK = "STSong-Light"
# Characters every document needs: Chinese, digits, Latin, the yuan sign and the mask star.
COVERAGE_PROBE = "中文退款买家承诺0123456789ABCxyz¥*-:"

# (file name, sub-font index) in order of preference: sans faces read better on screen and print.
WINDOWS_FONTS: tuple[tuple[str, int], ...] = (
    ("msyh.ttc", 0), ("msyh.ttf", 0), ("simhei.ttf", 0), ("simsun.ttc", 0), ("Deng.ttf", 0),
)
MAC_FONTS: tuple[tuple[str, int], ...] = (
    ("Arial Unicode.ttf", 0), ("STHeiti Light.ttc", 0), ("STHeiti Medium.ttc", 0),
    ("Hiragino Sans GB.ttc", 0), ("Songti.ttc", 0),
)
LINUX_FONTS: tuple[tuple[str, int], ...] = (
    ("wqy-microhei.ttc", 0), ("wqy-zenhei.ttc", 0), ("NotoSansSC-Regular.ttf", 0),
    ("NotoSansCJKsc-Regular.ttf", 0), ("SourceHanSansSC-Regular.ttf", 0), ("uming.ttc", 0),
    ("ukai.ttc", 0), ("DroidSansFallbackFull.ttf", 0),
)


@dataclass(frozen=True)
class PdfFont:
    """A registered font name to use in styles, and where it came from."""

    name: str
    bold_name: str
    source: str  # file path, or the CID font's name
    embedded: bool


def font_dirs(env: dict[str, str] | None = None, platform: str = sys.platform) -> list[Path]:
    """Folders searched for fonts on this platform, most specific first."""
    env = dict(os.environ) if env is None else env
    home = Path.home()
    if platform.startswith("win"):
        windir = Path(env.get("WINDIR", r"C:\Windows"))
        local = Path(env.get("LOCALAPPDATA", str(home / "AppData" / "Local")))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"),
                Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental")]
    return [home / ".local" / "share" / "fonts", home / ".fonts",
            Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]


def candidate_names(platform: str = sys.platform) -> tuple[tuple[str, int], ...]:
    """The font files we look for, in preference order, for this platform."""
    if platform.startswith("win"):
        return WINDOWS_FONTS
    if platform == "darwin":
        return MAC_FONTS + LINUX_FONTS
    return LINUX_FONTS


def find_candidates(dirs: Iterable[Path],
                    names: Sequence[tuple[str, int]]) -> list[tuple[Path, int]]:
    """Existing files matching `names`, searched recursively (Linux nests fonts by package)."""
    wanted = {name.lower(): (rank, index) for rank, (name, index) in enumerate(names)}
    found: dict[str, tuple[int, Path, int]] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(folder):
            for file in files:
                key = file.lower()
                if key in wanted and key not in found:
                    rank, index = wanted[key]
                    found[key] = (rank, Path(dirpath) / file, index)
    return [(path, index) for _rank, path, index in sorted(found.values())]


def _covers(font: TTFont, probe: str) -> bool:
    glyphs = font.face.charToGlyph
    return all(ord(ch) in glyphs for ch in probe)


def load_truetype(path: Path, index: int = 0, *, name: str = "ShopDeskCJK") -> TTFont | None:
    """A TrueType font that covers COVERAGE_PROBE, or None (CFF outlines, missing glyphs...)."""
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        return None
    return font if _covers(font, COVERAGE_PROBE) else None


_registered: dict[tuple[str, ...], PdfFont] = {}


@functools.cache
def _system_candidates() -> tuple[tuple[Path, int], ...]:
    # Walking /usr/share/fonts takes tens of milliseconds: once per process is enough.
    return tuple(find_candidates(font_dirs(), candidate_names()))


def cjk_font(candidates: Sequence[tuple[Path, int]] | None = None,
             env: dict[str, str] | None = None) -> PdfFont:
    """Register (once per process) and return the CJK font documents should use.

    `SHOPDESK_PDF_FONT=/path/font.ttf` wins when it is usable, `SHOPDESK_PDF_FONT=STSong-Light`
    forces the built-in font; so does `candidates=[]`.
    """
    env = dict(os.environ) if env is None else env
    if candidates is None:
        candidates = _system_candidates()
    override = env.get(FONT_ENV)
    if override == CID_FALLBACK:
        candidates = []  # asked for the built-in font (small files; the viewer draws glyphs)
    ordered = ([(Path(override), 0)] if override and override != CID_FALLBACK else [])
    ordered += list(candidates)
    key = tuple(f"{p}#{i}" for p, i in ordered)
    if key in _registered:
        return _registered[key]
    result: PdfFont | None = None
    for path, index in ordered:
        font = load_truetype(path, index, name=f"ShopDeskCJK-{len(_registered)}")
        if font is not None:
            pdfmetrics.registerFont(font)
            result = PdfFont(font.fontName, font.fontName, str(path), embedded=True)
            break
    if result is None:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        result = PdfFont(CID_FALLBACK, CID_FALLBACK, CID_FALLBACK, embedded=False)
    _registered[key] = result
    return result
