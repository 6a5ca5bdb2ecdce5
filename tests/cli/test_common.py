"""cli.common: the helpers every `shopdesk` subcommand module shares."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from shopdesk.cli.common import (
    CliError,
    actor_name,
    case_query,
    checked_int,
    cli_lang,
    emit_json,
    field_errors_text,
    find_case,
    guarded,
    live_case,
    parse_shop_time,
)
from shopdesk.domain.enums import CaseKind, CaseStatus
from shopdesk.domain.errors import FieldError, NotFoundError, ValidationError

from ..services.calls_support import open_case

REFUSED = ValidationError([FieldError("due_at", "时间不对", "Bad time"),
                           FieldError("text", "太长", "Too long")])


def _args(**values) -> argparse.Namespace:
    return argparse.Namespace(**values)


def _raising(exc: Exception):
    def handler(register, args, out) -> int:
        raise exc
    return handler


def test_json_is_indented_with_chinese_unescaped():
    out = io.StringIO()
    emit_json(out, {"buyer": "小蜜蜂", "n": 1})
    assert out.getvalue() == '{\n  "buyer": "小蜜蜂",\n  "n": 1\n}\n'
    assert json.loads(out.getvalue()) == {"buyer": "小蜜蜂", "n": 1}


def test_actor_is_the_option_then_the_operator(register, monkeypatch):
    assert actor_name(register, "小李") == "小李"
    assert actor_name(register, None) == "小王"
    monkeypatch.setattr(register.staff, "current_operator", lambda: None)  # nobody chosen
    monkeypatch.setenv("USER", "deploy")
    assert actor_name(register, None) == "deploy"
    monkeypatch.delenv("USER")
    assert actor_name(register, None) == "cli"


def test_language_follows_the_injected_environment(register, monkeypatch):
    monkeypatch.setenv("SHOPDESK_LANG", "zh")
    assert cli_lang(register, _args(env={"SHOPDESK_LANG": "en_US"})) == "en"
    assert cli_lang(register, _args()) == "zh"
    monkeypatch.setenv("SHOPDESK_LANG", "en")
    assert cli_lang(register) == "en"


def test_a_case_is_found_or_named(register):
    case = open_case(register)
    assert find_case(register, case.case_no, "zh").id == case.id
    for wrong in ("SD-999999", "not a number"):
        with pytest.raises(CliError) as refused:
            find_case(register, wrong, "zh")
        assert str(refused.value) == f"没有这个案件：{wrong}"
        with pytest.raises(CliError) as refused:
            find_case(register, wrong, "en")
        assert str(refused.value) == f"no such case: {wrong}"


def test_a_case_in_the_trash_is_refused_in_the_language(register):
    case = open_case(register)
    register.cases.delete([case.id], "小王")
    no = case.case_no
    with pytest.raises(CliError) as refused:
        live_case(register, no, "zh")
    assert str(refused.value) == f"{no} 在回收站中，请先恢复：shopdesk cases restore {no}"
    with pytest.raises(CliError) as refused:
        live_case(register, no, "en")
    assert str(refused.value) == f"{no} is in the trash; restore it first: " \
        f"shopdesk cases restore {no}"


@pytest.mark.parametrize("lang,expected", [
    ("zh", ["--due: 不是时间：'soon'（格式：年-月-日 时:分，例如 \"2026-11-23 15:00\"）",
            "--due: '0001-01-01 00:00' 超出范围（1970–2199 年）", "ID: 不能小于 1，现在是 0"]),
    ("en", ["--due: not a time: 'soon' (e.g. \"2026-11-23 15:00\")",
            "--due: '0001-01-01 00:00' is out of range (years 1970-2199)",
            "ID: must be 1 or more, not 0"]),
])
def test_time_and_number_refusals_follow_the_language(lang, expected):
    said = []
    for attempt in (lambda: parse_shop_time("soon", "--due", "Asia/Shanghai", lang),
                    lambda: parse_shop_time("0001-01-01 00:00", "--due", "Asia/Shanghai", lang),
                    lambda: checked_int(0, "ID", lang)):
        with pytest.raises(CliError) as refused:
            attempt()
        said.append(str(refused.value))
    assert said == expected


def test_case_query_reads_open_and_single_statuses():
    assert case_query("open", None, "").statuses == tuple(s for s in CaseStatus if s.is_open)
    query = case_query(CaseStatus.CLOSED.value, CaseKind.REFUND_ONLY.value, "杯")
    assert query.statuses == (CaseStatus.CLOSED,) and query.kinds == (CaseKind.REFUND_ONLY,)
    assert query.search == "杯" and query.descending


def test_refused_fields_are_named_by_option_when_known():
    assert field_errors_text(REFUSED.errors, "en", {"due_at": "--due"}) == \
        "--due: Bad time; text: Too long"
    assert field_errors_text(REFUSED.errors, "zh") == "due_at: 时间不对; text: 太长"


def _refusal(handler, register, args) -> CliError:
    with pytest.raises(CliError) as refused:
        handler(register, args, None)
    return refused.value


def test_guarded_turns_refusals_into_cli_errors(register):
    args = _args(env={"SHOPDESK_LANG": "en"})
    wrapped = guarded(_raising(REFUSED), option_of={"due_at": "--due"})
    assert str(_refusal(wrapped, register, args)) == "--due: Bad time; text: Too long"
    wrapped = guarded(_raising(REFUSED), field_text=lambda e, lang: f"{e.field}: {e.zh} ({e.en})")
    assert str(_refusal(wrapped, register, args)) == \
        "due_at: 时间不对 (Bad time); text: 太长 (Too long)"
    wrapped = guarded(_raising(NotFoundError("gone")), not_found=True)
    assert str(_refusal(wrapped, register, args)) == "not found: gone"
    wrapped = guarded(_raising(NotFoundError("promise 7")), not_found=True)
    assert str(_refusal(wrapped, register, _args(env={"SHOPDESK_LANG": "zh"}))) == \
        "找不到：承诺 7"
    own = CliError("-o: folder does not exist")
    assert _refusal(guarded(_raising(own)), register, args) is own


def test_not_found_passes_through_unless_asked(register):
    with pytest.raises(NotFoundError):
        guarded(_raising(NotFoundError("gone")))(register, _args(), None)
    assert guarded(lambda register, args, out: 0)(register, _args(), None) == 0
