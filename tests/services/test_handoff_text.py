"""The hand-off as chat text: every section, masked phones, acknowledgement, long lists cut
with "N more", English."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from shopdesk.services.handoff_text import MAX_OPEN, handoff_text

from .shift_support import scripted_shift


def test_text_has_every_section_and_no_full_phone(register, clock):
    shift, c = scripted_shift(register, clock)
    sheet = register.shifts.sheet(shift.id)
    text = handoff_text(sheet, "zh", shift=shift)
    lines = text.splitlines()
    assert lines[0] == "【交接班记录】"
    assert "交班人：小王" in lines
    assert "交接范围：11-22 14:00 – 11-23 14:00（最近 24 小时：此前没有交接）" in lines
    assert "开班时间：11-23 10:00" in lines
    assert "下一班：至 11-23 22:00（8 小时）" in lines
    assert "接班确认：尚未确认" in lines
    assert lines[lines.index("交班留言：") + 1] == "暴躁买家别再打电话；枕头明天补发"
    for heading in ("一、待处理案件（按紧急程度，共 5 个）", "二、对买家的承诺",
                    "已逾期未兑现（1）", "下一班内到期（1）", "已兑现/未兑现（2）",
                    "三、本班处理的案件（5 个）",
                    "四、无人当班期间：11-22 14:00 – 11-23 10:00（5 个案件）", "经手人：小王",
                    "五、电话（3 通）", "六、买家下次可致电时间"):
        assert heading in lines, heading
    first = lines.index("一、待处理案件（按紧急程度，共 5 个）") + 1
    assert lines[first] == f"1. {c['a'].case_no} 小蜜蜂 138****5678 新建 无线蓝牙耳机"
    assert lines[first + 1].strip().startswith("承诺已逾期3小时：回电：确认补发时间")
    assert f"- {c['a'].case_no} 小蜜蜂 回电：确认补发时间 应于 11-23 11:00（小王）" in lines
    assert any("未兑现（仓库没出单号）" in x for x in lines)
    # A case's latest changes, the older ones counted.
    assert "  13:30 小王 电话：拒接" in lines and "  另有 3 条变动" in lines
    assert f"- 10:30 {c['a'].case_no} 小蜜蜂 138****5678 未接听 没人接（小王）" in lines
    assert f"- {c['angry'].case_no} 暴躁买家 139****1111 不可再拨（买家拒绝来电）" in lines
    assert any(x.startswith(f"- {c['a'].case_no} 小蜜蜂 138****5678 11-24 10:30 起可拨")
               for x in lines)
    assert "13812345678" not in text and "13900001111" not in text
    assert "退款/补偿 1 笔 ¥59.90" in text


def test_acknowledgement_shows_and_english_works(register, clock):
    shift, _c = scripted_shift(register, clock)
    clock.advance(minutes=30)
    done = register.shifts.acknowledge("小王")
    text = handoff_text(register.shifts.sheet(shift.id), "zh", shift=done)
    assert "接班确认：小王，11-23 14:30（本人确认）" in text
    en = handoff_text(register.shifts.sheet(shift.id), "en", shift=done)
    assert en.startswith("[Shift hand-off]\nHanded over by: 小王\n")
    assert "Acknowledged: 小王, 11-23 14:30 (own hand-off)" in en
    assert "1. Open cases by urgency (5)" in en and "Promise overdue by 3 h" in en
    assert "Do not call (Do not call)" in en


def test_long_lists_are_cut_and_say_how_many_more(register, clock):
    shift, _c = scripted_shift(register, clock)
    sheet = register.shifts.sheet(shift.id)
    many = sheet.open_cases * 10
    big = replace(sheet, open_cases=tuple(replace(r, rank=i + 1) for i, r in enumerate(many)),
                  open_total=len(many) + 7)
    text = handoff_text(big, "zh")
    assert f"{MAX_OPEN}. " in text and f"{MAX_OPEN + 1}. " not in text
    assert f"另有 {len(many) + 7 - MAX_OPEN} 个案件未列出" in text


def test_a_quiet_shift_says_none(register, clock):
    clock.advance(hours=1)
    shift = register.shifts.end("小王")
    text = handoff_text(register.shifts.sheet(shift.id), "zh", shift=shift)
    assert "一、待处理案件（按紧急程度，共 0 个）\n无" in text
    assert "三、本班处理的案件（0 个）\n无" in text
    assert "交班留言：\n（无）" in text
    assert shift.started_at == clock.now() - timedelta(hours=24)  # the first hand-off ever
