"""Import platform exports: preview, then apply in one transaction.

    service = register.imports
    parsed = service.read(path)                       # parse only (no database)
    report = service.preview(parsed, path.name)       # counts + errors, nothing written
    report = service.apply(parsed, path.name, actor, skip_bad_rows=True,
                           progress=..., cancelled=...)

Refund exports open or update cases (see import_apply); order exports upsert the orders
table (see orders). An import is all or nothing: ImportCancelled from `cancelled()` or
any failure rolls the whole transaction back. A file with a bad row is refused unless the
caller chose to skip bad rows; the skipped rows can be written to a CSV to fix.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..domain.case import Case
from ..domain.clock import SHOP_TZ_DEFAULT, Clock
from ..domain.enums import CaseStatus
from ..domain.files import make_private
from ..domain.gc_pause import no_cyclic_gc
from ..domain.text import clause_sep, is_english, pick
from ..importers import (
    ColumnMapping,
    ImportCancelled,
    ImportConfig,
    KnownRow,
    OrderRecord,
    ParseResult,
    RecordType,
    RefundRecord,
    RowError,
    parse_file,
)
from ..importers.cells import clean_text
from ..importers.readers import open_source
from ..storage.bulk import roomy_cache, unchecked_references
from ..storage.bulk_load import bulk_load
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.import_profiles import ImportLogEntry, ImportLogStore
from ..storage.orders import OrderStore
from ..storage.search_side import SideIndex
from .actor import require_actor
from .import_apply import CHUNK, Action, RefundPlan, RowPlan, plan_refunds, summarise
from .import_known import KnownRows
from .import_report import JSON_SCHEMA as JSON_SCHEMA
from .import_report import ImportReport as ImportReport
from .import_state import FinishedFilter
from .import_write import PlanWriter
from .order_fill import OrderMismatch
from .orders import OrderPlan, OrderService, plan_fills, plan_orders, write_fills
from .profiles import ProfileService

# New cases from which an import into an empty register builds their search index in a
# second process (starting it costs about what indexing a few thousand cases does).
SIDE_INDEX_ROWS = 20_000
# Records from which an import leaves foreign keys unchecked while it writes.
UNCHECKED_ROWS = 2_000
ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


class _Refused(Exception):
    """Internal: leave the transaction without writing."""


def _refusal(errors: list[RowError]) -> tuple[str, str]:
    rows = len({e.row_number for e in errors})
    # Said to the window and the command line alike: both ways to go on are named.
    return (f"有 {rows} 行有错误，未导入任何内容。请修正这些行，或只导入正确的行（窗口里勾选"
            "“只导入正确的行”，命令行加 --skip-bad-rows）。",
            f"{rows} row(s) have errors; nothing was imported. Fix them, or import only the "
            "valid rows (tick \"Import the valid rows\" in the window, or add "
            "--skip-bad-rows on the command line).")


class ImportService:
    """Reads platform exports and applies them to the register."""

    def __init__(self, db: Database, clock: Clock, config: ImportConfig, *,
                 shop_tz: str = SHOP_TZ_DEFAULT,
                 after_write: Callable[[list[int]], object] | None = None,
                 after_import: Callable[[list[int], str], object] | None = None,
                 settle_new: Callable[[Sequence[Any]], list[dict[str, object]]] | None = None,
                 after_move: Callable[[list[Case]], object] | None = None,
                 after_fill: Callable[[list[int]], object] | None = None) -> None:
        self.db = db
        self.clock = clock
        self.config = config
        # Called in the import's transaction with every case created or updated; with
        # `settle_new` (the stage and deadline columns of new cases, written with them;
        # given import_new.NewCase objects, the attributes of a Case it reads),
        # as after_write(ids, settled=created ids): a mapping, id -> the case's warning
        # facts as written (storage.warnings.new_case_facts), which need not be read back.
        self.after_write = after_write or (lambda ids: None)
        self.settle_new = settle_new
        # With the updated cases, as they were, that the import moved to another buyer,
        # product or cause (after after_write, in the same transaction).
        self.after_move = after_move or (lambda cases: None)
        # With the cases an order export filled (their buyer and item: what the warning
        # rules read; nothing a deadline depends on).
        self.after_fill = after_fill or self.after_write
        # Then with the same ids and the actor (the follow-ups of cases it resolved).
        self.after_import = after_import or (lambda ids, actor: None)
        self.shop_tz = shop_tz
        self.profiles = ProfileService(db, clock)
        self.orders = OrderService(db, clock)
        self.log = ImportLogStore(db)
        self.known = KnownRows(db)

    # --- reading -----------------------------------------------------------------------
    def read(self, path: str | Path, *, preset: str | None = None,
             mapping: ColumnMapping | None = None, progress: ProgressFn | None = None,
             cancelled: CancelledFn | None = None) -> ParseResult:
        """Parse the file. Raises only ImportCancelled.

        The only database work: rows an import already applied to a case or an order that
        is unchanged since are not converted (`ParseResult.known`); applying them would
        change nothing, and the plan checks them again against the register of its own
        time."""
        as_of = self.known.mark()
        parsed = parse_file(path, self.config, preset=preset, mapping=mapping,
                            tz=self.shop_tz, progress=progress, cancelled=cancelled,
                            known=self.known.still_applied)
        parsed.known_as_of = as_of
        return parsed

    # --- preview and apply -------------------------------------------------------------
    def preview(self, parsed: ParseResult, filename: str, *, skip_bad_rows: bool = False,
                only_open: bool = False, finished_since: date | None = None,
                progress: ProgressFn | None = None,
                cancelled: CancelledFn | None = None) -> ImportReport:
        """Counts and errors of importing `parsed` now; nothing is written.

        `only_open` / `finished_since`: rows already finished on the platform (before that
        shop-local day) open no new case; rows of cases already registered still apply.
        """
        return self._run(parsed, filename, "", dry_run=True, skip_bad_rows=skip_bad_rows,
                         finished=self.finished_filter(only_open, finished_since),
                         progress=progress, cancelled=cancelled)

    def apply(self, parsed: ParseResult, filename: str, actor: str, *,
              skip_bad_rows: bool = False, only_open: bool = False,
              finished_since: date | None = None, progress: ProgressFn | None = None,
              cancelled: CancelledFn | None = None) -> ImportReport:
        """Import `parsed` in one transaction. Raises ImportCancelled (rolled back)."""
        actor = require_actor(actor)
        return self._run(parsed, filename, actor, dry_run=False, skip_bad_rows=skip_bad_rows,
                         finished=self.finished_filter(only_open, finished_since),
                         progress=progress, cancelled=cancelled)

    def import_file(self, path: str | Path, actor: str, *, preset: str | None = None,
                    mapping: ColumnMapping | None = None, dry_run: bool = False,
                    skip_bad_rows: bool = False, only_open: bool = False,
                    finished_since: date | None = None, progress: ProgressFn | None = None,
                    cancelled: CancelledFn | None = None) -> tuple[ImportReport, ParseResult]:
        """Read and preview or apply in one call (the command line's path)."""
        parsed = self.read(path, preset=preset, mapping=mapping, cancelled=cancelled,
                           progress=_half(progress, 0))
        name = Path(path).name
        if dry_run:
            report = self.preview(parsed, name, skip_bad_rows=skip_bad_rows,
                                  only_open=only_open, finished_since=finished_since,
                                  progress=_half(progress, 1), cancelled=cancelled)
        else:
            report = self.apply(parsed, name, actor, skip_bad_rows=skip_bad_rows,
                                only_open=only_open, finished_since=finished_since,
                                progress=_half(progress, 1), cancelled=cancelled)
        return report, parsed

    def finished_filter(self, only_open: bool = False,
                        finished_since: date | None = None) -> FinishedFilter:
        """The rows a first import leaves out; `finished_since` is a day in the shop's zone."""
        since = None
        if finished_since is not None:
            since = datetime.combine(finished_since, time(0), tzinfo=ZoneInfo(self.shop_tz))
        return FinishedFilter(only_open=only_open, since=since)

    def _run(self, parsed: ParseResult, filename: str, actor: str, *, dry_run: bool,
             skip_bad_rows: bool, finished: FinishedFilter, progress: ProgressFn | None,
             cancelled: CancelledFn | None) -> ImportReport:
        report = ImportReport(file=filename, preset=parsed.preset, dry_run=dry_run,
                              record_type=parsed.record_type.value if parsed.record_type
                              else None,
                              platform=parsed.platform.value if parsed.platform else None,
                              total_rows=parsed.total_rows, errors=list(parsed.errors),
                              file_error=parsed.file_error)
        if parsed.file_error is not None:
            report.refused = (parsed.file_error.zh, parsed.file_error.en)
            return report
        report.file_sha256 = parsed.sha256
        report.previous = self.log.previous(filename, parsed.sha256)
        report.previous_latest = self.log.latest_same(filename, parsed.sha256)
        stop = cancelled or (lambda: False)

        def check() -> None:
            if stop():
                raise ImportCancelled()

        report_progress = progress or (lambda done, total: None)
        sides: list[SideIndex] = []  # a search index worker the import started, if any
        try:
            # The cycle collector paused (see domain/gc_pause.py): the plan and every row
            # written stay alive to the end; its full collections were a tenth of applying
            # a 50,000-row export.
            # A large import does not check its references row by row (outside a caller's
            # transaction; see storage/bulk.unchecked_references): every row it
            # writes points at a case it just wrote or found live in the same
            # transaction, and the checks were a tenth of applying a 20,000-row export.
            large = not dry_run and len(parsed.records) >= UNCHECKED_ROWS
            unchecked = unchecked_references(self.db) if large else nullcontext()
            # And its pages stay in memory (storage/bulk.roomy_cache, about 1 KiB a
            # record): in SQLite's default 2 MB cache a large import's pages went out to
            # the WAL and back during the transaction, and the indexes bulk_load builds
            # at its end were sorted through temporary files.
            roomy = roomy_cache(self.db, rows=len(parsed.records)) if large else nullcontext()
            with no_cyclic_gc(), unchecked, roomy, self.db.atomic():
                check()
                if parsed.record_type is RecordType.ORDER:
                    self._orders(parsed, report, actor, dry_run, skip_bad_rows, check,
                                 report_progress)
                else:
                    self._refunds(parsed, report, actor, dry_run, skip_bad_rows, finished,
                                  check, report_progress, sides)
                if not dry_run:
                    self.log.add(report.log_entry(self.clock.now(), actor))
                    report.imported = True
                if dry_run:
                    raise _Refused()  # a preview never writes, even by accident
        except _Refused:
            pass
        finally:
            for side in sides:  # after the transaction: it detaches the worker's file
                side.close(self.db)
        return report

    def _refunds(self, parsed: ParseResult, report: ImportReport, actor: str, dry_run: bool,
                 skip_bad_rows: bool, finished: FinishedFilter, check: Callable[[], None],
                 progress: ProgressFn, sides: list[SideIndex]) -> None:
        records, still = self._unknown_records(parsed, report)
        unchanged = len(still)
        total = max(len(records), 1)
        columns = parsed.mapping.columns if parsed.mapping else {}
        plan = plan_refunds(self.db, records, now=self.clock.now(), headers=columns,
                            check=check, finished=finished,
                            progress=lambda d, t: progress(d * total // max(t, 1), 2 * total))
        report.unknown_statuses = sorted({r.platform_status for r in records
                                          if r.unknown_status})
        report.errors = sorted(report.errors + plan.errors, key=lambda e: e.row_number)
        _count(report, plan, self.shop_tz)
        report.unchanged += unchanged
        unmerged = CaseStore(self.db).fetch(sorted({case_id for case_id, _r, _w
                                                    in plan.unmerged}))
        report.unmerged_cases = [unmerged[i].case_no for i in sorted(unmerged)]
        if report.errors and not skip_bad_rows:
            report.refused = _refusal(report.errors)
        if report.refused or dry_run:
            raise _Refused()
        writer = PlanWriter(self.db, now=self.clock.now(), actor=actor, source=report.file,
                            preset=parsed.preset, shop_tz=self.shop_tz,
                            settle=self.settle_new)
        creates = [r for r in plan.rows if r.action is Action.CREATE]
        updates = [r for r in plan.rows if r.action is Action.UPDATE]
        # A large first import indexes its new cases for search in a second process while
        # it writes them (storage/search_side.py: an empty register's search tables).
        try:
            writer.side = SideIndex.start(self.db, rows=len(creates), min_rows=SIDE_INDEX_ROWS)
        except OSError:  # no second process to be had: index here, as a small import does
            writer.side = None
        if writer.side is not None:
            sides.append(writer.side)
        work = max(len(creates) + len(updates), 1)
        done = 0
        # A load large against the register builds `cases`' indexes once at the end
        # instead of keeping them up per row; the new cases are only inserted in the
        # block (every lookup, the updates included, comes after).
        with bulk_load(self.db, new_rows=len(creates)):
            for start in range(0, len(creates), CHUNK):
                check()
                report.created_ids += writer.create(creates[start:start + CHUNK])
                done += len(creates[start:start + CHUNK])
                progress(total + done * total // work, 2 * total)
        store = CaseStore(self.db)
        for start in range(0, len(updates), CHUNK):
            check()
            chunk = updates[start:start + CHUNK]
            writer.update(chunk, store.fetch([r.case_id for r in chunk if r.case_id]))
            done += len(chunk)
            progress(total + done * total // work, 2 * total)
        if plan.unmerged:  # their timelines say why the refund is not theirs
            now = self.clock.now()
            EventStore(self.db).add_many([(case_id, now, actor, "order_mismatch",
                                           *wrong.refund_event(record.refund_no))
                                          for case_id, record, wrong in plan.unmerged])
        check()
        writer.index()
        touched = report.created_ids + [r.case_id for r in updates if r.case_id]
        if self.settle_new is not None:
            # The created ids as a mapping: each one's warning facts as written.
            self.after_write(touched, settled=writer.written)  # type: ignore[call-arg]
        else:
            self.after_write(touched)
        if writer.moved:
            self.after_move(writer.moved)
        self.after_import(touched, actor)
        check()
        self.known.remember(_applied_rows(plan.rows))
        progress(2 * total, 2 * total)

    def _unknown_records(self, parsed: ParseResult, report: ImportReport) -> tuple[
            list[RefundRecord] | list[OrderRecord], list[KnownRow]]:
        """The records (refunds or orders) to plan, and the rows the parser skipped as
        known that are still known now (the register may have changed since the file was
        read: those rows are converted now, in file order with the others)."""
        records = parsed.records if parsed.record_type is RecordType.REFUND else parsed.orders
        if not parsed.known:
            return records, []
        if parsed.known_as_of is not None and parsed.known_as_of == self.known.mark():
            return records, parsed.known  # nothing written since the reading
        assert parsed.record_type is not None
        still = self.known.still_applied([k.row_hash for k in parsed.known],
                                         parsed.record_type)
        stale = [k for k in parsed.known if k.row_hash not in still]
        if not stale:
            return records, parsed.known
        converted, errors = parsed.convert_known(stale)
        report.errors = sorted(report.errors + errors, key=lambda e: e.row_number)
        return (sorted([*records, *converted], key=lambda r: r.row_number),
                [k for k in parsed.known if k.row_hash in still])

    def _orders(self, parsed: ParseResult, report: ImportReport, actor: str, dry_run: bool,
                skip_bad_rows: bool, check: Callable[[], None], progress: ProgressFn) -> None:
        records, still = self._unknown_records(parsed, report)
        plan: OrderPlan = plan_orders(self.db, records, self.clock.now())
        report.created, report.updated, report.unchanged = (len(plan.new), len(plan.changed),
                                                            plan.unchanged + len(still))
        # Cases opened before their order was known get its empty fields (a preview counts
        # them too, also while bad rows refuse the file: "import the valid rows" would);
        # the orders of known rows are as stored, and read only for a case they fill.
        assert parsed.platform is not None or not still
        withheld: list[tuple[Case, OrderMismatch]] = []
        fills = plan_fills(self.db, plan.orders_after(),
                           stored=[(parsed.platform, k.key) for k in still],
                           mismatched=withheld)
        report.filled_cases = len(fills)
        report.mismatched_cases = [case.case_no for case, _wrong in withheld]
        if report.errors and not skip_bad_rows:
            report.refused = _refusal(report.errors)
        if report.refused or dry_run:
            raise _Refused()
        rows = plan.new + plan.changed
        total = len(rows) + len(fills)
        store = OrderStore(self.db)
        for start in range(0, len(rows), CHUNK):
            check()
            store.upsert(rows[start:start + CHUNK], plan.row_hashes)
            progress(start + len(rows[start:start + CHUNK]), total)
        check()
        store.remember_rows(plan.same_hashes())
        if withheld:  # their timelines say why (and the next import lists them no more)
            now = self.clock.now()
            EventStore(self.db).add_many([(case.id, now, actor, "order_mismatch",
                                           *wrong.event()) for case, wrong in withheld])
        if fills:
            write_fills(self.db, fills, actor, self.clock.now(), check=check,
                        progress=lambda done: progress(len(rows) + done, total))
            check()
            # A filled buyer or item is what the early-warning rules read; a case given a
            # SKU or a buyer leaves the neighbours it was judged with.
            self.after_fill([f.case_id for f in fills])
            self.after_move([f.case for f in fills if f.moves_case])

    # --- after an import ---------------------------------------------------------------
    def history(self, limit: int = 50) -> list[ImportLogEntry]:
        """The last `limit` applied imports, newest first (previews are not logged)."""
        return self.log.latest(limit)

    def history_total(self) -> int:
        """How many imports are logged."""
        return self.log.count()


def _count(report: ImportReport, plan: RefundPlan, tz: str) -> None:
    report.created = plan.count(Action.CREATE)
    report.updated = plan.count(Action.UPDATE)
    report.unchanged = plan.count(Action.UNCHANGED)
    report.in_trash = plan.count(Action.IN_TRASH)
    report.left_out = plan.count(Action.LEFT_OUT)
    report.resolved_by_platform = plan.count_moved_to(CaseStatus.RESOLVED)
    report.closed_by_platform = plan.count_moved_to(CaseStatus.CLOSED)
    report.conflicts = plan.conflicts
    report.changes = [(r.record.row_number, clause_sep("zh").join(
        [summarise(r.changes, tz), *(c.text().zh for c in r.conflicts)]))
        for r in plan.rows if r.action is Action.UPDATE]


def _applied_rows(rows: list[RowPlan]) -> list[tuple[int, str]]:
    """(case id, row hash) of rows a re-import of the same row would leave alone: applied
    or unchanged, with a state the preset knows and no conflict to report again."""
    return [(r.case_id, r.record.row_hash) for r in rows
            if r.action in (Action.CREATE, Action.UPDATE, Action.UNCHANGED)
            and r.case_id and r.record.row_hash and not r.conflicts
            and not r.record.unknown_status]


def _half(progress: ProgressFn | None, part: int) -> ProgressFn | None:
    """Report one of two equal phases of a combined progress."""
    if progress is None:
        return None
    return lambda done, total: progress(part * 1000 + done * 1000 // max(total, 1), 2000)


def write_skipped_rows(source: str | Path | bytes, parsed: ParseResult,
                       errors: list[RowError], out: str | Path, lang: str = "zh") -> int:
    """Write the rows that were not imported, as the file had them, plus an error column.

    UTF-8 with BOM so Excel opens it; cells are kept verbatim (including Taobao's ="..."
    wrappers) so the fixed file re-imports as it came. Returns how many rows were written.
    """
    reasons: dict[int, list[str]] = {}
    en = is_english(lang)
    for e in errors:
        where = f"[{e.column}] " if en and e.column else (f"「{e.column}」" if e.column else "")
        reasons.setdefault(e.row_number, []).append(where + pick(lang, e.zh, e.en))
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    opened = open_source(data)
    written = 0
    try:
        table = next((t for t in opened.tables if t.name == parsed.table), opened.tables[0])
        width = len(parsed.headers)
        target = Path(out)
        target.touch(exist_ok=True)
        make_private(target)  # buyers' rows: readable by the user only
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([*parsed.headers, pick(lang, "错误", "Error")])
            for number, cells in table.rows():
                if number not in reasons:
                    continue
                texts = [c if isinstance(c, str) else clean_text(c) for c in cells]
                texts += [""] * (width - len(texts))
                reason = clause_sep(lang).join(reasons[number])
                writer.writerow([*texts, _neutralise(reason)])
                written += 1
    finally:
        opened.close()
    return written


def _neutralise(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
