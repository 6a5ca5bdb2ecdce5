"""Turn one messy spreadsheet cell into a clean value.

Cells come from CSV (always text) or XLSX (text, numbers, datetimes). Every parser
here either returns a value (None for an empty cell) or raises CellError with a
bilingual reason; none of them guesses.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal, InvalidOperation

from shopdesk.domain.money import FEN, MoneyError, parse_yuan

from .errors import CellError

Cell = str | int | float | Decimal | datetime | date | time | bool | None

# Words exports use for "nothing here".
EMPTY_WORDS = frozenset({"", "-", "--", "—", "——", "null", "none", "nan", "n/a", "#n/a", "无",
                         "/"})
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_EXCEL_TEXT = re.compile(r'^=\s*"(.*)"$', re.DOTALL)
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d*)?[eE][+-]?\d+$")
_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,6})\d*)?)?:?)?$"
)
_DATE_SEPARATORS = str.maketrans({"年": "-", "月": "-", "/": "-", ".": "-", "日": " ",
                                  "时": ":", "点": ":", "分": ":", "秒": " "})
_EXCEL_EPOCH = datetime(1899, 12, 30)
# Excel serial numbers we accept as dates: 1927-05-18 .. 2173-10-14.
_SERIAL_MIN, _SERIAL_MAX = 10000, 100000
# Excel keeps 15 significant digits; a bigger number in a cell has lost digits.
_EXACT_LIMIT = 10**15

DATE_FORMATS_HINT = "2026-11-23 10:00:00、2026/11/23 10:00、2026-11-23、2026年11月23日 10:00"
DATE_FORMATS_HINT_EN = ("2026-11-23 10:00:00, 2026/11/23 10:00, 2026-11-23, "
                        "2026年11月23日 10:00, an Excel date")


def clean_text(value: Cell) -> str:
    """Any cell -> stripped text: no tabs, no invisible marks, no Excel ="..." wrapper."""
    if type(value) is str:  # nearly every cell: one test instead of the chain below
        text = value
    elif value is None:
        return ""
    elif isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "是" if value else "否"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < _EXACT_LIMIT else repr(value)
    elif isinstance(value, datetime):
        text = value.isoformat(sep=" ")
    else:
        text = str(value)
    if not text.isascii() and _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    text = text.strip()
    if text and text[0] in '="':
        match = _EXCEL_TEXT.match(text)
        if match:
            text = match.group(1).strip()
        while len(text) >= 2 and text[0] == text[-1] == '"':
            text = text[1:-1].strip()
    return text


def is_blank(value: Cell) -> bool:
    """True for an empty cell (only spaces, tabs, quotes or a placeholder like "-")."""
    return clean_text(value).lower() in EMPTY_WORDS


def parse_identifier(value: Cell, zh_name: str = "订单号", en_name: str = "Order number") -> str:
    """An order / refund / waybill number as text, refusing numbers Excel has mangled.

    '="2026112312345"' -> '2026112312345'; "'2026..." -> '2026...';
    '3.12345E+18' -> CellError (the digits Excel dropped cannot be recovered).
    """
    if isinstance(value, str):
        # The usual cells, plain digits or Taobao's ="digits": nothing to clean or refuse.
        if value.isdigit() and value.isascii():
            return value
        if value[:2] == '="' and value[-1:] == '"':
            inner = value[2:-1]
            if inner.isdigit() and inner.isascii():
                return inner
        else:  # digits with spaces or a tab around them (Taobao's 支付宝交易号): stripped
            inner = value.strip()
            if inner.isdigit() and inner.isascii():
                return inner
    elif isinstance(value, bool):
        return clean_text(value)
    elif isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        try:
            whole = value == int(value)
        except (ValueError, OverflowError):  # NaN, infinity
            whole = False
        if abs(value) >= _EXACT_LIMIT:
            raise _lost_digits(zh_name, en_name, clean_text(value))
        return str(int(value)) if whole else clean_text(value)
    text = unicodedata.normalize("NFKC", clean_text(value)).lstrip("'`").strip()
    if _SCIENTIFIC.match(text):
        raise _lost_digits(zh_name, en_name, text)
    return text


def _lost_digits(zh_name: str, en_name: str, shown: str) -> CellError:
    return CellError(
        f"{zh_name}被 Excel 改成了科学计数法（{shown}），末尾数字已经丢失，无法还原。"
        "请从平台重新导出原始文件，或在 Excel 中把该列设为“文本”后重新导入。",
        f"{en_name} was turned into scientific notation by Excel ({shown}); its last digits "
        "are lost and cannot be recovered. Export the file again from the platform, or set "
        "the column to Text in Excel and import again.",
    )


def parse_money(value: Cell) -> Decimal | None:
    """'¥1,234.50' / '12.30元' / 12.3 -> Decimal('12.30'); empty -> None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(f"金额格式不正确：{clean_text(value)}",
                        f"Not a valid amount: {clean_text(value)}")
    if isinstance(value, float):
        try:
            amount = Decimal(repr(value))
        except InvalidOperation:
            amount = Decimal("NaN")
        if amount.is_finite():
            rounded = amount.quantize(FEN) if abs(amount) < 10**12 else amount
            if abs(amount - rounded) < Decimal("1e-9"):
                amount = rounded
        return _yuan(amount, repr(value))
    if isinstance(value, int | Decimal):
        return _yuan(value, str(value))
    text = clean_text(value)
    if text.lower() in EMPTY_WORDS:
        return None
    return _yuan(unicodedata.normalize("NFKC", text), text)


