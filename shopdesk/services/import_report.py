"""What an import did: the report a preview, an import and a refused import return, and
the wording of its counts, which the import history shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..domain.clock import local, to_utc_iso
from ..domain.text import clause_sep, is_english, list_sep, pick
from ..importers import FileError, RowError
from ..storage.import_profiles import ImportLogEntry
from .import_state import Conflict

JSON_SCHEMA = 1


def counts_clause(lang: str, created: int, updated: int, unchanged: int,
                  skipped: int) -> str:
    """新建 N，更新 N，未变 N，跳过 N 行 (New, updated, unchanged, skipped)."""
    if is_english(lang):
        return (f"{created} new, {updated} updated, {unchanged} unchanged, "
                f"{skipped} row(s) skipped")
    return f"新建 {created}，更新 {updated}，未变 {unchanged}，跳过 {skipped} 行"


def fill_clauses(lang: str, filled: int, *, done: bool = True) -> list[str]:
    """What an order export filled (or would fill) in cases opened by hand (none: empty)."""
    if not filled:
        return []
    if is_english(lang):
        verb = "filled" if done else "would fill"
        return [f"{verb} the empty buyer or item fields of {filled} case(s)"]
    verb = "补全了" if done else "将补全"
    return [f"{verb} {filled} 个案件空着的买家或商品信息"]


def mismatch_clauses(lang: str, case_nos: list[str]) -> list[str]:
    """Cases an order export did not fill: the buyer typed on them is not the order's."""
    if not case_nos:
        return []
    shown = list_sep(lang).join(case_nos[:3]) + ("…" if len(case_nos) > 3 else "")
    n = len(case_nos)
    return [pick(lang, f"{n} 个案件填写的买家与订单的不同，没有补全（请核对订单号：{shown}）",
                 f"{n} case(s) not filled: their buyer is not the order's "
                 f"(check the order number: {shown})")]


def unmerged_clauses(lang: str, case_nos: list[str]) -> list[str]:
    """Cases typed by hand a refund export's rows named by order number but did not merge
    into: another buyer's (each row got a case of its own)."""
    if not case_nos:
        return []
    shown = list_sep(lang).join(case_nos[:3]) + ("…" if len(case_nos) > 3 else "")
    n = len(case_nos)
    return [pick(lang, f"{n} 个手动登记的案件与售后单的订单号相同但买家不同，没有合并，"
                       f"售后单另建了案件（请核对订单号：{shown}）",
                 f"{n} case(s) typed by hand share an order number with a refund of "
                 f"another buyer: not merged, the refund got a case of its own (check the "
                 f"order number: {shown})")]


def state_clauses(lang: str, resolved: int, closed: int, left_out: int, conflicts: int,
                  unknown: int = 0) -> list[str]:
    """What the platform's state did: resolved, closed, left out, conflicts, unknown."""
    parts = []
    for count, zh, en in (
            (resolved, "平台已完结 {n}", "{n} resolved on the platform"),
            (closed, "平台已关闭 {n}", "{n} closed on the platform"),
            (left_out, "未导入已完结的 {n} 行", "{n} finished row(s) left out"),
            (conflicts, "{n} 个案件的状态是你手动设的，已保留（见冲突）",
             "{n} case(s) keep the status you set (see conflicts)"),
            (unknown, "{n} 种平台状态不认识", "{n} unknown platform status(es)")):
        if count:
            parts.append(pick(lang, zh, en).format(n=count))
    return parts


