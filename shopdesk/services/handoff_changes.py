"""What the hand-off sheet says of each change to a case: a timeline event (with the audit
rows of an edit) as one line in both languages, contact values never printed."""

from __future__ import annotations

from decimal import Decimal

from ..domain.call_policy import CallOutcome
from ..domain.clock import from_iso, local
from ..domain.enums import CaseKind, CaseStatus, Cause, CustomerType, Outcome, Platform, Priority
from ..domain.promises import PromiseKind
from ..domain.text import Text
from ..storage.audit import AuditEntry
from ..storage.events import TimelineEvent
from .exports import COLUMNS

NOTE_CHARS = 120
_FIELD = {key: (zh, en) for key, zh, en in COLUMNS}
# Contact fields: an edit is named, its values never printed.
_PRIVATE = {"buyer_phone", "buyer_name", "buyer_address"}


def cut(text: str, limit: int = NOTE_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def yuan(value: Decimal | str | None) -> str:
    """'59.90' (no symbol, two decimals); '' when unknown."""
    if value is None or value == "":
        return ""
    try:
        return f"{Decimal(str(value)):.2f}"
    except ArithmeticError:
        return str(value)



def _label(enum_type, value: object) -> tuple[str, str]:
    try:
        member = enum_type(value)
    except ValueError:
        return str(value or ""), str(value or "")
    return member.zh, member.en


def _when(value: object, tz: str) -> str:
    at = from_iso(str(value)) if value else None
    return local(at, tz).strftime("%m-%d %H:%M") if at else ""


def refund_amount(e: TimelineEvent) -> Decimal | None:
    """The money of a status change that settled with a refund or compensation."""
    if e.type != "status" or e.data.get("amount") is None:
        return None
    try:
        money = Outcome(e.data.get("outcome")).involves_money
        return Decimal(str(e.data["amount"])) if money else None
    except (ValueError, ArithmeticError):
        return None


def describe(e: TimelineEvent, edits: list[AuditEntry], tz: str) -> tuple[str, Text]:
    """(kind, bilingual text) for one timeline event."""
    d = e.data
    if e.type == "created":
        return "created", Text("新建案件", "Case opened")
    if e.type == "status":
        fz, fe = _label(CaseStatus, d.get("from"))
        tz_, te = _label(CaseStatus, d.get("to"))
        zh, en = f"状态：{fz} → {tz_}", f"Status: {fe} → {te}"
        kind = "status"
        if d.get("outcome"):
            oz, oe = _label(Outcome, d.get("outcome"))
            amount = f" ¥{yuan(d['amount'])}" if d.get("amount") is not None else ""
            zh += f"，结果：{oz}{amount}"
            en += f", outcome: {oe}{amount}"
            if refund_amount(e) is not None:
                kind = "refund"
        if e.text:
            zh += f"（{cut(e.text, 60)}）"
            en += f" ({cut(e.text, 60)})"
        return kind, Text(zh, en)
    if e.type == "note":
        return "note", Text(f"备注：{cut(e.text)}", f"Note: {cut(e.text)}")
    if e.type == "call":
        oz, oe = _label(CallOutcome, d.get("outcome"))
        summary = cut(e.text.split("：", 1)[1], 60) if "：" in e.text else ""
        extra = f"（{summary}）" if summary else ""
        # What was agreed on the call is owed next: it must reach the next person.
        agreed = cut(str(d.get("agreed") or ""), 60)
        agreed_zh = f"；约定：{agreed}" if agreed else ""
        agreed_en = f"; agreed: {agreed}" if agreed else ""
        # 破例, as the window says it: 越权 read as misconduct on a recorded exception.
        flag_zh = "，已记录破例原因" if d.get("overridden") else ""
        flag_en = ", override recorded" if d.get("overridden") else ""
        return "call", Text(f"电话：{oz}{extra}{agreed_zh}{flag_zh}",
                            f"Call: {oe}{' (' + summary + ')' if summary else ''}{agreed_en}"
                            f"{flag_en}")
    if e.type in ("promise_made", "promise_kept", "promise_broken", "promise_cancelled"):
        return "promise", _promise_text(e.type, d, tz)
    if e.type == "edit":
        return "edit", _edit_text(d.get("fields", []), edits, tz)
    if e.type in ("evidence_added", "evidence_removed"):
        verb = ("添加证据", "Evidence added") if e.type == "evidence_added" \
            else ("移除证据", "Evidence removed")
        return "evidence", Text(f"{verb[0]}：{cut(e.text, 60)}", f"{verb[1]}: {cut(e.text, 60)}")
    if e.type == "platform_update":
        return "platform", Text(f"平台更新：{cut(e.text)}", f"Platform update: {cut(e.text)}")
    if e.type == "enriched":
        names = [_FIELD.get(f, (f, f)) for f in d.get("fields", [])]
        no = d.get("order_no", "")
        return "edit", Text(f"从订单 {no} 补全：" + "、".join(z for z, _ in names),
                            f"Filled from order {no}: " + ", ".join(e for _, e in names))
    if e.type == "order_mismatch" and d.get("unmerged"):
        refund, no = d.get("refund_no") or "-", d.get("order_no", "")
        return "edit", Text(f"售后单 {refund}（订单 {no}）的买家与本案件不同：未合并，已另建案件",
                            f"Refund {refund} (order {no}) names another buyer: not merged, "
                            "it got a case of its own")
    if e.type == "order_mismatch":
        names = [_FIELD.get(f, (f, f)) for f in d.get("fields", [])]
        no = d.get("order_no", "")
        return "edit", Text(f"未从订单 {no} 补全：订单的买家与本案件不同（"
                            + "、".join(z for z, _ in names) + "）",
                            f"Not filled from order {no}: it names another buyer ("
                            + ", ".join(x for _, x in names) + ")")
    if e.type == "deleted":
        return "other", Text("移入回收站", "Moved to the trash")
    if e.type == "restored":
        return "other", Text("从回收站恢复", "Restored from the trash")
    if e.type == "major":
        owner = d.get("owner")
        return "major", (Text(f"标记为重大投诉，负责人：{owner}", f"Marked major, owner: {owner}")
                         if owner else Text("取消重大投诉", "No longer major"))
    if e.type == "approval":
        return "major", Text(f"负责人批准赔付不超过 ¥{d.get('amount')}",
                             f"Owner approved compensation up to ¥{d.get('amount')}")
    if e.type == "step" and d.get("step"):
        from ..domain.scripts.steps import HandlingStep  # the script library's package

        zh, en = _label(HandlingStep, d.get("step"))
        done = d.get("done", True)
        return "other", Text(f"{'完成' if done else '取消完成'}处理步骤：{zh}",
                             f"Step {'done' if done else 'undone'}: {en}")
    return "other", Text(f"{e.type}：{cut(e.text)}" if e.text else e.type,
                         f"{e.type}: {cut(e.text)}" if e.text else e.type)


def _promise_text(type_: str, d: dict, tz: str) -> Text:
    kz, ke = _label(PromiseKind, d.get("kind"))
    text = str(d.get("text") or "")
    if text:
        if d.get("kind") == PromiseKind.OTHER.value:
            kz = ke = text
        else:
            kz, ke = f"{kz}：{text}", f"{ke}: {text}"
    due = _when(d.get("due_at"), tz)
    if type_ == "promise_made":
        return Text(f"承诺：{kz}（{due} 前）", f"Promise: {ke} (due {due})")
    if type_ == "promise_kept":
        late_zh, late_en = ("（逾期兑现）", " (late)") if d.get("late") else ("", "")
        return Text(f"承诺已兑现：{kz}{late_zh}", f"Promise kept: {ke}{late_en}")
    reason = str(d.get("reason") or "")
    if type_ == "promise_cancelled":
        return Text(f"承诺不再需要：{kz}（原因：{cut(reason, 60)}）",
                    f"Promise no longer needed: {ke} (reason: {cut(reason, 60)})")
    return Text(f"承诺未兑现：{kz}（原因：{cut(reason, 60)}）",
                f"Promise not kept: {ke} (reason: {cut(reason, 60)})")


def _edit_text(fields: list[str], edits: list[AuditEntry], tz: str) -> Text:
    values = {a.field: (a.old, a.new) for a in edits if a.field}
    zh_parts, en_parts = [], []
    for name in fields:
        zh, en = _FIELD.get(name, (name, name))
        if name in values and name not in _PRIVATE:
            (oz, oe), (nz, ne) = (_value(name, v, tz) for v in values[name])
            zh_parts.append(f"{zh} {oz or '—'} → {nz or '—'}")
            en_parts.append(f"{en} {oe or '—'} → {ne or '—'}")
        else:
            zh_parts.append(zh)
            en_parts.append(en)
    return Text("修改：" + "；".join(zh_parts), "Edited: " + "; ".join(en_parts))


_ENUM_FIELDS = {"platform": Platform, "kind": CaseKind, "cause": Cause,
                "customer_type": CustomerType, "priority": Priority}


def _value(name: str, raw: str | None, tz: str) -> tuple[str, str]:
    """An audited value shown in (zh, en): labels for enums, shop time, yuan."""
    if raw is None:
        return "", ""
    if name == "due_at":
        return _when(raw, tz), _when(raw, tz)
    if name.startswith("amount_"):
        return f"¥{yuan(raw)}", f"¥{yuan(raw)}"
    if name in _ENUM_FIELDS:
        return _label(_ENUM_FIELDS[name], raw)
    return cut(raw, 30), cut(raw, 30)
