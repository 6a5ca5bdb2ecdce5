"""Words the case views share: field names, timeline lines and audit values, translated."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QObject

from ...domain.call_policy import CallOutcome
from ...domain.clock import from_iso, local
from ...domain.enums import CaseKind, CaseStatus, Cause, CustomerType, Outcome, Platform, Priority
from ...domain.evidence import EvidenceCategory
from ...domain.followups import FollowupResult
from ...domain.labels import LabelledEnum
from ...domain.money import format_yuan
from ...domain.platform_state import PlatformStage
from ...domain.promises import PromiseKind
from ...domain.reviews import ContactChannel, ReviewOutcome
from ...domain.text import colon, list_sep
from ...domain.warnings import RuleKey

ENUM_OF_FIELD: dict[str, type[LabelledEnum]] = {
    "platform": Platform, "kind": CaseKind, "cause": Cause, "customer_type": CustomerType,
    "priority": Priority, "status": CaseStatus, "outcome": Outcome,
}
MONEY_FIELDS = ("amount_paid", "amount_claimed", "amount_settled")


def shop_time(at: datetime | None, tz: str) -> str:
    """'2026-11-23 10:00' in the shop's zone ('' for None)."""
    return local(at, tz).strftime("%Y-%m-%d %H:%M") if at else ""


def enum_label(enum: type[LabelledEnum], key: str | None, lang: str) -> str:
    """A stored key as its label; unknown keys are shown as they are."""
    if not key:
        return ""
    try:
        return enum(key).label(lang)
    except ValueError:
        return key


