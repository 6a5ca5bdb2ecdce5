"""Export and import of the shop's scripts (TOML and CSV): round trip, all-or-nothing errors."""

from __future__ import annotations

import pytest

from shopdesk.domain.scripts import ScriptLibraryError
from shopdesk.services import scripts_io
from shopdesk.services.scripts import ScriptOrigin, open_script_service
from shopdesk.services.scripts_io import script_to_dict
from shopdesk.storage.db import open_memory_database

from .script_support import shop_script

EDITED = "return_refund.respond.1"


@pytest.fixture
def svc(register, clock):
    service = open_script_service(register.db, clock)
    service.add_shop_script(shop_script(), "小王")
    service.add_shop_script(shop_script(
        "shop.follow_up.1", step="follow_up", text_zh="退款{退款金额}到账了吗？\n有问题随时找我。",
        text_en="Has the refund of {refund_amount} arrived?\nAsk me anytime.",
        tags=["after_refund"], customer_types=["analytical"]), "小王")
    data = script_to_dict(service.get(EDITED))
    data["title"] = {"zh": "收到申请（店铺版）", "en": "Request received (shop's)"}
    service.edit(EDITED, data, "小王")
    return service


@pytest.mark.parametrize("fmt", ["toml", "csv"])
def test_export_then_import_round_trips(svc, clock, tmp_path, fmt):
    path = tmp_path / f"scripts.{fmt}"
    assert svc.export_file(path) == 3
    other = open_script_service(open_memory_database(), clock)
    result = other.import_file(path, "小李")
    assert (result.added, result.updated, result.edited_shipped) == (2, 0, 1)
    for sid in ("shop.respond.1", "shop.follow_up.1", EDITED):
        assert script_to_dict(other.get(sid)) == script_to_dict(svc.get(sid))
    assert other.origin(EDITED) is ScriptOrigin.EDITED
    assert other.origin("shop.follow_up.1") is ScriptOrigin.SHOP


