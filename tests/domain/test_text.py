"""Text in two languages: one decision for "is this English", the punctuation that differs,
and the one error base every bilingual failure shares."""

from __future__ import annotations

import pytest

from shopdesk.domain.errors import FieldError, ShopDeskError, ValidationError
from shopdesk.domain.text import (
    Bilingual,
    Text,
    clause_sep,
    colon,
    is_english,
    list_sep,
    normalize_lang,
    parens,
    pick,
    with_note,
)


@pytest.mark.parametrize("lang,english", [
    ("en", True), ("en_US", True), ("EN", True), ("en-GB", True), (" en", True),
    ("zh", False), ("zh_CN", False), ("", False), (None, False), ("de", False),
])
def test_is_english(lang, english):
    assert is_english(lang) is english
    assert normalize_lang(lang) == ("en" if english else "zh")


def test_text_get_picks_the_language_and_falls_back_to_chinese():
    both = Text("退款", "Refund")
    assert both.get("zh") == "退款" and both.get("en_US") == "Refund"
    assert both.get(None) == "退款" and both.get() == "退款" and str(both) == "退款"
    only_zh = Text("退款")
    assert only_zh.get("en") == "退款"  # no English yet: Chinese rather than nothing
    assert Text("退款", "").get("EN") == "退款"


def test_text_format_fills_both_languages():
    text = Text("{n} 件", "{n} item(s)").format(n=3)
    assert (text.zh, text.en) == ("3 件", "3 item(s)")
    assert Text("{n} 件").format(n=2).en == "2 件"


def test_pick_and_the_punctuation_that_differs():
    assert pick("en", "是", "yes") == "yes" and pick("zh", "是", "yes") == "是"
    assert pick("en", "是", "") == "是"
    assert (colon("zh"), colon("en")) == ("：", ": ")
    assert (list_sep("zh"), list_sep("en")) == ("、", ", ")
    assert (clause_sep("zh"), clause_sep("en")) == ("；", "; ")
    assert (parens("3 MB", "zh"), parens("3 MB", "en")) == ("（3 MB）", "(3 MB)")
    assert with_note("照片", "3 MB", "zh") == "照片（3 MB）"
    assert with_note("Photo", "3 MB", "en") == "Photo (3 MB)"
    assert with_note("Photo", "", "en") == "Photo"


def test_the_bilingual_mixin_gives_message():
    class Refusal(Bilingual):
        def __init__(self) -> None:
            self.zh, self.en = "不行", "No"

    assert Refusal().message("zh") == "不行" and Refusal().message("en_US") == "No"
    assert Refusal().message(None) == "不行"


def test_every_bilingual_failure_is_a_shopdesk_error():
    from shopdesk.domain.call_policy import Notice
    from shopdesk.domain.evidence import ChecklistError
    from shopdesk.domain.scripts.model import ScriptError, ScriptLibraryError
    from shopdesk.importers import FileError, MappingError
    from shopdesk.importers.errors import CellError
    from shopdesk.services.calls import CallRefusedError
    from shopdesk.services.script_catalog import CatalogError

    errors = [
        ChecklistError("checklist.toml", "damaged[0]", "缺少类别", "category missing"),
        FileError("no_header", "找不到表头", "No header row"),
        MappingError("未知字段", "unknown field"),
        CellError("不是金额", "not an amount"),
        CallRefusedError(None, [Notice("a", "太晚了", "Too late"),
                                Notice("b", "今天已打过", "Called today")]),
        ScriptLibraryError([ScriptError("a.toml", "s1", "text", "为空", "empty")]),
        CatalogError([ScriptError("b.toml", "", "", "读不了", "unreadable")]),
        ValidationError([FieldError("pin", "须为 4 位数字", "must be 4 digits")]),
    ]
    for error in errors:
        assert isinstance(error, ShopDeskError), error
        assert error.message("zh") and error.message("en"), error
        assert error.message("zh") != error.message("en"), error
    refused = errors[4]
    assert refused.message("zh") == "太晚了；今天已打过"
    assert refused.message("en") == str(refused) == "Too late; Called today"
    library = errors[5]
    assert library.message("zh") == "a.toml: s1: text: 为空"
    assert str(library) == "a.toml: s1: text: empty"
    # Callers that caught the old bases still catch them.
    assert all(isinstance(e, ValueError) for e in errors if not isinstance(e, FileError))
