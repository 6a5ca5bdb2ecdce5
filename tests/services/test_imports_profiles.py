"""Column-mapping profiles: saved by name, used for a file no preset recognises."""

from __future__ import annotations

import pytest

from shopdesk.domain.enums import Platform
from shopdesk.domain.errors import NotFoundError, ValidationError
from shopdesk.importers import ColumnMapping, RecordType
from tests.importers.helpers import csv_bytes


def mapping() -> ColumnMapping:
    return ColumnMapping(record_type=RecordType.REFUND, platform=Platform.KUAISHOU,
                         columns={"order_no": "单号", "amount_claimed": "退多少",
                                  "platform_status": "进度"},
                         defaults={"kind": "refund_only"})


def test_profiles_save_load_list_delete(register):
    profiles = register.imports.profiles
    saved = profiles.save(" 快手售后 ", mapping())
    assert saved.name == "快手售后"
    loaded = profiles.load("快手售后")
    assert loaded.columns == mapping().columns and loaded.defaults == {"kind": "refund_only"}
    assert loaded.platform is Platform.KUAISHOU
    info = profiles.list()
    assert [(p.name, p.record_type, p.platform) for p in info] == [
        ("快手售后", "refund", "kuaishou")]
    changed = mapping()
    changed.columns["refund_no"] = "售后号"
    profiles.save("快手售后", changed)  # same name: replaced
    assert profiles.load("快手售后").columns["refund_no"] == "售后号"
    assert profiles.names() == ["快手售后"]
    assert profiles.delete("快手售后") and not profiles.delete("快手售后")
    with pytest.raises(NotFoundError):
        profiles.load("快手售后")


def test_a_profile_needs_a_name(register):
    with pytest.raises(ValidationError):
        register.imports.profiles.save("  ", mapping())


def test_importing_an_unknown_file_with_a_saved_profile(register, tmp_path):
    service = register.imports
    service.profiles.save("快手", mapping())
    path = tmp_path / "ks.csv"
    path.write_bytes(csv_bytes([["单号", "退多少", "进度"], ["KS20261123001", "12.00", "待处理"]]))
    assert service.read(path).file_error is not None  # no preset knows it
    parsed = service.read(path, mapping=service.profiles.load("快手"))
    report = service.apply(parsed, path.name, "小王")
    case = register.cases.get(report.created_ids[0])
    assert case.platform is Platform.KUAISHOU and case.order_no == "KS20261123001"
    assert case.platform_status == "待处理" and case.platform_stage is None  # words unknown
    assert report.unknown_statuses == ["待处理"]


def test_a_profile_can_say_what_the_platform_statuses_mean(register, tmp_path):
    service = register.imports
    own = mapping()
    own.values["platform_status"] = {"待处理": "awaiting_seller", "已退款": "refunded"}
    service.profiles.save("快手", own)
    path = tmp_path / "ks.csv"
    path.write_bytes(csv_bytes([["单号", "退多少", "进度"], ["KS20261123001", "12.00", "待处理"],
                                ["KS20261123002", "8.00", "已退款"]]))
    report = service.apply(service.read(path, mapping=service.profiles.load("快手")),
                           path.name, "小王")
    first, second = (register.cases.get(i) for i in report.created_ids)
    assert (first.status.value, first.platform_status) == ("new", "待处理")
    assert (second.status.value, second.outcome.value) == ("resolved", "full_refund")
    assert second.amount_settled == second.amount_claimed
    assert report.resolved_by_platform == 1 and report.unknown_statuses == []


def test_a_profile_with_an_unknown_stage_is_refused(register):
    from shopdesk.importers import MappingError

    own = mapping()
    own.values["platform_status"] = {"待处理": "teleported"}
    with pytest.raises(MappingError, match="teleported"):
        ColumnMapping.from_dict(own.to_dict())
