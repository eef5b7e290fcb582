"""Crafted PDFs: an error pdfminer raises part-way through is a damaged PDF, never a crash."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from parsers import parse
from parsers.errors import DocumentError

CONTENT = b"BT /F1 12 Tf 72 720 Td (Impact Action Lead Timeframe) Tj ET"


def _pdf_with_xref_stream(
    objects: dict[int, bytes], compressed: dict[int, tuple[int, int]]
) -> bytes:
    """A PDF whose cross-reference stream puts ``compressed`` objects in object streams.

    ``compressed`` maps an object number to (object stream number, index).
    """
    out = bytearray(b"%PDF-1.7\n")
    offsets: dict[int, int] = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = max([*objects, *compressed]) + 1
    offsets[xref] = len(out)
    rows = bytearray(struct.pack(">BIH", 0, 0, 65535))
    for number in range(1, xref + 1):
        if number in compressed:
            rows += struct.pack(">BIH", 2, *compressed[number])
        else:
            rows += struct.pack(">BIH", 1, offsets.get(number, 0), 0)
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % (
        xref,
        xref + 1,
        len(rows),
    )
    out += rows + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xref]
    return bytes(out)


def test_pdfminer_error_in_the_structure_tree_is_a_damaged_pdf(tmp_path: Path) -> None:
    # The structure tree's first element sits in an object stream with a filter
    # pdfminer does not know: it raises PDFNotImplementedError while the tree is read.
    packed = b"7 0 << /S /Table >>"
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: b"<< /Length %d >>\nstream\n" % len(CONTENT) + CONTENT + b"\nendstream",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        6: b"<< /Type /StructTreeRoot /K 7 0 R >>",
        8: b"<< /Type /ObjStm /N 1 /First 4 /Filter /Foo /Length %d >>\nstream\n" % len(packed)
        + packed
        + b"\nendstream",
    }
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf_with_xref_stream(objects, {7: (8, 0)}))
    with pytest.raises(DocumentError) as caught:
        parse(path)
    assert str(caught.value) == (
        "plan.pdf: damaged PDF (PDFNotImplementedError: Unsupported filter: /'Foo'): "
        "export it again and drop it in"
    )