def _yuan(value: str | int | Decimal, shown: str) -> Decimal:
    try:
        return parse_yuan(value)
    except ArithmeticError:  # decimal.InvalidOperation from quantize() on huge values
        raise CellError(f"金额过大：{shown}", f"Amount too large: {shown}") from None
    except MoneyError as exc:
        reason = str(exc)
        if reason.startswith("negative"):
            raise CellError(f"金额不能为负数：{shown}",
                            f"Amount cannot be negative: {shown}") from None
        if reason.startswith("more than two"):
            raise CellError(f"金额最多两位小数：{shown}",
                            f"At most two decimals: {shown}") from None
        if reason.startswith("amount too large"):
            raise CellError(f"金额过大：{shown}", f"Amount too large: {shown}") from None
        raise CellError(f"金额格式不正确：{shown}", f"Not a valid amount: {shown}") from None


def parse_datetime(value: Cell, tz: tzinfo) -> datetime | None:
    """A cell -> an aware datetime; naive times are read in `tz` (the shop's zone).

    Accepts datetime/date cells, Excel serial numbers and the text forms in
    DATE_FORMATS_HINT (plus ISO 8601 with an offset and 20261123).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=tz)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return _from_serial(float(value), clean_text(value), tz)
    text = clean_text(value)
    if len(text) == 19 and text[4] == "-" and text[10] == " " and text.isascii():
        # The usual "2026-11-23 10:00:00": read in C (anything odd falls through).
        try:
            quick = datetime.fromisoformat(text)
        except ValueError:
            quick = None
        if quick is not None and quick.tzinfo is None:
            return quick.replace(tzinfo=tz)
    if text.lower() in EMPTY_WORDS or text.startswith("0000-00-00"):
        return None
    norm = unicodedata.normalize("NFKC", text)
    spaced = " ".join(norm.translate(_DATE_SEPARATORS).split())
    match = _DATE.match(spaced)
    if match:
        parts = [int(p) if p else 0 for p in match.groups()]
        if match.group(7):
            parts[6] = int(match.group(7).ljust(6, "0"))
        try:
            return datetime(*parts, tzinfo=tz)  # type: ignore[misc]
        except ValueError:
            raise _bad_date(text) from None
    if norm.isdigit() and len(norm) == 8:
        try:
            return datetime.strptime(norm, "%Y%m%d").replace(tzinfo=tz)
        except ValueError:
            raise _bad_date(text) from None
    try:
        serial = float(norm)
    except ValueError:
        serial = None
    if serial is not None:
        return _from_serial(serial, text, tz)
    try:
        parsed = datetime.fromisoformat(norm)
    except ValueError:
        raise _bad_date(text) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


def _from_serial(serial: float, shown: str, tz: tzinfo) -> datetime:
    if not (_SERIAL_MIN <= serial < _SERIAL_MAX):
        raise _bad_date(shown)
    moment = _EXCEL_EPOCH + timedelta(days=serial)
    # Excel stores times as fractions of a day: round away float noise to the second.
    moment = (moment + timedelta(microseconds=500_000)).replace(microsecond=0)
    return moment.replace(tzinfo=tz)


def _bad_date(shown: str) -> CellError:
    return CellError(f"不是有效的日期时间：{shown}（可用格式如 {DATE_FORMATS_HINT}）",
                     f"Not a valid date and time: {shown} (use e.g. {DATE_FORMATS_HINT_EN})")
