"""An evidence file is what its name and type say, or it is not counted on a summary."""

from __future__ import annotations

from shopdesk.domain.evidence_files import bytes_fit_file

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_a_text_file_posing_as_a_word_document_does_not_fit():
    assert not bytes_fit_file("说明.docx", DOCX, b"this is plain text")
    assert bytes_fit_file("说明.docx", DOCX, b"PK\x03\x04\x14\x00\x06\x00")
    assert not bytes_fit_file("old.doc", "application/msword", b"plain")
    assert bytes_fit_file("old.doc", "application/msword", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def test_a_picture_or_pdf_must_prove_itself():
    assert not bytes_fit_file("broken.heic", "application/octet-stream", b"\x00" * 64)
    assert not bytes_fit_file("a.jpg", "image/jpeg", b"not a jpeg")
    assert bytes_fit_file("a.jpg", "image/png", b"\x89PNG\r\n\x1a\n....")  # a PNG named .jpg
    assert not bytes_fit_file("r.pdf", "application/octet-stream", b"hello")
    assert bytes_fit_file("r.pdf", "application/pdf", b"%PDF-1.4")


def test_text_and_unknown_files_fit_any_bytes_but_an_empty_file_fits_nothing():
    assert bytes_fit_file("notes.txt", "text/plain", b"just notes")
    assert bytes_fit_file("data.bin", "application/octet-stream", b"\x01\x02")
    assert not bytes_fit_file("notes.txt", "text/plain", b"")
