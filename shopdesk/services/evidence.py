"""Evidence use cases: attach files and waybill numbers to a case, caption, remove, check.

Files are copied into the data folder's content store (same bytes stored once).
Every write is one transaction with a timeline event ("evidence_added" /
"evidence_removed") and audit rows on the case. Removal is soft and keeps the file:
other rows may share the bytes and the audit trail refers to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.clock import Clock, to_utc_iso
from ..domain.errors import FieldError, NotFoundError, ValidationError
from ..domain.evidence import (
    MAX_FILE_BYTES,
    ChecklistItem,
    Evidence,
    EvidenceCategory,
    category_fits,
    checklist_status,
    clean_caption,
    clean_waybill,
    file_type_error,
    guess_mime,
    misfit_error,
    safe_to_open,
)
from ..storage.audit import AuditStore
from ..storage.batches import in_batches
from ..storage.cases import CaseStore
from ..storage.content_store import HEAD_BYTES, check_source
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.evidence import EvidenceStore
from ..storage.pg.blobs import content_store_for
from .actor import require_actor
from .evidence_checklist import ChecklistSource

if TYPE_CHECKING:
    from ..reports.thumbnails import ThumbnailFolder

# Beside the content store's folder (data/evidence -> data/thumbnails): only content in
# the store itself, and the thumbnails can be deleted at any time (they are made again).
THUMBNAILS_FOLDER = "thumbnails"


def _head(path: Path) -> bytes:
    """The file's first bytes, what its type is told by."""
    try:
        with path.open("rb") as fh:
            return fh.read(HEAD_BYTES)
    except PermissionError:
        raise ValidationError([FieldError("file", f"无权读取文件：{path}",
                                          f"No permission to read the file: {path}")]
                              ) from None
    except OSError as exc:
        raise ValidationError([FieldError(
            "file", f"无法读取文件（{exc.strerror or exc}）：{path}",
            f"Cannot read the file ({exc.strerror or exc}): {path}")]) from None


