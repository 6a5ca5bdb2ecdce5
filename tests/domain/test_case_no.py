from datetime import date

import pytest

from shopdesk.domain.case_no import format_case_no, normalise_case_no, parse_case_no


def test_format_and_parse():
    assert format_case_no(date(2026, 11, 23), 7) == "SD-20261123-0007"
    assert parse_case_no("SD-20261123-0007") == (date(2026, 11, 23), 7)
    assert normalise_case_no("sd-20261123-7") == "SD-20261123-0007"


def test_numbers_past_9999_in_a_day_keep_their_order_as_text():
    day = date(2026, 11, 23)
    assert format_case_no(day, 9999) == "SD-20261123-9999"
    assert format_case_no(day, 10000) == "SD-20261123-X010000"
    assert format_case_no(day, 999_999) == "SD-20261123-X999999"
    assert format_case_no(day, 1_000_000) == "SD-20261123-XX001000000"
    seqs = [1, 9, 10, 999, 1000, 9998, 9999, 10000, 10001, 99_999, 123_456, 999_999,
            1_000_000, 5_000_000_000]
    numbers = [format_case_no(day, n) for n in seqs]
    assert sorted(numbers) == numbers  # text order is number order
    assert [parse_case_no(n) for n in numbers] == [(day, n) for n in seqs]
    assert normalise_case_no("sd-20261123-x10000") == "SD-20261123-X010000"
    # The next day's numbers still sort after every number of this day.
    assert format_case_no(date(2026, 11, 24), 1) > format_case_no(day, 5_000_000_000)


@pytest.mark.parametrize("bad", ["", "SD-2026-1", "XX-20261123-0001", "SD-20261332-0001",
                                 "SD-20261123-Y0001", "SD-20261123-X", "SD-20261123-٣٤"])
def test_bad_case_numbers(bad):
    with pytest.raises(ValueError):
        parse_case_no(bad)
