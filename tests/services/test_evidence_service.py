"""EvidenceService: de-duplication, soft removal, captions, waybills, bad files."""

from __future__ import annotations

import hashlib
import os

import pytest

from shopdesk.domain.enums import Cause
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.evidence import EvidenceCategory

from .evidence_support import open_case, pdf_bytes, png_bytes, stored_files, write


def test_a_file_is_copied_content_addressed_with_its_facts(register, tmp_path, clock):
    case = open_case(register)
    data = png_bytes()
    src = write(tmp_path / "in", "实物.PNG", data)
    ev = register.evidence.add_file(case.id, src, "小王", caption="袖口开线",
                                    category=EvidenceCategory.ITEM_PHOTO)
    sha = hashlib.sha256(data).hexdigest()
    assert (ev.kind, ev.filename, ev.sha256, ev.size) == ("file", "实物.PNG", sha, len(data))
    assert ev.mime == "image/png" and ev.is_image
    assert ev.caption == "袖口开线" and ev.category == EvidenceCategory.ITEM_PHOTO
    assert ev.added_by == "小王" and ev.added_at == clock.now()
    path = register.evidence.file_path(ev)
    assert path == register.paths.evidence / sha[:2] / f"{sha}.png"
    assert path.read_bytes() == data
    assert stored_files(register) == [path]  # no temp file left behind


def test_same_bytes_twice_on_one_case_are_refused_and_stored_once(register, tmp_path):
    case = open_case(register)
    data = png_bytes()
    first = register.evidence.add_file(case.id, write(tmp_path / "a", "x.png", data), "小王")
    again = write(tmp_path / "b", "copy of x.png", data)
    with pytest.raises(ValidationError) as refused:
        register.evidence.add_file(case.id, again, "小王")
    err = refused.value.by_field()["file"]
    assert "已添加" in err.zh and "x.png" in err.zh and str(again) in err.en
    assert [e.id for e in register.evidence.for_case(case.id)] == [first.id]
    assert len(stored_files(register)) == 1


def test_two_cases_share_one_file_on_disk(register, tmp_path):
    a = open_case(register, order="3700000000001")
    b = open_case(register, order="3700000000002")
    data = png_bytes()
    ea = register.evidence.add_file(a.id, write(tmp_path / "1", "a.png", data), "小王")
    eb = register.evidence.add_file(b.id, write(tmp_path / "2", "b.jpeg", data), "小王")
    assert ea.sha256 == eb.sha256 and ea.id != eb.id
    # A different suffix does not make a second copy: both rows point at the one file.
    assert register.evidence.file_path(ea) == register.evidence.file_path(eb)
    assert len(stored_files(register)) == 1


def test_different_bytes_are_different_files(register, tmp_path):
    case = open_case(register)
    register.evidence.add_file(case.id, write(tmp_path, "r.png", png_bytes(rgb=(255, 0, 0))),
                               "小王")
    register.evidence.add_file(case.id, write(tmp_path, "g.png", png_bytes(rgb=(0, 255, 0))),
                               "小王")
    assert len(stored_files(register)) == 2
    assert len(register.evidence.for_case(case.id)) == 2


def test_timeline_and_audit_on_add(register, tmp_path):
    case = open_case(register)
    ev = register.evidence.add_file(case.id, write(tmp_path, "p.pdf", pdf_bytes()),
                                    "小王", category=EvidenceCategory.RECEIPT)
    assert ev.mime == "application/pdf" and ev.is_pdf and not ev.is_image
    event = register.cases.timeline(case.id)[-1]
    assert event.type == "evidence_added" and event.text == "p.pdf"
    assert event.data["evidence_id"] == ev.id and event.data["category"] == "receipt"
    audit = [a for a in register.cases.audit(case.id) if a.action == "evidence_add"]
    assert audit and audit[0].field == f"evidence:{ev.id}" and audit[0].new == ev.sha256