@dataclass
class ImportReport:
    """What an import did (or, for a preview or a refused import, would do)."""

    file: str
    preset: str | None = None
    record_type: str | None = None  # "refund" or "order"
    platform: str | None = None
    dry_run: bool = True
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    in_trash: int = 0  # rows matching a case in the trash: left alone
    total_rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    file_error: FileError | None = None
    imported: bool = False  # the register was changed by this call
    refused: tuple[str, str] | None = None  # why nothing was imported (zh, en)
    created_ids: list[int] = field(default_factory=list)
    changes: list[tuple[int, str]] = field(default_factory=list)  # (row, summary) of updates
    # The platform's state: rows that leave their case resolved / closed, status moves the
    # user's own status stopped, finished rows a first import left out, and platform
    # statuses no preset table knows (add them to the preset's [values.platform_status]).
    resolved_by_platform: int = 0
    closed_by_platform: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    left_out: int = 0
    unknown_statuses: list[str] = field(default_factory=list)
    # An order export: cases whose empty buyer or item fields its orders filled, and the
    # case numbers of those it did not fill because their typed buyer is not the order's.
    filled_cases: int = 0
    mismatched_cases: list[str] = field(default_factory=list)
    # A refund export: cases typed by hand that a row's order number named, not merged
    # with it because their buyer is not the row's (the row got a case of its own).
    unmerged_cases: list[str] = field(default_factory=list)
    file_sha256: str | None = None  # of the file's bytes
    # The import that brought the same file in before this call (None: never imported),
    # and the id of the latest import of it (a repeat since, by a colleague say).
    previous: ImportLogEntry | None = None
    previous_latest: ImportLogEntry | None = None

    @property
    def skipped(self) -> int:
        """Rows with errors: not imported."""
        return len({e.row_number for e in self.errors})

    @property
    def changes_register(self) -> bool:
        """Importing it writes something: a case or order created or updated, or a case
        filled from its order."""
        return self.created + self.updated + self.filled_cases > 0

    @property
    def blocked(self) -> bool:
        """The file cannot be imported as it is (bad rows and no skipping, or unreadable)."""
        return self.refused is not None

    def message(self, lang: str = "zh") -> str:
        """One line for the user."""
        if self.file_error is not None:
            return self.file_error.message(lang)
        if self.refused is not None:
            return pick(lang, *self.refused)
        if is_english(lang):
            verb = "Imported" if self.imported else "Would import"
            what = " orders" if self.record_type == "order" else ""
            head = f"{verb}{what}: "
        else:
            verb = "已导入" if self.imported else "预览"
            what = "订单" if self.record_type == "order" else ""
            head = f"{verb}{what}："
        line = head + counts_clause(lang, self.created, self.updated, self.unchanged,
                                    self.skipped)
        return clause_sep(lang).join([line, *self.state_clauses(lang),
                                      *self.fill_clauses(lang)])

    def fill_clauses(self, lang: str) -> list[str]:
        """What an order export filled in cases opened by hand, and the cases it did not
        fill because their buyer is not the order's (none: empty)."""
        return [*fill_clauses(lang, self.filled_cases, done=self.imported),
                *mismatch_clauses(lang, self.mismatched_cases),
                *unmerged_clauses(lang, self.unmerged_cases)]

    def state_clauses(self, lang: str) -> list[str]:
        """What the platform's state did: resolved, closed, left out, conflicts, unknown."""
        return state_clauses(lang, self.resolved_by_platform, self.closed_by_platform,
                             self.left_out, len(self.conflicts), len(self.unknown_statuses))

    def log_entry(self, at: datetime, actor: str) -> ImportLogEntry:
        """What the import history keeps of this import."""
        return ImportLogEntry(
            0, at, actor, self.file, self.preset, self.created, self.updated,
            self.unchanged, self.skipped, record_type=self.record_type,
            platform=self.platform, total_rows=self.total_rows, filled=self.filled_cases,
            in_trash=self.in_trash, resolved_by_platform=self.resolved_by_platform,
            closed_by_platform=self.closed_by_platform, left_out=self.left_out,
            conflicts=len(self.conflicts), file_sha256=self.file_sha256)

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        """The CLI's `import --json` shape (schema 1; keys are only ever added)."""
        return {
            "schema": JSON_SCHEMA, "file": self.file, "preset": self.preset,
            "record_type": self.record_type, "dry_run": self.dry_run,
            "imported": self.imported, "created": self.created, "updated": self.updated,
            "unchanged": self.unchanged, "in_trash": self.in_trash, "skipped": self.skipped,
            "errors": [{"row": e.row_number, "column": e.column, "field": e.field,
                        "reason": pick(lang, e.zh, e.en), "value": e.value}
                       for e in self.errors],
            "file_error": (None if self.file_error is None else
                           {"code": self.file_error.code,
                            "reason": self.file_error.message(lang)}),
            "message": self.message(lang),
            "resolved_by_platform": self.resolved_by_platform,
            "closed_by_platform": self.closed_by_platform,
            "conflicts": [c.to_json(lang) for c in self.conflicts],
            "left_out_finished": self.left_out,
            "unknown_platform_statuses": list(self.unknown_statuses),
            "filled_cases": self.filled_cases,
            "mismatched_cases": list(self.mismatched_cases),
            "unmerged_cases": list(self.unmerged_cases),
            "previous_import": (None if self.previous is None else
                                {"id": self.previous.id, "at": to_utc_iso(self.previous.at),
                                 "actor": self.previous.actor}),
        }

    def previous_note(self, tz: str, lang: str) -> str:
        """这个文件已于 … 由 … 导入过 when the same file was imported before ("" if not)."""
        return previous_note(self.previous, tz, lang, self.file)


def previous_note(last: ImportLogEntry | None, tz: str, lang: str, name: str = "") -> str:
    """When and by whom `last`, an earlier import of the same file, was made, and under
    which name when it was another than `name` ("" for None). An import logged without
    the file's hash matched by its name only: it says so."""
    if last is None:
        return ""
    when = local(last.at, tz).strftime("%Y-%m-%d %H:%M")
    who = last.actor or "-"
    if last.file_sha256 is None:
        return pick(lang, f"同名文件已于 {when} 由 {who} 导入过",
                    f"a file of this name was imported on {when} by {who}")
    if name and last.filename != name:
        return pick(lang, f"这个文件已于 {when} 由 {who} 导入过（当时名为 {last.filename}）",
                    f"this file was imported on {when} by {who} (as {last.filename})")
    return pick(lang, f"这个文件已于 {when} 由 {who} 导入过",
                f"this file was imported on {when} by {who}")
