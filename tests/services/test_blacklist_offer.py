"""The malicious_reviewer cause offers to list the buyer (never adds by itself)."""

from __future__ import annotations

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.enums import Cause
from shopdesk.domain.warnings import RuleKey


def open_case(register, order="T500001", cause="malicious_reviewer", nick="职业差评",
              phone=""):
    draft = draft_from_fields({"platform": "taobao", "order_no": order, "kind": "complaint",
                               "buyer_nick": nick, "buyer_phone": phone, "cause": cause})
    return register.cases.open_case(draft, "小王")


def test_the_cause_offers_but_adds_nothing_by_itself(register):
    case = open_case(register)
    assert register.blacklist.offer_for(case)
    assert register.blacklist.entries() == []


def test_no_offer_for_other_causes_unchanged_cause_or_no_buyer(register):
    assert not register.blacklist.offer_for(open_case(register, cause="item_defective"))
    case = open_case(register, order="T500002")
    assert not register.blacklist.offer_for(case, previous_cause=Cause.MALICIOUS_REVIEWER)
    assert not register.blacklist.offer_for(open_case(register, order="T500003", nick=""))
    assert register.blacklist.offer_for(open_case(register, order="T500004", nick="",
                                                  phone="13812345678"))


def _blacklisted(register, case_id) -> bool:
    live = register.warnings.live([case_id]).get(case_id, [])
    return RuleKey.BLACKLISTED in {w.rule for w in live}


def test_adding_from_the_case_lists_the_buyer_and_warns_their_other_cases(register):
    """The buyer's other open cases are warned; the case they were listed from (its own
    evidence, its cause already 差评师) is not: it lit up and counted in 预警 itself."""
    case = open_case(register, phone="13812345678")
    other = open_case(register, order="T500002", cause="", phone="13812345678")
    entry = register.blacklist.add_from_case(register.cases.get(case.id), "小王")
    assert (entry.platform, entry.buyer_nick, entry.phone, entry.case_no) == (
        "taobao", "职业差评", "13812345678", case.case_no)
    assert case.case_no in entry.reason and entry.added_by == "小王"
    assert not register.blacklist.offer_for(case)  # listed now: nothing more to offer
    assert _blacklisted(register, other.id)
    assert not _blacklisted(register, case.id)
    register.blacklist.add(platform="taobao", buyer_nick="职业差评", reason="别家也拉黑了",
                           actor="小王", phone="13900001111")  # another entry names it
    assert _blacklisted(register, case.id)


def test_removing_the_entry_ends_the_blacklisted_warning_of_the_open_cases(register):
    case = open_case(register, phone="13812345678")
    other = open_case(register, order="T500002", cause="", phone="13812345678")
    entry = register.blacklist.add_from_case(register.cases.get(case.id), "小王")
    assert _blacklisted(register, other.id)
    register.blacklist.remove(entry.id, "小王")
    assert not _blacklisted(register, other.id)
    [w] = [w for w in register.warnings.for_case(other.id) if w.rule is RuleKey.BLACKLISTED]
    assert w.cleared_at is not None  # kept in the history


def test_a_short_address_or_an_unknown_case_is_refused_naming_the_field(register):
    import pytest

    from shopdesk.domain.errors import ValidationError

    case = open_case(register)
    with pytest.raises(ValidationError) as bad:
        register.blacklist.add(platform="taobao", buyer_nick="职业差评", reason="敲诈",
                               actor="小王", address="ab", case_no="SD-XYZ")
    fields = {e.field: e.message("zh") for e in bad.value.errors}
    assert fields.keys() == {"address", "case"}
    assert fields["address"].startswith("地址：至少填 4 个字")
    assert "SD-XYZ" in fields["case"]
    assert register.blacklist.entries() == []  # nothing half-added
    register.cases.delete([case.id], "小王")
    with pytest.raises(ValidationError) as trashed:
        register.blacklist.add(platform="taobao", buyer_nick="职业差评", reason="敲诈",
                               actor="小王", case_no=case.case_no)
    assert "回收站" in trashed.value.errors[0].message("zh")
    register.cases.restore([case.id], "小王")
    entry = register.blacklist.add(platform="taobao", buyer_nick="职业差评", reason="敲诈",
                                   actor="小王", address="杭州市西湖区",
                                   case_no=case.case_no.lower())
    assert entry.case_no == case.case_no and entry.address == "杭州市西湖区"


def test_the_same_buyer_is_not_listed_twice(register):
    """Listed again by hand (CLI, window) the list counted '5 buyers' for 3."""
    import pytest

    from shopdesk.domain.errors import ValidationError

    first = register.blacklist.add(platform="taobao", buyer_nick="tb_差评专家88",
                                   reason="差评师", actor="小王")
    with pytest.raises(ValidationError) as refused:
        register.blacklist.add(platform="taobao", buyer_nick="TB_差评专家88",
                               reason="dup test", actor="小王")
    assert f"#{first.id}" in refused.value.message("zh") and "已在名单中" in \
        refused.value.message("zh")
    # Another platform's buyer of that name, or the same name with a new phone, is new.
    register.blacklist.add(platform="pinduoduo", buyer_nick="tb_差评专家88",
                           reason="拼多多也有", actor="小王")
    register.blacklist.add(platform="taobao", buyer_nick="tb_差评专家88",
                           reason="新号码", actor="小王", phone="13900001111")
    with pytest.raises(ValidationError):
        register.blacklist.add(platform="jd", buyer_nick="", reason="同一手机号",
                               actor="小王", phone="139 0000 1111")
    assert len(register.blacklist.entries()) == 3
