"""Loading the script folder: every problem names the file, the script and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from shopdesk.domain.enums import CaseKind, CustomerType
from shopdesk.services.script_catalog import (
    CatalogError,
    load_catalog,
    load_customer_types,
    load_library,
    load_rules,
    script_files,
)

SHIPPED = Path(__file__).parents[2] / "resources" / "scripts"

GOOD = '''
[[script]]
id = "exchange.respond.7"
kinds = ["exchange"]
causes = ["any"]
step = "respond"
channel = "chat"
title.zh = "收到"
title.en = "Received"
tone.zh = "快"
tone.en = "Fast"
text.zh = "亲，订单{订单号}收到了。"
text.en = "Order {order_no} received."
'''

RULES = '''
[[rule]]
id = "no_cashback"
check = "forbid"
applies_to = "all"
patterns = ['返现']
message.zh = "不能返现"
message.en = "No cashback"
'''

TYPES = "\n".join(
    f'''
[[type]]
key = "{key}"
signs.zh = "特征"
signs.en = "Signs"
approach.zh = "方法"
approach.en = "Approach"
tips = [{{ zh = "一", en = "one" }}, {{ zh = "二", en = "two" }}, {{ zh = "三", en = "three" }}]
''' for key in ("dominant", "analytical", "social", "persistent"))


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "scripts"
    d.mkdir()
    (d / "exchange.toml").write_text(GOOD, encoding="utf-8")
    (d / "rules.toml").write_text(RULES, encoding="utf-8")
    (d / "customer_types.toml").write_text(TYPES, encoding="utf-8")
    return d


def where(exc: CatalogError) -> list[tuple[str, str, str]]:
    return [(e.source, e.script, e.field) for e in exc.errors]


def test_loads_a_folder(folder):
    cat = load_catalog(folder)
    assert [s.id for s in cat.library] == ["exchange.respond.7"]
    assert cat.library.get("exchange.respond.7").source == "exchange.toml"
    assert [r.id for r in cat.rules.rules] == ["no_cashback"]
    assert len(cat.customer_types) == 4
    assert [p.name for p in script_files(folder)] == ["exchange.toml"]


def test_loads_the_shipped_folder():
    cat = load_catalog(SHIPPED)
    assert len(cat.library) >= 120
    assert {k for s in cat.library for k in s.kinds} == set(CaseKind)
    assert len(load_library(SHIPPED)) == len(cat.library)
    assert load_rules(SHIPPED / "rules.toml").warnings
    assert CustomerType.PERSISTENT in load_customer_types(SHIPPED / "customer_types.toml")


def test_bad_field_names_file_script_and_field(folder):
    (folder / "complaint.toml").write_text(
        GOOD.replace("exchange.respond.7", "complaint.respond.7")
            .replace('kinds = ["exchange"]', 'kinds = ["complaint"]')
            .replace('channel = "chat"', 'channel = "pigeon"'), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_library(folder)
    assert where(info.value) == [("complaint.toml", "complaint.respond.7", "channel")]
    assert "complaint.toml: complaint.respond.7: channel:" in str(info.value)


def test_a_library_file_needs_english(folder):
    # Only the shop's own scripts may be Chinese only; the library files stay bilingual.
    text = GOOD.replace('title.en = "Received"\n', "")
    text = text.replace('text.en = "Order {order_no} received."', 'text.en = ""')
    (folder / "exchange.toml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_library(folder)
    assert where(info.value) == [("exchange.toml", "exchange.respond.7", "title.en"),
                                 ("exchange.toml", "exchange.respond.7", "text.en")]


def test_missing_id_is_named_by_position_in_file(folder):
    text = GOOD + GOOD.replace('id = "exchange.respond.7"\n', "")
    (folder / "exchange.toml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_library(folder)
    assert where(info.value) == [("exchange.toml", "#2", "id")]


def test_toml_syntax_error_names_the_file(folder):
    (folder / "general.toml").write_text("[[script]]\nid = \n", encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_library(folder)
    (e,) = info.value.errors
    assert e.source == "general.toml" and "line" in e.en


def test_duplicate_id_across_files(folder):
    (folder / "general.toml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_library(folder)
    (e,) = info.value.errors
    assert (e.script, e.field) == ("exchange.respond.7", "id")
    assert e.source == "general.toml" and "exchange.toml" in e.en


def test_unknown_top_level_key_and_wrong_script_shape(folder):
    (folder / "general.toml").write_text('kind = "x"\nscript = "nope"\n', encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_library(folder)
    assert where(info.value) == [("general.toml", "", "kind"), ("general.toml", "", "script")]


def test_errors_from_all_files_reported_together(folder):
    (folder / "rules.toml").write_text(RULES.replace("['返现']", "['(返现']"), encoding="utf-8")
    (folder / "customer_types.toml").write_text(TYPES.replace('key = "social"',
                                                              'key = "chatty"'),
                                                encoding="utf-8")
    (folder / "exchange.toml").write_text(GOOD.replace('step = "respond"', 'step = "x"'),
                                          encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(folder)
    assert where(info.value) == [
        ("exchange.toml", "exchange.respond.7", "step"),
        ("rules.toml", "no_cashback", "patterns[0]"),
        ("customer_types.toml", "chatty", "key"),
    ]


def test_missing_rules_file(folder):
    (folder / "rules.toml").unlink()
    with pytest.raises(CatalogError) as info:
        load_catalog(folder)
    assert where(info.value) == [("rules.toml", "", "")]


def test_customer_type_with_too_few_tips(folder):
    text = TYPES.replace('{ zh = "三", en = "three" }]', "]", 1)
    (folder / "customer_types.toml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_customer_types(folder / "customer_types.toml")
    assert where(info.value) == [("customer_types.toml", "dominant", "tips")]


def test_folder_not_found(tmp_path):
    with pytest.raises(CatalogError):
        load_catalog(tmp_path / "nowhere")


def test_shop_folder_extends_the_shipped_one(folder, tmp_path):
    shop = tmp_path / "shop"
    shop.mkdir()
    (shop / "mine.toml").write_text(
        GOOD.replace('title.zh = "收到"', 'title.zh = "店铺版"')
        + GOOD.replace("exchange.respond.7", "exchange.respond.8"), encoding="utf-8")
    (shop / "rules.toml").write_text(RULES.replace("no_cashback", "shop_rule"),
                                     encoding="utf-8")
    cat = load_catalog(folder, shop)
    assert [s.id for s in cat.library] == ["exchange.respond.7", "exchange.respond.8"]
    assert cat.library.get("exchange.respond.7").title.zh == "店铺版"
    assert cat.library.get("exchange.respond.7").source == "mine.toml"
    assert [r.id for r in cat.rules.rules] == ["no_cashback", "shop_rule"]
    assert len(cat.customer_types) == 4


def test_shipped_folder_copy_loads_the_same(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(SHIPPED, copy)
    assert len(load_catalog(copy).library) == len(load_catalog(SHIPPED).library)
