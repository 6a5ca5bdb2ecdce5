"""Evidence on a case: files (photos, screenshots, PDFs) and waybill numbers.

Plain data and rules only: the content store (storage/content_store.py) keeps the
bytes, storage/evidence.py the rows, services/evidence.py the use cases. The
per-cause checklist (what a platform will ask for) is parsed here from the TOML
data in resources/evidence/checklist.toml; reading the file is the service's job.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .enums import Cause
from .errors import FieldError, ShopDeskError, ValidationError
from .labels import LabelledEnum
from .text import pick

FILE_KIND = "file"
WAYBILL_KIND = "waybill"

# Phone photos are a few MB, screen recordings and scanned PDFs can be tens of MB;
# anything larger is almost surely the wrong file and would bloat every backup.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_CAPTION = 500
MAX_CARRIER = 40
MAX_WAYBILL = 40
# Waybill numbers are letters, digits and sometimes dashes (SF1234567890123, JT-...).
_WAYBILL_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")


class EvidenceCategory(LabelledEnum):
    """What a piece of evidence shows (the checklist asks per category)."""

    ITEM_PHOTO = ("item_photo", "商品实物照片", "Photos of the item")
    LISTING_SCREENSHOT = ("listing_screenshot", "商品详情页截图", "Listing screenshot")
    PACKAGE_PHOTO = ("package_photo", "外包装照片", "Photos of the outer package")
    COURIER_TRACE = ("courier_trace", "物流轨迹", "Courier trace")
    CHAT_RECORD = ("chat_record", "聊天记录", "Chat record")
    WAYBILL = ("waybill", "运单号", "Waybill number")
    RECEIPT = ("receipt", "凭证/发票", "Receipt / invoice")
    VIDEO = ("video", "视频", "Video")
    OTHER = ("other", "其他", "Other")


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence attached to a case (a file or a waybill number)."""

    id: int
    case_id: int
    kind: str  # FILE_KIND | WAYBILL_KIND
    category: EvidenceCategory
    caption: str
    filename: str | None  # the original file name as the user had it
    sha256: str | None
    mime: str | None
    size: int | None
    carrier: str | None
    waybill_no: str | None
    added_at: datetime
    added_by: str
    removed_at: datetime | None
    removed_by: str | None
    removed_reason: str | None = None
    # Where the bytes are, relative to the evidence folder (sha[:2]/sha + suffix).
    stored_as: str | None = None

    @property
    def is_image(self) -> bool:
        return bool(self.mime and self.mime.startswith("image/"))

    @property
    def is_pdf(self) -> bool:
        return self.mime == "application/pdf"

    @property
    def is_file(self) -> bool:
        return self.kind == FILE_KIND

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None

    def title(self, lang: str = "zh") -> str:
        """A short name for lists: the file name, or "顺丰 SF123…" for a waybill."""
        if self.kind == WAYBILL_KIND:
            return f"{self.carrier or ''} {self.waybill_no or ''}".strip()
        return self.filename or (self.sha256 or "")[:12]


@dataclass(frozen=True)
class ChecklistItem:
    """One thing a platform will ask for, and whether the case has it yet."""

    category: EvidenceCategory
    note_zh: str
    note_en: str
    satisfied: bool

    def note(self, lang: str = "zh") -> str:
        return pick(lang, self.note_zh, self.note_en)


@dataclass(frozen=True)
class Requirement:
    """A checklist line as shipped: the category and a short hint for the user."""

    category: EvidenceCategory
    note_zh: str
    note_en: str


class ChecklistError(ShopDeskError, ValueError):
    """The checklist file is broken; the message names the file and the key."""

    def __init__(self, source: str, key: str, zh: str, en: str) -> None:
        self.source = source
        self.key = key
        super().__init__(f"证据清单文件 {source} 有误（{key}）：{zh}",
                         f"Evidence checklist {source} is invalid at {key}: {en}")


