"""Who a call reaches: a case's buyer under every name the register knows them by.

The caps, gaps, cool-down and do-not-call hold for the person (services/calls.py): the
same phone line on any platform under any nickname, and the same platform and nickname,
are one buyer. Here: the buyer keys calls and settings are stored under, and a person
made of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.case import Case
from ..domain.enums import Platform
from ..domain.masking import phone_identity
from ..domain.text import pick
from ..storage.calls import Buyer


def buyer_key(case: Case) -> str:
    """platform:nick, or platform:phone when there is no nick (one buyer across cases)."""
    return buyer_key_of(case.platform, case.buyer_nick, case.buyer_phone, case.id)


def buyer_key_of(platform: Platform, nick: str, phone: str, case_id: int) -> str:
    """buyer_key from the fields alone (for lists that do not load whole cases)."""
    who = nick.strip() or phone.strip() or f"#case-{case_id}"
    return f"{platform.value}:{who}"


PHONE_KEY = "phone:"


def phone_key(phone: str) -> str | None:
    """The buyer key a phone line is known by on every platform ("phone:13812345678")."""
    ident = phone_identity(phone)
    return f"{PHONE_KEY}{ident}" if ident else None


@dataclass(frozen=True)
class Person:
    """Who a call reaches: the case's buyer under every name the register knows them by.

    The caps, gaps, cool-down and do-not-call hold for the person, not for a nickname:
    the same phone line on any platform under any nickname, and the same platform and
    nickname, are one buyer, and a case's own calls stay its own whatever nickname it has
    now. `key` is the case's own buyer key (a new call is stored under it); `keys` every
    key this person's calls and settings may be stored under (earlier nicknames too);
    `case_ids` the cases that are theirs."""

    key: str
    phone_key: str | None
    keys: frozenset[str]
    case_ids: frozenset[int]

    @property
    def setting_keys(self) -> tuple[str, ...]:
        """Where a time zone or do-not-call is written: the nickname's key and the phone's,
        so that neither a new nickname nor another platform loses it."""
        return (self.key,) + ((self.phone_key,) if self.phone_key else ())


def own_keys(platform: str, nick: str, phone: str, case_id: int) -> set[str]:
    """The keys a case's own buyer fields give: platform:nick (or platform:phone), the
    phone line's, and platform:phone as calls were keyed before a nickname was known."""
    try:
        plat = Platform(platform)
    except ValueError:
        return {f"#case-{case_id}"}
    keys = {buyer_key_of(plat, nick, phone, case_id)}
    if phone.strip():
        keys.add(f"{plat.value}:{phone.strip()}")
        if (pk := phone_key(phone)) is not None:
            keys.add(pk)
    return keys


def make_person(case: Case, rows: list[tuple[int, str, str, str]],
            used: dict[int, set[str]]) -> Person:
    """The Person of `case`, from the cases sharing its platform+nickname or its phone
    line (`rows`, `case` among them) and the keys each case's calls and settings used."""
    keys: set[str] = set()
    for row_id, platform, nick, phone in rows:
        keys |= own_keys(platform, nick, phone, row_id) | used.get(row_id, set())
    keys |= own_keys(case.platform.value, case.buyer_nick, case.buyer_phone, case.id)
    return Person(buyer_key(case), phone_key(case.buyer_phone), frozenset(keys),
                  frozenset({case.id, *(r[0] for r in rows)}))


def merged_buyer(person: Person, buyers: dict[str, Buyer]) -> Buyer:
    """The person's settings from every key they are stored under: do-not-call when any
    says so (a new nickname never lifts it), the zone of the case's own key first."""
    stored = [buyers[k] for k in sorted(person.keys) if k in buyers]
    order = [person.key, *([person.phone_key] if person.phone_key else [])]
    first = [buyers[k] for k in order if k in buyers]
    tz = next((b.tz for b in [*first, *stored] if b.tz), None)
    flagged = [b for b in stored if b.do_not_call]
    at = min((b.do_not_call_at for b in flagged if b.do_not_call_at), default=None)
    note = next((b.note for b in [*first, *stored] if b.note), "")
    return Buyer(person.key, tz, bool(flagged), at, note)


def buyer_label(key: str, lang: str = "zh") -> str:
    """A buyer_key as a person reads it: 'taobao:jd_猫咪222' -> '淘宝/天猫 · jd_猫咪222'."""
    code, sep, who = key.partition(":")
    if not sep:
        return key
    try:
        platform = Platform(code).label(lang)
    except ValueError:
        platform = pick(lang, "电话", "phone") if f"{code}:" == PHONE_KEY else code
    if who.startswith("#case-"):
        who = pick(lang, f"案件#{who[6:]}的买家", f"buyer of case #{who[6:]}")
    return f"{platform} · {who}"
