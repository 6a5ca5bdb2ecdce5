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
    cli_lang,
    emit_json,
    field_errors_text,
    find_case,
    guarded,
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
    assert find_case(register, case.case_no).id == case.id
    for wrong in ("SD-999999", "not a number"):
        with pytest.raises(CliError) as refused:
            find_case(register, wrong)
        assert str(refused.value) == f"no such case: {wrong}"


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
    own = CliError("-o: folder does not exist")
    assert _refusal(guarded(_raising(own)), register, args) is own


def test_not_found_passes_through_unless_asked(register):
    with pytest.raises(NotFoundError):
        guarded(_raising(NotFoundError("gone")))(register, _args(), None)
    assert guarded(lambda register, args, out: 0)(register, _args(), None) == 0
