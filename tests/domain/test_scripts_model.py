"""Script parsing and validation, the step/channel vocabulary and the library container."""

from __future__ import annotations

import pytest

from shopdesk.domain.enums import CaseKind, Cause, CustomerType
from shopdesk.domain.scripts import (
    PROCEDURE_STEPS,
    Audience,
    Channel,
    HandlingStep,
    Script,
    ScriptLibrary,
    ScriptLibraryError,
    field_label,
    parse_script_dict,
    parse_script_dicts,
)


def raw(**overrides) -> dict:
    data = {
        "id": "refund_only.respond.9",
        "kinds": ["refund_only"],
        "causes": ["any"],
        "step": "respond",
        "channel": "chat",
        "title": {"zh": "收到申请", "en": "Request received"},
        "tone": {"zh": "快", "en": "Fast"},
        "text": {"zh": "亲，订单{订单号}收到了，我是{客服}。",
                 "en": "Order {order_no} received; I'm {agent}."},
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def errors_of(data: dict, **kw) -> list:
    with pytest.raises(ScriptLibraryError) as info:
        parse_script_dict(data, **kw)
    return info.value.errors


def test_handling_steps_in_order_with_labels_and_descriptions():
    assert [s.value for s in HandlingStep] == [
        "pre_empt", "respond", "listen", "clarify", "explain", "propose", "act", "follow_up",
        "learn"]
    assert [s.number for s in PROCEDURE_STEPS] == list(range(1, 9))
    assert HandlingStep.PRE_EMPT.number == 0
    assert HandlingStep.EXPLAIN.zh == "解释与道歉"
    assert HandlingStep.FOLLOW_UP.label("en") == "Follow up"
    for step in HandlingStep:
        assert step.description("zh") and step.description("en")
        assert step.description("zh") != step.description("en")
    assert HandlingStep.parse("跟进补救") is HandlingStep.FOLLOW_UP
    assert [c.value for c in Channel] == ["chat", "phone"]


def test_parse_valid_script():
    s = parse_script_dict(raw(customer_types=["dominant"], tags=["x_y"]), source="f.toml")
    assert isinstance(s, Script)
    assert s.id == "refund_only.respond.9"
    assert s.kinds == (CaseKind.REFUND_ONLY,)
    assert s.causes == () and s.any_cause
    assert s.step is HandlingStep.RESPOND and s.channel is Channel.CHAT
    assert s.audience is Audience.BUYER
    assert s.customer_types == (CustomerType.DOMINANT,)
    assert s.title.get("en") == "Request received"
    assert s.placeholders == ("order_no", "agent")
    assert s.source == "f.toml" and s.tags == ("x_y",)


def test_any_kind_and_specific_causes():
    s = parse_script_dict(raw(kinds=["any"], causes=["item_defective", "late_shipment"]))
    assert s.any_kind and s.applies_to_kind(CaseKind.COMPLAINT)
    assert s.applies_to_cause(Cause.LATE_SHIPMENT)
    assert not s.applies_to_cause(Cause.CHANGED_MIND)
    assert not s.applies_to_cause(None)
    assert s.names_seller_cause


def test_error_names_source_id_and_field():
    errs = errors_of(raw(step="argue"), source="refund_only.toml")
    assert len(errs) == 1
    e = errs[0]
    assert (e.source, e.script, e.field) == ("refund_only.toml", "refund_only.respond.9", "step")
    assert "refund_only.toml: refund_only.respond.9: step:" in str(e)
    assert "argue" in e.message("zh")


def test_missing_id_is_named_by_index():
    errs = errors_of(raw(id=None), source="x.toml", index=4)
    assert [(e.script, e.field) for e in errs] == [("#4", "id")]


def test_every_problem_reported_at_once():
    data = raw(kinds=["refund_only", "nonsense"], channel="fax", title={"zh": "标题"}, extra=1)
    fields = {e.field for e in errors_of(data)}
    assert fields == {"kinds[1]", "channel", "title.en", "extra"}


@pytest.mark.parametrize("missing", ["title", "kinds", "causes", "step", "channel", "tone",
                                     "text"])
def test_required_fields(missing):
    assert [e.field for e in errors_of(raw(**{missing: None}))] == [missing]


def test_any_cannot_be_combined_and_lists_cannot_be_empty():
    assert [e.field for e in errors_of(raw(causes=["any", "misuse"]))] == ["causes"]
    assert [e.field for e in errors_of(raw(kinds=[]))] == ["kinds"]


def test_bad_id_format():
    assert [e.field for e in errors_of(raw(id="Refund Only 1"))] == ["id"]


def test_unknown_customer_type_and_unknown_is_not_allowed():
    assert [e.field for e in errors_of(raw(customer_types=["unknown"]))] == ["customer_types[0]"]


def test_zh_and_en_placeholders_must_match():
    data = raw(text={"zh": "亲，订单{订单号}。", "en": "Order {order_no}, {item}."})
    errs = errors_of(data)
    assert [e.field for e in errs] == ["text"]
    assert "item" in errs[0].en


def test_unknown_placeholder_is_refused():
    data = raw(text={"zh": "亲，{优惠码}", "en": "{coupon_code}"})
    assert {e.field for e in errors_of(data)} == {"text.zh", "text.en"}


def test_unknown_placeholder_lists_the_ones_allowed_in_that_language():
    zh, en = errors_of(raw(text={"zh": "亲，{单号}", "en": "{number}"}))
    # The Chinese text takes Chinese names, in either language's message.
    assert zh.zh.startswith("未知的占位符：{单号}（可用：{买家}、{订单号}、")
    assert "{运单号}" in zh.zh and "{buyer}" not in zh.zh
    assert zh.en.startswith("unknown placeholder: {单号} (allowed: {买家}, {订单号}, ")
    assert en.en.startswith("unknown placeholder: {number} (allowed: {buyer}, {order_no}, ")


def test_placeholder_must_use_the_texts_language():
    data = raw(text={"zh": "亲，订单{order_no}。", "en": "Order {order_no}."})
    errs = errors_of(data)
    assert [e.field for e in errs] == ["text.zh"]
    assert "{订单号}" in errs[0].en


def test_stray_brace_is_refused():
    data = raw(text={"zh": "亲，订单{订单号。", "en": "Order {order_no}."})
    assert "text.zh" in {e.field for e in errors_of(data)}


def test_literal_braces_may_be_escaped():
    s = parse_script_dict(raw(text={"zh": "代码{{A}}", "en": "code {{A}}"}))
    assert s.render({}).text == "代码{A}"


def test_from_dicts_collects_errors_and_duplicates():
    good = raw()
    with pytest.raises(ScriptLibraryError) as info:
        ScriptLibrary.from_dicts([good, raw(step="bad", id="a.b.1"), good], source="k.toml")
    found = {(e.source, e.script, e.field) for e in info.value.errors}
    assert found == {("k.toml", "a.b.1", "step"), ("k.toml", "refund_only.respond.9", "id")}


def test_parse_script_dicts_keeps_the_good_ones():
    scripts, errors = parse_script_dicts([raw(), "not a table"], source="k.toml")
    assert [s.id for s in scripts] == ["refund_only.respond.9"]
    assert [(e.script, e.field) for e in errors] == [("#2", "")]


def test_library_lookup_filter_and_merge():
    lib = ScriptLibrary.from_dicts([
        raw(),
        raw(id="general.explain.x", kinds=["any"], causes=["misuse"], step="explain"),
        raw(id="general.propose.p", kinds=["any"], step="propose", channel="phone"),
    ])
    assert len(lib) == 3 and "general.explain.x" in lib
    assert lib.get("general.explain.x").causes == (Cause.MISUSE,)
    with pytest.raises(KeyError):
        lib.get("nope")
    assert [s.id for s in lib.filter(kind=CaseKind.COMPLAINT)] == [
        "general.explain.x", "general.propose.p"]
    assert [s.id for s in lib.filter(cause=Cause.MISUSE, step=HandlingStep.EXPLAIN)] == [
        "general.explain.x"]
    assert [s.id for s in lib.filter(channel=Channel.PHONE)] == ["general.propose.p"]
    shop = ScriptLibrary.from_dicts([raw(title={"zh": "店铺版", "en": "Shop version"})])
    merged = lib.merged(shop)
    assert len(merged) == 3
    assert merged.get("refund_only.respond.9").title.zh == "店铺版"


def test_library_refuses_duplicate_ids_across_sources():
    a = parse_script_dict(raw(), source="a.toml")
    b = parse_script_dict(raw(), source="b.toml")
    with pytest.raises(ScriptLibraryError) as info:
        ScriptLibrary((a, b))
    (e,) = info.value.errors
    assert (e.source, e.script, e.field) == ("b.toml", "refund_only.respond.9", "id")
    assert "a.toml" in e.en


def chinese_only(**overrides) -> dict:
    """English left out (title, text) or empty (tone), as a Chinese seller writes it."""
    return raw(**{"title": {"zh": "收到申请"}, "tone": {"zh": "快", "en": ""},
                  "text": {"zh": "亲，订单{订单号}收到了，我是{客服}。"}, **overrides})


def test_the_shipped_format_requires_english():
    assert {e.field for e in errors_of(chinese_only())} == {"title.en", "tone.en", "text.en"}


def test_a_shop_script_may_be_chinese_only_and_english_readers_get_the_chinese():
    s = parse_script_dict(chinese_only(), english_required=False)
    assert (s.title.en, s.tone.en, s.text.en) == ("", "", "")
    assert s.title.get("en") == "收到申请" and s.tone.get("en") == "快"
    assert s.placeholders == ("order_no", "agent")
    assert s.text_lang("en") == "zh" and s.text_lang("zh") == "zh"
    result = s.render({"order_no": "T1", "agent": "小王"}, "en")
    assert result.text == "亲，订单T1收到了，我是小王。" and result.complete
    # Chinese is still required, and English once given must match the Chinese.
    errs = errors_of(chinese_only(title={"zh": " ", "en": "Request"}), english_required=False)
    assert [e.field for e in errs] == ["title.zh"]
    errs = errors_of(chinese_only(text={"zh": "订单{订单号}", "en": "Order"}),
                     english_required=False)
    assert [e.field for e in errs] == ["text"]
    partly = parse_script_dict(chinese_only(title={"zh": "收到申请", "en": "Request received"}),
                               english_required=False)
    assert partly.title.get("en") == "Request received" and partly.text_lang("en") == "zh"


def test_chinese_only_facts_render_in_chinese_for_an_english_reader():
    data = chinese_only(text={"zh": "事实如下：{事实}"},
                        facts={"zh": ["已发货", "已签收"], "en": ["", ""]})
    s = parse_script_dict(data, english_required=False)
    assert s.render({}, "en", facts=[0, 1]).text == "事实如下：1. 已发货；2. 已签收"
    left_out = parse_script_dict({**data, "facts": {"zh": ["已发货"]}}, english_required=False)
    assert left_out.facts[0].get("en") == "已发货"
    with pytest.raises(ScriptLibraryError):
        parse_script_dict(data)  # shipped: English facts required


@pytest.mark.parametrize(("key", "zh", "en"), [
    ("title.zh", "标题（中文）", "Title (Chinese)"),
    ("text.en", "正文（英文）", "Text (English)"),
    ("tone.zh", "语气（中文）", "Tone (Chinese)"),
    ("kinds[1]", "售后类型", "Case kinds"),
    ("text", "正文", "Text"),
    ("id", "编号", "Id"),
    ("header", "header", "header"),
])
def test_field_labels_name_fields_as_the_form_does(key, zh, en):
    assert (field_label(key, "zh"), field_label(key, "en")) == (zh, en)


def test_field_message_is_the_label_and_the_reason():
    [e] = errors_of(raw(title={"zh": "", "en": "x"}))
    assert e.field_message("zh") == "标题（中文）：不能为空"
    assert e.field_message("en") == "Title (Chinese): is required and must be non-empty text"
    # The files and the import keep the key: FILE: SCRIPT_ID: FIELD: why.
    assert e.message("en").endswith("refund_only.respond.9: title.zh: is required and must "
                                    "be non-empty text")


def test_english_text_needs_english_facts():
    # An English text filled with Chinese facts reads "What we checked: 1. 已核实物流停滞".
    data = raw(text={"zh": "我们核实了：{事实}", "en": "What we checked: {facts}"},
               facts={"zh": ["已核实物流停滞", "已联系快递"]})
    for facts_en in (None, [], ["", ""], ["Tracking stalled", ""]):
        facts = {"zh": ["已核实物流停滞", "已联系快递"]}
        if facts_en is not None:
            facts["en"] = facts_en
        errs = errors_of({**data, "facts": facts}, english_required=False)
        assert [e.field for e in errs] == ["facts.en"], facts_en
        assert "英文" in errs[0].zh and "English text" in errs[0].en
        assert errs[0].field_message("zh").startswith("事实（英文）：")
    ok = parse_script_dict({**data, "facts": {"zh": ["已核实物流停滞", "已联系快递"],
                                              "en": ["Tracking stalled", "Courier called"]}},
                           english_required=False)
    assert ok.render({}, "en", facts=[0]).text == "What we checked: 1. Tracking stalled"


def test_english_facts_need_an_english_text():
    # The other way round: English facts would never be shown (English readers get the
    # Chinese text and facts), so they are refused rather than silently kept.
    data = chinese_only(text={"zh": "我们核实了：{事实}"},
                        facts={"zh": ["已核实物流停滞"], "en": ["Tracking stalled"]})
    errs = errors_of(data, english_required=False)
    assert [e.field for e in errs] == ["facts.en"]
    assert "英文正文" in errs[0].zh and "English text" in errs[0].en
