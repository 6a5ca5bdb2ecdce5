"""The call policy finds a person's cases by the stored spellings of their phone line
(an index on cases.buyer_phone, m0031): those spellings must be exactly the stored
(normalise_phone) numbers that phone_identity calls the same line."""

from __future__ import annotations

import itertools

from shopdesk.domain.masking import normalise_phone, phone_identity, phone_spellings

TYPED = [
    "13812345678", "+86 138-1234-5678", "0086 13812345678", "8613812345678",
    "010-12345678", "+86 10 1234 5678", "+86 010 12345678", "0086-10-12345678",
    "400-123-4567", "+86 4001234567", "+1 415 555 0100", "001 415 555 0100",
    "+44 20 7946 0958", "0044 20 7946 0958", "8765432", "+86 87654321", "13912345678",
]


def test_the_spellings_are_the_stored_numbers_of_one_line():
    for a, b in itertools.product(TYPED, repeat=2):
        stored = normalise_phone(b)
        same = phone_identity(a) == phone_identity(b)
        assert (stored in phone_spellings(a)) == same, (a, b)


def test_no_number_has_no_spellings():
    assert phone_spellings("") == [] and phone_spellings("  ") == []
