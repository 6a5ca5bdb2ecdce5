"""The vocabulary of after-sales work, from shared/domain.md."""

from __future__ import annotations

from .labels import LabelledEnum


class Platform(LabelledEnum):
    TAOBAO = ("taobao", "淘宝/天猫", "Taobao/Tmall")
    JD = ("jd", "京东", "JD")
    PINDUODUO = ("pinduoduo", "拼多多", "Pinduoduo")
    DOUYIN = ("douyin", "抖店", "Douyin")
    KUAISHOU = ("kuaishou", "快手", "Kuaishou")
    ALIEXPRESS = ("aliexpress", "速卖通", "AliExpress")
    OTHER = ("other", "其他", "Other")

    @classmethod
    def parse(cls, text: str) -> Platform:
        """A key or label, or a name a seller types for it (淘宝, 天猫, 抖音, tmall …)."""
        try:
            return super().parse(text)  # type: ignore[return-value]
        except ValueError:
            alias = _PLATFORM_ALIASES.get(text.strip().lower())
            if alias is None:
                raise
            return cls(alias)


# What sellers call the platforms besides their labels (`--platform 淘宝` was refused while
# `--kind 中差评` was taken).
_PLATFORM_ALIASES = {"淘宝": "taobao", "天猫": "taobao", "tmall": "taobao", "tb": "taobao",
                     "抖音": "douyin", "抖音小店": "douyin", "拼多多": "pinduoduo",
                     "pdd": "pinduoduo", "京东": "jd", "ali": "aliexpress",
                     "aliexpress": "aliexpress", "速卖通": "aliexpress"}


class CaseKind(LabelledEnum):
    REFUND_ONLY = ("refund_only", "仅退款", "Refund only")
    RETURN_REFUND = ("return_refund", "退货退款", "Return & refund")
    EXCHANGE = ("exchange", "换货", "Exchange")
    RESHIP_REPAIR = ("reship_repair", "补发/维修", "Reship / repair")
    BAD_REVIEW = ("bad_review", "中差评", "Bad review")
    COMPLAINT = ("complaint", "投诉", "Complaint")
    PLATFORM_DISPUTE = ("platform_dispute", "纠纷/小二介入", "Platform dispute")


class CauseSide(LabelledEnum):
    SELLER = ("seller", "卖家原因", "Seller side")
    COURIER = ("courier", "快递原因", "Courier side")
    BUYER = ("buyer", "买家原因", "Buyer side")
    OTHER = ("other", "其他", "Other")


class Cause(LabelledEnum):
    ITEM_DEFECTIVE = ("item_defective", "宝贝有问题", "Item defective")
    NOT_AS_DESCRIBED = ("not_as_described", "与描述不符", "Not as described")
    LATE_SHIPMENT = ("late_shipment", "延迟发货", "Late shipment")
    MISSING_WRONG_ITEM = ("missing_wrong_item", "漏发错发", "Missing or wrong item")
    COURIER_ATTITUDE = ("courier_attitude", "快递服务态度差", "Courier attitude")
    SLOW_DELIVERY = ("slow_delivery", "送货慢", "Slow delivery")
    WRONG_PROVINCE = ("wrong_province", "发错省份", "Sent to wrong province")
    PARCEL_LOST = ("parcel_lost", "丢件", "Parcel lost")
    TRANSIT_DAMAGE = ("transit_damage", "运输破损", "Damaged in transit")
    CHANGED_MIND = ("changed_mind", "买完后悔", "Changed mind")
    EXPECTATIONS = ("expectations", "期望过高", "Expectations too high")
    ORDERED_WRONG = ("ordered_wrong", "拍错", "Ordered the wrong item")
    MISUSE = ("misuse", "操作问题", "Used it wrongly")
    SUSPECTED_COUNTERFEIT = ("suspected_counterfeit", "怀疑非正品", "Suspected counterfeit")
    MALICIOUS_REVIEWER = ("malicious_reviewer", "差评师", "Malicious reviewer")
    UNCLEAR = ("unclear", "原因不明", "Unclear")

    @property
    def side(self) -> CauseSide:
        """Who is at fault for this cause."""
        return _CAUSE_SIDE[self]


