"""Is an evidence file what it says it is? A dispute summary counts only evidence a
reader can open: a text file named 说明.docx, or random bytes named photo.heic, is on the
list as "unreadable", not as evidence provided.

Plain Python: the caller reads the first bytes (and decodes pictures itself)."""

from __future__ import annotations

import mimetypes

from .evidence import sniff_mime

HEAD_BYTES = 64  # enough for every signature checked here

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a zip archive (an empty one ends at once)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old Office formats (.doc, .xls, .ppt)
_ZIP_TYPES = ("application/vnd.openxmlformats-officedocument.",
              "application/vnd.oasis.opendocument.", "application/zip",
              "application/epub+zip")
_OLE_TYPES = ("application/msword", "application/vnd.ms-excel",
              "application/vnd.ms-powerpoint")
# Types whose bytes always say so (domain.evidence.sniff_mime knows them).
_PROVEN = ("image/", "video/", "audio/", "application/pdf")
# What a file's name may claim that its bytes must prove: a picture or a PDF.
_NAME_PROVEN = ("image/", "application/pdf")


def bytes_fit_file(filename: str, mime: str, head: bytes) -> bool:
    """Whether the first bytes of a file are what its stored type and its name say: a
    picture, PDF, video or sound its signature; a .docx/.xlsx a zip; a .doc/.xls an
    Office container. An empty file fits nothing. Types with no signature (text, CSV,
    an unknown suffix) fit any bytes."""
    if not head:
        return False
    claims = [(mime or "", _PROVEN)]
    guessed, _ = mimetypes.guess_type(filename or "", strict=False)
    if guessed:
        claims.append((guessed, _NAME_PROVEN))
    sniffed = sniff_mime(head)
    for claimed, proven in claims:
        if claimed.startswith(proven) and sniffed is None:
            return False
        if claimed.startswith(_ZIP_TYPES) and not head.startswith(_ZIP):
            return False
        if claimed.startswith(_OLE_TYPES) and not head.startswith(_OLE):
            return False
    return True