def test_remove_is_soft_audited_and_keeps_the_file(register, tmp_path, clock):
    case = open_case(register)
    ev = register.evidence.add_file(case.id, write(tmp_path, "p.png", png_bytes()), "小王")
    removed = register.evidence.remove(ev.id, "小王", reason="拍错了")
    assert removed.is_removed and removed.removed_by == "小王"
    assert removed.removed_at == clock.now() and removed.removed_reason == "拍错了"
    assert register.evidence.for_case(case.id) == []
    assert [e.id for e in register.evidence.for_case(case.id, include_removed=True)] == [ev.id]
    assert register.evidence.file_path(removed).exists()
    event = register.cases.timeline(case.id)[-1]
    assert event.type == "evidence_removed" and event.data["reason"] == "拍错了"
    audit = [a for a in register.cases.audit(case.id) if a.action == "evidence_remove"]
    assert len(audit) == 1 and audit[0].new == "拍错了" and audit[0].old == "p.png"
    with pytest.raises(ValidationError):
        register.evidence.remove(ev.id, "小王")  # twice: refused, not a second audit row


def test_after_removal_the_same_file_may_be_attached_again(register, tmp_path):
    case = open_case(register)
    src = write(tmp_path, "p.png", png_bytes())
    first = register.evidence.add_file(case.id, src, "小王")
    register.evidence.remove(first.id, "小王")
    second = register.evidence.add_file(case.id, src, "小王")
    assert second.id != first.id and second.sha256 == first.sha256
    assert len(stored_files(register)) == 1


def test_caption_and_category_edits_are_audited(register, tmp_path):
    case = open_case(register)
    ev = register.evidence.add_file(case.id, write(tmp_path, "p.png", png_bytes()), "小王")
    ev = register.evidence.set_caption(ev.id, "  外箱压扁  ", "小王")
    assert ev.caption == "外箱压扁"
    ev = register.evidence.set_category(ev.id, EvidenceCategory.PACKAGE_PHOTO, "小王")
    assert ev.category == EvidenceCategory.PACKAGE_PHOTO
    actions = [(a.action, a.old, a.new) for a in register.cases.audit(case.id)]
    assert ("evidence_caption", "", "外箱压扁") in actions
    assert ("evidence_category", "other", "package_photo") in actions
    with pytest.raises(ValidationError) as refused:
        register.evidence.set_caption(ev.id, "x" * 501, "小王")
    assert "caption" in refused.value.by_field()


def test_waybill_is_evidence_with_its_carrier(register):
    case = open_case(register, cause=Cause.PARCEL_LOST)
    ev = register.evidence.add_waybill(case.id, "顺丰", " sf 1234 5678 9012 ", "小王")
    assert (ev.kind, ev.carrier, ev.waybill_no) == ("waybill", "顺丰", "SF123456789012")
    assert ev.category == EvidenceCategory.WAYBILL and register.evidence.file_path(ev) is None
    assert ev.title() == "顺丰 SF123456789012"
    assert register.cases.timeline(case.id)[-1].data["waybill_no"] == "SF123456789012"
    with pytest.raises(ValidationError) as dup:
        register.evidence.add_waybill(case.id, "顺丰", "SF123456789012", "小王")
    assert "SF123456789012" in dup.value.by_field()["number"].zh
    with pytest.raises(ValidationError) as bad:
        register.evidence.add_waybill(case.id, "", "运单", "小王")
    assert set(bad.value.by_field()) == {"carrier", "number"}
    with pytest.raises(ValidationError):
        register.evidence.set_category(ev.id, EvidenceCategory.OTHER, "小王")


@pytest.mark.parametrize("make, zh_part, en_part", [
    (lambda d: d / "nope.png", "找不到文件", "File not found"),
    (lambda d: d, "文件夹", "folder"),
    (lambda d: write(d, "empty.png", b""), "空", "empty"),
])
def test_unusable_files_are_refused_by_name(register, tmp_path, make, zh_part, en_part):
    case = open_case(register)
    target = make(tmp_path / "src")
    (tmp_path / "src").mkdir(exist_ok=True)
    with pytest.raises(ValidationError) as refused:
        register.evidence.add_file(case.id, target, "小王")
    err = refused.value.by_field()["file"]
    assert zh_part in err.zh and en_part in err.en and str(target) in err.zh
    assert register.evidence.for_case(case.id) == [] and stored_files(register) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads any file; POSIX permissions only")
def test_an_unreadable_file_is_refused_by_name(register, tmp_path):
    case = open_case(register)
    src = write(tmp_path, "secret.png", png_bytes())
    src.chmod(0)
    try:
        with pytest.raises(ValidationError) as refused:
            register.evidence.add_file(case.id, src, "小王")
    finally:
        src.chmod(0o600)
    assert "secret.png" in refused.value.by_field()["file"].zh
    assert stored_files(register) == []