_CAUSE_SIDE = {
    Cause.ITEM_DEFECTIVE: CauseSide.SELLER,
    Cause.NOT_AS_DESCRIBED: CauseSide.SELLER,
    Cause.LATE_SHIPMENT: CauseSide.SELLER,
    Cause.MISSING_WRONG_ITEM: CauseSide.SELLER,
    Cause.COURIER_ATTITUDE: CauseSide.COURIER,
    Cause.SLOW_DELIVERY: CauseSide.COURIER,
    Cause.WRONG_PROVINCE: CauseSide.COURIER,
    Cause.PARCEL_LOST: CauseSide.COURIER,
    Cause.TRANSIT_DAMAGE: CauseSide.COURIER,
    Cause.CHANGED_MIND: CauseSide.BUYER,
    Cause.EXPECTATIONS: CauseSide.BUYER,
    Cause.ORDERED_WRONG: CauseSide.BUYER,
    Cause.MISUSE: CauseSide.BUYER,
    Cause.SUSPECTED_COUNTERFEIT: CauseSide.OTHER,
    Cause.MALICIOUS_REVIEWER: CauseSide.OTHER,
    Cause.UNCLEAR: CauseSide.OTHER,
}


class CustomerType(LabelledEnum):
    UNKNOWN = ("unknown", "未判断", "Not assessed")
    DOMINANT = ("dominant", "主导型", "Dominant")
    ANALYTICAL = ("analytical", "分析型", "Analytical")
    SOCIAL = ("social", "社交型", "Social")
    PERSISTENT = ("persistent", "秋菊型", "Persistent")


class Priority(LabelledEnum):
    LOW = ("low", "低", "Low")
    NORMAL = ("normal", "普通", "Normal")
    HIGH = ("high", "高", "High")
    URGENT = ("urgent", "紧急", "Urgent")


class CaseStatus(LabelledEnum):
    NEW = ("new", "新建", "New")
    IN_PROGRESS = ("in_progress", "处理中", "In progress")
    WAITING_BUYER = ("waiting_buyer", "等待买家", "Waiting for buyer")
    WAITING_PLATFORM = ("waiting_platform", "等待平台", "Waiting for platform")
    RESOLVED = ("resolved", "已解决", "Resolved")
    CLOSED = ("closed", "已关闭", "Closed")

    @property
    def is_open(self) -> bool:
        """Open cases still need someone's attention."""
        return self is not CaseStatus.RESOLVED and self is not CaseStatus.CLOSED


OPEN_STATUSES = tuple(s for s in CaseStatus if s.is_open)


class Outcome(LabelledEnum):
    FULL_REFUND = ("full_refund", "全额退款", "Full refund")
    PARTIAL_REFUND = ("partial_refund", "部分退款", "Partial refund")
    EXCHANGED = ("exchanged", "已换货", "Exchanged")
    RESHIPPED = ("reshipped", "已补发", "Reshipped")
    COMPENSATED = ("compensated", "已补偿", "Compensated")
    REVIEW_REVISED = ("review_revised", "已修改评价", "Review revised")
    BUYER_WITHDREW = ("buyer_withdrew", "买家撤销", "Buyer withdrew")
    CLAIM_REJECTED = ("claim_rejected", "拒绝申请", "Claim rejected")
    PLATFORM_FOR_BUYER = ("platform_for_buyer", "平台判买家胜", "Platform ruled for buyer")
    PLATFORM_FOR_SELLER = ("platform_for_seller", "平台判卖家胜", "Platform ruled for seller")

    @property
    def involves_money(self) -> bool:
        """Outcomes that come with a refunded or compensated amount."""
        return self in (
            Outcome.FULL_REFUND,
            Outcome.PARTIAL_REFUND,
            Outcome.COMPENSATED,
            Outcome.PLATFORM_FOR_BUYER,
        )
