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
    # Call recordings: a phone's recorder and WeChat voice (AMR), an MP3 without a tag,
    # an iPhone voice memo (M4A: audio, not a video).
    (b"#!AMR\n<....", "audio/amr"),
    (b"\xff\xfb\x90\x64....", "audio/mpeg"),
    (b"ID3\x04\x00....", "audio/mpeg"),
    (b"\x00\x00\x00\x20ftypM4A ....", "audio/mp4"),
    (b"hello", None),
])
def test_sniff_mime(head, mime):
    assert sniff_mime(head) == mime


def test_a_call_recording_is_evidence_and_junk_named_amr_is_not():
    from shopdesk.domain.evidence import file_type_error

    assert file_type_error("通话录音.amr", b"#!AMR\n<....") is None
    assert file_type_error("录音.mp3", b"\xff\xfb\x90\x64....") is None
    error = file_type_error("录音.amr", b"not a recording")
    assert error is not None and "录音" in error.zh and "录音.amr" in error.zh


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


# --- what may be opened with the system's program -------------------------------------------

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
LNK = b"L\x00\x00\x00\x01\x14\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00F"
HTML = b"<!doctype html><script>alert(1)</script>"
BAT = b"@echo off\r\ndel /q C:\\*\r\n"


@pytest.mark.parametrize("name,head", [
    ("photo.jpg", EXE), ("photo.png", HTML), ("scan.pdf", BAT), ("clip.mp4", LNK),
    ("photo.heic", b"not really"), ("voice.mp3", b"\x00\x01"),
])
def test_a_name_alone_never_makes_a_file_an_image_or_a_document(name, head):
    from shopdesk.domain.evidence import guess_mime, safe_to_open
    assert guess_mime(name, head) == "application/octet-stream"
    assert not safe_to_open(head)


@pytest.mark.parametrize("head,mime", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, "image/png"), (b"%PDF-1.7\n", "application/pdf"),
    (b"\x00\x00\x00\x18ftypmp42", "video/mp4"), (b"ID3\x04\x00", "audio/mpeg"),
    (b"RIFF\x24\x08\x00\x00WAVEfmt ", "audio/wav"),
])
def test_documents_and_media_proven_by_their_bytes_may_be_opened(head, mime):
    from shopdesk.domain.evidence import guess_mime, safe_to_open
    assert guess_mime("whatever.exe", head) == mime and safe_to_open(head)


@pytest.mark.parametrize("name", ["setup.exe", "run.bat", "page.html", "link.lnk", "x.js"])
def test_programs_and_pages_are_never_safe_to_open(name):
    from shopdesk.domain.evidence import safe_to_open
    assert not safe_to_open({"setup.exe": EXE, "run.bat": BAT, "page.html": HTML,
                             "link.lnk": LNK, "x.js": b"WScript.Shell"}[name])
