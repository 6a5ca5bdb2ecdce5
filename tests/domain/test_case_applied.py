"""The buyer's application time (买家申请时间) is a field a person gives on a case: it is
in the draft, editable, and must carry a time zone, as the due time must."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.case import (
    EDITABLE_FIELDS,
    CaseDraft,
    draft_from_fields,
    quick_draft,
    validate_draft,
)
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.errors import ValidationError

TZ = ZoneInfo("Asia/Shanghai")
ASKED = datetime(2026, 11, 23, 0, 5, tzinfo=TZ)
FIELDS = {"platform": "jd", "order_no": "240101888866", "kind": "refund_only"}


def test_a_draft_carries_the_application_time_and_an_edit_may_change_it():
    draft = CaseDraft(platform=Platform.JD, order_no="240101888866",
                      kind=CaseKind.REFUND_ONLY, applied_at=ASKED)
    assert draft.applied_at == ASKED and validate_draft(draft) == []
    assert "applied_at" in EDITABLE_FIELDS


def test_an_application_time_without_a_zone_is_refused_by_name():
    draft = CaseDraft(platform=Platform.JD, order_no="240101888866",
                      kind=CaseKind.REFUND_ONLY, applied_at=datetime(2026, 11, 23, 0, 5))
    [error] = validate_draft(draft)
    assert error.field == "applied_at"
    assert (error.message("zh"), error.message("en")) == (
        "买家申请时间缺少时区", "The buyer's application time has no time zone")


def test_fields_give_it_to_the_draft_and_refuse_what_is_not_a_time():
    assert draft_from_fields({**FIELDS, "applied_at": ASKED}).applied_at == ASKED
    assert draft_from_fields(FIELDS).applied_at is None  # not said: unknown
    with pytest.raises(ValidationError) as caught:
        draft_from_fields({**FIELDS, "applied_at": "昨天"})
    [error] = caught.value.errors
    assert error.field == "applied_at"
    assert error.message("en") == "The buyer's application time is not a date and time"


def test_the_quick_reading_keeps_it_as_the_full_reading_does():
    fields = {**FIELDS, "applied_at": ASKED}
    quick = quick_draft(fields)
    assert quick is not None and quick == draft_from_fields(fields)
    assert quick.applied_at == ASKED
    assert quick_draft({**FIELDS, "applied_at": datetime(2026, 11, 23)}) is None  # no zone
