"""Evidence rules: recognising files by their bytes, waybill numbers, captions."""

from __future__ import annotations

import pytest

from shopdesk.domain.errors import ValidationError
from shopdesk.domain.evidence import (
    Evidence,
    EvidenceCategory,
    clean_caption,
    clean_waybill,
    guess_mime,
    safe_suffix,
    sniff_mime,
)


@pytest.mark.parametrize("head, mime", [
    (b"\x89PNG\r\n\x1a\n....", "image/png"),
    (b"\xff\xd8\xff\xe0....", "image/jpeg"),
    (b"GIF89a..", "image/gif"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
    (b"\x00\x00\x00\x18ftypheic....", "image/heic"),
    (b"\x00\x00\x00\x18ftypisom....", "video/mp4"),
    (b"\x00\x00\x00\x14ftypqt  ....", "video/quicktime"),
    (b"%PDF-1.7\n", "application/pdf"),
    (b"hello", None),
])
def test_sniff_mime(head, mime):
    assert sniff_mime(head) == mime


def test_guess_mime_prefers_bytes_then_suffix():
    assert guess_mime("x.jpg", b"\x89PNG\r\n\x1a\n") == "image/png"
    assert guess_mime("notes.txt", b"hi") == "text/plain"
    assert guess_mime("blob", b"??") == "application/octet-stream"


@pytest.mark.parametrize("name, suffix", [
    ("IMG_0001.JPG", ".jpg"), ("a.tar.gz", ".gz"), ("noext", ""), (".hidden", ""),
    ("weird.p ng", ""), ("x.verylongsuffix", ""),
])
def test_safe_suffix(name, suffix):
    assert safe_suffix(name) == suffix


def test_waybill_numbers_are_normalised_or_refused():
    assert clean_waybill(" 顺丰 ", "sf 1234-5678 ") == ("顺丰", "SF1234-5678")
    with pytest.raises(ValidationError) as refused:
        clean_waybill("x" * 41, "-abc")
    assert set(refused.value.by_field()) == {"carrier", "number"}


def test_caption_limit():
    assert clean_caption("  ok ") == "ok"
    with pytest.raises(ValidationError):
        clean_caption("长" * 501)


def test_titles():
    common = dict(id=1, case_id=1, caption="", sha256="ab" * 32, mime="image/png", size=1,
                  added_at=None, added_by="", removed_at=None, removed_by=None)
    photo = Evidence(kind="file", category=EvidenceCategory.ITEM_PHOTO, filename="a.png",
                     carrier=None, waybill_no=None, **common)
    bill = Evidence(kind="waybill", category=EvidenceCategory.WAYBILL, filename=None,
                    carrier="中通", waybill_no="ZT1", **common)
    assert photo.title() == "a.png" and photo.is_image and photo.is_file
    assert bill.title() == "中通 ZT1" and not bill.is_file
