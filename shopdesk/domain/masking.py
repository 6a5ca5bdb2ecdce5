"""Personal data masking (PIPL): show only what the task needs."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\D")
_ALLOWED = re.compile(r"^\+?[\d\s\-()]+$")
_CN_MOBILE = re.compile(r"^(?:86)?1[3-9]\d{9}$")
_CN_LANDLINE = re.compile(r"^0\d{9,11}$")  # area code + number
_CN_SERVICE = re.compile(r"^[48]00\d{7}$")  # 400 / 800 numbers
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")  # a landline typed without its area code


def normalise_phone(text: str) -> str:
    """Strip spaces, dashes and brackets; keep a leading +."""
    text = text.strip()
    plus = text.startswith("+")
    digits = _DIGITS.sub("", text)
    return ("+" if plus else "") + digits


def phone_identity(text: str) -> str:
    """One spelling per phone line, for telling two records apart or alike: the digits of
    `normalise_phone`, with mainland China's country code (+86, 0086, 86 before a mobile)
    dropped and any other 00 prefix written as +. "" for no number."""
    phone = normalise_phone(text)
    if phone.startswith("00"):
        phone = "+" + phone[2:]
    if phone.startswith("+86"):
        phone = phone[3:]
        if not (_CN_MOBILE.match(phone) or _CN_SERVICE.match(phone) or phone.startswith("0")):
            phone = "0" + phone  # a landline: the trunk 0 comes back without +86
    elif phone.startswith("86") and _CN_MOBILE.match(phone):
        phone = phone[2:]
    return phone


def phone_spellings(text: str) -> list[str]:
    """The stored spellings (`normalise_phone` forms) of the line `phone_identity` names."""
    ident = phone_identity(text)
    if not ident:
        return []
    if ident.startswith("+"):
        return [ident, "00" + ident[1:]]
    out = [ident, "+86" + ident, "0086" + ident]
    if _CN_MOBILE.match("86" + ident):
        out.append("86" + ident)
    if ident.startswith("0"):  # a landline: +86 drops the trunk 0
        out += ["+86" + ident[1:], "0086" + ident[1:]]
    return out


def is_valid_phone(text: str) -> bool:
    """A mainland mobile, landline or 400 number, or an international +number."""
    if not text or not _ALLOWED.match(text.strip()):
        return False
    phone = normalise_phone(text)
    if phone.startswith("+"):
        digits = phone[1:]
        if digits.startswith("86"):
            return bool(_CN_MOBILE.match(digits) or _CN_LANDLINE.match("0" + digits[2:]))
        return 7 <= len(digits) <= 15
    return any(p.match(phone) for p in (_CN_MOBILE, _CN_LANDLINE, _CN_SERVICE, _LOCAL))


def mask_phone(phone: str | None) -> str:
    """'13812345678' -> '138****5678'; short numbers keep only their last 2 digits."""
    if not phone:
        return ""
    p = normalise_phone(phone)
    plus = "+" if p.startswith("+") else ""
    d = p.lstrip("+")
    if plus and not d.startswith("86") and len(d) >= 7:
        # Abroad: where the country code ends is not known here, and keeping the first
        # three digits read as one ("+1 415 555 0100" -> "+141****0100"). Only the end.
        return plus + "*" * (len(d) - 4) + d[-4:]
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
