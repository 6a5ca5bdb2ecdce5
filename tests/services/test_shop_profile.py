"""The shop profile fills {店铺} and {退货地址}; {截止时间} comes from the case's due time and
{上班时间} from the call policy; statements to the platform write only ticked facts."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from shopdesk.domain.call_policy.model import CallPolicy, TimeWindow, every_day
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.shop_profile import Shop, ShopProfile

from .script_support import open_case

PROFILE = ShopProfile(
    (Shop(Platform.TAOBAO, "暖暖家居旗舰店", ("浙江省杭州市西湖区文三路1号 王仓管 13800000000",
                                           "江苏省苏州市工业园区2号 售后仓"), 1),
     Shop(Platform.JD, "暖暖京东店", ("北京市大兴区3号",), 0)),
    default_platform=Platform.TAOBAO)


def test_profile_round_trips_and_is_audited(register):
    saved = register.shop_profile.save(PROFILE, "小王")
    assert register.shop_profile.profile() == saved == PROFILE
    assert saved.shop_for(Platform.TAOBAO).return_address.startswith("江苏省苏州市")
    rows = register.db.execute("SELECT action FROM audit_log WHERE entity = 'settings'")
    assert ("shop_profile",) in rows.fetchall()


def test_a_bad_profile_names_the_shop_at_fault(register):
    bad = ShopProfile((Shop(Platform.JD, "  ", ()), Shop(Platform.JD, "A", ("x",), 3)))
    with pytest.raises(ValidationError) as err:
        register.shop_profile.save(bad, "小王")
    text = err.value.message("zh")
    assert "第1个店铺" in text and "第2个店铺" in text and "默认退货地址" in text


def test_shop_and_return_address_fill_scripts(register):
    register.shop_profile.save(PROFILE, "小王")
    case = open_case(register, shop="")  # typed without a shop: the platform's first shop
    done = register.scripts.render_for_case(
        "return_refund.act.1", case.id, {"deadline": "11月30日"})
    assert done.complete, done.missing
    assert "江苏省苏州市工业园区2号 售后仓" in done.text  # the shop's default address
    values = register.shop_profile.values_for_case(register.cases.get(case.id))
    assert values["shop"] == "暖暖家居旗舰店"
    # A case of a shop the profile does not know gets no guessed address.
    other = open_case(register, shop="别人的店")
    assert "return_address" not in register.shop_profile.values_for_case(
        register.cases.get(other.id))


def test_deadline_fills_from_the_due_time_in_shop_time(register):
    due = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # 18:00 in Shanghai
    case = open_case(register, due_at=due)
    done = register.scripts.render_for_case("return_refund.act.1", case.id,
                                            {"退货地址": "杭州市1号"})
    assert done.complete and "11月25日 18:00" in done.text
    en = register.scripts.render_for_case("return_refund.act.1", case.id,
                                          {"return_address": "x"}, "en")
    assert "25 Nov 18:00" in en.text


def test_after_hours_reply_takes_its_hours_from_the_call_policy(register, clock):
    case = open_case(register)
    clock.set(datetime(2026, 11, 23, 14, 0, tzinfo=UTC))  # 22:00 Monday in Shanghai
    text = register.scripts.render_for_case("general.respond.after_hours", case.id,
                                            agent="小王").text
    assert "明天上午10点" in text and "9点" not in text
    register.calls.set_policy(CallPolicy(windows=every_day(TimeWindow(time(9, 30), time(17)))),
                              "小王")
    text = register.scripts.render_for_case("general.respond.after_hours", case.id,
                                            agent="小王").text
    assert "明天上午9点30分" in text
    en = register.scripts.render_for_case("general.respond.after_hours", case.id, lang="en",
                                          agent="Wang").text
    assert "tomorrow at 09:30" in en


def test_appeal_writes_only_the_facts_ticked_for_the_case(register):
    case = open_case(register, kind=CaseKind.BAD_REVIEW, cause=Cause.MALICIOUS_REVIEWER)
    script = register.scripts.get("platform_dispute.act.3")
    assert len(script.facts) >= 3
    values = {"签收时间": "11月20日"}
    untouched = register.scripts.render_for_case(script.id, case.id, values)
    assert "事实" in untouched.missing  # nothing assumed
    assert "未提供" not in untouched.text
    done = register.scripts.render_for_case(script.id, case.id, values, facts=[1, 3])
    assert done.complete
    assert f"1. {script.facts[1].zh}；2. {script.facts[3].zh}" in done.text
    assert script.facts[0].zh not in done.text
    en = register.scripts.render_for_case(script.id, case.id, {"delivered_at": "20 Nov"}, "en",
                                          facts=[0])
    assert f"1. {script.facts[0].en}." in en.text


def test_scripts_do_not_admit_fault_before_the_cause_is_checked(register):
    library = register.scripts.library()
    for script_id in ("general.explain.item_defective", "general.explain.not_as_described",
                      "general.explain.missing_wrong_item", "exchange.propose.2",
                      "return_refund.propose.2"):
        text = library.get(script_id).text
        for admission in ("是我们的问题", "责任在我们", "是我们打包时出错", "检查没做到位"):
            assert admission not in text.zh, script_id
        for admission in ("our mistake", "on us", "our responsibility", "should have caught"):
            assert admission not in text.en, script_id
    propose = library.get("refund_only.propose.1").text
    assert "小额打款" in propose.zh and "small-payment transfer" in propose.en


@pytest.mark.parametrize(("due", "zh", "en"), [
    (datetime(2026, 11, 23, 10, 0, tzinfo=UTC), "今天18:00", "today 18:00"),
    (datetime(2026, 11, 24, 10, 0, tzinfo=UTC), "明天18:00", "tomorrow 18:00"),
    (datetime(2026, 11, 25, 10, 0, tzinfo=UTC), "11月25日 18:00", "25 Nov 18:00"),
])
def test_deadline_reads_relative_to_the_shops_today(register, due, zh, en):
    # The clock is 10:00 on 23 Nov in Shanghai; a promise "by {截止时间}" names its day.
    case = open_case(register, kind=CaseKind.COMPLAINT, cause=Cause.SLOW_DELIVERY, due_at=due)
    done = register.scripts.render_for_case("complaint.respond.2", case.id, agent="小王")
    assert done.complete, done.missing
    assert f"{zh}前给您一个明确方案" in done.text
    assert "今天今天" not in done.text and "今天11月" not in done.text
    english = register.scripts.render_for_case("complaint.respond.2", case.id, lang="en",
                                               agent="Wang")
    assert f"by {en}." in english.text and "today." not in english.text.replace(
        f"by {en}.", "")


def test_the_window_and_the_cli_fill_the_deadline_alike(data_paths, clock, seed_register):
    # The window builds the script service on a catalog its worker thread loaded; it must
    # get the same defaults as the one the CLI builds on first use.
    from shopdesk.services.register import open_register
    from shopdesk.services.scripts import load_shipped_catalog

    reg = open_register(seed_register(data_paths), clock)
    try:
        reg.use_scripts_catalog(load_shipped_catalog())
        case = open_case(reg, kind=CaseKind.COMPLAINT, cause=Cause.SLOW_DELIVERY,
                         due_at=datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
        done = reg.scripts.render_for_case("complaint.respond.1", case.id, agent="小王")
        assert done.complete, done.missing
        assert "明天18:00前" in done.text
    finally:
        reg.close()
