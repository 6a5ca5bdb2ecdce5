"""Pinduoduo, JD, Douyin and Kuaishou after-sales presets; detection and forcing.

Each fixture follows what public sources confirm of the export (see the preset files'
headers) and fills the rest with the preset's guesses.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.enums import CaseKind, CaseStatus, Cause, Outcome, Platform
from shopdesk.domain.platform_state import STATE_TABLES, PlatformStage
from shopdesk.importers import ImportConfig, MappingError, Preset, detect_preset, parse_file
from shopdesk.importers.mapping import FIELDS

from .helpers import DATA, RESOURCES, config

SH = ZoneInfo("Asia/Shanghai")

FIXTURES = {
    "taobao_refund": "taobao_refund_gbk.csv",
    "taobao_order": "taobao_order_utf8bom.csv",
    "pinduoduo_aftersale": "pinduoduo_aftersale_gbk.csv",
    "jd_aftersale": "jd_aftersale_utf8bom.csv",
    "douyin_aftersale": "douyin_aftersale_utf8.csv",
    "kuaishou_aftersale": "kuaishou_aftersale_gbk.csv",
}


def test_all_shipped_presets_load_and_are_covered_by_a_fixture():
    keys = {p.key for p in config().presets}
    assert keys == set(FIXTURES)


@pytest.mark.parametrize(("key", "name"), sorted(FIXTURES.items()))
def test_each_fixture_is_detected_as_its_own_preset(key, name):
    result = parse_file(DATA / name, config())
    assert result.ok, result.file_error
    assert result.preset == key


@pytest.mark.parametrize(("key", "name"), sorted(FIXTURES.items()))
def test_forcing_another_preset_never_matches_the_wrong_export(key, name):
    for other in FIXTURES:
        if other == key:
            continue
        result = parse_file(DATA / name, config(), preset=other)
        assert result.file_error is not None and result.file_error.code == "no_header", other


def test_pinduoduo():
    result = parse_file(DATA / "pinduoduo_aftersale_gbk.csv", config())
    assert result.platform is Platform.PINDUODUO
    kinds = [r.kind for r in result.records]
    assert kinds == [CaseKind.REFUND_ONLY, CaseKind.RETURN_REFUND, CaseKind.EXCHANGE,
                     CaseKind.RESHIP_REPAIR, CaseKind.REFUND_ONLY, CaseKind.REFUND_ONLY]
    causes = [r.cause for r in result.records]
    assert causes[:4] == [Cause.CHANGED_MIND, Cause.TRANSIT_DAMAGE, Cause.MISSING_WRONG_ITEM,
                          Cause.MISSING_WRONG_ITEM]
    first = result.records[0]
    assert first.order_no == "261123-512345678901234"
    assert first.refund_no == "9012345678"  # 售后编号
    assert first.amount_claimed == Decimal("12.90")  # 申请退款金额(元)
    assert first.amount_paid == Decimal("12.90")  # 用户实付金额(元)
    assert first.sku == "PWD-200"  # 商家编码-SKU维度
    assert first.due_at == datetime(2026, 11, 24, 10, 0, tzinfo=SH)  # 处理截止时间
    assert first.shop == "小林百货"
    assert result.records[1].extra["return_waybill"] == "4312345678901"
    assert result.records[2].intervention_status == "平台已介入"
    (error,) = result.errors  # 售后类型 价保 is not a case kind we know
    assert (error.row_number, error.column, error.field) == (6, "售后类型", "kind")
    stages = [r.state.stage for r in result.records]
    assert stages == [PlatformStage.AWAITING_SELLER, PlatformStage.AWAITING_RETURN,
                      PlatformStage.PLATFORM_INTERVENTION, PlatformStage.AWAITING_RESHIP,
                      PlatformStage.REFUNDED, PlatformStage.CLOSED]
    refunded, withdrawn = result.records[4], result.records[5]
    assert (refunded.state.status, refunded.state.outcome) == (CaseStatus.RESOLVED,
                                                               Outcome.FULL_REFUND)
    assert refunded.ended_at == datetime(2026, 11, 20, 15, 30, tzinfo=SH)
    assert (withdrawn.state.status, withdrawn.state.outcome) == (CaseStatus.CLOSED,
                                                                 Outcome.BUYER_WITHDREW)


def test_jd():
    result = parse_file(DATA / "jd_aftersale_utf8bom.csv", config())
    assert result.platform is Platform.JD
    assert [r.kind for r in result.records] == [CaseKind.RETURN_REFUND, CaseKind.EXCHANGE,
                                                CaseKind.RETURN_REFUND, CaseKind.RETURN_REFUND]
    first, second = result.records[:2]
    assert (first.refund_no, first.order_no) == ("1234567890", "305123456789")
    assert first.platform_status == "待审核"  # 服务单状态
    assert second.platform_status == "待收货"
    assert first.cause is Cause.ITEM_DEFECTIVE
    assert first.buyer_phone == "13912345678"
    assert first.amount_claimed == Decimal("89.00")
    assert first.due_at == datetime(2026, 11, 25, 9, 0, tzinfo=SH)
    assert second.cause is Cause.NOT_AS_DESCRIBED
    assert second.buyer_phone == "" and second.extra["buyer_phone_masked"] == "139****1234"
    (error,) = result.errors
    assert (error.row_number, error.column, error.field) == (4, "联系电话", "buyer_phone")
    assert [r.state.status for r in result.records] == [
        CaseStatus.NEW, CaseStatus.WAITING_BUYER, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED]
    done = result.records[3]
    assert done.state.outcome is Outcome.FULL_REFUND  # 完成 on a return: refunded in full
    assert done.ended_at == datetime(2026, 11, 21, 16, 0, tzinfo=SH)


def test_douyin():
    result = parse_file(DATA / "douyin_aftersale_utf8.csv", config())
    assert result.platform is Platform.DOUYIN
    assert result.errors == []
    assert [r.kind for r in result.records] == [
        CaseKind.REFUND_ONLY, CaseKind.RETURN_REFUND, CaseKind.RESHIP_REPAIR,
        CaseKind.REFUND_ONLY, CaseKind.RETURN_REFUND]
    assert [r.cause for r in result.records][:3] == [Cause.SLOW_DELIVERY,
                                                     Cause.SUSPECTED_COUNTERFEIT,
                                                     Cause.ORDERED_WRONG]
    first = result.records[0]
    assert first.order_no == "6923456789012345678"  # 订单号, not 子订单编号
    assert first.refund_no == "7312345678901234567"
    assert first.amount_claimed == Decimal("68.00")  # 退商品金额
    assert first.buyer_nick == "抖音用户A" and first.shop == "抖店-小林"
    assert [r.state.stage for r in result.records] == [
        PlatformStage.AWAITING_SELLER, PlatformStage.AWAITING_RETURN,
        PlatformStage.AWAITING_RESHIP, PlatformStage.REFUNDED,
        PlatformStage.PLATFORM_EVIDENCE]
    refunded, disputed = result.records[3], result.records[4]
    assert refunded.state.status is CaseStatus.RESOLVED
    assert refunded.state.amount_settled == Decimal("129.00")
    # 商家一次拒绝, but 仲裁状态 待商家举证: the platform waits for the seller's evidence.
    assert disputed.state.status is CaseStatus.WAITING_PLATFORM
    assert disputed.state.platform_involved


def test_kuaishou():
    result = parse_file(DATA / "kuaishou_aftersale_gbk.csv", config())
    assert result.preset == "kuaishou_aftersale" and result.platform is Platform.KUAISHOU
    assert result.errors == []
    first, returned, done, disputed = result.records
    assert (first.refund_no, first.order_no) == ("2512345678901", "2412345678901234")
    assert first.amount_claimed == Decimal("29.90")  # 退款金额
    assert first.kind is CaseKind.REFUND_ONLY and returned.kind is CaseKind.RETURN_REFUND
    assert returned.extra["return_waybill"] == "SF1234567890"
    assert [r.state.status for r in result.records] == [
        CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED,
        CaseStatus.WAITING_PLATFORM]
    assert done.state.outcome is Outcome.FULL_REFUND  # 售后成功 on a refund
    assert disputed.state.platform_involved


def test_detect_preset_scores_by_header_overlap():
    presets = config().presets
    match = detect_preset(["售后编号", "订单号", "商品名称", "售后类型"], presets)
    assert match.preset.key == "pinduoduo_aftersale" and match.score == 4
    match = detect_preset(["售后单号", "主订单编号", "商品名称", "售后类型"], presets)
    assert match.preset.key == "douyin_aftersale"
    # The refund and order number headers keep Douyin, Kuaishou and Pinduoduo apart.
    match = detect_preset(["售后单号", "订单号", "退商品金额", "售后状态"], presets)
    assert match.preset.key == "douyin_aftersale"
    match = detect_preset(["售后单号", "订单编号", "退款金额", "售后状态"], presets)
    assert match.preset.key == "kuaishou_aftersale"
    assert detect_preset(["售后单号", "订单号"], presets) is None  # too little to go on
    assert detect_preset(["名字", "年龄", "城市"], presets) is None


def test_preset_resolve_prefers_the_first_candidate():
    preset = config().preset("jd_aftersale")
    mapping = preset.resolve(["服务单号", "订单号", "审核状态", "服务单状态", "服务类型"])
    assert mapping.columns["platform_status"] == "服务单状态"
    assert mapping.columns["refund_no"] == "服务单号"
    assert "item_title" not in mapping.columns


def test_presets_are_read_from_the_folder_given(tmp_path):
    (tmp_path / "presets").mkdir()
    (tmp_path / "reason_map.toml").write_text('[exact]\n"坏了" = "item_defective"\n',
                                              encoding="utf-8")
    (tmp_path / "presets" / "mine.toml").write_text(
        'name_zh = "我的"\nname_en = "Mine"\nplatform = "kuaishou"\nrecord_type = "refund"\n'
        'min_score = 2\n[columns]\norder_no = ["单号"]\nkind = ["类型"]\n'
        'platform_reason = ["原因"]\n', encoding="utf-8")
    own = ImportConfig.load(tmp_path)
    assert [p.key for p in own.presets] == ["mine"]
    from shopdesk.importers import parse_bytes

    result = parse_bytes("单号,类型,原因\r\nKS123456,仅退款,坏了\r\n".encode(), own)
    assert result.preset == "mine" and result.platform is Platform.KUAISHOU
    assert result.records[0].cause is Cause.ITEM_DEFECTIVE


@pytest.mark.parametrize("bad", [
    {"platform": "taobao", "record_type": "refund", "columns": {"nonsense": ["x"]}},
    {"platform": "mars", "record_type": "refund", "columns": {"order_no": ["x"]}},
    {"platform": "jd", "record_type": "refund", "columns": {"order_no": ["x"]},
     "values": {"kind": {"退货": "teleport"}}},
    {"platform": "jd", "record_type": "refund", "columns": {"order_no": []}},
    {"platform": "jd", "record_type": "order", "columns": {"kind": ["类型"]}},
    {"platform": "jd", "record_type": "refund", "columns": {"order_no": ["x"]},
     "values": {"platform_status": {"好了": "done"}}},
    {"platform": "jd", "record_type": "refund", "columns": {"order_no": ["x"]},
     "values": {"intervention_status": {"介入": "awaiting_seller"}}},
])
def test_malformed_presets_are_refused(bad):
    with pytest.raises(MappingError):
        Preset.from_dict(bad, key="bad")


def test_every_preset_field_and_value_is_known():
    for preset in config().presets:
        known = FIELDS[preset.record_type]
        assert set(preset.columns) <= set(known)
        for name, table in preset.values.items():
            enum = STATE_TABLES.get(name, CaseKind)
            for target in table.values():
                enum(target) if enum is not CaseKind else CaseKind.parse(target)


def test_resources_folder_layout():
    assert (RESOURCES / "reason_map.toml").is_file()
    assert len(list((RESOURCES / "presets").glob("*.toml"))) == 6


@pytest.mark.parametrize("key", sorted(FIXTURES))
def test_every_preset_says_where_it_was_checked(key):
    """Each preset file names its sources and the date they were checked, and says which
    headers could not be verified."""
    text = (RESOURCES / "presets" / f"{key}.toml").read_text(encoding="utf-8")
    if key == "taobao_order":
        return  # an order export: no platform state
    assert "Checked 2026-12-03" in text
    assert "NOT verified" in text


def test_every_after_sales_preset_maps_platform_states():
    for preset in config().presets:
        if preset.record_type.value != "refund":
            continue
        stages = set(preset.values["platform_status"].values())
        assert {"awaiting_seller", "closed"} <= stages, preset.key
        assert stages & {"refunded", "completed"}, preset.key
        assert preset.values["intervention_status"], preset.key


def _without(name: str, header: str, tmp_path) -> object:
    """The fixture with the column `header` renamed out of the way (header row only)."""
    raw = (DATA / name).read_bytes()
    encoding = "gbk" if "gbk" in name else "utf-8-sig" if "bom" in name else "utf-8"
    lines = raw.decode(encoding).split("\n")
    at = next(i for i, line in enumerate(lines) if header in line.split(","))
    lines[at] = ",".join("备用列" if cell.strip() == header else cell
                         for cell in lines[at].split(","))
    path = tmp_path / name
    path.write_bytes("\n".join(lines).encode("gbk" if encoding == "gbk" else "utf-8"))
    return path


@pytest.mark.parametrize(("key", "name"), sorted(FIXTURES.items()))
def test_an_export_missing_a_required_column_is_told_which(key, name, tmp_path):
    preset = config().preset(key)
    result = parse_file(DATA / name, config())
    present = {h.strip() for h in result.headers}
    for field_name in preset.required:
        header = next(h for h in preset.columns[field_name] if h in present)
        for forced in (None, key):
            cut = parse_file(_without(name, header, tmp_path), config(), preset=forced)
            error = cut.file_error
            assert error is not None and error.code == "missing_columns", (key, header)
            zh, en = error.message("zh"), error.message("en")
            assert preset.name_zh in zh and preset.name_en in en
            if forced or "或" not in zh.split("，")[0]:
                assert header in zh and header in en
            else:  # exports alike (Douyin's, Kuaishou's): the field by its own name
                spec = FIELDS[preset.record_type][field_name]
                assert spec.zh in zh and spec.en in en
