"""The evidence a dispute summary prints: numbered as the window and the CLI number it,
counted only when a reader can open it, and (for the platform) as it stands now."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.domain.evidence import EvidenceCategory

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _open(register):
    return register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3799000011112222", kind=CaseKind.BAD_REVIEW,
        shop="某某小店", buyer_nick="tb_差评专家88", item_title="蓝牙耳机",
        amount_paid=Decimal("49.00"), cause=Cause.MALICIOUS_REVIEWER), "小王")


def _photo(folder, name, colour):
    path = folder / name
    Image.new("RGB", (40, 30), colour).save(path)
    return path


def _kept_from_before(register, case, filename: str, mime: str, data: bytes):
    """A file an older ShopDesk accepted (today's add_file may refuse it): its bytes put
    in the content store and its row written as they were then."""
    sha = hashlib.sha256(data).hexdigest()
    stored_as = f"{sha[:2]}/{sha}{Path(filename).suffix}"
    target = register.evidence.files.path_of(stored_as)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return register.evidence.store.add_file(
        case_id=case.id, category=EvidenceCategory.OTHER, caption="", filename=filename,
        sha256=sha, mime=mime, size=len(data), stored_as=stored_as,
        at=case.created_at, actor="小王")


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(path)).pages))


def test_evidence_prints_the_number_the_window_and_the_cli_show(register, tmp_path):
    case = _open(register)
    added = [register.evidence.add_file(case.id, _photo(tmp_path, f"p{n}.png", (n * 40, 0, 0)),
                                        "小王", category=EvidenceCategory.ITEM_PHOTO)
             for n in range(4)]
    register.evidence.remove(added[1].id, "小王", "拍错了")
    s = register.summary.gather(case.id, actor="小王")
    ids = [added[0].id, added[2].id, added[3].id]
    assert [e.number for e in s.evidence] == ids  # not 1, 2, 3
    assert [e.evidence.id for e in s.evidence] == ids
    text = _text(register.summary.write_pdf([case.id], tmp_path / "s.pdf", actor="小王").path)
    # The removed one's number is not reused for the next one on paper.
    assert f"#{added[3].id}" in text and f"#{added[1].id}" not in text


@pytest.mark.local_only("a team register fetches the bytes from the server again")
def test_only_evidence_a_reader_can_open_is_counted_as_provided(register, tmp_path):
    case = _open(register)
    keep = register.evidence.add_file(case.id, _photo(tmp_path, "实物.png", (200, 0, 0)), "小王",
                                      category=EvidenceCategory.ITEM_PHOTO)
    gone = register.evidence.add_file(case.id, _photo(tmp_path, "gone.png", (0, 200, 0)),
                                      "小王", category=EvidenceCategory.ITEM_PHOTO)
    posing = _kept_from_before(register, case, "说明.docx", DOCX,
                               b"this is plain text, not a Word document")
    register.evidence.add_waybill(case.id, "顺丰", "SF1234567890123", "小王")
    register.evidence.file_path(gone).unlink()

    facts = register.summary.default_facts(case.id)
    assert "已提供证据 2 项：商品实物照片 1 项，运单号 1 项。" in facts
    assert "Evidence provided: 2 item(s)" in register.summary.default_facts(case.id,
                                                                            lang="en")
    shop = register.summary.gather(case.id, actor="小王")
    assert {e.evidence.id: e.usable for e in shop.evidence} == {
        keep.id: True, gone.id: False, posing.id: False, shop.evidence[-1].evidence.id: True}
    [fake_entry] = [e for e in shop.evidence if e.evidence.id == posing.id]
    assert fake_entry.present and fake_entry.unreadable

    text = _text(register.summary.write_pdf([case.id], tmp_path / "shop.pdf",
                                            actor="小王").path)
    # The shop's copy lists them apart, after the evidence provided.
    provided, _, apart = text.partition("文件缺失或无法读取的证据")
    provided = provided[provided.index("证据清单"):]
    assert "实物.png" in provided and "SF1234567890123" in provided
    assert "gone.png" not in provided and "说明.docx" not in provided
    assert "gone.png" in apart and "文件缺失" in apart
    assert "说明.docx" in apart and "无法读取" in apart

    # The platform's copy holds only what it can open.
    appeal = register.summary.gather(case.id, actor="小王", for_platform=True)
    assert {e.evidence.id for e in appeal.evidence} == {keep.id,
                                                       shop.evidence[-1].evidence.id}
    text = _text(register.summary.write_pdf([case.id], tmp_path / "appeal.pdf", actor="小王",
                                            for_platform=True).path)
    assert "文件缺失" not in text and "无法读取" not in text
    assert "gone.png" not in text[text.index("证据清单"):]


def test_the_platforms_copy_shows_the_evidence_as_it_stands_not_the_shops_mistakes(
        register, tmp_path):
    case = _open(register)
    wrong = register.evidence.add_file(case.id, _photo(tmp_path, "别的订单.png", (9, 9, 9)),
                                       "小王")
    pkg = register.evidence.add_file(case.id, _photo(tmp_path, "外包装破损照片.jpg", (0, 0, 200)),
                                     "小王")  # filed as 其他 first ...
    register.evidence.set_category(pkg.id, EvidenceCategory.PACKAGE_PHOTO, "小王")  # ... re-filed
    register.evidence.remove(wrong.id, "小王", "不是证据")

    appeal = register.summary.gather(case.id, actor="小王", for_platform=True)
    evidence_lines = [e for e in appeal.timeline if e.type.startswith("evidence_")]
    assert [(e.type, e.data["evidence_id"], e.data["category"]) for e in evidence_lines] == [
        ("evidence_added", pkg.id, "package_photo")]
    text = _text(register.summary.write_pdf([case.id], tmp_path / "appeal.pdf", actor="小王",
                                            for_platform=True).path)
    assert "别的订单.png" not in text and "不是证据" not in text and "移除证据" not in text
    assert "外包装照片：外包装破损照片.jpg" in text and "其他：外包装破损照片.jpg" not in text

    # The shop's own copy keeps the history.
    shop = register.summary.gather(case.id, actor="小王")
    assert [e.type for e in shop.timeline if e.type.startswith("evidence_")] == [
        "evidence_added", "evidence_added", "evidence_removed"]
    text = _text(register.summary.write_pdf([case.id], tmp_path / "shop.pdf",
                                            actor="小王").path)
    assert "不是证据" in text and "移除证据" in text


@pytest.mark.local_only("a team register fetches the bytes from the server again")
def test_an_iphone_photo_is_evidence_though_no_thumbnail_is_made(register, tmp_path):
    """HEIC is taken on its signature when added (Pillow cannot decode it): the summary
    counted it unreadable, listed it under 请找回或重新添加 and left it out of the appeal."""
    case = _open(register)
    photo = tmp_path / "IMG_0001.heic"
    photo.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(2000))
    added = register.evidence.add_file(case.id, photo, "小王",
                                       category=EvidenceCategory.ITEM_PHOTO)
    assert added.mime == "image/heic"
    assert "已提供证据 1 项" in register.summary.default_facts(case.id)
    shop = register.summary.gather(case.id, actor="小王")
    assert [(e.evidence.id, e.usable) for e in shop.evidence] == [(added.id, True)]
    appeal = register.summary.gather(case.id, actor="小王", for_platform=True)
    assert [e.evidence.id for e in appeal.evidence] == [added.id]
    text = _text(register.summary.write_pdf([case.id], tmp_path / "appeal.pdf", actor="小王",
                                            for_platform=True).path)
    assert "IMG_0001.heic" in text and "无法读取" not in text
