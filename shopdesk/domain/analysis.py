"""Complaint analysis (投诉分析): the Pareto table of the method, and plan results.

Pure maths over counts already grouped by the storage layer: rows by count (descending),
each with its share and the cumulative share (fractions 0-1), the money refunded or
compensated, the average time to resolve and the count in the previous period of the same
length. Also: which province an address is in, and whether a plan met its target.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache

from .analysis_periods import Comparison
from .enums import Platform
from .labels import LabelledEnum
from .text import is_english

PARETO_LINE = 0.8  # the "vital few" reach 80% of the complaints


class Dimension(LabelledEnum):
    """What the analysis groups cases by (the keys used on the command line)."""

    CAUSE = ("cause", "原因", "Cause")
    CAUSE_GROUP = ("cause_group", "原因大类", "Cause group")
    KIND = ("kind", "售后类型", "Kind")
    PLATFORM = ("platform", "平台", "Platform")
    SKU = ("sku", "商品/SKU", "Item / SKU")
    PROVINCE = ("province", "省份", "Province")
    STAFF = ("staff", "处理人", "Staff")
    OUTCOME = ("outcome", "处理结果", "Outcome")


@dataclass(frozen=True)
class Group:
    """One group's raw figures for a period (from storage)."""

    key: str
    count: int
    amount: Decimal = Decimal(0)
    resolve_hours_total: float = 0.0  # summed over the resolved cases of the group
    resolved: int = 0


@dataclass(frozen=True)
class ParetoRow:
    key: str
    label: str
    count: int
    share: float
    cumulative: float
    amount: Decimal
    avg_resolve_hours: float | None
    previous: int

    @property
    def change(self) -> int:
        """Change in count from the period compared with (`Pareto.comparison`)."""
        return self.count - self.previous


@dataclass(frozen=True)
class AnalysisFilter:
    """Which cases an analysis counts besides its period: one platform (a Platform value)
    and one product (the key the Pareto by item/SKU groups by: the SKU, or the item's title
    when there is none); "" is all of them. "Which causes drive my AliExpress complaints?"
    is the Pareto by cause with platform "aliexpress"."""

    platform: str = ""
    product: str = ""

    def __bool__(self) -> bool:
        return bool(self.platform or self.product)


NO_FILTER = AnalysisFilter()


def filter_text(only: AnalysisFilter, lang: str = "zh") -> str:
    """A filter in words ("平台：AliExpress · 商品/SKU：CUP-316-500"); "" for none."""
    sep = "：" if not is_english(lang) else ": "
    parts = []
    if only.platform:
        try:
            name = Platform(only.platform).label(lang)
        except ValueError:
            name = only.platform
        parts.append(Dimension.PLATFORM.label(lang) + sep + name)
    if only.product:
        parts.append(Dimension.SKU.label(lang) + sep + only.product)
    return " · ".join(parts)


@dataclass(frozen=True)
class Pareto:
    by: Dimension
    start: datetime
    end: datetime
    rows: tuple[ParetoRow, ...]
    # The days `previous` counts ("1–5 Dec vs 1–5 Nov"); None: no comparison was made.
    comparison: Comparison | None = None
    # The cases counted besides the period (both periods: the change compares like with like).
    filter: AnalysisFilter = NO_FILTER

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)

    def vital_few(self) -> list[ParetoRow]:
        """The rows up to and including the one that reaches the 80% line."""
        out = []
        for row in self.rows:
            out.append(row)
            if row.cumulative >= PARETO_LINE - 1e-9:
                break
        return out


def merge(groups: Iterable[Group]) -> list[Group]:
    """Add up groups with the same key (e.g. many address prefixes of one province)."""
    merged: dict[str, Group] = {}
    for g in groups:
        old = merged.get(g.key)
        merged[g.key] = g if old is None else Group(
            g.key, old.count + g.count, old.amount + g.amount,
            old.resolve_hours_total + g.resolve_hours_total, old.resolved + g.resolved)
    return list(merged.values())


def pareto(by: Dimension, start: datetime, end: datetime, groups: Iterable[Group],
           previous: Iterable[Group] = (), label=lambda key: key, *,
           comparison: Comparison | None = None,
           filter: AnalysisFilter = NO_FILTER) -> Pareto:
    """The Pareto table: rows by count descending (ties by key), shares of the total."""
    current = sorted(merge(groups), key=lambda g: (-g.count, g.key))
    before = {g.key: g.count for g in merge(previous)}
    total = sum(g.count for g in current)
    rows, running = [], 0
    for g in current:
        running += g.count
        rows.append(ParetoRow(
            key=g.key, label=label(g.key), count=g.count,
            share=g.count / total if total else 0.0,
            cumulative=running / total if total else 0.0, amount=g.amount,
            avg_resolve_hours=(g.resolve_hours_total / g.resolved) if g.resolved else None,
            previous=before.get(g.key, 0)))
    return Pareto(by, start, end, tuple(rows), comparison, filter)


PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏",
             "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南",
             "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏",
             "宁夏", "新疆", "香港", "澳门")
