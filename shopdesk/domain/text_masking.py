"""Masking personal data inside free text (notes, captions, platform updates) for print.

A masked summary must not leak the buyer's phone, name or address through a note that
quotes them ("买家说打 13812345678") or a platform update that filled in an empty phone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .masking import mask_address, mask_name, mask_phone, normalise_phone

# A mainland mobile on its own: not part of a longer digit run such as an order number.
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)")


def _mask_mobile(match: re.Match[str]) -> str:
    return mask_phone(match.group(0))


def contact_masker(phone: str = "", name: str = "", address: str = "") -> Callable[[str], str]:
    """A function masking these contact details, and any mainland mobile number, in text."""
    pairs: list[tuple[str, str]] = []
    if address.strip():
        pairs.append((address.strip(), mask_address(address)))
    if phone.strip():
        pairs.append((phone.strip(), mask_phone(phone)))
        digits = normalise_phone(phone)
        if digits != phone.strip():
            pairs.append((digits, mask_phone(phone)))
    if len(name.strip()) >= 2:  # a one-character "name" would mask every such character
        pairs.append((name.strip(), mask_name(name)))

    def mask(text: str) -> str:
        if not text:
            return text
        for full, masked in pairs:
            text = text.replace(full, masked)
        return _MOBILE.sub(_mask_mobile, text)

    return mask
