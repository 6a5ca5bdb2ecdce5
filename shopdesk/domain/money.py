"""Money: Decimal yuan in the domain, integer fen in storage, never float."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
_CLEAN = re.compile(r"[¥￥,，\s]|元$|RMB|CNY", re.IGNORECASE)


class MoneyError(ValueError):
    """A text that is not a valid amount of money."""


def parse_yuan(text: str | Decimal | int, *, allow_negative: bool = False) -> Decimal:
    """Parse '¥1,234.5' / '12.30元' / 12 into Decimal('1234.50'); at most two decimals."""
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int):
        value = Decimal(text)
    else:
        cleaned = _CLEAN.sub("", str(text))
        if not cleaned:
            raise MoneyError("empty amount")
        try:
            value = Decimal(cleaned)
        except InvalidOperation as exc:
            raise MoneyError(f"not a number: {text!r}") from exc
    if not value.is_finite():
        raise MoneyError(f"not a number: {text!r}")
    if value < 0 and not allow_negative:
        raise MoneyError(f"negative amount: {text!r}")
    # Checked before quantize(), which raises InvalidOperation on huge values like 1e30.
    if abs(value) >= Decimal("100000000"):
        raise MoneyError(f"amount too large: {text!r}")
    if value != value.quantize(FEN):
        raise MoneyError(f"more than two decimals: {text!r}")
    return value.quantize(FEN)


def to_fen(amount: Decimal | None) -> int | None:
    """Decimal yuan -> integer fen (None stays None)."""
    if amount is None:
        return None
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_fen(fen: int | None) -> Decimal | None:
    """Integer fen -> Decimal yuan (None stays None)."""
    if fen is None:
        return None
    return (Decimal(fen) / 100).quantize(FEN)


def format_yuan(amount: Decimal | None, *, symbol: bool = True) -> str:
    """Decimal('1234.5') -> '¥1,234.50'; None -> ''."""
    if amount is None:
        return ""
    text = f"{amount:,.2f}"
    return f"¥{text}" if symbol else text
