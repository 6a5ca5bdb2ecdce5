"""Handling steps, channels and audiences of reply scripts (from shared/domain.md)."""

from __future__ import annotations

from ..labels import LabelledEnum
from ..text import pick


class HandlingStep(LabelledEnum):
    """The after-sales handling procedure (处理流程), in order.

    PRE_EMPT comes first because it happens before a dispute opens (a stuck parcel, a
    stock-out); the eight numbered steps follow in the order of domain.md.
    """

    PRE_EMPT = ("pre_empt", "事前告知", "Pre-empt")
    RESPOND = ("respond", "快速反应", "Respond fast")
    LISTEN = ("listen", "耐心倾听", "Listen")
    CLARIFY = ("clarify", "澄清问题", "Clarify")
    EXPLAIN = ("explain", "解释与道歉", "Explain & apologise")
    PROPOSE = ("propose", "探讨解决方案", "Agree a solution")
    ACT = ("act", "采取行动", "Act")
    FOLLOW_UP = ("follow_up", "跟进补救", "Follow up")
    LEARN = ("learn", "吸取教训", "Learn")

    @property
    def number(self) -> int:
        """1-8 for the numbered procedure steps, 0 for PRE_EMPT."""
        return _STEP_INFO[self][0]

    def description(self, lang: str = "zh") -> str:
        """One line saying what the step is for."""
        _, zh, en = _STEP_INFO[self]
        return pick(lang, zh, en)


_STEP_INFO: dict[HandlingStep, tuple[int, str, str]] = {
    HandlingStep.PRE_EMPT: (
        0, "纠纷发生前主动告知：包裹卡住、缺货延迟发货时，先于买家开口说明情况和方案。",
        "Tell the buyer first, before a dispute opens: a stuck parcel or a stock-out delay, "
        "with the options."),
    HandlingStep.RESPOND: (
        1, "第一时间接受反馈：告诉买家“已收到，马上处理”，并说明谁在跟进、多久回复。",
        "Acknowledge at once: \"received, handling it now\", who follows up and when you reply."),
    HandlingStep.LISTEN: (
        2, "耐心倾听，让买家把怨气说完：不打断、不争辩，表达理解。",
        "Listen and let the buyer vent: don't interrupt, don't argue back, show empathy."),
    HandlingStep.CLARIFY: (
        3, "澄清问题：开放式提问了解事实，封闭式提问确认细节，请买家拍照取证；"
        "事实清楚前不下结论、不做承诺。",
        "Clarify: open questions for the facts, closed ones to confirm, ask for photos; no "
        "conclusions or promises before the facts are in."),
    HandlingStep.EXPLAIN: (
        4, "必要解释，诚恳道歉：无论责任在谁，先为买家的不愉快道歉，再简短说明原因。",
        "Explain briefly and apologise sincerely, whoever was at fault."),
    HandlingStep.PROPOSE: (
        5, "探讨解决方案：给出两三个选项而不是一口价；诉求成立就补偿加补救，"
        "不成立就耐心说明，超出权限及时上报。",
        "Agree a solution: offer options, not one take-it-or-leave-it; compensate and remedy "
        "when the claim stands, explain patiently when it doesn't, escalate beyond your "
        "authority."),
    HandlingStep.ACT: (
        6, "立即行动：退款、补发、换货、提交凭证，拖得越久买家越生气。",
        "Act immediately: refund, reship, exchange, submit evidence; every delay adds anger."),
    HandlingStep.FOLLOW_UP: (
        7, "跟进补救进度：到账了吗、收到了吗、满意吗——最常被省略，也最能挽回差评。",
        "Follow up: refunded? received? satisfied? The step most shops skip, and the one that "
        "turns a bad review around."),
    HandlingStep.LEARN: (
        8, "吸取教训：记录根本原因和改进措施，供分析和复盘（内部使用）。",
        "Learn: record the root cause and the fix for analysis (internal)."),
}

#: The eight numbered procedure steps, without PRE_EMPT.
PROCEDURE_STEPS: tuple[HandlingStep, ...] = tuple(s for s in HandlingStep if s.number > 0)


class Channel(LabelledEnum):
    """Where a script is used."""

    CHAT = ("chat", "在线聊天", "Chat")
    PHONE = ("phone", "电话", "Phone")


class Audience(LabelledEnum):
    """Who reads the script's text."""

    BUYER = ("buyer", "买家", "Buyer")
    PUBLIC = ("public", "评价回复（公开）", "Public review reply")
    PLATFORM = ("platform", "平台小二", "Platform arbiter")
    INTERNAL = ("internal", "内部备忘", "Internal note")
