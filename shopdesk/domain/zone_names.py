"""A time zone as a person reads it: "东京时间" / "Tokyo time", or nothing at all when it is
the shop's own zone (every time in the window is shop time unless it says otherwise)."""

from __future__ import annotations

from .text import is_english

ZONE_NAMES_ZH = {
    "Asia/Shanghai": "北京时间", "Asia/Chongqing": "北京时间", "Asia/Urumqi": "乌鲁木齐时间",
    "Asia/Hong_Kong": "香港时间", "Asia/Macau": "澳门时间", "Asia/Taipei": "台北时间",
    "Asia/Tokyo": "东京时间", "Asia/Seoul": "首尔时间", "Asia/Singapore": "新加坡时间",
    "Asia/Kuala_Lumpur": "吉隆坡时间", "Asia/Bangkok": "曼谷时间", "Asia/Jakarta": "雅加达时间",
    "Asia/Manila": "马尼拉时间", "Asia/Ho_Chi_Minh": "胡志明市时间", "Asia/Dubai": "迪拜时间",
    "Asia/Kolkata": "印度时间", "Europe/London": "伦敦时间", "Europe/Paris": "巴黎时间",
    "Europe/Berlin": "柏林时间", "Europe/Madrid": "马德里时间", "Europe/Moscow": "莫斯科时间",
    "America/New_York": "纽约时间", "America/Chicago": "芝加哥时间",
    "America/Denver": "丹佛时间", "America/Los_Angeles": "洛杉矶时间",
    "America/Sao_Paulo": "圣保罗时间", "Australia/Sydney": "悉尼时间",
    "Pacific/Auckland": "奥克兰时间", "UTC": "协调世界时",
}
ZONE_NAMES_EN = {"Asia/Shanghai": "Beijing time", "Asia/Chongqing": "Beijing time",
                 "Asia/Kolkata": "India time", "UTC": "UTC"}


def zone_name(tz_name: str, lang: str = "zh") -> str:
    """'东京时间' / 'Tokyo time' for 'Asia/Tokyo'; an unknown zone by its city."""
    city = tz_name.rsplit("/", 1)[-1].replace("_", " ")
    if is_english(lang):
        return ZONE_NAMES_EN.get(tz_name, f"{city} time")
    return ZONE_NAMES_ZH.get(tz_name, f"{city}当地时间")


def zone_suffix(tz_name: str, shop_tz: str, lang: str = "zh") -> str:
    """' (东京时间)' after a time in another zone than the shop's; '' for shop time."""
    if not tz_name or tz_name == shop_tz:
        return ""
    name = zone_name(tz_name, lang)
    return f" ({name})" if is_english(lang) else f"（{name}）"
