"""Named column-mapping profiles: a user's mapping for a file no preset knows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.clock import Clock
from ..domain.errors import FieldError, NotFoundError, ValidationError
from ..importers import ColumnMapping, MappingError
from ..storage.database import Database
from ..storage.import_profiles import ProfileStore

MAX_NAME = 64


@dataclass(frozen=True)
class ProfileInfo:
    name: str
    record_type: str
    platform: str
    created_at: datetime


class ProfileService:
    """Save / load / list / delete ColumnMapping profiles (the import_profiles table)."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.store = ProfileStore(db)

    def save(self, name: str, mapping: ColumnMapping) -> ColumnMapping:
        """Store `mapping` under `name` (replacing a profile of that name)."""
        name = (name or "").strip()
        if not name or len(name) > MAX_NAME:
            raise ValidationError([FieldError(
                "name", f"方案名称不能为空，最多{MAX_NAME}字",
                f"A profile needs a name of at most {MAX_NAME} characters")])
        mapping.check()
        data = mapping.to_dict()
        data["name"] = name
        with self.db.atomic():
            self.store.save(name, data, self.clock.now())
        return ColumnMapping.from_dict(data)

    def load(self, name: str) -> ColumnMapping:
        """The saved mapping; NotFoundError when there is none, MappingError if damaged."""
        found = self.store.get(name)
        if found is None:
            raise NotFoundError(f"import profile {name!r}")
        try:
            return ColumnMapping.from_dict(found.mapping)
        except MappingError:
            raise
        except (TypeError, ValueError) as exc:  # hand-edited JSON of the wrong shape
            raise MappingError(f"方案 {name} 已损坏：{exc}", f"Profile {name} is damaged: {exc}")\
                from None

    def list(self) -> list[ProfileInfo]:
        return [ProfileInfo(p.name, str(p.mapping.get("record_type", "")),
                            str(p.mapping.get("platform", "")), p.created_at)
                for p in self.store.all()]

    def names(self) -> list[str]:
        return [p.name for p in self.store.all()]

    def delete(self, name: str) -> bool:
        with self.db.atomic():
            return self.store.delete(name)
