"""ScriptService: the library with the shop's edits and scripts, usage, favourites, search."""

from __future__ import annotations

import pytest

from shopdesk.domain.enums import CaseKind, Cause
from shopdesk.domain.errors import NotFoundError
from shopdesk.domain.scripts import HandlingStep, ScriptLibraryError
from shopdesk.services.scripts import ScriptOrigin, open_script_service
from shopdesk.services.scripts_io import script_to_dict

from .script_support import open_case, shop_script

SHIPPED = "return_refund.respond.1"


@pytest.fixture
def svc(register, clock):
    return open_script_service(register.db, clock)


def test_library_is_the_shipped_catalog_when_nothing_is_stored(svc):
    assert len(svc.library()) == len(svc.catalog.library)
    assert svc.problems == []
    assert svc.origin(SHIPPED) is ScriptOrigin.SHIPPED


def test_edit_is_kept_in_the_register_and_reset_restores_the_shipped_text(svc, register):
    data = script_to_dict(svc.get(SHIPPED))
    data["text"] = {"zh": "收到您的申请了，我是{客服}，马上看订单{订单号}。",
                    "en": "Got your request, I'm {agent}, checking order {order_no} now."}
    svc.edit(SHIPPED, data, "小王")
    assert svc.get(SHIPPED).text.zh.startswith("收到您的申请了")
    assert svc.origin(SHIPPED) is ScriptOrigin.EDITED
    # A second service on the same register sees the edit: it is stored, not cached.
    assert open_script_service(register.db, svc.clock).get(SHIPPED).text.zh.startswith("收到")
    assert svc.reset(SHIPPED, "小王") is True
    assert svc.get(SHIPPED) == svc.catalog.library.get(SHIPPED)
    assert svc.reset(SHIPPED, "小王") is False
    actions = [e.action for e in register.cases.audit_log.latest() if e.entity == "script"]
    assert actions == ["reset", "edit"]


def test_edit_that_breaks_a_lint_rule_is_refused_with_the_rules_message(svc):
    data = script_to_dict(svc.catalog.library.get("return_refund.clarify.1"))
    data["causes"] = ["item_defective"]
    data["text"] = {"zh": "请拍照给我看看，退货运费由您承担。",
                    "en": "Please send photos; you will pay the return shipping."}
    with pytest.raises(ScriptLibraryError) as info:
        svc.edit("return_refund.clarify.1", data, "小王")
    messages = [e.message("zh") for e in info.value.errors]
    assert any("运费由卖家承担" in m and "text.zh" in m for m in messages)
    assert svc.origin("return_refund.clarify.1") is ScriptOrigin.SHIPPED
    assert svc.store.overrides() == []


def test_edit_with_a_bad_field_names_it(svc):
    data = script_to_dict(svc.get(SHIPPED))
    data["step"] = "dance"
    with pytest.raises(ScriptLibraryError) as info:
        svc.edit(SHIPPED, data, "小王")
    assert [e.field for e in info.value.errors] == ["step"]


def test_shop_script_add_and_delete(svc):
    svc.add_shop_script(shop_script(), "小王")
    assert svc.origin("shop.respond.1") is ScriptOrigin.SHOP
    assert "shop.respond.1" in svc.library()
    assert svc.new_shop_id(HandlingStep.RESPOND) == "shop.respond.2"
    with pytest.raises(ScriptLibraryError):
        svc.add_shop_script(shop_script(), "小王")  # same id twice
    svc.delete_shop_script("shop.respond.1", "小王")
    assert "shop.respond.1" not in svc.library()
    with pytest.raises(NotFoundError):
        svc.get("shop.respond.1")
    svc.add_shop_script(shop_script(), "小王")  # the id is free again
    assert "shop.respond.1" in svc.library()


def test_shop_script_cannot_take_a_shipped_id_and_shipped_cannot_be_deleted(svc):
    with pytest.raises(ScriptLibraryError) as info:
        svc.add_shop_script(shop_script(SHIPPED), "小王")
    assert info.value.errors[0].field == "id"
    with pytest.raises(ScriptLibraryError):
        svc.delete_shop_script(SHIPPED, "小王")


def test_a_damaged_stored_row_is_skipped_and_reported(svc, register, clock):
    svc.store.put_shop_script("shop.respond.1", shop_script(step="dance"), clock.now(), "x")
    register.db.execute("INSERT INTO script_overrides VALUES (?, ?, ?, ?)",
                        [SHIPPED, "{not json", "2026-11-23T02:00:00+00:00", "x"])
    svc.reload()
    assert len(svc.library()) == len(svc.catalog.library)
    assert svc.get(SHIPPED) == svc.catalog.library.get(SHIPPED)
    fields = {(p.script, p.field) for p in svc.problems}
    assert ("shop.respond.1", "step") in fields and (SHIPPED, "data") in fields


