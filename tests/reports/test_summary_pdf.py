"""The dispute summary layout, given plain data: fields, order, pagination, images, contents."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from PIL import Image
from pypdf import PdfReader

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.evidence import ChecklistItem, EvidenceCategory
from shopdesk.domain.promises import Promise, PromiseKind, PromiseState
from shopdesk.reports.summary_data import CallDetail, TimelineEntry
from shopdesk.reports.thumbnails import ThumbnailCache, ThumbProblem, make_thumbnail

from .summary_support import T0, entry, make_case, notes, render, summary


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_one_case_prints_its_fields_as_real_chinese_text() -> None:
    _data, pages = render([summary(checklist=(ChecklistItem(
        EvidenceCategory.LISTING_SCREENSHOT, "下单时的详情页截图", "Listing", False),))])
    text = "\n".join(pages)
    for expected in ("售后争议摘要", "SD-20261120-0001", "某某小店", "淘宝/天猫", "3712345678901",
                     "小蜜蜂1", "蓝牙耳机 Pro 降噪版", "BT-PRO-W", "299.00", "退货退款",
                     "与描述不符（卖家原因）", "已解决", "全额退款", "事实陈述",
                     "买家称耳机左耳无声，与描述不符。", "生成人：小王", "2026-11-23 10:00",
                     "138****5678", "浙江省杭州市****", "下单时的详情页截图", "缺少"):
        assert expected in text, expected
    assert "第 1 页 / 共 1 页" in pages[0] and "SD-20261120-0001" in pages[0]


def test_timeline_lines_print_oldest_first_with_calls_and_promise_results() -> None:
    kept = Promise(1, 1, PromiseKind.REFUND, "收到退货后退款", T0 + timedelta(days=2), "小王",
                   T0 + timedelta(hours=2), PromiseState.KEPT, T0 + timedelta(days=3), "小李")
    broken = Promise(2, 1, PromiseKind.CALL_BACK, "告知检测结果", T0 + timedelta(hours=5),
                     "小王", T0 + timedelta(hours=2), PromiseState.BROKEN,
                     T0 + timedelta(hours=6), "小王", "仓库未及时反馈")
    timeline = (
        TimelineEntry(T0, "小王", "created"),
        TimelineEntry(T0 + timedelta(hours=1), "小王", "note", "请买家拍视频"),
        TimelineEntry(T0 + timedelta(hours=2), "小王", "call", "已接通",
                      {"call_id": 9, "outcome": "connected"},
                      call=CallDetail(CallOutcome.CONNECTED, 185, "买家同意寄回", "收到后退款")),
        TimelineEntry(T0 + timedelta(hours=2), "小王", "promise_made", "",
                      {"promise_id": 1, "kind": "refund"}, promise=kept),
        TimelineEntry(T0 + timedelta(hours=2), "小王", "promise_made", "",
                      {"promise_id": 2, "kind": "call_back"}, promise=broken),
        TimelineEntry(T0 + timedelta(hours=6), "小王", "promise_broken", "",
                      {"promise_id": 2, "kind": "call_back", "text": "告知检测结果",
                       "reason": "仓库未及时反馈"}, promise=broken),
        TimelineEntry(T0 + timedelta(days=1), "小王", "status", "",
                      {"from": "in_progress", "to": "resolved", "outcome": "full_refund",
                       "amount": "299.00"}),
    )
    _data, pages = render([summary(timeline=timeline, promises=(broken, kept))])
    text = _compact("".join(pages))
    order = ["创建工单", "请买家拍视频", "已接通；通话3分05秒", "摘要：买家同意寄回",
             "约定：收到后退款", "退款：收到退货后退款", "结果：已兑现（2026-11-2310:00，逾期）",
             "回电：告知检测结果", "结果：未兑现（2026-11-2016:00），原因：仓库未及时反馈",
             "承诺未兑现", "处理中→已解决", "处理结果：全额退款"]
    positions = [text.find(_compact(word)) for word in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)
    # The promises table says how each one ended.
    assert "已兑现" in text and "未兑现" in text and "小李" in text


def test_a_300_event_case_paginates_with_repeated_headers_and_every_line() -> None:
    _data, pages = render([summary(timeline=notes(300, "买家来消息询问进度，已回复预计时间。"))])
    total = len(pages)
    assert total >= 6
    body = "".join(pages)
    positions = [body.find(f"MARK{i:04d}") for i in range(300)]
    assert -1 not in positions and positions == sorted(positions)
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 / 共 {total} 页" in page
        assert "SD-20261120-0001" in page  # the footer names the case on every page
    timeline_pages = [p for p in pages if "MARK" in p]
    assert len(timeline_pages) >= 5
    for page in timeline_pages[1:]:  # continuation pages repeat the table header
        assert "操作人" in page and "内容" in page


def test_times_print_on_one_line_in_the_font_in_use(tmp_path) -> None:
    # TrueType CJK digits are wider than STSong-Light's: a fixed 25 mm column broke
    # "2026-11-20 10:00" into a date line and a time line in every timeline row.
    promise = Promise(1, 1, PromiseKind.REFUND, "退款", T0 + timedelta(hours=5), "小王", T0,
                      PromiseState.OPEN, None, None)
    photo = tmp_path / "p.png"
    Image.new("RGB", (40, 30)).save(photo)
    _data, pages = render([summary(timeline=notes(30), promises=(promise,),
                                   evidence=(entry(1, photo, filename="p.png"),))])
    text = "".join(pages)
    for i in range(30):
        assert f"2026-11-20 10:{i:02d}" in text, i  # the timeline's time column
    assert "2026-11-20 15:00" in text  # the promise's due time
    assert text.count("小王 2026-11-20 10:00") >= 2  # promise made, evidence added


@pytest.mark.parametrize("lines", [3, 5, 7])
def test_ordinary_rows_are_never_split_across_a_page_break(lines: int) -> None:
    # reportlab's splitInRow also split a few-line note at the foot of a page, under a
    # second header, its time and author left on the page before the rest of the note.
    last = lines - 1
    timeline = tuple(TimelineEntry(T0 + timedelta(hours=i), "小王", "note", "\n".join(
        f"MARK{i:04d} 第{k}行：买家来消息询问进度" for k in range(lines))) for i in range(60))
    _data, pages = render([summary(timeline=timeline)])
    assert len(pages) >= 3
    for page in pages:
        assert page.count("操作人") <= 1  # the header once, at the top
    for line in timeline:
        mark = line.text[:8]
        [page] = [p for p in pages if f"{mark} 第0行" in p]
        assert f"{mark} 第{last}行" in page  # the whole note on one page ...
        assert f"{(line.at + timedelta(hours=8)):%Y-%m-%d %H:%M}" in page  # ... with its time


def test_a_note_longer_than_a_page_continues_on_the_next_page() -> None:
    long_note = "很长的备注" * 1500 + "END-OF-NOTE"
    timeline = (TimelineEntry(T0, "小王", "note", long_note), *notes(3))
    _data, pages = render([summary(timeline=timeline)])
    assert len(pages) >= 3
    body = "".join(pages)
    # Nothing of the note is lost, and the timeline goes on after it (whatever the font's
    # metrics make of the page breaks).
    assert body.count("很") == 1500  # line and page breaks split the phrase, not the characters
    assert -1 < body.find("END-OF-NOTE") < body.find("MARK0002")


def test_missing_and_unreadable_images_are_listed_not_raised(tmp_path) -> None:
    good = tmp_path / "ok.png"
    Image.new("RGB", (64, 48), (200, 40, 40)).save(good)
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"\xff\xd8\xff" + b"not really a jpeg" * 20)
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(b"%PDF-1.4 tiny")
    evidence = (
        entry(1, good, filename="实物.png", mime="image/png"),
        entry(2, tmp_path / "gone.jpg", filename="丢失的照片.jpg"),
        entry(3, junk, filename="坏图.jpg"),
        entry(4, empty, filename="空文件.png", mime="image/png"),
        entry(5, None, filename="无路径.jpg"),
        entry(6, pdf, filename="发票.pdf", mime="application/pdf",
              category=EvidenceCategory.RECEIPT),
        entry(7, tmp_path, filename="文件夹.jpg"),
    )
    _data, pages = render([summary(evidence=evidence)])
    text = "".join(pages)
    for name in ("实物.png", "丢失的照片.jpg", "坏图.jpg", "空文件.png", "无路径.jpg", "发票.pdf"):
        assert name in text
    assert text.count("文件缺失") >= 3  # gone, no path, a folder where the file should be
    assert text.count("无法读取") >= 2  # junk bytes, empty file
    assert "图片证据缩略图" in text


def test_a_file_that_is_there_says_so_in_the_evidence_list(tmp_path) -> None:
    # A blank file-state cell reads as "missing?" to an arbiter.
    good = tmp_path / "ok.png"
    Image.new("RGB", (20, 20)).save(good)
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4 tiny")
    evidence = (entry(1, good, filename="实物.png", mime="image/png"),
                entry(2, pdf, filename="发票.pdf", mime="application/pdf"),
                entry(3, tmp_path / "gone.jpg", filename="丢失.jpg"))
    text = "".join(render([summary(evidence=evidence)])[1])
    assert text.count("正常") == 2 and text.count("文件缺失") >= 1
    en = "".join(render([summary(evidence=evidence)], lang="en")[1])
    assert "OK" in en and "File missing" in en
    assert "实物.png (1 KB)" in en and "实物.png（1 KB）" in text  # brackets of the language


def test_a_waybill_number_is_never_split_across_lines() -> None:
    from dataclasses import replace as changed

    from shopdesk.reports.summary_data import EvidenceEntry

    waybill = changed(entry(1, None, filename="x").evidence, kind="waybill", filename=None,
                      mime=None, size=None, carrier="顺丰速运", waybill_no="SF1234567890123",
                      category=EvidenceCategory.COURIER_TRACE)
    text = "".join(render([summary(evidence=(EvidenceEntry(1, waybill),))])[1])
    assert "SF1234567890123" in text and "运单号 顺丰速运" in text


def test_a_photo_shared_by_cases_of_a_batch_is_embedded_once(tmp_path) -> None:
    photo = tmp_path / "shared.jpg"
    Image.effect_noise((800, 600), 50).convert("RGB").save(photo)
    cases = [summary(make_case(n), evidence=(entry(1, photo, filename=f"{n}.jpg"),))
             for n in (1, 2, 3)]
    data, _pages = render(cases)
    images = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        images |= {ref.idnum for ref in xobjects.values()
                   if ref.get_object()["/Subtype"] == "/Image"}
    assert len(images) == 1


def test_thumbnails_keep_a_big_photo_small(tmp_path) -> None:
    photo = tmp_path / "big.jpg"
    Image.effect_noise((4000, 3000), 60).convert("RGB").save(photo, quality=95)
    assert photo.stat().st_size > 1_000_000
    thumb = make_thumbnail(photo)
    assert not isinstance(thumb, ThumbProblem)
    assert max(thumb.width, thumb.height) <= 480 and len(thumb.data) < 200_000
    data, _pages = render([summary(evidence=(entry(1, photo, filename="big.jpg"),))])
    assert len(data) < 300_000


def test_exif_rotated_photo_is_printed_upright(tmp_path) -> None:
    photo = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    Image.new("RGB", (400, 200), (10, 120, 10)).save(photo, exif=exif)
    thumb = make_thumbnail(photo)
    assert not isinstance(thumb, ThumbProblem)
    assert thumb.height > thumb.width


def test_a_huge_screenshot_is_shrunk_before_it_is_turned_upright(tmp_path, monkeypatch) -> None:
    # exif_transpose copies the picture it is given: given the full 6000x9000 picture it
    # would double a multi-hundred-megabyte decode for nothing.
    import shopdesk.reports.thumbnails as thumbs

    shot = tmp_path / "long-chat.png"
    Image.new("RGB", (6000, 9000), (250, 250, 250)).save(shot)
    seen = []
    real = thumbs.ImageOps.exif_transpose

    def spy(image, **kw):
        seen.append(image.size)
        return real(image, **kw)

    monkeypatch.setattr(thumbs.ImageOps, "exif_transpose", spy)
    thumb = make_thumbnail(shot)
    assert not isinstance(thumb, ThumbProblem) and (thumb.width, thumb.height) == (320, 480)
    assert seen and all(max(size) <= 480 for size in seen)


def test_the_thumbnail_cache_decodes_a_shared_photo_once(tmp_path, monkeypatch) -> None:
    import shopdesk.reports.thumbnails as thumbs

    photo = tmp_path / "p.png"
    Image.new("RGB", (50, 50)).save(photo)
    calls = []
    real = thumbs.make_thumbnail
    monkeypatch.setattr(thumbs, "make_thumbnail", lambda p, px: calls.append(p) or real(p, px))
    cache = ThumbnailCache()
    assert cache.get(photo) == cache.get(photo)
    assert len(calls) == 1
    assert cache.get(tmp_path / "nope.png") is ThumbProblem.MISSING


def test_several_cases_get_a_contents_page_with_the_right_page_numbers() -> None:
    cases = [summary(make_case(n, buyer_nick=f"买家{n}"), timeline=notes(40 * n))
             for n in (1, 2, 3)]
    data, pages = render(cases)
    # The page numbers are written in when the file is saved: read the cover by position.
    cover = PdfReader(io.BytesIO(data)).pages[0].extract_text(extraction_mode="layout")
    assert "目录" in cover and "售后争议摘要汇编" in cover and "共 3 件" in cover
    for n in (1, 2, 3):
        case_no = f"SD-20261120-{n:04d}"
        start = next(i for i, p in enumerate(pages[1:], start=2)
                     if f"售后争议摘要 {case_no}" in p or f"售后争议摘要　{case_no}" in p)
        # The contents row: "n SD-... 买家n 退货退款 已解决 page".
        row = re.search(rf"{case_no}\s+买家{n}\s+退货退款\s+已解决\s+(\d+)\s*$", cover,
                        re.MULTILINE)
        assert row is not None, cover
        assert int(row.group(1)) == start
        if n > 1:  # a case starts a new page: the page before belongs to the previous case
            assert case_no not in pages[start - 2]
    outline = [o.title for o in PdfReader(io.BytesIO(data)).outline]
    assert outline == ["SD-20261120-0001 买家1", "SD-20261120-0002 买家2",
                       "SD-20261120-0003 买家3"]


def test_a_promise_kept_late_prints_without_a_middle_dot() -> None:
    # "·" is not in the STSong-Light fallback font: it printed as an empty box.
    kept = Promise(1, 1, PromiseKind.REFUND, "收到退货后退款", T0, "小王", T0,
                   PromiseState.KEPT, T0 + timedelta(days=1), "小李")
    line = TimelineEntry(T0 + timedelta(days=1), "小李", "promise_kept", "",
                         {"promise_id": 1, "kind": "refund", "late": True}, promise=kept)
    text = "".join(render([summary(timeline=(line,), promises=(kept,))])[1])
    assert "·" not in text
    assert "退款：收到退货后退款；已兑现（逾期）" in _compact(text)
    en = "".join(render([summary(timeline=(line,), promises=(kept,))], lang="en")[1])
    assert "Refund: 收到退货后退款; Kept (late)" in en


def test_english_labels_when_asked() -> None:
    _data, pages = render([summary()], lang="en")
    text = "".join(pages)
    assert "After-sales dispute summary" in text and "Page 1 of 1" in text
    assert "Return & refund" in text and "Full refund" in text


def test_english_labels_wrap_between_words(tmp_path) -> None:
    # CJK wrapping in the narrow label and file columns broke "nickna|me", "missin|g".
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"not a picture")
    evidence = (entry(1, tmp_path / "gone.jpg", filename="gone.jpg"),
                entry(2, junk, filename="junk.jpg"))
    words = "".join(render([summary(evidence=evidence)], lang="en")[1]).split()
    for word in ("nickname", "claimed", "settled", "missing", "Unreadable"):
        assert word in words, word


def test_settled_amount_and_nothing_to_list_sections() -> None:
    case = make_case(amount_settled=Decimal("120.50"))
    _data, pages = render([summary(case)])
    text = "".join(pages)
    assert "120.50" in text
    assert text.count("（无）") >= 3  # no timeline, no promises, no evidence


@pytest.mark.parametrize("lines", [4, 8])
def test_photos_start_at_the_foot_of_page_one_not_on_a_fresh_page(tmp_path, lines) -> None:
    """The first row of photos, drawn a little smaller when need be, fills the room left
    under the evidence list instead of leaving a quarter of page 1 blank."""
    evidence = []
    for n in range(1, 7):
        photo = tmp_path / f"p{n}.png"
        Image.new("RGB", (800, 600), (200, 40 * n, 50)).save(photo)
        evidence.append(entry(n, photo, filename=f"照片{n}.png", mime="image/png"))
    _data, pages = render([summary(timeline=notes(lines), evidence=tuple(evidence))])
    assert "图片证据缩略图" in pages[0]
    assert "北京时间" in pages[0] and "Asia/Shanghai" not in pages[0]
