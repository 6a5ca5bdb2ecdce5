"""The shop profile (Settings → 店铺资料) and the placeholder values it and the register give
every script: {店铺}, {退货地址}, {截止时间} from the case's due time, {上班时间} from the call
policy."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from ..domain.call_policy.model import CallPolicy
from ..domain.case import Case
from ..domain.clock import Clock
from ..domain.opening_hours import deadline_text, next_opening, opening_text
from ..domain.shop_profile import ShopProfile, validate_profile
from ..storage.audit import AuditStore
from ..storage.database import Database
from ..storage.settings import SettingsStore
from .actor import require_actor

PROFILE_KEY = "shop/profile"


class ShopProfileService:
    """Read and save the profile (one settings row, audited) and fill scripts from it."""

    def __init__(self, db: Database, settings: SettingsStore, clock: Clock, *, shop_tz: str,
                 policy: Callable[[], CallPolicy]) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.shop_tz = shop_tz
        self._policy = policy
        self.audit = AuditStore(db)

    def profile(self) -> ShopProfile:
        return ShopProfile.from_dict(self.settings.get(PROFILE_KEY, None))

    def save(self, profile: ShopProfile, actor: str) -> ShopProfile:
        """Store `profile`; ValidationError names the shop at fault."""
        actor = require_actor(actor)
        validate_profile(profile)
        profile = ShopProfile(tuple(s.__class__(s.platform, s.name.strip(),
                                                tuple(a.strip() for a in s.addresses),
                                                s.default_address) for s in profile.shops),
                              profile.default_platform)
        with self.db.atomic():
            old = self.profile()
            self.settings.set(PROFILE_KEY, profile.to_dict())
            self.audit.record(self.clock.now(), actor, "settings", None, "shop_profile",
                              None, str(len(old.shops)), str(len(profile.shops)))
        return profile

    def values_for_case(self, case: Case, lang: str = "zh") -> dict[str, object]:
        """Defaults for the case's scripts; what the user types for the case overrides them."""
        zone = ZoneInfo(self.shop_tz)
        values: dict[str, object] = {}
        shop = self.profile().shop_for(case.platform, case.shop)
        if shop is not None:
            if not case.shop:
                values["shop"] = shop.name
            if shop.return_address:
                values["return_address"] = shop.return_address
        now = self.clock.now().astimezone(zone)
        if case.due_at is not None:
            values["deadline"] = deadline_text(case.due_at.astimezone(zone), now, lang)
        opening = next_opening(self._policy(), now)
        if opening is not None:
            values["opening_time"] = opening_text(opening, now, lang)
        return values