class CaseText(QObject):
    """Translated names for case fields, timeline events and audit actions.

    A QObject so that lupdate finds the strings under one context ("CaseText").
    """

    def __init__(self, lang: str, tz: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.tz = tz

    def field(self, name: str | None) -> str:
        if not name:
            return ""
        names = {
            "platform": self.tr("Platform"), "shop": self.tr("Shop"),
            "order_no": self.tr("Order no."), "refund_no": self.tr("Refund no."),
            "buyer_nick": self.tr("Buyer nickname"), "buyer_name": self.tr("Buyer name"),
            "buyer_phone": self.tr("Phone"), "buyer_address": self.tr("Address"),
            "item_title": self.tr("Item"), "sku": self.tr("SKU"),
            "amount_paid": self.tr("Amount paid"), "amount_claimed": self.tr("Amount claimed"),
            "amount_settled": self.tr("Amount settled"), "kind": self.tr("Kind"),
            "cause": self.tr("Cause"), "customer_type": self.tr("Customer type"),
            "priority": self.tr("Priority"), "due_at": self.tr("Due"),
            "description": self.tr("Description"), "assignee": self.tr("Assignee"),
            "status": self.tr("Status"), "outcome": self.tr("Outcome"),
            "applied_at": self.tr("Buyer asked at"),
        }
        return names.get(name, name)

    def action(self, action: str) -> str:
        names = {
            "create": self.tr("Case created"), "update": self.tr("Edited"),
            "status": self.tr("Status changed"), "note": self.tr("Note added"),
            "reveal_phone": self.tr("Phone revealed"), "delete": self.tr("Moved to trash"),
            "restore": self.tr("Restored"), "purge": self.tr("Deleted for good"),
            "call": self.tr("Call logged"), "call_override": self.tr("Call policy overridden"),
            "do_not_call": self.tr("Do-not-call changed"),
            "buyer_tz": self.tr("Buyer time zone changed"),
            "promise_made": self.tr("Promise made"), "promise_kept": self.tr("Promise kept"),
            "promise_broken": self.tr("Promise not kept"),
            "promise_cancelled": self.tr("Promise no longer needed"),
            "evidence_add": self.tr("Evidence added"),
            "evidence_remove": self.tr("Evidence removed"),
            "evidence_caption": self.tr("Evidence caption changed"),
            "evidence_category": self.tr("Evidence category changed"),
            "summary_facts": self.tr("Summary facts statement edited"),
            "summary_full_contact": self.tr("Summary printed with full contact details"),
        }
        return names.get(action, action)

    def value(self, field: str | None, raw: str | None) -> str:
        """An audit value as people read it (masked already by the service)."""
        if raw is None:
            return ""
        if field in ENUM_OF_FIELD:
            return enum_label(ENUM_OF_FIELD[field], raw, self.lang)
        if field in MONEY_FIELDS:
            try:
                return format_yuan(Decimal(raw))
            except InvalidOperation:
                return raw
        if field in ("due_at", "applied_at"):
            try:
                return shop_time(from_iso(raw), self.tz)
            except ValueError:
                return raw
        return raw

    def event_line(self, type_: str, text: str, data: dict) -> str:
        """The body of one timeline line (who and when are added by the view)."""
        if type_ == "created":
            return self.tr("Case created")
        if type_ == "note":
            return self.tr("Note: %1").replace("%1", text)
        if type_ == "edit":
            fields = ", ".join(self.field(f) for f in data.get("fields", []))
            return self.tr("Edited: %1").replace("%1", fields)
        if type_ == "deleted":
            return self.tr("Moved to the trash")
        if type_ == "restored":
            return self.tr("Restored from the trash")
        if type_ == "status":
            return self._status_line(text, data)
        if type_ == "call":
            line = self.tr("Phone call: %1").replace("%1", self._call_text(text, data))
            if data.get("agreed"):  # what was agreed is owed: on the timeline, not only on paper
                line += "\n" + self.tr("Agreed: %1").replace("%1", str(data["agreed"]))
            if data.get("before_case"):
                line += "\n" + self.tr("Logged afterwards: a contact from before the case "
                                       "was opened")
            if data.get("overridden") and data.get("override_reason"):
                line += "\n" + self.tr("(outside the call policy; reason: %1)").replace(
                    "%1", str(data["override_reason"]))
            elif data.get("overridden"):
                line += "\n" + self.tr("(outside the call policy, override recorded)")
            return line
        if type_ in ("evidence_added", "evidence_removed"):
            return self._evidence_line(type_, text, data)
        if type_ == "platform_update":
            return self.tr("Platform update: %1").replace("%1", text)
        if type_ == "enriched":
            fields = list_sep(self.lang).join(self.field(f) for f in data.get("fields", []))
            return self.tr("Filled from order %1: %2").replace(
                "%1", str(data.get("order_no", ""))).replace("%2", fields)
        if type_ == "order_mismatch" and data.get("unmerged"):
            return self._unmerged_line(data)
        if type_ == "order_mismatch":
            fields = list_sep(self.lang).join(self.field(f) for f in data.get("fields", []))
            buyer = str(data.get("order_buyer") or "")
            return (self.tr("Not filled from order %1: its buyer %2 is not the one typed on "
                            "this case (%3). Check the order number.")
                    if buyer else
                    self.tr("Not filled from order %1: its buyer is not the one typed on "
                            "this case (%3). Check the order number.")).replace(
                "%1", str(data.get("order_no", ""))).replace("%2", buyer).replace(
                "%3", fields)
        if type_ in ("promise_made", "promise_kept", "promise_broken", "promise_cancelled"):
            return self._promise_line(type_, text, data)
        if type_ == "step":
            return self._step_line(text, data)
        if type_ == "warning_ack":
            line = self.tr("Warnings acknowledged: %1").replace(
                "%1", list_sep(self.lang).join(enum_label(RuleKey, r, self.lang)
                                               for r in data.get("rules", [])))
            return line + ("\n" + self.tr("Note: %1").replace("%1", text) if text else "")
        if type_ == "stage":
            line = self.tr("Stage: %1").replace(
                "%1", enum_label(PlatformStage, data.get("to") or "", self.lang))
            if data.get("tracking"):
                line += self.tr(" (tracking no. %1)").replace("%1", str(data["tracking"]))
            return line
        if type_.startswith(("followup_", "review")):
            return self._followup_review_line(type_, text, data)
        if type_ == "major":
            owner = data.get("owner")
            line = (self.tr("Marked as a major complaint, owner: %1").replace("%1", owner)
                    if owner else self.tr("No longer a major complaint"))
            return line + ("\n" + self.tr("Note: %1").replace("%1", text) if text else "")
        if type_ == "approval":
            line = self.tr("Owner approved compensation up to ¥%1 (asked by %2)").replace(
                "%1", str(data.get("amount", ""))).replace("%2", str(data.get("requested_by", "")))
            return line + ("\n" + self.tr("Note: %1").replace("%1", text) if text else "")
        return f"{type_}: {text}" if text else type_

    def _followup_review_line(self, type_: str, text: str, data: dict) -> str:
        """Follow-ups (回访) and bad-review events, redrawn from `data` where it says it."""
        if type_ == "followup_scheduled":
            due = from_iso(data.get("due_at"))
            return self.tr("Follow-up scheduled for %1").replace(
                "%1", shop_time(due, self.tz) if due else text)
        if type_ == "followup_done":
            result = enum_label(FollowupResult, data.get("result") or "", self.lang)
            note = data.get("note") or ""
            return self.tr("Follow-up: %1").replace("%1", result) + (
                colon(self.lang) + note if note else "")
        if type_ == "followup_cancelled":
            return self.tr("Follow-up cancelled (the case was reopened)")
        if type_ == "review_contact":
            channel = enum_label(ContactChannel, data.get("channel") or "", self.lang)
            return self.tr("Bad-review contact %1 of 2 (%2)").replace(
                "%1", str(data.get("number", ""))).replace("%2", channel)
        if type_ == "review" and data.get("outcome") and "outcome" in data.get("fields", []):
            return self.tr("Review outcome: %1").replace(
                "%1", enum_label(ReviewOutcome, data["outcome"], self.lang))
        if type_ == "review":
            # The stored line is Chinese (services/reviews.py _event_text): the English
            # timeline showed "Bad review: 更新差评信息".
            stored = {"已发出评价解释": self.tr("Bad review: public reply posted"),
                      "更新差评信息": self.tr("Bad review: details updated")}
            if text in stored:
                return stored[text]
        return self.tr("Bad review: %1").replace("%1", text)

    def _call_text(self, text: str, data: dict) -> str:
        """The outcome in the window's language, then what was said (the service stores
        "已接通：summary" with the outcome key in `data`)."""
        outcome = data.get("outcome")
        if not outcome:
            return text
        label = enum_label(CallOutcome, outcome, self.lang)
        _, sep, summary = text.partition("：")
        return f"{label}{colon(self.lang)}{summary}" if sep and summary else label

    def _step_line(self, text: str, data: dict) -> str:
        step = data.get("step")
        if not step:
            return text
        from ...domain.scripts.steps import HandlingStep  # the library's package: not at start

        label = enum_label(HandlingStep, step, self.lang)
        if data.get("done", True):
            return self.tr("Step done: %1").replace("%1", label)
        return self.tr("Step undone: %1").replace("%1", label)

    def _status_line(self, text: str, data: dict) -> str:
        line = self.tr("Status: %1 → %2").replace(
            "%1", enum_label(CaseStatus, data.get("from"), self.lang)).replace(
            "%2", enum_label(CaseStatus, data.get("to"), self.lang))
        if data.get("to") == CaseStatus.RESOLVED.value and data.get("outcome"):
            line += "\n" + self.tr("Outcome: %1").replace(
                "%1", enum_label(Outcome, data["outcome"], self.lang))
            if data.get("amount") is not None:
                line += "  " + self.value("amount_settled", str(data["amount"]))
        if text:
            line += "\n" + self.tr("Note: %1").replace("%1", text)
        return line

    def _evidence_line(self, type_: str, text: str, data: dict) -> str:
        category = enum_label(EvidenceCategory, data.get("category"), self.lang)
        if type_ == "evidence_removed":
            line = self.tr("Evidence removed: %1").replace("%1", text)
            if data.get("reason"):
                line += "\n" + self.tr("Reason: %1").replace("%1", data["reason"])
            return line
        if data.get("kind") == "waybill":
            line = self.tr("Waybill added: %1").replace("%1", text)
        else:
            line = self.tr("Evidence added (%1): %2").replace("%1", category).replace(
                "%2", text)
        if data.get("caption"):
            line += "\n" + data["caption"]
        return line

    def _unmerged_line(self, data: dict) -> str:
        """A refund export's row of another buyer, not merged into this case."""
        fields = list_sep(self.lang).join(self.field(f) for f in data.get("fields", []))
        buyer = str(data.get("order_buyer") or "")
        line = (self.tr("Refund %1 of order %2 not merged into this case: its buyer %3 is "
                        "not the one typed here (%4); it got a case of its own. Check the "
                        "order number.")
                if buyer else
                self.tr("Refund %1 of order %2 not merged into this case: its buyer is not "
                        "the one typed here (%4); it got a case of its own. Check the "
                        "order number."))
        return line.replace("%1", str(data.get("refund_no") or "-")).replace(
            "%2", str(data.get("order_no", ""))).replace("%3", buyer).replace("%4", fields)

    def _promise_line(self, type_: str, text: str, data: dict) -> str:
        """Promise events, redrawn from their data in the UI language."""
        what = enum_label(PromiseKind, data.get("kind"), self.lang) or text
        if data.get("text"):
            what = (data["text"] if data.get("kind") == PromiseKind.OTHER.value
                    else f"{what}{colon(self.lang)}{data['text']}")
        due = self.value("due_at", data.get("due_at"))
        if type_ == "promise_made":
            return self.tr("Promise to the buyer: %1 (due %2)").replace("%1", what).replace(
                "%2", due)
        if type_ == "promise_kept":
            line = self.tr("Promise kept: %1").replace("%1", what)
            return line + (" " + self.tr("(after the due time %1)").replace("%1", due)
                           if data.get("late") else "")
        if type_ == "promise_cancelled":
            line = self.tr("Promise no longer needed: %1").replace("%1", what)
        else:
            line = self.tr("Promise not kept: %1").replace("%1", what)
        if data.get("reason"):
            line += "\n" + self.tr("Reason: %1").replace("%1", data["reason"])
        return line
