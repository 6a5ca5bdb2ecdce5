from datetime import date

import pytest

from shopdesk.domain.case_no import format_case_no, normalise_case_no, parse_case_no


def test_format_and_parse():
    assert format_case_no(date(2026, 11, 23), 7) == "SD-20261123-0007"
    assert parse_case_no("SD-20261123-0007") == (date(2026, 11, 23), 7)
    assert normalise_case_no("sd-20261123-7") == "SD-20261123-0007"
    assert format_case_no(date(2026, 11, 23), 12345) == "SD-20261123-12345"


@pytest.mark.parametrize("bad", ["", "SD-2026-1", "XX-20261123-0001", "SD-20261332-0001"])
def test_bad_case_numbers(bad):
    with pytest.raises(ValueError):
        parse_case_no(bad)
