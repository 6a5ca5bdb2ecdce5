"""The call light's look and phrases, shared by the case panel's call light, the call
dialog and the may-call list: colours, the label style, and the translated texts."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QObject

from ...domain.call_policy import CallDecision
from ...domain.clock import local
from ...domain.text import list_sep
from ...domain.zone_names import zone_name, zone_suffix
from ...services.calls import PREPARATION_CODES

REFRESH_MS = 30_000  # the call light and the may-call list follow the clock
GREEN, AMBER, RED, GREY = "#2e7d32", "#a15c00", "#c62828", "#757575"
_STYLE = ("QLabel {{ color: {fg}; background: {bg}; border: 1px solid {fg}; "
          "border-radius: 4px; padding: 4px 8px; }}")
_BACKGROUND = {GREEN: "#e8f5e9", AMBER: "#fff4e0", RED: "#fdecea", GREY: "#f2f2f2"}


def label_style(colour: str) -> str:
    return _STYLE.format(fg=colour, bg=_BACKGROUND[colour])


class CallTexts(QObject):
    """Translated phrases the call widgets share (one lupdate context)."""

    def countdown(self, span: timedelta) -> str:
        minutes = max(0, int(span.total_seconds() + 59) // 60)  # round up: never "in 0 min"
        days, rest = divmod(minutes, 24 * 60)
        hours, mins = divmod(rest, 60)
        if days:
            return self.tr("in %1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
        if hours:
            return self.tr("in %1 h %2 min").replace("%1", str(hours)).replace("%2", str(mins))
        return self.tr("in %1 min").replace("%1", str(mins))

    def reasons(self, decision: CallDecision, lang: str) -> str:
        return list_sep(lang).join(r.code.label(lang) for r in decision.reasons)

    def status(self, decision: CallDecision, now: datetime, shop_tz: str,
               lang: str) -> tuple[str, str]:
        """(text, colour) for a decision, times in the shop's zone."""
        left = min(decision.remaining_24h, decision.remaining_case,
                   decision.remaining_span)
        if decision.allowed or decision.codes <= PREPARATION_CODES:
            text = self.tr("May call now (%1 left)").replace("%1", str(left))
            if not decision.allowed:
                text += " — " + self.tr("fill in the pre-call checklist first")
            if any(w.code == "buyer_tz_unknown" for w in decision.warnings):
                # Judged in the shop's zone: for a buyer abroad that may be their night.
                return (text + " — " + self.tr("the buyer may be abroad: set their time zone"),
                        AMBER)
            return text, GREEN
        reasons = self.reasons(decision, lang)
        nxt = decision.next_slot_at
        if nxt is None:
            return self.tr("Cannot call: %1").replace("%1", reasons), RED
        stamp = local(nxt, shop_tz)
        when = stamp.strftime("%H:%M" if stamp.date() == local(now, shop_tz).date()
                              else "%m-%d %H:%M")
        if decision.buyer_tz and decision.buyer_tz != shop_tz:
            # The buyer lives on another clock: say whose time each one is.
            there = local(nxt, decision.buyer_tz)
            theirs = there.strftime("%H:%M" if there.date() == stamp.date()
                                    else "%m-%d %H:%M")
            text = (self.tr("Cannot call now: %1 — next possible: %2 %4 (%5 %6; %3)")
                    .replace("%1", reasons).replace("%2", when)
                    .replace("%4", zone_name(shop_tz, lang))
                    .replace("%5", theirs).replace("%6", zone_name(decision.buyer_tz, lang))
                    .replace("%3", self.countdown(nxt - now)))
        else:
            text = (self.tr("Cannot call now: %1 — next possible: %2 (%3)")
                    .replace("%1", reasons).replace("%2", when)
                    .replace("%3", self.countdown(nxt - now)))
        return text, AMBER if decision.overridable else RED

    def details(self, decision: CallDecision, lang: str, shop_tz: str) -> str:
        """The full reasons and the buyer's clock, for a tooltip or a panel."""
        lines = [r.message(lang) for r in decision.reasons]
        lines += [w.message(lang) for w in decision.warnings]
        # The buyer's zone by a name a person knows, and only when it is not the shop's.
        lines.append(self.tr("Buyer's local time: %1")
                     .replace("%1", f"{decision.buyer_local_time:%Y-%m-%d %H:%M}"
                                    + zone_suffix(decision.buyer_tz, shop_tz, lang)))
        return "\n".join(lines)
