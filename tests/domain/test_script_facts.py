"""Facts a statement to the platform may make: listed per script, written only when ticked."""

from __future__ import annotations

import pytest

from shopdesk.domain.scripts import ScriptLibraryError, parse_script_dict


def table(**over):
    data = {"id": "shop.act.1", "title": {"zh": "申诉", "en": "Appeal"}, "kinds": ["any"],
            "causes": ["any"], "step": "act", "channel": "chat", "audience": "platform",
            "tone": {"zh": "只写事实", "en": "Facts only"},
            "text": {"zh": "经核实：{事实}。", "en": "Checked: {facts}."},
            "facts": {"zh": ["甲", "乙"], "en": ["A", "B"]}}
    data.update(over)
    return data


def test_only_ticked_facts_are_written():
    script = parse_script_dict(table())
    assert script.render({}, "zh").missing == ["事实"]
    assert script.render({}, "zh", [1]).text == "经核实：1. 乙。"
    assert script.render({}, "en", [0, 1]).text == "Checked: 1. A; 2. B."


@pytest.mark.parametrize("over, field", [
    ({"facts": {"zh": ["甲"], "en": ["A", "B"]}}, "facts"),
    ({"facts": {"zh": ["甲", ""], "en": ["A", "B"]}}, "facts"),
    ({"text": {"zh": "没有位置。", "en": "No place."}}, "facts"),
])
def test_bad_facts_are_refused(over, field):
    with pytest.raises(ScriptLibraryError) as err:
        parse_script_dict(table(**over))
    assert {e.field for e in err.value.errors} == {field}


def test_a_text_with_facts_needs_a_list():
    data = table()
    del data["facts"]
    with pytest.raises(ScriptLibraryError) as err:
        parse_script_dict(data)
    assert "没有列出可勾选的事实" in err.value.message("zh")