class EvidenceService:
    """Evidence on one register: rows in the database, bytes in `evidence_root`."""

    def __init__(self, db: Database, clock: Clock, evidence_root: Path, *,
                 checklist_override: Path | None = None,
                 max_bytes: int = MAX_FILE_BYTES) -> None:
        self.db = db
        self.clock = clock
        self.files = content_store_for(db, evidence_root, max_bytes)
        self.store = EvidenceStore(db)
        self.cases = CaseStore(db)
        self.events = EventStore(db)
        self.audit_log = AuditStore(db)
        self.checklists = ChecklistSource(checklist_override)
        self._thumbnails: ThumbnailFolder | None = None

    @property
    def thumbnails(self) -> ThumbnailFolder:
        """Thumbnails of picture evidence kept beside the content store, made when a
        picture is added (older pictures get theirs the first time they are printed).
        Pillow is loaded on first use, not at start."""
        if self._thumbnails is None:
            from ..reports.thumbnails import ThumbnailFolder

            self._thumbnails = ThumbnailFolder(self.files.root.parent / THUMBNAILS_FOLDER)
        return self._thumbnails

    @property
    def max_bytes(self) -> int:
        return self.files.max_bytes

    # --- adding --------------------------------------------------------------
    def add_file(self, case_id: int, path: Path, actor: str, *, caption: str = "",
                 category: EvidenceCategory = EvidenceCategory.OTHER) -> Evidence:
        """Copy `path` into the store and attach it to the case.

        Refused (ValidationError naming the file) when the file is missing, a folder,
        unreadable, empty or over the size limit; when it is not a type evidence may be
        (domain.evidence.file_type_error: a text file, a program, bytes that contradict the
        suffix) or cannot be read as what it is (a picture that does not decode, a PDF that
        does not open); when the case does not exist, and when the same bytes are already
        attached to this case (another case may share them). All before anything is
        copied.
        """
        actor = require_actor(actor)
        caption = clean_caption(caption)
        category = EvidenceCategory(category)
        path = Path(path)
        self._live_case(case_id)  # before copying: no stray file for a wrong case
        check_source(path, self.files.max_bytes)
        head = _head(path)
        refused = file_type_error(path.name, head)
        if refused is not None:
            raise ValidationError([refused])
        mime = guess_mime(path.name, head)
        if not category_fits(category, mime):
            raise ValidationError([misfit_error(category, path.name)])
        # The copy happens outside the transaction: a 50 MB file must not hold the
        # write lock. A crash after it leaves an unreferenced file, never a dangling row.
        stored = self.files.put(path)
        mime = guess_mime(path.name, stored.head)
        from ..reports.evidence_check import unreadable  # Pillow and pdfium on first use

        # Read as what it is: a picture decoded (its thumbnail made once, now, for every
        # print; the same picture on another case reuses it), a PDF opened.
        problem = unreadable(self.files.path_of(stored.stored_as), mime, path.name,
                             lambda local: self.thumbnails.get(stored.sha256, local))
        if problem is not None:
            self.discard_unreferenced([(stored.sha256, stored.stored_as)])
            raise ValidationError([FieldError("file", problem.zh, problem.en)])
        now = self.clock.now()
        with self.db.atomic():
            self._live_case(case_id)
            already = self.store.live_with_sha(case_id, stored.sha256)
            if already is not None:
                raise ValidationError([FieldError(
                    "file",
                    f"此文件已添加到该工单（与证据“{already.title()}”内容相同）：{path}",
                    f"This file is already attached to the case (same content as "
                    f"'{already.title('en')}'): {path}")])
            evidence = self.store.add_file(
                case_id=case_id, category=category, caption=caption, filename=path.name,
                sha256=stored.sha256, mime=mime,
                size=stored.size, stored_as=stored.stored_as, at=now, actor=actor)
            self._trail_added(evidence, now)
        return evidence

    def add_waybill(self, case_id: int, carrier: str, number: str, actor: str, *,
                    caption: str = "") -> Evidence:
        """Attach a waybill number with its carrier (category "waybill")."""
        actor = require_actor(actor)
        caption = clean_caption(caption)
        carrier, number = clean_waybill(carrier, number)
        now = self.clock.now()
        with self.db.atomic():
            self._live_case(case_id)
            if self.store.live_waybill(case_id, carrier, number) is not None:
                raise ValidationError([FieldError(
                    "number", f"该工单已有此运单号：{carrier} {number}",
                    f"This waybill is already on the case: {carrier} {number}")])
            evidence = self.store.add_waybill(case_id=case_id, carrier=carrier, number=number,
                                              caption=caption, at=now, actor=actor)
            self._trail_added(evidence, now)
        return evidence

    def _trail_added(self, evidence: Evidence, now: datetime) -> None:
        data = {"evidence_id": evidence.id, "kind": evidence.kind,
                "category": evidence.category.value, "caption": evidence.caption}
        if evidence.is_file:
            data |= {"filename": evidence.filename, "sha256": evidence.sha256,
                     "mime": evidence.mime, "size": evidence.size}
        else:
            data |= {"carrier": evidence.carrier, "waybill_no": evidence.waybill_no}
        self.events.add(evidence.case_id, now, evidence.added_by, "evidence_added",
                        evidence.title(), data)
        self.cases.update_columns(evidence.case_id, {"last_activity_at": to_utc_iso(now)})
        self.audit_log.record(now, evidence.added_by, "case", evidence.case_id,
                              "evidence_add", f"evidence:{evidence.id}", None,
                              evidence.sha256 or evidence.title())

    # --- changing ------------------------------------------------------------
    def set_caption(self, evidence_id: int, caption: str, actor: str) -> Evidence:
        """Change the caption (audited; no timeline line)."""
        actor = require_actor(actor)
        caption = clean_caption(caption)
        with self.db.atomic():
            evidence = self._live(evidence_id)
            if evidence.caption == caption:
                return evidence
            self.store.set_fields(evidence_id, {"caption": caption})
            self.audit_log.record(self.clock.now(), actor, "case", evidence.case_id,
                                  "evidence_caption", f"evidence:{evidence_id}",
                                  evidence.caption, caption)
        return self.store.get(evidence_id)

    def set_category(self, evidence_id: int, category: EvidenceCategory,
                     actor: str) -> Evidence:
        """Say what a file shows (audited). A waybill stays a waybill."""
        actor = require_actor(actor)
        category = EvidenceCategory(category)
        with self.db.atomic():
            evidence = self._live(evidence_id)
            if evidence.category == category:
                return evidence
            if not evidence.is_file:
                raise ValidationError([FieldError("category", "运单号的类别不能更改",
                                                  "A waybill's category cannot change")])
            if not category_fits(category, evidence.mime or ""):
                raise ValidationError([misfit_error(category, evidence.filename or "")])
            self.store.set_fields(evidence_id, {"category": category.value})
            self.audit_log.record(self.clock.now(), actor, "case", evidence.case_id,
                                  "evidence_category", f"evidence:{evidence_id}",
                                  evidence.category.value, category.value)
        return self.store.get(evidence_id)

    def remove(self, evidence_id: int, actor: str, reason: str = "") -> Evidence:
        """Soft removal: hidden from lists, kept with who/when/why; the file stays."""
        actor = require_actor(actor)
        reason = (reason or "").strip()
        now = self.clock.now()
        with self.db.atomic():
            evidence = self._live(evidence_id)
            self.store.mark_removed(evidence_id, now, actor, reason)
            self.events.add(evidence.case_id, now, actor, "evidence_removed",
                            evidence.title(), {"evidence_id": evidence_id,
                                               "kind": evidence.kind,
                                               "category": evidence.category.value,
                                               "reason": reason})
            self.cases.update_columns(evidence.case_id, {"last_activity_at": to_utc_iso(now)})
            self.audit_log.record(now, actor, "case", evidence.case_id, "evidence_remove",
                                  f"evidence:{evidence_id}", evidence.title(), reason or None)
        return self.store.get(evidence_id)

    def stored_files_of(self, case_ids: Sequence[int]) -> list[tuple[str, str]]:
        """(sha256, stored_as) of the file evidence of these cases, removed rows included."""
        found: set[tuple[str, str]] = set()
        for chunk, marks in in_batches(list(case_ids)):
            found.update((r[0], r[1]) for r in self.db.execute(
                "SELECT sha256, stored_as FROM evidence WHERE kind = 'file' AND "
                f"sha256 IS NOT NULL AND case_id IN ({marks})", chunk).fetchall())
        return sorted(found)

    def discard_unreferenced(self, files: Sequence[tuple[str, str]]) -> int:
        """Delete the bytes (and thumbnails) of these files where no evidence row refers
        to them any more, e.g. after cases were purged; returns how many went. Called
        after the purge committed: a crash in between leaves unused bytes, never a row
        without its file."""
        gone = 0
        for sha256, stored_as in files:
            if self.db.execute("SELECT 1 FROM evidence WHERE sha256 = ? LIMIT 1",
                               [sha256]).fetchone():
                continue  # another case holds the same bytes
            with self.db.atomic():
                self.files.discard(sha256, stored_as)
            self.thumbnails.path_for(sha256).unlink(missing_ok=True)
            gone += 1
        return gone

    # --- reading -------------------------------------------------------------
    def get(self, evidence_id: int) -> Evidence:
        return self.store.get(evidence_id)

    def for_case(self, case_id: int, *, include_removed: bool = False) -> list[Evidence]:
        """The case's evidence, oldest first (removed ones only when asked)."""
        return self.store.for_case(case_id, include_removed=include_removed)

    def for_cases(self, case_ids: list[int]) -> dict[int, list[Evidence]]:
        """Live evidence of many cases in one go (batch summaries)."""
        return self.store.for_cases(case_ids)

    def file_path(self, evidence: Evidence) -> Path | None:
        """Where the bytes are in the content store (None for a waybill). May not exist:
        check `.exists()` before reading; a deleted or lost file is shown as missing."""
        if not evidence.is_file or not evidence.stored_as:
            return None
        path = self.files.path_of(evidence.stored_as)
        if not path.exists() and evidence.sha256:
            # The same bytes may sit under another suffix (restored folder, older copy).
            return self.files.find(evidence.sha256) or path
        return path

    def safe_to_open(self, evidence: Evidence) -> bool:
        """Whether the stored file may be handed to the system's default program: its
        bytes must prove a document or media type (domain.evidence.safe_to_open)."""
        path = self.file_path(evidence)
        if path is None or not path.is_file():
            return False
        with path.open("rb") as fh:
            return safe_to_open(fh.read(64))

    def file_exists(self, evidence: Evidence) -> bool:
        path = self.file_path(evidence)
        return path is not None and path.is_file()

    def checklist(self, case_id: int) -> list[ChecklistItem]:
        """What the platform will ask for, given the case's cause, each with `satisfied`.

        Raises ChecklistError (naming the file and key) when a checklist file is broken.
        """
        case = self.cases.get(case_id, include_deleted=True)
        requirements = self.checklists.requirements(case.cause)
        return checklist_status(requirements, self.store.for_case(case_id))

    def missing(self, case_id: int) -> list[ChecklistItem]:
        """The checklist lines the case does not satisfy yet."""
        return [item for item in self.checklist(case_id) if not item.satisfied]

    # --- helpers -------------------------------------------------------------
    def _live_case(self, case_id: int) -> None:
        try:
            self.cases.get(case_id)
        except NotFoundError:
            raise ValidationError([FieldError("case", f"找不到工单（编号 {case_id}）或已在回收站",
                                              f"No such case (id {case_id}), or it is in "
                                              "the trash")]) from None

    def _live(self, evidence_id: int) -> Evidence:
        """Evidence that may still change: not removed, on a case not in the trash (a
        trashed case is read-only, its evidence too, as for notes and promises)."""
        evidence = self.store.get(evidence_id)
        if evidence.is_removed:
            raise ValidationError([FieldError("evidence", "该证据已被移除",
                                              "This evidence was removed")])
        self._live_case(evidence.case_id)
        return evidence
