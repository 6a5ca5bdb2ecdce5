"""Staff: the list, who is at the keyboard, and staff PINs.

PIN decisions (see also the README):
- A staff member with a PIN must give it to start a shift, acknowledge a hand-off or
  become the operator in the window, also when the window opens with them remembered as
  the operator from the last session (it then starts with nobody chosen). Wrong PINs are
  refused, audited, and after MAX_WRONG tries within LOCK_WINDOW the name is locked until
  the window passes.
- A forgotten PIN is reset (removed without it) by anyone, with a reason, audited: the PIN
  keeps colleagues from acting under each other's names by mistake, it is not a lock the
  shop owner can be shut out by.

Who is at the keyboard (the operator) belongs to the PC, not to the register: it is kept in
the data folder's `operator.json` (DataPaths.operator_file), for the local register and a
team register alike. A team register is shared by every PC, so keeping it there made one
PC's choice the other PCs' operator too (notes recorded under the wrong name, a PIN-holder's
name used without the PIN). Versions before kept it in the register's settings
(CURRENT_OPERATOR_KEY); a local register's value is read once, when the file is missing, so
an upgraded install keeps its operator. A team register's is not: it is whoever chose last
on any PC.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from ..domain.clock import SHOP_TZ_DEFAULT, Clock, local
from ..domain.errors import FieldError, ValidationError
from ..domain.files import temp_beside
from ..domain.pins import (
    LOCK_WINDOW,
    MAX_WRONG,
    check_pin,
    hash_pin,
    needs_rehash,
    validate_pin,
)
from ..storage.audit import AuditStore
from ..storage.database import Database
from ..storage.settings import SettingsStore
from ..storage.staff import StaffMember, StaffStore
from .actor import require_actor

# Where earlier versions kept the operator, in the register's settings; only read now, once,
# to carry a local register's operator over into its PC's file.
CURRENT_OPERATOR_KEY = "current_operator"
MAX_NAME = 32
MAX_REASON = 200


class PinError(ValidationError):
    """A PIN was needed and missing, wrong, or the name is locked (field 'pin')."""

    def __init__(self, zh: str, en: str, *, missing: bool = False,
                 field: str = "pin") -> None:
        super().__init__([FieldError(field, zh, en)])
        self.missing = missing


def read_operator_file(path: Path) -> str | None:
    """The name kept in a PC's operator file; None when there is no file yet. A file that
    cannot be read or parsed counts as nobody chosen: the window then asks, which is safe,
    where guessing a name would record changes under it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return ""
    try:
        data = json.loads(text)
    except ValueError:
        return ""
    name = data.get("operator") if isinstance(data, dict) else None
    return name.strip() if isinstance(name, str) else ""


