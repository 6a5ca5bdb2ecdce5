"""A dispute summary for the platform (an appeal) leaves out what the shop records about
itself: early warnings, the major-complaint mark, approvals, handling steps, why a call was
made outside the call policy, the case's cause; the facts, calls, promises and evidence stay.
The complete record (for the owner and the files) is unchanged."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

from pypdf import PdfReader

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.scripts.steps import HandlingStep
from shopdesk.services.demo import generate_demo

from ..conftest import T0


def _major_case(register):
    """The demo's major case (an approval, warnings, a seller-side cause), with a call
    made at 22:00 (an override, with its reason) and a handling step ticked."""
    generate_demo(register, 60, seed=7)
    case = register.cases.get_by_no("DEMO-20261119-0001")
    register.calls.log_call(case.id, CallOutcome.CONNECTED, "小王",
                            at=T0.replace(hour=14) - timedelta(days=1),  # 22:00 shop time
                            summary="买家同意补发", override_reason="买家要求晚上打")
    register.scripts.tick_step(case.id, HandlingStep.EXPLAIN, "小王")
    return case


def _types(summary) -> set[str]:
    return {e.type for e in summary.timeline}


def test_the_platforms_summary_leaves_out_the_shops_own_assessments(register):
    case = _major_case(register)
    full = register.summary.gather(case.id, actor="小王")
    assert {"approval", "major", "step"} <= _types(full) and full.warnings
    assert full.case.major_owner and full.case.cause is not None
    [call] = full.calls
    assert call.call.overridden and call.call.override_reason == "买家要求晚上打"

    appeal = register.summary.gather(case.id, actor="小王", for_platform=True)
    assert appeal.for_platform
    assert not {"approval", "major", "step"} & _types(appeal)
    assert appeal.warnings == () and appeal.case.major_owner == "" and appeal.case.cause is None
    [call] = appeal.calls  # the call itself stays, with its time and outcome
    assert call.at == full.calls[0].at and call.call.outcome is CallOutcome.CONNECTED
    assert not call.call.overridden and call.call.override_reason is None
    assert "overridden" not in call.data and call.call.summary == "买家同意补发"
    assert appeal.facts == full.facts and appeal.promises == full.promises
    # What the platform usually asks for, with what the shop lacks, is the shop's list.
    assert full.checklist and appeal.checklist == ()


def test_the_composed_statement_does_not_blame_a_side(register):
    case = _major_case(register)
    facts = register.summary.default_facts(case.id)
    assert case.cause.zh not in facts and case.cause.side.zh not in facts


def test_the_pdf_says_which_version_it_is(register, tmp_path):
    case = _major_case(register)
    for for_platform in (False, True):
        path = tmp_path / f"{for_platform}.pdf"
        register.summary.write_pdf([case.id], path, actor="小王", for_platform=for_platform)
        text = "".join(p.extract_text() for p in PdfReader(BytesIO(path.read_bytes())).pages)
        flat = text.replace("\n", "")
        assert ("平台申诉版：不含店内预警、审批、处理步骤、回访和证据核对表等店内记录" in flat) \
            is for_platform
        assert ("卖家原因" in flat) is not for_platform  # the cause row, in the record only
        assert ("平台通常要求的证据" in flat) is not for_platform
        assert ("预警与重大投诉" in flat) is not for_platform
        assert ("批准赔付" in flat) is not for_platform
        assert ("买家要求晚上打" in flat) is not for_platform
        assert "买家同意补发" in flat  # the call is on both
