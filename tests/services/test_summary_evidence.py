"""The evidence a dispute summary prints: numbered as the window and the CLI number it,
counted only when a reader can open it, and (for the platform) as it stands now."""

from __future__ import annotations

import re
from decimal import Decimal

from PIL import Image
from pypdf import PdfReader

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.domain.evidence import EvidenceCategory


def _open(register):
    return register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3799000011112222", kind=CaseKind.BAD_REVIEW,
        shop="某某小店", buyer_nick="tb_差评专家88", item_title="蓝牙耳机",
        amount_paid=Decimal("49.00"), cause=Cause.MALICIOUS_REVIEWER), "小王")


def _photo(folder, name, colour):
    path = folder / name
    Image.new("RGB", (40, 30), colour).save(path)
    return path


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

