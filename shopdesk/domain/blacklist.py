"""The malicious-buyer list (差评师 / 恶意买家名单): entries and how a buyer matches one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .masking import mask_address, mask_phone, normalise_phone

MIN_ADDRESS_FRAGMENT = 4  # shorter fragments ("北京") would match half the country


@dataclass(frozen=True)
class BlacklistEntry:
    """One buyer on the list. Phone and address are stored in full, shown masked."""

    id: int
    platform: str
    buyer_nick: str
    reason: str
    phone: str = ""
    address: str = ""  # a fragment of the buyer's address
    case_no: str = ""  # the case that showed it (evidence lives there)
    added_by: str = ""
    added_at: datetime | None = None

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone) if self.phone else ""

    @property
    def address_masked(self) -> str:
        return mask_address(self.address, keep=3) if self.address else ""


def _same_nick(a: str, b: str) -> bool:
    return bool(a.strip()) and a.strip().casefold() == b.strip().casefold()


def matches(entry: BlacklistEntry, *, platform: str, buyer_nick: str, phone: str = "",
            address: str = "") -> bool:
    """Whether a buyer matches `entry`: same platform and nickname, or the same phone, or
    the entry's address fragment inside the buyer's address (any platform)."""
    if entry.platform == platform and _same_nick(entry.buyer_nick, buyer_nick):
        return True
    if entry.phone and phone and normalise_phone(entry.phone) == normalise_phone(phone):
        return True
    fragment = entry.address.replace(" ", "")
    return (len(fragment) >= MIN_ADDRESS_FRAGMENT and bool(address)
            and fragment in address.replace(" ", ""))


def first_match(entries: list[BlacklistEntry], *, platform: str, buyer_nick: str,
                phone: str = "", address: str = "") -> BlacklistEntry | None:
    """The first entry the buyer matches, or None."""
    return next((e for e in entries if matches(e, platform=platform, buyer_nick=buyer_nick,
                                               phone=phone, address=address)), None)
