"""Labelled enums parse what people type."""

from __future__ import annotations

import pytest

from shopdesk.domain.enums import Platform


def test_platform_takes_the_names_sellers_type():
    """`--platform 淘宝` was refused while `--kind 中差评` was taken."""
    for text, platform in (("淘宝", Platform.TAOBAO), ("天猫", Platform.TAOBAO),
                           ("Tmall", Platform.TAOBAO), ("抖音", Platform.DOUYIN),
                           ("PDD", Platform.PINDUODUO), ("淘宝/天猫", Platform.TAOBAO),
                           ("jd", Platform.JD)):
        assert Platform.parse(text) is platform, text
    with pytest.raises(ValueError):
        Platform.parse("ebay")
