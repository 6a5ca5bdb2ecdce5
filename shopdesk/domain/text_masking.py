"""Masking personal data inside free text (notes, captions, platform updates) for print.

A masked summary must not leak the buyer's phone, name or address through a note that
quotes them ("买家说打 13812345678") or a platform update that filled in an empty phone;
nor through a value the case held before an edit (an import filled the address, the
user corrected it: the platform update still quotes the first one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .masking import mask_address, mask_name, mask_phone, normalise_phone

# A mainland mobile on its own: not part of a longer digit run such as an order number.
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)")
# What people type between the digits of a phone number: 0571-8888 1234, (0571)88881234.
_PHONE_GAP = r"[\s\-()]*"


def _mask_mobile(match: re.Match[str]) -> str:
    return mask_phone(match.group(0))


def _phone_patterns(phone: str) -> list[re.Pattern[str]]:
    """The buyer's own number however it is written: with any spaces, dashes or brackets
    between its digits, with or without +86 (a landline then takes its leading 0)."""
    digits = normalise_phone(phone).lstrip("+")
    if not digits:
        return []
    variants = {digits}
    if digits.startswith("86") and len(digits) > 9:
        national = digits[2:]
        variants.add(national if national.startswith("1") else "0" + national)
    return [re.compile(r"(?<!\d)(?:\+?86[\s\-]?)?" + _PHONE_GAP.join(v) + r"(?!\d)")
            for v in sorted(variants, key=len, reverse=True)]


def contact_masker(phone: str = "", name: str = "", address: str = "", *,
                   earlier_phones: Iterable[str] = (), earlier_names: Iterable[str] = (),
                   earlier_addresses: Iterable[str] = ()) -> Callable[[str], str]:
    """A function masking these contact details, and any mainland mobile number, in text.

    `earlier_*` are values the case held before (from its audit trail): text written
    then may quote them, so they are masked like the current ones."""
    literal: dict[str, str] = {}
    for value in (address, *earlier_addresses):
        if value and value.strip():
            literal[value.strip()] = mask_address(value)
    for value in (name, *earlier_names):
        # A one-character "name" would mask every such character.
        if value and len(value.strip()) >= 2:
            literal[value.strip()] = mask_name(value)
    # Longest first: an earlier address may be the start of the current one.
    pairs = sorted(literal.items(), key=lambda pair: len(pair[0]), reverse=True)
    patterns = [p for value in (phone, *earlier_phones) if value and value.strip()
                for p in _phone_patterns(value)]

    def mask(text: str) -> str:
        if not text:
            return text
        for full, masked in pairs:
            text = text.replace(full, masked)
        for pattern in patterns:
            text = pattern.sub(_mask_mobile, text)
        return _MOBILE.sub(_mask_mobile, text)

    return mask
