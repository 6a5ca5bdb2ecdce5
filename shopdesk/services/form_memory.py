"""What the case form remembers between cases: the last platform and shop, known shops."""

from __future__ import annotations

from ..domain.enums import Platform
from .register import Register

LAST_PLATFORM_KEY = "form.last_platform"
LAST_SHOP_KEY = "form.last_shop"


class FormMemory:
    """Kept in the register's settings, so each register (and each test) has its own."""

    def __init__(self, register: Register) -> None:
        self.register = register

    def last_platform(self) -> Platform | None:
        value = self.register.settings.get(LAST_PLATFORM_KEY, "")
        try:
            return Platform(value) if value else None
        except ValueError:
            return None  # a key from an older or newer version: ignore it

    def last_shop(self) -> str:
        return str(self.register.settings.get(LAST_SHOP_KEY, "") or "")

    def remember(self, platform: Platform, shop: str) -> None:
        with self.register.db.atomic():
            self.register.settings.set(LAST_PLATFORM_KEY, platform.value)
            self.register.settings.set(LAST_SHOP_KEY, shop.strip())

    def known_shops(self, limit: int = 50) -> list[str]:
        """Shop names used on live cases, most recently used first (for the completer)."""
        return self.register.cases.store.known_shops(limit)
