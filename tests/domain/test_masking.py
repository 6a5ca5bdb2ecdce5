import pytest

from shopdesk.domain.masking import is_valid_phone, mask_address, mask_name, mask_phone


def test_mobile_masked_like_platforms_do():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+8613812345678") == "+86138****5678"
    assert mask_phone("138-1234-5678") == "138****5678"
    assert mask_phone("") == ""


def test_a_phone_abroad_keeps_only_its_end():
    # "+141****0100" read as if +141 were the country code of a US number.
    assert mask_phone("+1 415 555 0100") == "+*******0100"
    assert mask_phone("+44 20 7946 0958") == "+********0958"


def test_masked_phone_never_contains_the_middle_digits():
    masked = mask_phone("13987654321")
    assert "8765" not in masked and masked.endswith("4321")


@pytest.mark.parametrize("phone", ["13812345678", "+86 138 1234 5678", "021-64581234",
                                   "+1 415 555 0101"])
def test_valid_phones(phone):
    assert is_valid_phone(phone)


@pytest.mark.parametrize("phone", ["12345", "1381234567", "12012345678", "abc13812345678x",
                                   "138123456789012345"])
def test_malformed_phones(phone):
    assert not is_valid_phone(phone)


def test_name_and_address_masking():
    assert mask_name("张三丰") == "张**"
    assert mask_address("浙江省杭州市西湖区文三路100号") == "浙江省杭州市****"
