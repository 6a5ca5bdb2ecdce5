"""A call written down after the case was opened about a contact before it says so on
paper (补登), as the window's timeline does."""

from __future__ import annotations

import pytest

from shopdesk.reports.summary_data import TimelineEntry
from shopdesk.reports.summary_labels import Labels
from shopdesk.reports.summary_timeline import timeline_content
from tests.reports.summary_support import NOW, T0


@pytest.mark.parametrize("lang,words", [("zh", "补登"), ("en", "Logged afterwards")])
def test_a_call_from_before_the_case_is_marked(lang, words):
    data = {"outcome": "no_answer", "before_case": True}
    entry = TimelineEntry(T0, "小王", "call", "未接听", data)
    assert words in timeline_content(entry, Labels(lang), "Asia/Shanghai", NOW)
    plain = TimelineEntry(T0, "小王", "call", "未接听", {"outcome": "no_answer"})
    assert words not in timeline_content(plain, Labels(lang), "Asia/Shanghai", NOW)
