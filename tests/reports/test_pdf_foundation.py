"""The PDF foundation: CJK font choice, escaping, numbered pages and section footers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import PageBreak

from shopdesk.reports.fonts import (
    CID_FALLBACK,
    cjk_font,
    find_candidates,
    load_truetype,
)
from shopdesk.reports.layout import A4Document, SectionMark, para, styles, table


def _render(font, story_of) -> list[str]:
    out = io.BytesIO()
    doc = A4Document(out, title="t", author="小王", font=font, footer_left="某某小店")
    doc.build_numbered(story_of(styles(font), doc))
    return [page.extract_text() for page in PdfReader(io.BytesIO(out.getvalue())).pages]


def test_no_truetype_font_falls_back_to_the_cid_font_and_text_stays_real() -> None:
    font = cjk_font(candidates=[], env={})
    assert font.name == CID_FALLBACK and not font.embedded
    pages = _render(font, lambda st, _doc: [para("蓝牙耳机 退款 ¥12.50", st["body"])])
    assert "蓝牙耳机 退款 ¥12.50" in pages[0]


def test_a_font_without_latin_digits_is_refused(tmp_path: Path) -> None:
    droid = find_candidates([Path("/usr/share/fonts")], [("DroidSansFallbackFull.ttf", 0)])
    if not droid:
        pytest.skip("Droid Sans Fallback is not installed here")
    assert load_truetype(*droid[0]) is None  # has Chinese, lacks 0-9


def test_an_unreadable_or_cff_font_is_skipped(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font")
    assert load_truetype(junk) is None
    font = cjk_font(candidates=[(junk, 0), (tmp_path / "missing.ttf", 0)], env={})
    assert font.name == CID_FALLBACK


def test_env_override_that_is_unusable_falls_through(tmp_path: Path) -> None:
    font = cjk_font(candidates=[], env={"SHOPDESK_PDF_FONT": str(tmp_path / "nope.ttf")})
    assert font.name == CID_FALLBACK


def test_markup_is_escaped_not_interpreted() -> None:
    font = cjk_font(candidates=[], env={})
    pages = _render(font, lambda st, _doc: [para("买家说 <b>坏了</b> & 要退", st["body"])])
    assert "<b>坏了</b> & 要退" in pages[0]


def test_every_page_says_page_x_of_y_and_names_its_section() -> None:
    font = cjk_font(candidates=[], env={})

    def story(st, doc):
        rows = [["时间", "内容"]] + [[f"11-{i:02d}", f"第{i}条记录"] for i in range(120)]
        return [SectionMark("SD-20261123-0001"), para("案件一", st["title"]),
                table(rows, [30 * 2.83, doc.content_width - 30 * 2.83], style=st["cell"],
                      header_style=st["cell_bold"]),
                PageBreak(), SectionMark("SD-20261123-0002"), para("案件二", st["title"])]

    pages = _render(font, story)
    total = len(pages)
    assert total >= 3
    for number, text in enumerate(pages, start=1):
        assert f"第 {number} 页 / 共 {total} 页" in text
        assert "某某小店" in text
    assert "SD-20261123-0001" in pages[0] and "SD-20261123-0002" in pages[-1]
    # The table header repeats on the continuation page.
    assert pages[1].count("时间") >= 1 and "第119条记录" in "".join(pages)


def test_the_built_in_font_can_be_asked_for_by_name(tmp_path: Path) -> None:
    font = cjk_font(candidates=[(tmp_path / "never-read.ttf", 0)],
                    env={"SHOPDESK_PDF_FONT": CID_FALLBACK})
    assert font.name == CID_FALLBACK and not font.embedded
