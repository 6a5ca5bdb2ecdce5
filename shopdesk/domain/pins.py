"""Staff PINs: four digits, stored only as a salted PBKDF2-SHA256 hash.

A 4-digit PIN is not strong security (the register is a file on the shop's own computer);
it stops a colleague from starting a shift or acknowledging a hand-off under someone
else's name. So: never stored in plain, compared in constant time, and the service locks a
name for a while after repeated wrong tries.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from datetime import timedelta

from .errors import FieldError

# ASCII digits only: \d would also take full-width and other scripts' digits.
PIN_PATTERN = re.compile(r"[0-9]{4}")
ALGORITHM = "pbkdf2_sha256"
# OWASP's 2023 guidance for PBKDF2-HMAC-SHA256. Hashes made with fewer rounds (ShopDesk
# before 0.x used 120,000) are rehashed on the next right entry (`needs_rehash`).
ITERATIONS = 600_000
SALT_BYTES = 16
# Wrong tries within LOCK_WINDOW before the name is locked for the rest of the window.
MAX_WRONG = 5
LOCK_WINDOW = timedelta(minutes=15)


def validate_pin(pin: str | None) -> list[FieldError]:
    """Problems with a PIN being set (empty list: fine)."""
    if pin is None or not PIN_PATTERN.fullmatch(pin):
        return [FieldError("pin", "PIN 须为 4 位数字", "The PIN must be 4 digits")]
    return []


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int | None = None) -> str:
    """'pbkdf2_sha256$ITER$SALT$HASH' (hex) for a valid PIN; raises ValueError otherwise.
    `iterations` defaults to ITERATIONS (tests pass a small number to stay fast)."""
    if validate_pin(pin):
        raise ValueError("the PIN must be 4 digits")
    iterations = ITERATIONS if iterations is None else iterations
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def check_pin(pin: str | None, stored: str) -> bool:
    """Does `pin` match the stored hash? False for malformed input or a malformed hash."""
    if pin is None or not PIN_PATTERN.fullmatch(pin):
        return False
    try:
        algorithm, iterations, salt, digest = stored.split("$")
        if algorithm != ALGORITHM:
            return False
        expected = bytes.fromhex(digest)
        actual = hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), bytes.fromhex(salt),
                                     int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str, iterations: int | None = None) -> bool:
    """True when `stored` was made with another algorithm or fewer rounds than wanted now."""
    wanted = ITERATIONS if iterations is None else iterations
    try:
        algorithm, rounds, _salt, _digest = stored.split("$")
        return algorithm != ALGORITHM or int(rounds) < wanted
    except ValueError:
        return True