# The provinces' English names (the stored key stays Chinese: it is read from the address).
PROVINCE_EN = {"北京": "Beijing", "天津": "Tianjin", "上海": "Shanghai", "重庆": "Chongqing",
               "河北": "Hebei", "山西": "Shanxi", "辽宁": "Liaoning", "吉林": "Jilin",
               "黑龙江": "Heilongjiang", "江苏": "Jiangsu", "浙江": "Zhejiang", "安徽": "Anhui",
               "福建": "Fujian", "江西": "Jiangxi", "山东": "Shandong", "河南": "Henan",
               "湖北": "Hubei", "湖南": "Hunan", "广东": "Guangdong", "海南": "Hainan",
               "四川": "Sichuan", "贵州": "Guizhou", "云南": "Yunnan", "陕西": "Shaanxi",
               "甘肃": "Gansu", "青海": "Qinghai", "台湾": "Taiwan", "内蒙古": "Inner Mongolia",
               "广西": "Guangxi", "西藏": "Tibet", "宁夏": "Ningxia", "新疆": "Xinjiang",
               "香港": "Hong Kong", "澳门": "Macao"}


def province_label(key: str, lang: str) -> str:
    """A province key ("广东") as shown: its English name in English, else the key."""
    return PROVINCE_EN.get(key, key) if is_english(lang) else key


# Big cities written without their province, so "杭州市西湖区..." still counts as 浙江.
_CITY_PROVINCE = {"杭州": "浙江", "宁波": "浙江", "温州": "浙江", "广州": "广东",
                  "深圳": "广东", "东莞": "广东", "佛山": "广东", "南京": "江苏", "苏州": "江苏",
                  "无锡": "江苏", "成都": "四川", "武汉": "湖北", "长沙": "湖南", "西安": "陕西",
                  "郑州": "河南", "济南": "山东", "青岛": "山东", "厦门": "福建", "福州": "福建",
                  "合肥": "安徽", "沈阳": "辽宁", "大连": "辽宁", "哈尔滨": "黑龙江",
                  "昆明": "云南", "南宁": "广西", "石家庄": "河北", "太原": "山西",
                  "南昌": "江西", "贵阳": "贵州", "长春": "吉林", "兰州": "甘肃", "海口": "海南"}
UNKNOWN_PROVINCE = ""
_LONGEST_PREFIX = max(map(len, (*PROVINCES, *_CITY_PROVINCE)))


def province_of(address: str) -> str:
    """The province an address starts with ("" when it cannot be told)."""
    # Only the first few characters decide: cached on them (bulk loads repeat a few cities).
    return _province_of_head(address.strip()[:_LONGEST_PREFIX])


@lru_cache(maxsize=4096)
def _province_of_head(text: str) -> str:
    for name in PROVINCES:
        if text.startswith(name):
            return name
    for city, province in _CITY_PROVINCE.items():
        if text.startswith(city):
            return province
    return UNKNOWN_PROVINCE


def province_prefixes() -> list[tuple[str, str]]:
    """(prefix, province) in the order province_of tries them (a migration writes the same
    rule in SQL)."""
    return [(name, name) for name in PROVINCES] + list(_CITY_PROVINCE.items())


class PlanStatus(LabelledEnum):
    """Where an improvement plan stands (表一's 状态)."""

    OPEN = ("open", "未开始", "Not started")
    DOING = ("doing", "进行中", "In progress")
    DONE = ("done", "已完成", "Done")
    DROPPED = ("dropped", "已放弃", "Dropped")


@dataclass(frozen=True)
class PlanResult:
    """A plan measured against the register: baseline period vs. the following one."""

    baseline: int
    measured: int
    target_pct: int | None
    finished: bool = True  # the measured period is over (else: counted so far)

    @property
    def reduction_pct(self) -> float | None:
        """How much the count fell, in percent of the baseline (negative: it rose)."""
        if self.baseline == 0:
            return None
        return (self.baseline - self.measured) * 100 / self.baseline

    @property
    def met(self) -> bool | None:
        """Whether the target reduction was reached (None: no target or no baseline, or
        the measured period is not over yet)."""
        if self.target_pct is None or self.reduction_pct is None or not self.finished:
            return None
        return self.reduction_pct >= self.target_pct - 1e-9

    def text(self) -> tuple[str, str]:
        """"目标下降 30%，实际下降 42%" / "... 未达标", in zh and en."""
        red = self.reduction_pct
        if not self.finished:
            return (f"统计中：基期 {self.baseline} 单，本期至今 {self.measured} 单",
                    f"measuring: {self.baseline} in the baseline, {self.measured} so far")
        if red is None:
            return ("基期无投诉，无法衡量", "no complaints in the baseline to measure against")
        verb_zh, verb_en = ("下降", "down") if red >= 0 else ("上升", "up")
        actual_zh = f"实际{verb_zh} {abs(red):.0f}%"
        actual_en = f"actually {verb_en} {abs(red):.0f}%"
        if self.target_pct is None:
            return actual_zh, actual_en
        zh = f"目标下降 {self.target_pct}%，{actual_zh}"
        en = f"target down {self.target_pct}%, {actual_en}"
        if not self.met:
            zh += "，未达标"
            en += ", target missed"
        return zh, en
