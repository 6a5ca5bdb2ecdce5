"""What the case form remembers between cases: the last platform and shop, known shops."""

from __future__ import annotations

from ..domain.enums import Platform
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.settings import SettingsStore

LAST_PLATFORM_KEY = "form.last_platform"
LAST_SHOP_KEY = "form.last_shop"


class FormMemory:
    """register.form_memory: kept in the register's settings, so each register (and each
    test) has its own."""

    def __init__(self, db: Database, settings: SettingsStore, cases: CaseStore) -> None:
        self.db = db
        self.settings = settings
        self.cases = cases

    def last_platform(self) -> Platform | None:
        value = self.settings.get(LAST_PLATFORM_KEY, "")
        try:
            return Platform(value) if value else None
        except ValueError:
            return None  # a key from an older or newer version: ignore it

    def last_shop(self, platform: Platform | None = None) -> str:
        """The shop last used on `platform` (a seller with a Taobao and a Pinduoduo shop
        gets the right one when switching); without one, the last shop on any."""
        if platform is not None:
            value = self.settings.get(f"{LAST_SHOP_KEY}.{platform.value}", None)
            if value is not None:
                return str(value or "")
            # Remembered before shops were kept per platform: only if it was this one's.
            if self.last_platform() is not platform:
                return ""
        return str(self.settings.get(LAST_SHOP_KEY, "") or "")

    def remember(self, platform: Platform, shop: str) -> None:
        with self.db.atomic():
            self.settings.set(LAST_PLATFORM_KEY, platform.value)
            self.settings.set(LAST_SHOP_KEY, shop.strip())
            self.settings.set(f"{LAST_SHOP_KEY}.{platform.value}", shop.strip())

    def known_shops(self, limit: int = 50) -> list[str]:
        """Shop names used on live cases, most recently used first (for the completer)."""
        return self.cases.known_shops(limit)
