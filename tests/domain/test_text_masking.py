"""Masking contact details inside free text for printed summaries."""

from __future__ import annotations

from shopdesk.domain.text_masking import contact_masker


def test_the_buyers_own_details_are_masked_wherever_they_appear():
    mask = contact_masker("13812345678", "张三丰", "浙江省杭州市西湖区文三路100号")
    text = "张三丰来电（138-1234-5678），地址浙江省杭州市西湖区文三路100号，改打13812345678"
    out = mask(text)
    assert "张三丰" not in out and "张**" in out
    assert "文三路" not in out and "浙江省杭州市****" in out
    assert "5678" in out and "1234" not in out


def test_any_mainland_mobile_is_masked_but_order_numbers_are_not():
    mask = contact_masker()
    assert mask("快递员电话 13900001111。") == "快递员电话 139****1111。"
    assert mask("+86 139 0000 1111") == "+86139****1111"
    for order in ("3712345678901", "241781-13660394208711", "SD-20261123-0001",
                  "订单 2413900001111222"):
        assert mask(order) == order


def test_a_one_character_name_is_left_alone():
    mask = contact_masker(name="王")
    assert mask("小王已处理") == "小王已处理"


def test_the_buyers_landline_is_masked_however_it_is_written():
    # Stored normalised; a note quotes it with dashes, spaces, brackets or +86.
    mask = contact_masker("057188881234")
    for written in ("0571-88881234", "0571 8888 1234", "(0571)8888-1234", "057188881234"):
        out = mask(f"买家座机 {written} 白天有人")
        assert "8888" not in out and "1234" in out, (written, out)
    assert "0571****1234" in mask("座机057188881234")
    international = contact_masker("+86 571 8888 1234")
    assert "8888" not in international("座机 0571-8888-1234")
    # Another number that merely contains those digits is not the buyer's.
    assert mask("订单 9057188881234") == "订单 9057188881234"


def test_values_the_case_held_before_an_edit_are_masked_too():
    mask = contact_masker("13900001111", "李四", "北京市朝阳区建国路1号",
                          earlier_phones=["0571-88881234"], earlier_names=["张三丰"],
                          earlier_addresses=["浙江省杭州市西湖区文三路",
                                             "浙江省杭州市西湖区文三路100号"])
    out = mask("平台更新：收货地址：— → 浙江省杭州市西湖区文三路100号；收货人：— → 张三丰；"
               "座机 0571 8888 1234")
    assert "文三路" not in out and "100号" not in out and "张三丰" not in out
    assert "8888" not in out and "浙江省杭州市****" in out and "张**" in out