def parse_checklist(data: Mapping[str, Any], source: str
                    ) -> dict[Cause, tuple[Requirement, ...]]:
    """Validate loaded TOML: `[[cause_key]]` tables with category, zh and en.

    Unknown causes, unknown categories, a category listed twice and missing notes
    are refused with a ChecklistError naming `source` and the key at fault. Causes
    absent from `data` are absent from the result (an override file may list a few).
    """
    out: dict[Cause, tuple[Requirement, ...]] = {}
    known = ", ".join(c.value for c in EvidenceCategory)
    for key, items in data.items():
        if key == "version":
            if items != 1:
                raise ChecklistError(source, key, f"不支持的版本 {items!r}（应为 1）",
                                     f"unsupported version {items!r} (expected 1)")
            continue
        try:
            cause = Cause(key)
        except ValueError:
            raise ChecklistError(source, key, "未知的纠纷原因",
                                 "unknown cause; expected one of "
                                 + ", ".join(c.value for c in Cause)) from None
        if not isinstance(items, list):
            raise ChecklistError(source, key, "应为 [[原因]] 表格列表",
                                 "expected a list of [[cause]] tables")
        reqs: list[Requirement] = []
        for n, item in enumerate(items, start=1):
            where = f"{key}[{n}]"
            if not isinstance(item, Mapping):
                raise ChecklistError(source, where, "应为表格", "expected a table")
            extra = set(item) - {"category", "zh", "en"}
            if extra:
                raise ChecklistError(source, f"{where}.{sorted(extra)[0]}", "未知的键",
                                     "unknown key (allowed: category, zh, en)")
            raw = item.get("category")
            try:
                category = EvidenceCategory(raw)
            except ValueError:
                raise ChecklistError(source, f"{where}.category",
                                     f"未知的证据类别 {raw!r}",
                                     f"unknown category {raw!r}; expected one of {known}"
                                     ) from None
            if any(r.category == category for r in reqs):
                raise ChecklistError(source, f"{where}.category", f"类别 {raw} 重复",
                                     f"category {raw} listed twice")
            zh = item.get("zh")
            if not isinstance(zh, str) or not zh.strip():
                raise ChecklistError(source, f"{where}.zh", "缺少中文说明",
                                     "missing the Chinese note")
            en = item.get("en", "")
            if not isinstance(en, str):
                raise ChecklistError(source, f"{where}.en", "应为文字", "expected text")
            reqs.append(Requirement(category, zh.strip(), en.strip() or zh.strip()))
        out[cause] = tuple(reqs)
    return out


def checklist_status(requirements: Iterable[Requirement],
                     evidence: Iterable[Evidence]) -> list[ChecklistItem]:
    """Each requirement with `satisfied` = some live evidence of that category."""
    have = {e.category for e in evidence if not e.is_removed}
    return [ChecklistItem(r.category, r.note_zh, r.note_en, r.category in have)
            for r in requirements]


# --- validating input ----------------------------------------------------------
def clean_caption(caption: str) -> str:
    """Strip a caption and refuse an overlong one."""
    caption = (caption or "").strip()
    if len(caption) > MAX_CAPTION:
        raise ValidationError([FieldError(
            "caption", f"说明太长（最多 {MAX_CAPTION} 字）",
            f"The caption is too long (at most {MAX_CAPTION} characters)")])
    return caption


def clean_waybill(carrier: str, number: str) -> tuple[str, str]:
    """Carrier and number stripped (inner spaces removed from the number), validated."""
    carrier = (carrier or "").strip()
    number = re.sub(r"\s+", "", number or "").upper()
    errors = []
    if not carrier:
        errors.append(FieldError("carrier", "请填写快递公司", "Enter the carrier"))
    elif len(carrier) > MAX_CARRIER:
        errors.append(FieldError("carrier", f"快递公司名称太长（最多 {MAX_CARRIER} 字）",
                                 f"The carrier name is too long (at most {MAX_CARRIER})"))
    if not number:
        errors.append(FieldError("number", "请填写运单号", "Enter the waybill number"))
    elif len(number) > MAX_WAYBILL or not _WAYBILL_RE.match(number):
        errors.append(FieldError(
            "number", f"运单号格式不对：{number}（只能是字母、数字和“-”）",
            f"Not a waybill number: {number} (letters, digits and '-' only)"))
    if errors:
        raise ValidationError(errors)
    return carrier, number


# --- recognising files ---------------------------------------------------------
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"BM", 0, "image/bmp"),
    (b"%PDF-", 0, "application/pdf"),
    (b"ID3", 0, "audio/mpeg"),
    (b"OggS", 0, "audio/ogg"),
    (b"fLaC", 0, "audio/flac"),
    # A phone's call recorder and WeChat voice save AMR: the recording of a call is
    # common evidence in a dispute.
    (b"#!AMR", 0, "audio/amr"),
)
# An MP3 without an ID3 tag starts with a frame: eleven set bits, then a version and a
# layer that are not "reserved" (0xFFFB, 0xFFF3, 0xFFE3 …).
_MP3_FRAME = {0xE2, 0xE3, 0xF2, 0xF3, 0xFA, 0xFB}


def sniff_mime(head: bytes) -> str | None:
    """The type the first bytes prove (common images, PDF, WebP, HEIC, MP4), else None."""
    for magic, offset, mime in _MAGIC:
        if head[offset:offset + len(magic)] == magic:
            return mime
    if len(head) >= 2 and head[0] == 0xFF and head[1] in _MP3_FRAME:
        return "audio/mpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis"):
            return "image/heic"
        if brand in (b"M4A ", b"M4B "):  # a voice memo, not a video
            return "audio/mp4"
        return "video/quicktime" if brand == b"qt  " else "video/mp4"
    return None


# --- what may be evidence ---------------------------------------------------------
# Office documents prove nothing about themselves in their first bytes but their container:
# a .docx/.xlsx is a ZIP, a .doc/.xls an OLE compound file.
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class _Document:
    magic: bytes
    zh: str
    en: str


