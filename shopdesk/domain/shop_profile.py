"""The shop profile: the shop names per platform, the default platform and each shop's
return addresses (one of them the default). It fills {店铺} and {退货地址} in reply scripts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .enums import Platform
from .errors import FieldError, ValidationError

MAX_NAME = 60
MAX_ADDRESS = 200


@dataclass(frozen=True)
class Shop:
    """One shop on one platform; `default_address` indexes `addresses` (-1: none)."""

    platform: Platform
    name: str
    addresses: tuple[str, ...] = ()
    default_address: int = 0

    @property
    def return_address(self) -> str:
        """The default return address ('' when the shop has none)."""
        if not self.addresses:
            return ""
        index = self.default_address if 0 <= self.default_address < len(self.addresses) else 0
        return self.addresses[index]


@dataclass(frozen=True)
class ShopProfile:
    shops: tuple[Shop, ...] = ()
    default_platform: Platform | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def shop_for(self, platform: Platform, name: str = "") -> Shop | None:
        """The shop called `name` on `platform`; with no name (or an unknown one) the first
        shop of that platform."""
        on_platform = [s for s in self.shops if s.platform == platform]
        named = [s for s in on_platform if name and s.name == name.strip()]
        if named:
            return named[0]
        return on_platform[0] if on_platform and not name else None

    def to_dict(self) -> dict[str, Any]:
        return {"default_platform": self.default_platform.value if self.default_platform
                else None,
                "shops": [{"platform": s.platform.value, "name": s.name,
                           "addresses": list(s.addresses),
                           "default_address": s.default_address} for s in self.shops]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ShopProfile:
        """The profile stored in settings; an empty one for nothing or a damaged value."""
        if not isinstance(data, Mapping):
            return cls()
        shops = []
        for raw in data.get("shops") or []:
            try:
                shops.append(Shop(Platform(raw["platform"]), str(raw["name"]),
                                  tuple(str(a) for a in raw.get("addresses") or ()),
                                  int(raw.get("default_address", 0))))
            except (KeyError, TypeError, ValueError):
                continue  # a hand-edited entry that does not parse is left out
        try:
            default = Platform(data["default_platform"]) if data.get("default_platform") \
                else None
        except ValueError:
            default = None
        return cls(tuple(shops), default)


def validate_profile(profile: ShopProfile) -> None:
    """ValidationError naming the shop at fault: empty or too long names and addresses,
    the same shop twice on one platform."""
    errors: list[FieldError] = []
    seen: set[tuple[Platform, str]] = set()
    for n, shop in enumerate(profile.shops, 1):
        name = shop.name.strip()
        where_zh, where_en = f"第{n}个店铺", f"shop {n}"
        if not name or len(name) > MAX_NAME:
            errors.append(FieldError("shop", f"{where_zh}：店铺名不能为空，最多{MAX_NAME}字",
                                     f"{where_en}: a shop name of 1 to {MAX_NAME} characters"))
        if (shop.platform, name) in seen:
            errors.append(FieldError("shop", f"{where_zh}：{shop.platform.label('zh')}上已有"
                                     f"店铺“{name}”",
                                     f"{where_en}: {shop.platform.label('en')} already has "
                                     f"a shop called {name}"))
        seen.add((shop.platform, name))
        for address in shop.addresses:
            if not address.strip() or len(address) > MAX_ADDRESS:
                errors.append(FieldError(
                    "return_address", f"{where_zh}：退货地址不能为空，最多{MAX_ADDRESS}字",
                    f"{where_en}: a return address of 1 to {MAX_ADDRESS} characters"))
        if shop.addresses and not 0 <= shop.default_address < len(shop.addresses):
            errors.append(FieldError("return_address", f"{where_zh}：请选择默认退货地址",
                                     f"{where_en}: choose the default return address"))
    if errors:
        raise ValidationError(errors)
