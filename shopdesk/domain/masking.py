"""Personal data masking (PIPL): show only what the task needs."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\D")
# Mainland mobile: 11 digits starting with 1; an optional +86 / 86 prefix.
_CN_MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
# Anything else we accept: landlines and foreign numbers, 6 to 15 digits, optional +.
_GENERIC_PHONE = re.compile(r"^\+?\d{6,15}$")


def normalise_phone(text: str) -> str:
    """Strip spaces, dashes and brackets; keep a leading +."""
    text = text.strip()
    plus = text.startswith("+")
    digits = _DIGITS.sub("", text)
    return ("+" if plus else "") + digits


def is_valid_phone(text: str) -> bool:
    """A mainland mobile number, or a landline / foreign number of 6-15 digits."""
    phone = normalise_phone(text)
    if _CN_MOBILE.match(phone):
        return True
    if phone.lstrip("+").startswith("1") and len(phone.lstrip("+")) == 11:
        return False  # looks like a mobile number but the second digit is impossible
    return bool(_GENERIC_PHONE.match(phone)) and len(text.strip()) > 0


def mask_phone(phone: str | None) -> str:
    """'13812345678' -> '138****5678'; short numbers keep only their last 2 digits."""
    if not phone:
        return ""
    p = normalise_phone(phone)
    plus = "+" if p.startswith("+") else ""
    d = p.lstrip("+")
    if len(d) >= 11:
        return plus + d[:-8] + "****" + d[-4:]
    if len(d) >= 7:
        return plus + d[:3] + "*" * (len(d) - 5) + d[-2:]
    return plus + "*" * max(len(d) - 2, 1) + d[-2:]


def mask_name(name: str | None) -> str:
    """'张三丰' -> '张**'; 'Alice' -> 'A****'."""
    if not name:
        return ""
    name = name.strip()
    if len(name) <= 1:
        return "*"
    return name[0] + "*" * (len(name) - 1)


def mask_address(address: str | None, keep: int = 6) -> str:
    """Keep the region (first `keep` characters), hide the street and door number."""
    if not address:
        return ""
    address = address.strip()
    if len(address) <= keep:
        return address[:2] + "****"
    return address[:keep] + "****"