def test_usage_counts_order_the_suggestions(svc, register):
    case = open_case(register, cause=Cause.ITEM_DEFECTIVE)
    first = svc.suggestions(case.id, HandlingStep.RESPOND)
    same_tier = [s for s in first if s.any_kind]  # generic scripts share one tier
    assert len(same_tier) >= 2
    last = same_tier[-1].id
    svc.record_use(last)
    svc.record_use(last)
    again = [s.id for s in svc.suggestions(case.id, HandlingStep.RESPOND) if s.any_kind]
    assert again[0] == last
    assert svc.usage()[last] == 2


def test_browse_puts_favourites_then_most_used_first(svc):
    rows = svc.browse(kind=CaseKind.EXCHANGE)
    a, b = rows[-1].script.id, rows[-2].script.id
    svc.record_use(a)
    assert svc.browse(kind=CaseKind.EXCHANGE)[0].script.id == a
    assert svc.toggle_favourite(b) is True
    top = svc.browse(kind=CaseKind.EXCHANGE)[0]
    assert top.script.id == b and top.favourite
    assert [e.script.id for e in svc.browse(favourites_only=True)] == [b]
    assert svc.toggle_favourite(b) is False


def test_search_matches_chinese_and_english_titles_and_texts(svc):
    zh = svc.search("拍三张照片")
    assert "return_refund.clarify.1" in [s.id for s in zh]
    en = svc.search("THREE PHOTOS")
    assert "return_refund.clarify.1" in [s.id for s in en]
    assert svc.search("没有这样的话术内容") == []


def test_a_shop_script_may_be_chinese_only(svc, register):
    data = shop_script(title={"zh": "店铺开场", "en": ""}, tone={"zh": "简短", "en": ""},
                       text_en="")
    script = svc.add_shop_script(data, "小王")
    assert script.text.en == "" and script.title.get("en") == "店铺开场"
    # Stored and read back (the stored rows are checked on every read).
    again = open_script_service(register.db, svc.clock)
    assert again.problems == [] and again.get("shop.respond.1") == script
    # Chinese stays required: the form names the field as it shows it.
    with pytest.raises(ScriptLibraryError) as info:
        svc.add_shop_script(shop_script("shop.respond.2", title={"zh": "", "en": "x"}), "小王")
    [e] = info.value.errors
    assert e.field == "title.zh" and e.field_message("zh") == "标题（中文）：不能为空"


def test_an_edit_of_a_shipped_script_may_drop_the_english(svc):
    # The shop rewrote the Chinese; an English text it cannot write is better left out than
    # left saying something else (English readers then get the shop's Chinese).
    data = script_to_dict(svc.get(SHIPPED))
    data["text"] = {"zh": "收到您的申请了，我是{客服}，马上看订单{订单号}和{运单号}。", "en": ""}
    edited = svc.edit(SHIPPED, data, "小王")
    assert edited.text.get("en") == edited.text.zh and edited.text_lang("en") == "zh"
    assert svc.origin(SHIPPED) is ScriptOrigin.EDITED


def test_an_edit_cannot_change_the_id(svc):
    data = {**script_to_dict(svc.get(SHIPPED)), "id": "return_refund.respond.99"}
    with pytest.raises(ScriptLibraryError) as info:
        svc.edit(SHIPPED, data, "小王")
    assert [(e.script, e.field) for e in info.value.errors] == [(SHIPPED, "id")]
    assert "return_refund.respond.99" not in svc.library()
    assert svc.origin(SHIPPED) is ScriptOrigin.SHIPPED


def test_a_chinese_only_script_breaking_a_rule_is_refused_once_per_rule(svc):
    # No English text: the violation is reported for the Chinese, not again for the
    # (empty) English that falls back to it.
    data = shop_script("shop.propose.1", text_zh="退货运费您先垫付一下。", text_en="",
                       causes=["item_defective"], step="propose",
                       title={"zh": "运费"}, tone={"zh": "简短"})
    with pytest.raises(ScriptLibraryError) as info:
        svc.add_shop_script(data, "小王")
    fields = [(e.field, e.field_message("zh").split("：")[0]) for e in info.value.errors]
    # Once: the seller-side rule (the generic one caught the same words and is dropped).
    assert fields == [("text.zh", "正文（中文）")]
    assert "shop.propose.1" not in svc.library()