def test_a_file_over_the_limit_is_refused(register, tmp_path):
    from shopdesk.services.evidence import EvidenceService

    case = open_case(register)
    small = EvidenceService(register.db, register.clock, register.paths.evidence,
                            max_bytes=1000)
    src = write(tmp_path, "big.pdf", b"%PDF-" + b"x" * 2000)
    with pytest.raises(ValidationError) as refused:
        small.add_file(case.id, src, "小王")
    err = refused.value.by_field()["file"]
    assert "太大" in err.zh and "big.pdf" in err.zh and "too big" in err.en
    assert register.evidence.max_bytes == 50 * 1024 * 1024


def test_unknown_or_trashed_case_is_refused_before_copying(register, tmp_path):
    src = write(tmp_path, "p.png", png_bytes())
    with pytest.raises(ValidationError) as refused:
        register.evidence.add_file(999, src, "小王")
    assert "999" in refused.value.by_field()["case"].zh
    case = open_case(register)
    register.cases.delete([case.id], "小王")
    with pytest.raises(ValidationError):
        register.evidence.add_file(case.id, src, "小王")
    assert stored_files(register) == []


@pytest.mark.local_only("a team register fetches the bytes from the server again")
def test_a_missing_file_on_disk_still_has_a_path(register, tmp_path):
    case = open_case(register)
    ev = register.evidence.add_file(case.id, write(tmp_path, "p.png", png_bytes()), "小王")
    path = register.evidence.file_path(ev)
    path.unlink()
    assert register.evidence.file_path(ev) == path and not path.exists()
    assert not register.evidence.file_exists(ev)
    assert register.evidence.for_case(case.id)[0].id == ev.id  # the row is unaffected


def test_a_damaged_stored_copy_is_replaced_by_a_fresh_one(register, tmp_path):
    a = open_case(register, order="3700000000001")
    b = open_case(register, order="3700000000002")
    data = png_bytes()
    ev = register.evidence.add_file(a.id, write(tmp_path, "p.png", data), "小王")
    register.evidence.file_path(ev).write_bytes(data[:10])  # cut short
    register.evidence.add_file(b.id, write(tmp_path, "p.png", data), "小王")
    assert register.evidence.file_path(ev).read_bytes() == data


def test_mime_comes_from_the_bytes_before_the_suffix(register, tmp_path):
    case = open_case(register)
    ev = register.evidence.add_file(case.id, write(tmp_path, "really-a-png.jpg", png_bytes()),
                                    "小王")
    assert ev.mime == "image/png"
    zipped = b"PK\x03\x04" + b"0" * 40  # a .docx is a ZIP
    doc = register.evidence.add_file(case.id, write(tmp_path, "说明.docx", zipped), "小王")
    assert doc.mime.endswith("wordprocessingml.document") and not doc.is_image


def test_an_actor_is_required(register, tmp_path):
    case = open_case(register)
    with pytest.raises(ValidationError) as refused:
        register.evidence.add_file(case.id, write(tmp_path, "p.png", png_bytes()), " ")
    assert "actor" in refused.value.by_field()


def test_a_file_that_cannot_be_opened_is_refused_by_name(register, tmp_path, monkeypatch):
    # Runs as root too (where chmod 0 does not stop reading): the open itself fails.
    from pathlib import Path

    case = open_case(register)
    src = write(tmp_path, "locked.png", png_bytes())
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self == src:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(ValidationError) as refused:
        register.evidence.add_file(case.id, src, "小王")
    err = refused.value.by_field()["file"]
    assert "无权读取" in err.zh and "locked.png" in err.zh and "permission" in err.en
    assert stored_files(register) == []  # the temp file was cleaned up


def test_evidence_on_a_trashed_case_is_read_only(register, tmp_path):
    """Like notes and promises: the trash keeps a case as it was until it is restored."""
    case = open_case(register)
    ev = register.evidence.add_file(case.id, write(tmp_path, "p.png", png_bytes()), "小王",
                                    caption="原样")
    register.cases.delete([case.id], "小王")
    audit_before = len(register.cases.audit(case.id))
    for change in (lambda: register.evidence.set_caption(ev.id, "改了", "小王"),
                   lambda: register.evidence.set_category(ev.id, EvidenceCategory.RECEIPT,
                                                          "小王"),
                   lambda: register.evidence.remove(ev.id, "小王", "清理")):
        with pytest.raises(ValidationError) as refused:
            change()
        assert "回收站" in refused.value.by_field()["case"].zh
    kept = register.evidence.get(ev.id)
    assert (kept.caption, kept.category, kept.is_removed) == ("原样", EvidenceCategory.OTHER,
                                                              False)
    assert len(register.cases.audit(case.id)) == audit_before
    register.cases.restore([case.id], "小王")
    assert register.evidence.remove(ev.id, "小王", "清理").is_removed