def test_csv_export_opens_in_excel(svc, tmp_path):
    path = tmp_path / "scripts.csv"
    svc.export_file(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    assert "店铺自有开场" in raw.decode("utf-8-sig")


def test_gbk_csv_imports(svc, clock, tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes(svc.export_text("csv").encode("gbk"))
    other = open_script_service(open_memory_database(), clock)
    assert other.import_file(path, "小李").added == 2


def test_a_bad_csv_row_names_row_script_and_field_and_changes_nothing(svc, tmp_path):
    text = svc.export_text("csv")
    bad = scripts_io.to_csv([shop_script("shop.respond.9", step="dance")]).split("\r\n", 1)[1]
    path = tmp_path / "bad.csv"
    path.write_text(text + bad, encoding="utf-8")
    row = text.count("\n") + 1  # the spreadsheet line of the appended row
    before = script_to_dict(svc.get("shop.respond.1"))
    with pytest.raises(ScriptLibraryError) as info:
        svc.import_file(path, "小王")
    [err] = info.value.errors
    assert (err.source, err.script, err.field) == (f"bad.csv:{row}", "shop.respond.9", "step")
    assert f"bad.csv:{row}: shop.respond.9: step: unknown value: dance" in err.message("en")
    assert "shop.respond.9" not in svc.library()
    assert script_to_dict(svc.get("shop.respond.1")) == before


def test_a_good_row_before_a_bad_one_is_not_written(svc, clock):
    other = open_script_service(open_memory_database(), clock)
    text = svc.export_text("toml") + (
        '[[script]]\nid = "shop.act.1"\nkinds = ["any"]\ncauses = ["item_defective"]\n'
        'step = "act"\nchannel = "chat"\ntitle.zh = "运费"\ntitle.en = "Shipping"\n'
        'tone.zh = "x"\ntone.en = "x"\ntext.zh = "运费由您承担，请寄回。"\n'
        'text.en = "Please send it back."\n')
    with pytest.raises(ScriptLibraryError) as info:
        other.import_text(text, "toml", "小李", source="mine.toml")
    assert {(e.source, e.script, e.field) for e in info.value.errors} == {
        ("mine.toml", "shop.act.1", "text.zh")}
    assert other.store.shop_scripts() == [] and other.store.overrides() == []


def test_duplicate_ids_and_bad_toml_are_refused(svc, clock):
    other = open_script_service(open_memory_database(), clock)
    text = svc.export_text("toml")
    with pytest.raises(ScriptLibraryError) as info:
        other.import_text(text + text, "toml", "小李", source="x.toml")
    assert {e.field for e in info.value.errors} == {"id"}
    with pytest.raises(ScriptLibraryError) as info:
        other.import_text("[[script]\n", "toml", "小李", source="x.toml")
    assert "TOML" in info.value.errors[0].message("en")
    assert other.store.shop_scripts() == []


def test_csv_with_a_wrong_header_is_refused(svc):
    with pytest.raises(ScriptLibraryError) as info:
        svc.import_text("id,title\nshop.a.1,x\n", "csv", "小王", source="h.csv")
    assert info.value.errors[0].source == "h.csv:1"


@pytest.mark.parametrize("fmt", ["toml", "csv"])
def test_every_shipped_script_and_awkward_text_survive_the_format(svc, fmt):
    tricky = shop_script("shop.respond.7",
                         text_zh='他说："好的\\不行"，\t{{字面}}，逗号,竖线|\n第二行',
                         text_en='He said "ok\\no",\ttab, {{literal}}, pipe|\r\nline two')
    tables = [script_to_dict(s) for s in svc.catalog.library] + [tricky]
    write = scripts_io.to_csv if fmt == "csv" else scripts_io.to_toml
    read = scripts_io.from_csv if fmt == "csv" else scripts_io.from_toml
    back = [data for _, data in read(write(tables), "x")]
    assert back == tables


CHINESE_ONLY_CSV = (
    "id,title_zh,title_en,kinds,causes,step,channel,tone_zh,tone_en,text_zh,text_en\n"
    "shop.respond.5,店铺开场,,any,any,respond,chat,简短,,{买家}您好，收到了，马上处理。,\n")


def test_a_chinese_only_csv_row_imports_and_round_trips(svc, clock, tmp_path):
    other = open_script_service(open_memory_database(), clock)
    assert other.import_text(CHINESE_ONLY_CSV, "csv", "小李", source="mine.csv").added == 1
    script = other.get("shop.respond.5")
    assert script.text.en == "" and script.title.get("en") == "店铺开场"
    for fmt in ("csv", "toml"):
        path = tmp_path / f"back.{fmt}"
        other.export_file(path)
        third = open_script_service(open_memory_database(), clock)
        third.import_file(path, "小李")
        assert script_to_dict(third.get("shop.respond.5")) == script_to_dict(script)


def test_a_chinese_only_toml_script_may_leave_the_english_keys_out(svc, clock):
    other = open_script_service(open_memory_database(), clock)
    text = ('[[script]]\nid = "shop.act.3"\nkinds = ["any"]\ncauses = ["any"]\n'
            'step = "act"\nchannel = "chat"\ntitle.zh = "已补发"\ntone.zh = "简短"\n'
            'text.zh = "已经给您补发了，运单号{运单号}。"\n')
    assert other.import_text(text, "toml", "小李", source="mine.toml").added == 1
    assert other.get("shop.act.3").placeholders == ("waybill",)


def test_an_unknown_placeholder_in_an_import_names_line_id_field_and_the_allowed_ones(svc):
    text = CHINESE_ONLY_CSV.replace("{买家}", "{顾客}")
    with pytest.raises(ScriptLibraryError) as info:
        svc.import_text(text, "csv", "小王", source="mine.csv")
    [err] = info.value.errors
    assert err.message("zh").startswith(
        "mine.csv:2: shop.respond.5: text.zh: 未知的占位符：{顾客}（可用：{买家}、{订单号}、")