_DOCUMENTS: dict[str, _Document] = {
    ".docx": _Document(_ZIP, "Word 文档", "Word document"),
    ".xlsx": _Document(_ZIP, "Excel 表格", "Excel workbook"),
    ".doc": _Document(_OLE, "Word 文档", "Word document"),
    ".xls": _Document(_OLE, "Excel 表格", "Excel workbook"),
}
# What a suffix promises when the bytes prove nothing: the file is cut short or damaged,
# or renamed.
_PROMISED: dict[str, tuple[str, str]] = {
    **{s: ("图片", "picture") for s in (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp",
                                       ".heic", ".heif")},
    ".pdf": ("PDF 文件", "PDF file"),
    **{s: ("视频", "video") for s in (".mp4", ".mov", ".m4v")},
    **{s: ("录音", "recording") for s in (".mp3", ".wav", ".ogg", ".flac", ".m4a", ".amr")},
}
ACCEPTED_ZH = ("图片（JPG、PNG、GIF、BMP、WebP、HEIC）、PDF、视频（MP4、MOV）、录音（MP3、"
               "M4A、AMR、WAV）或 Word/Excel 文档")
ACCEPTED_EN = ("pictures (JPG, PNG, GIF, BMP, WebP, HEIC), PDF, video (MP4, MOV), recordings "
               "(MP3, M4A, AMR, WAV) or Word/Excel documents")


def file_type_error(filename: str, head: bytes) -> FieldError | None:
    """Why a file cannot be evidence by its first bytes and its name (None: it may be).

    Evidence is what a platform's arbiter can open: pictures, PDFs, videos and recordings
    whose bytes prove it, and Word/Excel documents in their container. A text file, a
    program or a file whose bytes contradict its suffix (a text file named .docx, four
    bytes named .heic) is refused here, when it is added, not found unreadable at print.
    """
    suffix = safe_suffix(filename)
    document = _DOCUMENTS.get(suffix)
    if document is not None:
        if head.startswith(document.magic):
            return None
        return FieldError(
            "file", f"“{filename}”不是真正的{document.zh}：内容与扩展名不符"
                    "（文件可能已损坏，或是改了扩展名的其他文件）",
            f"'{filename}' is not a real {document.en}: its content does not match its "
            "suffix (the file may be damaged, or another file renamed)")
    if sniff_mime(head) is not None:
        return None
    promised = _PROMISED.get(suffix)
    if promised is not None:
        return FieldError(
            "file", f"“{filename}”的内容不是{promised[0]}（文件不完整或已损坏）",
            f"'{filename}' does not contain a {promised[1]} (the file is incomplete or "
            "damaged)")
    kind = mimetypes.guess_type(filename, strict=False)[0]
    return FieldError(
        "file", f"不支持的文件类型：“{filename}”（{kind or '未知类型'}）。可以添加{ACCEPTED_ZH}",
        f"Unsupported file type: '{filename}' ({kind or 'unknown type'}). Evidence may be "
        f"{ACCEPTED_EN}")


# Types only the bytes may claim: a file named .jpg whose bytes are not a picture is not
# shown, filed or opened as one.
_PROVEN_ONLY = ("image/", "video/", "audio/", "application/pdf")


def guess_mime(filename: str, head: bytes) -> str:
    """The bytes win (a PNG saved as .jpg is a PNG); else the suffix, except that only
    the bytes can make a file an image, video, audio or PDF; else octet-stream."""
    sniffed = sniff_mime(head)
    if sniffed:
        return sniffed
    guessed, _ = mimetypes.guess_type(filename, strict=False)
    if not guessed or guessed.startswith(_PROVEN_ONLY):
        return "application/octet-stream"
    return guessed


def safe_to_open(head: bytes) -> bool:
    """May the system's default program open this file? Only documents and media whose
    bytes prove it (a picture, PDF, video or sound): anything else, whatever its name
    (.exe, .bat, .html, .lnk, a script), could run code on a double-click, so it is only
    shown in its folder."""
    return sniff_mime(head) is not None


# Categories that claim what kind of file it is: an appeal must not say "video" of a
# screenshot. The others (chat record, courier trace, receipt...) may be any file.
_PICTURE_OR_VIDEO = (EvidenceCategory.ITEM_PHOTO, EvidenceCategory.PACKAGE_PHOTO)


def category_fits(category: EvidenceCategory, mime: str) -> bool:
    """Whether a file of type `mime` can honestly be filed under `category`."""
    if category == EvidenceCategory.WAYBILL:
        return False  # a waybill is a number, not a file
    if category == EvidenceCategory.VIDEO:
        return mime.startswith("video/")
    if category in _PICTURE_OR_VIDEO:
        return mime.startswith(("image/", "video/"))
    return True


def misfit_error(category: EvidenceCategory, filename: str) -> FieldError:
    """The refusal for a category the file's type contradicts."""
    return FieldError(
        "category",
        f"“{filename}”不是{category.zh}类文件，不能归为“{category.zh}”；请选择其他类别",
        f"'{filename}' is not a file of the kind '{category.en}'; choose another category")


def safe_suffix(filename: str) -> str:
    """The file's suffix, lower case, for the stored name ('' when odd or absent)."""
    dot = filename.rfind(".")
    if dot <= 0:
        return ""
    suffix = filename[dot:].lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) else ""