def test_a_category_that_the_file_type_contradicts_is_refused(register, tmp_path):
    case = open_case(register)
    shot = write(tmp_path, "chat.png", png_bytes())
    with pytest.raises(ValidationError) as refused:
        register.evidence.add_file(case.id, shot, "小王", category=EvidenceCategory.VIDEO)
    err = refused.value.by_field()["category"]
    assert "chat.png" in err.zh and "视频" in err.zh
    assert register.evidence.for_case(case.id) == []
    photo = register.evidence.add_file(case.id, shot, "小王",
                                       category=EvidenceCategory.CHAT_RECORD)
    with pytest.raises(ValidationError):
        register.evidence.set_category(photo.id, EvidenceCategory.VIDEO, "小王")
    assert register.evidence.get(photo.id).category == EvidenceCategory.CHAT_RECORD
    register.evidence.set_category(photo.id, EvidenceCategory.ITEM_PHOTO, "小王")  # fits


@pytest.mark.parametrize(("name", "data", "said"), [
    ("notes.txt", b"the buyer says it leaks", "不支持的文件类型：“notes.txt”（text/plain）"),
    ("fake.heic", b"\x00\x00\x00\x18", "“fake.heic”的内容不是图片"),
    ("trunc.gif", b"GIF89a", "无法读取图片“trunc.gif”：文件不完整或已损坏"),
    ("other.docx", b"plain text posing as Word", "“other.docx”不是真正的Word 文档"),
    ("broken.pdf", b"%PDF-1.4 and then nothing", "无法打开 PDF“broken.pdf”"),
    ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00", "不支持的文件类型：“setup.exe”"),
])
def test_a_file_that_is_no_evidence_is_refused_when_added(register, tmp_path, name, data,
                                                          said):
    case = open_case(register)
    with pytest.raises(ValidationError) as refused:
        register.evidence.add_file(case.id, write(tmp_path, name, data), "小王")
    [error] = refused.value.errors
    assert error.field == "file" and said in error.zh and name in error.en
    assert register.evidence.for_case(case.id) == [] and stored_files(register) == []


def test_documents_videos_and_pictures_are_accepted(register, tmp_path):
    case = open_case(register)
    for name, data in (("发票.pdf", pdf_bytes()), ("说明.docx", b"PK\x03\x04" + b"0" * 30),
                       ("旧表.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 30),
                       ("开箱.mp4", b"\x00\x00\x00\x18ftypmp42" + b"0" * 30),
                       ("iphone.heic", b"\x00\x00\x00\x18ftypheic" + b"0" * 30),
                       ("p.png", png_bytes())):
        register.evidence.add_file(case.id, write(tmp_path, name, data), "小王")
    assert len(register.evidence.for_case(case.id)) == 6


def test_a_huge_picture_is_added_quietly_and_a_bomb_refused(register, tmp_path, monkeypatch):
    import warnings

    from PIL import Image

    # Pillow warns past MAX_IMAGE_PIXELS and refuses past twice that; a 12000x9000 photo
    # (108 MP) is in between. Scaled down here: the limit is 1000 pixels.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    case = open_case(register)
    big = tmp_path / "scan.jpg"
    Image.new("RGB", (40, 30), (200, 0, 0)).save(big)  # 1200 pixels
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        ev = register.evidence.add_file(case.id, big, "小王")
    assert not [w for w in seen if issubclass(w.category, Image.DecompressionBombWarning)]
    assert register.evidence.thumbnails.path_for(ev.sha256).is_file()
    bomb = tmp_path / "bomb.png"
    Image.new("RGB", (100, 100), (0, 0, 0)).save(bomb)  # 10,000 pixels: over twice
    with pytest.raises(ValidationError) as refused:
        register.evidence.add_file(case.id, bomb, "小王")
    assert "像素太多" in refused.value.errors[0].zh and "bomb.png" in refused.value.errors[0].zh