def write_operator_file(path: Path, name: str) -> None:
    """Keep `name` as this PC's operator: written beside and moved into place, so the
    window and a command on the same PC never read half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_beside(path)
    try:
        tmp.write_text(json.dumps({"operator": name}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class StaffService:
    """register.staff: staff members, this PC's current operator and their PINs."""

    def __init__(self, db: Database, clock: Clock, settings: SettingsStore | None = None, *,
                 operator_file: Path, legacy_operator: bool = False,
                 shop_tz: str = SHOP_TZ_DEFAULT) -> None:
        """`operator_file`: this PC's operator (DataPaths.operator_file). `legacy_operator`:
        with no file yet, take the operator an older version kept in the register's
        settings (True for the local register only; see the module's docstring)."""
        self.db = db
        self.clock = clock
        self.shop_tz = shop_tz
        self.operator_file = operator_file
        self.legacy_operator = legacy_operator
        self.store = StaffStore(db)
        self.settings = settings if settings is not None else SettingsStore(db)
        self.audit = AuditStore(db)

    # --- the list --------------------------------------------------------------
    def list(self, *, include_inactive: bool = False) -> list[StaffMember]:
        return self.store.all(include_inactive=include_inactive)

    def add(self, name: str, actor: str) -> StaffMember:
        """Add a staff member; names are unique and 1-32 characters."""
        name = name.strip()
        if not name or len(name) > MAX_NAME:
            raise ValidationError([FieldError("name", "姓名需为1-32个字符",
                                              "Name must be 1-32 characters")])
        existing = self.store.by_name(name)
        with self.db.atomic():
            if existing:
                if existing.active:
                    raise ValidationError([FieldError("name", f"已有同名员工：{name}",
                                                      f"A staff member named {name} exists")])
                self.store.set_active(existing.id, True)
                member = StaffMember(existing.id, name, True)
            else:
                member = self.store.add(name, self.clock.now())
            self.audit.record(self.clock.now(), actor or name, "staff", member.id, "create",
                              "name", None, name)
        return member

    def deactivate(self, staff_id: int, actor: str) -> None:
        """Hide from the picker; history keeps the name."""
        with self.db.atomic():
            self.store.set_active(staff_id, False)
            self.audit.record(self.clock.now(), actor, "staff", staff_id, "deactivate")

    def member(self, name: str, field: str = "staff") -> StaffMember:
        """The active staff member called `name`; ValidationError naming `field` if none."""
        member = self.store.by_name(name)
        if member is None or not member.active:
            raise ValidationError([FieldError(field, f"没有这个员工：{name}",
                                              f"No such staff member: {name}")])
        return member

    # --- who is at the keyboard --------------------------------------------------

    def deactivate_named(self, name: str, actor: str) -> StaffMember:
        """Deactivate the staff member called `name` (what `staff deactivate NAME` does);
        an unknown or already inactive name is refused naming the field "name"."""
        member = self.store.by_name(name.strip())
        if member is None:
            raise ValidationError([FieldError("name", f"没有这个员工：{name}",
                                              f"No such staff member: {name}")])
        if not member.active:
            raise ValidationError([FieldError("name", f"员工已停用：{name}",
                                              f"{name} is already inactive")])
        self.deactivate(member.id, actor)
        return StaffMember(member.id, member.name, False)

    def require_active(self, name: str, field: str = "assignee") -> str:
        """`name` stripped, if it is an active staff member; else ValidationError naming
        `field` (a case is handed only to someone who can pick themselves as operator)."""
        name = name.strip()
        member = self.store.by_name(name) if name else None
        if member is None:
            raise ValidationError([FieldError(field, f"没有这个员工：{name}",
                                              f"No such staff member: {name}")])
        if not member.active:
            raise ValidationError([FieldError(field, f"员工已停用：{name}",
                                              f"{name} is no longer active (deactivated)")])
        return name

    def current_operator(self) -> str:
        """The operator last chosen on this PC ('' if none yet, or no longer active)."""
        name = self._stored_operator()
        member = self.store.by_name(name) if name else None
        return name if member and member.active else ""

    def set_current_operator(self, name: str) -> None:
        """Make `name` this PC's operator (other PCs on a team register keep theirs)."""
        if not self.store.by_name(name):
            raise ValidationError([FieldError("operator", f"没有这个员工：{name}",
                                              f"No such staff member: {name}")])
        self._keep_operator(name)

    def forget_operator_with_pin(self) -> str | None:
        """At the window's start: when the operator remembered on this PC from the last
        session has a PIN, forget them, so the window starts with nobody chosen and choosing
        them asks for it (else opening the app would act as them without it). Returns that
        name. Other PCs' operators are theirs: untouched."""
        name = self._stored_operator()
        if not name or not self.has_pin(name):
            return None
        self._keep_operator("")
        return name

    def _stored_operator(self) -> str:
        """The name in this PC's file, unchecked against the staff list."""
        name = read_operator_file(self.operator_file)
        if name is not None:
            return name
        if not self.legacy_operator:
            return ""
        legacy = self.settings.get(CURRENT_OPERATOR_KEY, "")
        name = legacy.strip() if isinstance(legacy, str) else ""
        # Written to the file at once, so the old setting is read this once only; a folder
        # that refuses the write still gets the name for now and is tried again next time.
        with contextlib.suppress(OSError):
            write_operator_file(self.operator_file, name)
        return name

    def _keep_operator(self, name: str) -> None:
        try:
            write_operator_file(self.operator_file, name)
        except OSError as exc:
            # A ValidationError, so the picker goes back to who it was instead of crashing.
            raise ValidationError([FieldError(
                "operator", f"无法保存操作人（{self.operator_file}）：{exc.strerror or exc}",
                f"Could not save the operator ({self.operator_file}): "
                f"{exc.strerror or exc}")]) from exc

    # --- PINs --------------------------------------------------------------------
    def has_pin(self, staff: str) -> bool:
        member = self.store.by_name((staff or "").strip())
        return member is not None and self.store.pin_hash(member.id) is not None

    def staff_with_pins(self) -> set[str]:
        ids = self.store.staff_with_pins()
        return {m.name for m in self.store.all(include_inactive=True) if m.id in ids}

    def set_pin(self, staff: str, pin: str, actor: str, *, old_pin: str | None = None) -> None:
        """Set or change a staff member's PIN; changing one needs the current PIN."""
        actor = require_actor(actor)
        member = self.member(require_actor(staff, "staff"))
        errors = validate_pin(pin)
        if errors:
            raise ValidationError(errors)
        changing = self.store.pin_hash(member.id) is not None
        if changing:
            self.verify_pin(member.name, old_pin, purpose="pin_change", field="old_pin")
        now = self.clock.now()
        with self.db.atomic():
            self.store.set_pin_hash(member.id, hash_pin(pin), now, actor)
            # The audit says that it changed, never the digits or the hash.
            self.audit.record(now, actor, "staff", member.id,
                              "pin_changed" if changing else "pin_set", "pin")

    def clear_pin(self, staff: str, actor: str, *, old_pin: str | None = None) -> None:
        """Remove a staff member's PIN (the current PIN is needed)."""
        actor = require_actor(actor)
        member = self.member(require_actor(staff, "staff"))
        if self.store.pin_hash(member.id) is None:
            return
        self.verify_pin(member.name, old_pin, purpose="pin_clear", field="old_pin")
        now = self.clock.now()
        with self.db.atomic():
            self.store.clear_pin(member.id)
            self.audit.record(now, actor, "staff", member.id, "pin_cleared", "pin")

    def reset_pin(self, staff: str, actor: str, reason: str) -> None:
        """Remove a forgotten PIN without it. Anyone at the keyboard may (a solo owner
        locked out of their own register is worse than what a 4-digit PIN on a local file
        guards against), but only with a reason, and the audit trail keeps who, when and
        why; the person can set a new PIN at once."""
        actor = require_actor(actor)
        member = self.member(require_actor(staff, "staff"))
        reason = " ".join((reason or "").split())
        if not reason:
            raise ValidationError([FieldError("reason", "请写明为什么重置 PIN",
                                              "Say why the PIN is reset")])
        if len(reason) > MAX_REASON:
            raise ValidationError([FieldError(
                "reason", f"原因不能超过 {MAX_REASON} 字",
                f"The reason is longer than {MAX_REASON} characters")])
        if self.store.pin_hash(member.id) is None:
            raise ValidationError([FieldError("staff", f"{member.name} 没有设置 PIN",
                                              f"{member.name} has no PIN")])
        now = self.clock.now()
        with self.db.atomic():
            self.store.clear_pin(member.id)
            self.audit.record(now, actor, "staff", member.id, "pin_reset", "pin", None,
                              reason)

    def verify_pin(self, staff: str, pin: str | None, *, purpose: str = "operator",
                   field: str = "pin") -> None:
        """Pass when `staff` has no PIN or `pin` matches; otherwise PinError. A wrong PIN
        is audited (who, what for); too many lock the name for a while.

        The slow hash is computed outside any transaction; the decision (locked? record a
        wrong try? accept?) is taken inside one write transaction that re-reads the wrong
        tries, so parallel attempts cannot all pass the lockout check before any of them
        is recorded (30 parallel tries once evaluated 26 wrong PINs, then took the right
        one)."""
        member = self.store.by_name((staff or "").strip())
        if member is None:
            return
        stored = self.store.pin_hash(member.id)
        if stored is None:
            return
        # A cheap early refusal, so a locked name does not cost a hash per try.
        self._refuse_if_locked(member, field)
        pin = (pin or "").strip()
        if not pin:
            raise PinError(f"{member.name} 设置了 PIN，请输入 4 位 PIN",
                           f"{member.name} has a PIN: enter the 4 digits", missing=True,
                           field=field)
        right = check_pin(pin, stored)
        rehashed = hash_pin(pin) if right and needs_rehash(stored) else None
        with self.db.atomic():
            # Take the write lock before reading, so the count below is the latest one and
            # nobody records a try between our read and our write.
            self.store.claim_pin_row(member.id)
            self._refuse_if_locked(member, field)
            if not right:
                self.audit.record(self.clock.now(), member.name, "staff", member.id,
                                  "pin_refused", "pin", None, purpose)
            elif rehashed is not None and self.store.pin_hash(member.id) == stored:
                # Raise an old hash to today's cost now that we know the PIN.
                self.store.replace_pin_hash(member.id, rehashed)
        if not right:
            raise PinError(f"{member.name} 的 PIN 不正确", f"Wrong PIN for {member.name}",
                           field=field)

    def _refuse_if_locked(self, member: StaffMember, field: str) -> None:
        now = self.clock.now()
        # Wrong tries against an earlier PIN do not lock a new one (a reset, then a new PIN).
        set_at = self.store.pin_set_at(member.id)
        recent = [at for at in self.store.pin_refusals_since(member.id, now - LOCK_WINDOW)
                  if set_at is None or at >= set_at]
        if len(recent) >= MAX_WRONG:
            until = local(recent[-MAX_WRONG] + LOCK_WINDOW, self.shop_tz).strftime("%H:%M")
            raise PinError(f"{member.name} 的 PIN 错误次数过多，请在 {until} 后再试",
                           f"Too many wrong PINs for {member.name}: try again after {until}",
                           field=field)
