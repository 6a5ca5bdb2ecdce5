"""The import history (导入记录): what each applied import did, newest first, worded for the
window and the command line alike (`shopdesk import-history`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain.clock import local, to_utc_iso
from ..domain.enums import Platform
from ..domain.text import clause_sep, pick
from ..storage.import_profiles import ImportLogEntry
from .import_report import JSON_SCHEMA, counts_clause, fill_clauses, state_clauses

_KIND = {"refund": ("售后单", "after-sales"), "order": ("订单", "orders")}
_OLD = ("由较早版本的 ShopDesk 记录：只记了新建、更新、未变和跳过",
        "logged by an earlier ShopDesk: only new, updated, unchanged and skipped were kept")


@dataclass(frozen=True)
class HistoryLine:
    """One import as the history shows it."""

    entry: ImportLogEntry
    when: str  # shop-local "YYYY-MM-DD HH:MM"
    kind: str  # e.g. 淘宝/天猫 售后单
    summary: str  # the counts, then `extra`
    extra: str  # what it did beyond the counts ("" when nothing)


def kind_label(record_type: str | None, platform: str | None, lang: str) -> str:
    """The export's platform and kind ("" when neither was recorded)."""
    parts = []
    if platform:
        try:
            parts.append(Platform(platform).label(lang))
        except ValueError:  # a platform a newer ShopDesk knows (team register)
            parts.append(platform)
    if record_type:
        parts.append(pick(lang, *_KIND.get(record_type, (record_type, record_type))))
    return " ".join(parts)


def extra_clauses(entry: ImportLogEntry, lang: str) -> list[str]:
    """What the import did beyond its four counts: rows in the trash, the platform's
    state, cases filled (an import logged before m0029 says it kept only the counts)."""
    if not entry.complete:
        return [pick(lang, *_OLD)]
    parts = []
    if entry.in_trash:
        parts.append(pick(lang, f"{entry.in_trash} 行对应的案件在回收站，未动",
                          f"{entry.in_trash} row(s) match a case in the trash: left alone"))
    parts += state_clauses(lang, entry.resolved_by_platform or 0,
                           entry.closed_by_platform or 0, entry.left_out or 0,
                           entry.conflicts or 0)
    parts += fill_clauses(lang, entry.filled or 0)
    return parts


def summary(entry: ImportLogEntry, lang: str, *, kind_shown: bool = False) -> str:
    """新建 3，更新 1，未变 40，跳过 0 行；平台已完结 2 …: the counts, then the rest
    (`kind_shown`: the export's kind stands beside it, so 订单 is not said twice)."""
    line = counts_clause(lang, entry.created, entry.updated, entry.unchanged, entry.skipped)
    if entry.record_type == "order" and not kind_shown:  # the counts are orders
        line = pick(lang, "订单：", "Orders: ") + line
    return clause_sep(lang).join([line, *extra_clauses(entry, lang)])


def history_lines(entries: list[ImportLogEntry], tz: str, lang: str) -> list[HistoryLine]:
    """The entries worded for display, in the order given."""
    return [HistoryLine(e, local(e.at, tz).strftime("%Y-%m-%d %H:%M"),
                        kind_label(e.record_type, e.platform, lang), summary(e, lang),
                        clause_sep(lang).join(extra_clauses(e, lang)))
            for e in entries]


def entry_json(entry: ImportLogEntry, lang: str) -> dict[str, Any]:
    """One import in `import-history --json` (counts a pre-0029 import did not keep: null)."""
    return {
        "id": entry.id, "at": to_utc_iso(entry.at), "actor": entry.actor,
        "file": entry.filename, "preset": entry.preset, "record_type": entry.record_type,
        "platform": entry.platform, "total_rows": entry.total_rows,
        "created": entry.created, "updated": entry.updated, "unchanged": entry.unchanged,
        "skipped": entry.skipped, "filled_cases": entry.filled, "in_trash": entry.in_trash,
        "resolved_by_platform": entry.resolved_by_platform,
        "closed_by_platform": entry.closed_by_platform,
        "left_out_finished": entry.left_out, "conflicts": entry.conflicts,
        "file_sha256": entry.file_sha256, "summary": summary(entry, lang),
    }


def history_json(entries: list[ImportLogEntry], total: int, lang: str) -> dict[str, Any]:
    """`import-history --json` (schema 1): the imports shown and how many are logged."""
    return {"schema": JSON_SCHEMA, "count": len(entries), "total": total,
            "imports": [entry_json(e, lang) for e in entries]}

