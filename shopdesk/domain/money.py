"""Money: Decimal yuan in the domain, integer fen in storage, never float."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
_CLEAN = re.compile(r"^\s*(?:[¥￥]|RMB|CNY)?\s*|\s*(?:元|RMB|CNY)?\s*$", re.IGNORECASE)
# ASCII digits only (\d would read Arabic-Indic '٣٤' as 34); commas only as thousands
# separators ('1,234.50', not '1,2,3'); no '_' (Python's Decimal reads '1_000' as 1000).
_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?"
                     r"(?:[eE][+-]?[0-9]+)?|[+-]?\.[0-9]+(?:[eE][+-]?[0-9]+)?")
# Checked on the exponent before any arithmetic: Decimal raises Overflow on 1E+999999999999.
_MAX_DIGITS_LEFT = 8  # amounts below ¥100,000,000


class MoneyError(ValueError):
    """A text that is not a valid amount of money."""


def parse_yuan(text: str | Decimal | int, *, allow_negative: bool = False) -> Decimal:
    """Parse '¥1,234.5' / '12.30元' / 12 into Decimal('1234.50'); at most two decimals."""
    if isinstance(text, Decimal):
        # Already in fen (an importer's parsed amount, checked again per row): the checks
        # below would return it as it is.
        if (text.is_finite() and not text.is_signed() and text.as_tuple().exponent == -2
                and text.adjusted() < _MAX_DIGITS_LEFT):
            return text
        value = text
    elif isinstance(text, int):
        value = Decimal(text)
    else:
        cleaned = _CLEAN.sub("", str(text)).replace("，", ",")
        if not cleaned:
            raise MoneyError("empty amount")
        if not _NUMBER.fullmatch(cleaned):
            raise MoneyError(f"not a number: {text!r}")
        try:
            value = Decimal(cleaned.replace(",", ""))
        except InvalidOperation as exc:
            raise MoneyError(f"not a number: {text!r}") from exc
    if not value.is_finite():
        raise MoneyError(f"not a number: {text!r}")
    if value.is_signed() and not value.is_zero() and not allow_negative:
        raise MoneyError(f"negative amount: {text!r}")
    # adjusted() is the power of ten of the leading digit: no arithmetic, so no Overflow.
    if not value.is_zero() and value.adjusted() >= _MAX_DIGITS_LEFT:
        raise MoneyError(f"amount too large: {text!r}")
    if value.is_zero():
        return Decimal("0.00")
    if int(value.as_tuple().exponent) < -2 and _decimals(value) > 2:
        raise MoneyError(f"more than two decimals: {text!r}")
    return value.quantize(FEN)


def _decimals(value: Decimal) -> int:
    """How many decimals a finite non-zero value really has (12.300 -> 1), in integers only."""
    _sign, digits, exponent = value.as_tuple()
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(int(exponent) + trailing))


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
