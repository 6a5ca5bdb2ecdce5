"""Shared builders for the evidence tests (no tests here)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from shopdesk.domain.case import Case, CaseDraft
from shopdesk.domain.enums import CaseKind, Cause, Platform
from shopdesk.services.register import Register


def open_case(register: Register, order: str = "3712345678901",
              cause: Cause | None = Cause.NOT_AS_DESCRIBED) -> Case:
    draft = CaseDraft(platform=Platform.TAOBAO, order_no=order, kind=CaseKind.REFUND_ONLY,
                      buyer_nick="小蜜蜂", cause=cause)
    return register.cases.open_case(draft, "小王")


def png_bytes(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 30, 30)
              ) -> bytes:
    """A tiny valid PNG without Qt (the service tests never import Qt)."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def stored_files(register: Register) -> list[Path]:
    """Every content file in the evidence folder (temp files would show up too)."""
    return sorted(p for p in register.paths.evidence.rglob("*") if p.is_file())


def pdf_bytes(pages: int = 1) -> bytes:
    """A small PDF that opens (reportlab, as the app's own documents)."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for n in range(pages):
        pdf.drawString(72, 720, f"page {n + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def allow_unchecked_files(monkeypatch) -> None:
    """Let any file be added, as ShopDesk did before it checked a file's type and that it
    reads (evidence a register already holds: a text file, a damaged photo, a program)."""
    monkeypatch.setattr("shopdesk.services.evidence.file_type_error", lambda name, head: None)
    monkeypatch.setattr("shopdesk.reports.evidence_check.unreadable", lambda *args: None)
