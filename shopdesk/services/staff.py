"""Staff list and who is at the keyboard."""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.clock import Clock
from ..domain.errors import FieldError, ValidationError
from ..storage.audit import AuditStore
from ..storage.settings import SettingsStore
from ..storage.staff import StaffMember, StaffStore

CURRENT_OPERATOR_KEY = "current_operator"


class StaffService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.store = StaffStore(db)
        self.settings = SettingsStore(db)
        self.audit = AuditStore(db)

    def list(self, *, include_inactive: bool = False) -> list[StaffMember]:
        return self.store.all(include_inactive=include_inactive)

    def add(self, name: str, actor: str) -> StaffMember:
        """Add a staff member; names are unique and 1-32 characters."""
        name = name.strip()
        if not name or len(name) > 32:
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
        """The last operator chosen on this register ('' if none yet)."""
        name = self.settings.get(CURRENT_OPERATOR_KEY, "")
        member = self.store.by_name(name) if name else None
        return name if member and member.active else ""

    def set_current_operator(self, name: str) -> None:
        if not self.store.by_name(name):
            raise ValidationError([FieldError("operator", f"没有这个员工：{name}",
                                              f"No such staff member: {name}")])
        with self.db.atomic():
            self.settings.set(CURRENT_OPERATOR_KEY, name)
