"""The malicious-buyer list (差评师 / 恶意买家名单): add, list, remove, share as CSV.

The list holds personal data (nicknames, phone numbers, address fragments): it is for the
shop's own stores only. Phones and addresses are stored in full so they can match, and
shown masked. Adding an entry re-judges the open cases it matches, so the `blacklisted`
warning shows at once; new cases, imports and edits are judged when written.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..domain.blacklist import MIN_ADDRESS_FRAGMENT, BlacklistEntry, first_match, matches
from ..domain.case import Case
from ..domain.clock import Clock, to_utc_iso
from ..domain.enums import Cause, Platform
from ..domain.errors import FieldError, NotFoundError, ShopDeskError, ValidationError
from ..domain.masking import is_valid_phone, normalise_phone
from ..storage.audit import AuditStore
from ..storage.blacklist import BlacklistStore
from ..storage.database import Database
from .actor import require_actor
from .warnings import WarningService

CSV_HEADER = ("platform", "buyer_nick", "phone", "address", "reason", "case_no", "added_by",
              "added_at")


class BlacklistService:
    def __init__(self, db: Database, clock: Clock, warnings: WarningService) -> None:
        self.db = db
        self.clock = clock
        self.store = BlacklistStore(db)
        self.audit = AuditStore(db)
        self.warnings = warnings

    def entries(self) -> list[BlacklistEntry]:
        return self.store.all()

    def add(self, *, platform: str, buyer_nick: str, reason: str, actor: str, phone: str = "",
            address: str = "", case_no: str = "") -> BlacklistEntry:
        """Add a buyer; ValidationError names the field at fault."""
        actor = require_actor(actor)
        entry = self._validated(platform, buyer_nick, reason, phone, address, case_no, actor)
        now = self.clock.now()
        with self.db.atomic():
            listed = _listed_as(entry, self.store.all())
            if listed is not None:
                # The same buyer again counted twice ("5 buyers" for 3) and warned twice.
                raise ValidationError([FieldError(
                    "buyer", f"该买家已在名单中（#{listed.id}，原因：{listed.reason}）",
                    f"This buyer is already listed (#{listed.id}, reason: {listed.reason})")])
            entry_id = self.store.add(entry, now)
            self.audit.record(now, actor, "blacklist", entry_id, "add", None, None,
                              f"{entry.platform}:{entry.buyer_nick}")
            self.warnings.evaluate(self._matching_open_cases(entry), siblings=False)
        return self.store.get(entry_id)

    # --- the malicious_reviewer cause offers its buyer (never added silently) -------
    def offer_for(self, case: Case, previous_cause: Cause | None = None) -> bool:
        """Should the window offer to list this case's buyer? When the case has just been
        given the `malicious_reviewer` cause, names a buyer, and the buyer is not listed."""
        if case.cause != Cause.MALICIOUS_REVIEWER or previous_cause == Cause.MALICIOUS_REVIEWER:
            return False
        if not case.buyer_nick.strip() and not case.buyer_phone.strip():
            return False
        return first_match(self.store.all(), platform=case.platform.value,
                           buyer_nick=case.buyer_nick, phone=case.buyer_phone,
                           address=case.buyer_address) is None

    def add_from_case(self, case: Case, actor: str, reason: str = "") -> BlacklistEntry:
        """List the case's buyer (platform, nickname, phone) with the case as evidence;
        what the user confirmed when offered."""
        reason = reason.strip() or f"差评师（工单 {case.case_no}）"
        return self.add(platform=case.platform.value, buyer_nick=case.buyer_nick,
                        reason=reason, actor=actor, phone=case.buyer_phone,
                        case_no=case.case_no)

    def _validated(self, platform: str, nick: str, reason: str, phone: str, address: str,
                   case_no: str, actor: str) -> BlacklistEntry:
        errors: list[FieldError] = []
        try:
            plat = Platform.parse(platform).value
        except ValueError:
            keys = ", ".join(p.value for p in Platform)
            errors.append(FieldError("platform", f"未知的平台：{platform}（可选：{keys}）",
                                     f"unknown platform: {platform} (one of: {keys})"))
            plat = ""
        nick, reason, phone, address = (nick.strip(), reason.strip(), phone.strip(),
                                        address.strip())
        if not nick and not phone:
            errors.append(FieldError("buyer", "买家昵称和手机号至少填一个",
                                     "Give the buyer's nickname or phone"))
        if not reason:
            errors.append(FieldError("reason", "请填写原因", "The reason is required"))
        if phone and not is_valid_phone(phone):
            errors.append(FieldError("phone", "手机号格式不正确（如 13812345678）",
                                     "Malformed phone number (e.g. 13812345678)"))
        if address and len(address.replace(" ", "")) < MIN_ADDRESS_FRAGMENT:
            # A fragment this short never matches (matches() ignores it) yet looks listed.
            errors.append(FieldError(
                "address", f"地址：至少填 {MIN_ADDRESS_FRAGMENT} 个字（“{address}”太短，"
                           "会误伤无关买家，所以不会用来匹配）",
                f"Address: give {MIN_ADDRESS_FRAGMENT} characters or more (“{address}” is "
                "too short to tell buyers apart, so it would never be matched)"))
        case_no = case_no.strip()
        if case_no:
            try:
                case_no = self._live_case_no(case_no)
            except ShopDeskError as exc:
                errors.append(FieldError("case", exc.zh, exc.en))
        if errors:
            raise ValidationError(errors)
        return BlacklistEntry(id=0, platform=plat, buyer_nick=nick, reason=reason,
                              phone=normalise_phone(phone) if phone else "", address=address,
                              case_no=case_no, added_by=actor)

    def _live_case_no(self, text: str) -> str:
        """The case number as stored, for a case in the register and not in the trash: the
        entry's evidence must be a case someone can open."""
        from ..domain.case_no import normalise_case_no

        try:
            number = normalise_case_no(text)
        except ValueError:
            number = text
        row = self.db.execute("SELECT case_no, deleted_at FROM cases WHERE case_no = ?",
                              [number]).fetchone()
        if row is None:
            raise ShopDeskError(f"案件号：登记簿里没有案件 {text}",
                                f"Case: no case {text} in the register")
        if row[1]:
            raise ShopDeskError(f"案件号：{row[0]} 在回收站里，请先恢复",
                                f"Case: {row[0]} is in the trash; restore it first")
        return str(row[0])

    def _matching_open_cases(self, entry: BlacklistEntry) -> list[int]:
        rows = self.db.execute(
            "SELECT id, platform, buyer_nick, buyer_phone, buyer_address FROM cases "
            "WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed') "
            "AND (buyer_nick = ? OR (? != '' AND buyer_phone = ?) OR ? != '')",
            [entry.buyer_nick, entry.phone, entry.phone, entry.address]).fetchall()
        return [r[0] for r in rows if matches(entry, platform=r[1], buyer_nick=r[2],
                                              phone=r[3], address=r[4])]

    def remove(self, entry_id: int, actor: str) -> BlacklistEntry:
        actor = require_actor(actor)
        now = self.clock.now()
        with self.db.atomic():
            try:
                entry = self.store.get(entry_id)
            except NotFoundError:
                raise ShopDeskError(f"名单中没有编号 {entry_id}",
                                    f"No list entry with id {entry_id}") from None
            self.store.remove(entry_id)
            self.audit.record(now, actor, "blacklist", entry_id, "remove", None,
                              f"{entry.platform}:{entry.buyer_nick}", None)
            # Their `blacklisted` warning ends with the entry (another entry may keep it).
            self.warnings.evaluate(self._matching_open_cases(entry), siblings=False)
        return entry

    def export_csv(self, path: Path) -> int:
        """Write the list (full values: it is for the shop's own stores). Returns rows."""
        entries = self.store.all()
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(CSV_HEADER)
            for e in entries:
                writer.writerow([e.platform, e.buyer_nick, e.phone, e.address, e.reason,
                                 e.case_no, e.added_by,
                                 to_utc_iso(e.added_at) if e.added_at else ""])
        return len(entries)

    def import_csv(self, path: Path, actor: str) -> tuple[int, int]:
        """Add the file's entries not already listed; returns (added, already there).
        A bad row refuses the whole file, naming the row and field."""
        actor = require_actor(actor)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ShopDeskError(f"无法读取 {path}：{exc}", f"cannot read {path}: {exc}") from None
        reader = csv.DictReader(io.StringIO(text))
        missing = {"platform", "buyer_nick", "reason"} - set(reader.fieldnames or ())
        if missing:
            raise ShopDeskError(f"缺少列：{', '.join(sorted(missing))}",
                                f"missing columns: {', '.join(sorted(missing))}")
        have = {(e.platform, e.buyer_nick.casefold(), e.phone) for e in self.store.all()}
        added = skipped = 0
        with self.db.atomic():
            for number, row in enumerate(reader, start=2):
                try:
                    entry = self._validated(row.get("platform") or "",
                                            row.get("buyer_nick") or "",
                                            row.get("reason") or "", row.get("phone") or "",
                                            row.get("address") or "", row.get("case_no") or "",
                                            actor)
                except ValidationError as exc:
                    raise ShopDeskError(f"第{number}行：{exc.message('zh')}",
                                        f"row {number}: {exc.message('en')}") from None
                key = (entry.platform, entry.buyer_nick.casefold(), entry.phone)
                if key in have:
                    skipped += 1
                    continue
                have.add(key)
                self.add(platform=entry.platform, buyer_nick=entry.buyer_nick,
                         reason=entry.reason, actor=actor, phone=entry.phone,
                         address=entry.address, case_no=entry.case_no)
                added += 1
        return added, skipped


def _listed_as(entry: BlacklistEntry, entries: list[BlacklistEntry]) -> BlacklistEntry | None:
    """The entry already listing this buyer: the same platform and nickname (the new entry
    adds no other phone), or, without a nickname, the same phone."""
    nick = entry.buyer_nick.casefold()
    for listed in entries:
        if nick and listed.platform == entry.platform \
                and listed.buyer_nick.casefold() == nick \
                and (not entry.phone or entry.phone == listed.phone):
            return listed
        if not nick and entry.phone and entry.phone == listed.phone:
            return listed
    return None
